import type { BackfillSummary } from '../backfill.js';
import { REGISTRY } from '../registry/index.js';
import { lookbackOfOutput, type Conventions, type IndicatorSpec } from '../registry/types.js';

/** Splits `sma(20),macd(12,26,9).signal` at the commas outside parentheses. */
export function splitFeatureList(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if ((ch === ',' || ch === ';') && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

/**
 * Formats the lookback at the defaults under `conventions`, with each output's own lookback
 * where the outputs start at different bars: `8 bars (conversion 8, base 25, lead1 25, lead2 51)`.
 */
function formatLookback(spec: IndicatorSpec, conventions: Conventions): string {
  const defaults = spec.params.map((p) => p.default);
  const lookback = spec.lookback(defaults, conventions);
  const perOutput = spec.outputs.map((o, k) => ({ name: o.name, lookback: lookbackOfOutput(spec, defaults, k, conventions) }));
  if (perOutput.every((o) => o.lookback === lookback)) return `${lookback} bars`;
  return `${lookback} bars (${perOutput.map((o) => `${o.name} ${o.lookback}`).join(', ')})`;
}

/** Formats the `ta-backfill features` listing: one block per indicator, from the registry. */
export function formatFeatureList(): string {
  const lines: string[] = [];
  for (const spec of REGISTRY) {
    const signature = spec.params.length ? `${spec.id}(${spec.params.map((p) => p.name).join(', ')})` : spec.id;
    lines.push(`${signature}  ${spec.title} [${spec.group}]`);
    lines.push(`    ${spec.description}`);
    for (const p of spec.params) {
      lines.push(`    ${p.name}: ${p.kind}, default ${p.default}, ${p.min} to ${p.max}; ${p.description}`);
    }
    const outputs = spec.outputs.length > 1 ? spec.outputs.map((o) => o.name).join(', ') : 'one column';
    lines.push(`    inputs: ${[...spec.inputs, ...(spec.optionalInputs ?? []).map((f) => `${f} (optional)`)].join(', ')}; outputs: ${outputs}`);
    const talibLookback = formatLookback(spec, 'talib');
    const tradingviewLookback = formatLookback(spec, 'tradingview');
    lines.push(`    lookback with the defaults: ${talibLookback}`);
    if (tradingviewLookback !== talibLookback) lines.push(`    lookback with the defaults under --conventions tradingview: ${tradingviewLookback}`);
    for (const note of spec.notes ?? []) lines.push(`    note: ${note}`);
    lines.push('');
  }
  return lines.join('\n');
}

/**
 * Describes the registry as JSON for tools: ids, parameters, outputs and lookback at the defaults,
 * overall and per output, under the talib conventions (`lookback`) and the tradingview ones
 * (`tradingviewLookback`).
 */
export function featureListJson(): unknown {
  return REGISTRY.map((spec) => {
    const defaults = spec.params.map((p) => p.default);
    return {
      id: spec.id,
      title: spec.title,
      group: spec.group,
      description: spec.description,
      source: spec.source,
      inputs: spec.inputs,
      optionalInputs: spec.optionalInputs ?? [],
      params: spec.params,
      outputs: spec.outputs.map((o, k) => ({
        ...o,
        lookback: lookbackOfOutput(spec, defaults, k),
        tradingviewLookback: lookbackOfOutput(spec, defaults, k, 'tradingview'),
      })),
      lookback: spec.lookback(defaults),
      tradingviewLookback: spec.lookback(defaults, 'tradingview'),
      notes: spec.notes ?? [],
    };
  });
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** Formats the end-of-run summary printed on stderr. */
export function formatSummary(summary: BackfillSummary): string {
  const { timings } = summary;
  return [
    `ta-backfill: wrote ${summary.output}`,
    `  symbols ${summary.symbols}, bars ${summary.bars}, features ${summary.features.length}, rows ${summary.rows}, ${(summary.bytes / 2 ** 20).toFixed(1)} MiB (${summary.layout})`,
    summary.adapter === undefined
      ? `  backend ${summary.backend} (${summary.backendReason}), workers ${summary.workers}`
      : `  backend ${summary.backend} (${summary.backendReason}), adapter ${summary.adapter}`,
    `  wall time ${seconds(timings.total)}: read ${seconds(timings.read)}, compute ${seconds(timings.compute)}, write ${seconds(timings.write)}`,
    `  peak RSS ${(summary.peakRss / 2 ** 20).toFixed(0)} MiB`,
  ].join('\n');
}
