import { REGISTRY } from '../registry/index.js';
import { columnName } from '../registry/request.js';
import { lookbackOfOutput, type IndicatorGroup, type IndicatorSpec } from '../registry/types.js';

/** Path of the generated page, relative to the package root. */
export const CATALOGUE_PATH = 'docs/catalogue.md';

const GROUP_TITLES: Record<IndicatorGroup, string> = {
  'moving average': 'Moving averages',
  momentum: 'Momentum',
  volatility: 'Volatility',
  volume: 'Volume',
  trend: 'Trend',
  rating: 'Ratings',
};

const TRADINGVIEW_PREFIX = 'tradingview:';

/** Escapes text for a Markdown table cell, where a bare `|` would end the cell. */
function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function formatRange(min: number, max: number): string {
  return `${min} to ${max}`;
}

/** Formats the lookback of one output: the talib one, and the tradingview one where it differs, as `33 (tradingview 25)`. */
function formatLookback(spec: IndicatorSpec, params: readonly number[], output: number): string {
  const talib = lookbackOfOutput(spec, params, output, 'talib');
  const tradingview = lookbackOfOutput(spec, params, output, 'tradingview');
  return talib === tradingview ? String(talib) : `${talib} (tradingview ${tradingview})`;
}

function renderIndicator(spec: IndicatorSpec): string[] {
  const defaults = spec.params.map((p) => p.default);
  const lines: string[] = [`<a id="${spec.id}"></a>`, '', `### ${spec.id}: ${spec.title}`, ''];

  const syntax = spec.params.length > 0 ? `${spec.id}(${spec.params.map((p) => p.name).join(', ')})` : spec.id;
  const example = spec.params.length > 0 ? `${spec.id}(${defaults.join(',')})` : spec.id;
  lines.push(spec.params.length > 0 ? `Request: \`${syntax}\`, at the defaults \`${example}\`.` : `Request: \`${syntax}\`.`);
  if (spec.outputs.length > 1) {
    lines.push(`A single output: \`${example}.${spec.outputs[0].name}\`.`);
  }
  lines.push('');

  if (spec.params.length > 0) {
    lines.push('| parameter | kind | default | range | description |', '| --- | --- | --- | --- | --- |');
    for (const p of spec.params) {
      lines.push(`| ${p.name} | ${p.kind} | ${p.default} | ${formatRange(p.min, p.max)} | ${escapeCell(p.description)} |`);
    }
  } else {
    lines.push('Parameters: none.');
  }
  lines.push('');

  lines.push('| output | column at the defaults | lookback at the defaults | description |', '| --- | --- | --- | --- |');
  spec.outputs.forEach((output, k) => {
    lines.push(`| ${output.name} | \`${columnName(spec, defaults, k)}\` | ${formatLookback(spec, defaults, k)} | ${escapeCell(output.description)} |`);
  });
  lines.push('');

  const optional = spec.optionalInputs ?? [];
  const fieldList = (fields: readonly string[]) => (fields.length > 0 ? fields.map((f) => `\`${f}\``).join(', ') : 'none');
  lines.push(`Required inputs: ${fieldList(spec.inputs)}. Optional inputs: ${fieldList(optional)}.`, '');
  lines.push(`Formula: ${spec.description}`, '');
  lines.push(`Source: ${spec.source}`, '');

  const notes = spec.notes ?? [];
  const talib = notes.filter((n) => !n.startsWith(TRADINGVIEW_PREFIX));
  const tradingview = notes.filter((n) => n.startsWith(TRADINGVIEW_PREFIX)).map((n) => n.slice(TRADINGVIEW_PREFIX.length).trim());
  lines.push('Differences from TA-Lib:', '');
  lines.push(...(talib.length > 0 ? talib.map((n) => `- ${n}`) : ['- None recorded.']), '');
  lines.push('TradingView (`--conventions tradingview`):', '');
  lines.push(...(tradingview.length > 0 ? tradingview.map((n) => `- ${n}`) : ['- No notes of its own; any differences are in the list above.']), '');
  return lines;
}

/**
 * Renders the indicator catalogue page from the registry: one section per indicator,
 * grouped by `spec.group` with groups and indicators in registry order.
 */
export function renderCatalogue(): string {
  const groups = new Map<IndicatorGroup, IndicatorSpec[]>();
  for (const spec of REGISTRY) {
    const members = groups.get(spec.group) ?? [];
    members.push(spec);
    groups.set(spec.group, members);
  }
  const lines: string[] = [
    '<!--',
    `  Generated from the indicator registry (src/registry/index.ts) by \`npm run docs:catalogue\`.`,
    '  Do not edit by hand: change the indicator entry under src/indicators/ and rerun the command.',
    '-->',
    '',
    '# Indicator catalogue',
    '',
    `> Generated from the indicator registry (\`src/registry/index.ts\`) by \`npm run docs:catalogue\`. Do not edit this page by hand.`,
    '',
    `${REGISTRY.length} indicators. A request is \`name(param, ...)\` with an optional \`.output\`; omitted trailing parameters take their defaults. ` +
      'A lookback is the index of the first defined bar on a series without missing bars, under the default TA-Lib conventions. ' +
      'Where `--conventions tradingview` starts an output earlier, its lookback under those conventions follows in brackets.',
    '',
  ];
  for (const [group, members] of groups) {
    lines.push(`- ${GROUP_TITLES[group]}: ${members.map((s) => `[${s.id}](#${s.id})`).join(', ')}`);
  }
  lines.push('');
  for (const [group, members] of groups) {
    lines.push(`## ${GROUP_TITLES[group]}`, '');
    for (const spec of members) lines.push(...renderIndicator(spec));
  }
  return lines.join('\n').replace(/\n+$/, '\n');
}
