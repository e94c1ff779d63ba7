import { ParameterError } from '../errors.js';
import { findIndicator } from './index.js';
import type { IndicatorSpec } from './types.js';

/** One indicator with concrete parameters, and the outputs a run writes from it. */
export interface IndicatorInstance {
  spec: IndicatorSpec;
  params: number[];
  /** Indices into spec.outputs, in request order, without repeats. */
  outputs: number[];
  /** Output column names, parallel to `outputs`. */
  columns: string[];
  /** Place of each column among all requested columns, parallel to `outputs`. */
  positions: number[];
}

const REQUEST = /^\s*([a-z][a-z0-9_]*)\s*(?:\(([^()]*)\))?\s*(?:\.\s*([a-z][a-z0-9_]*))?\s*$/i;

/** Formats a parameter for a column name: `2.5` becomes `2p5`, `-1` becomes `m1`. */
function formatParam(value: number): string {
  return String(value).replace('.', 'p').replace('-', 'm');
}

/** Names the output column of one output of an indicator with these parameters. */
export function columnName(spec: IndicatorSpec, params: readonly number[], output: number): string {
  const parts = [spec.id];
  if (spec.outputs.length > 1) parts.push(spec.outputs[output].name);
  for (const p of params) parts.push(formatParam(p));
  return parts.join('_');
}

/**
 * Checks parameter values against the registry: count, integer kind, range, and the
 * indicator's own cross-parameter rules. Throws ParameterError naming the parameter.
 */
export function validateParams(spec: IndicatorSpec, params: readonly number[], feature: string): void {
  if (params.length > spec.params.length) {
    throw new ParameterError(
      `${feature}: ${spec.id} takes ${spec.params.length} parameter(s) (${spec.params.map((p) => p.name).join(', ') || 'none'}), found ${params.length}.`,
      { feature },
    );
  }
  spec.params.forEach((p, k) => {
    const value = params[k];
    if (!Number.isFinite(value)) {
      throw new ParameterError(`${feature}: parameter ${p.name} must be a finite number, found ${value}.`, { feature, parameter: p.name });
    }
    if (p.kind === 'int' && !Number.isInteger(value)) {
      throw new ParameterError(`${feature}: parameter ${p.name} must be an integer, found ${value}.`, { feature, parameter: p.name });
    }
    if (value < p.min || value > p.max) {
      throw new ParameterError(`${feature}: parameter ${p.name} must be between ${p.min} and ${p.max}, found ${value}.`, {
        feature,
        parameter: p.name,
      });
    }
  });
  const problem = spec.check?.(params);
  if (problem) throw new ParameterError(`${feature}: ${problem.message}`, { feature, parameter: problem.parameter });
}

/** Parses one request such as `sma(20)`, `macd(12,26,9).signal` or `recommend_ma`. */
export function parseRequest(text: string): { spec: IndicatorSpec; params: number[]; output?: number } {
  const match = REQUEST.exec(text);
  if (!match) {
    throw new ParameterError(`Invalid feature "${text}": write name(param, ...) with an optional .output, for example sma(20) or macd(12,26,9).signal.`, {
      feature: text,
    });
  }
  const [, rawId, rawParams, rawOutput] = match;
  const id = rawId.toLowerCase();
  const spec = findIndicator(id);
  if (!spec) {
    throw new ParameterError(`Unknown feature "${text}": there is no indicator "${id}". Run \`ta-backfill features\` for the list.`, { feature: text });
  }
  const given = rawParams === undefined || rawParams.trim() === '' ? [] : rawParams.split(',').map((p) => p.trim());
  const params = spec.params.map((p, k) => {
    if (k >= given.length) return p.default;
    const value = Number(given[k]);
    if (given[k] === '' || Number.isNaN(value)) {
      throw new ParameterError(`${text}: parameter ${p.name} must be a number, found "${given[k]}".`, { feature: text, parameter: p.name });
    }
    return value;
  });
  if (given.length > spec.params.length) {
    throw new ParameterError(
      `${text}: ${spec.id} takes ${spec.params.length} parameter(s) (${spec.params.map((p) => p.name).join(', ') || 'none'}), found ${given.length}.`,
      { feature: text },
    );
  }
  validateParams(spec, params, text);
  let output: number | undefined;
  if (rawOutput !== undefined) {
    output = spec.outputs.findIndex((o) => o.name === rawOutput.toLowerCase());
    if (output < 0 || spec.outputs.length === 1) {
      const names = spec.outputs.length > 1 ? spec.outputs.map((o) => o.name).join(', ') : 'none: it has one output';
      throw new ParameterError(`${text}: ${spec.id} has no output "${rawOutput}" (outputs: ${names}).`, { feature: text });
    }
  }
  return { spec, params, output };
}

/**
 * Turns feature requests into indicator instances: requests of the same indicator and
 * parameters share one instance, so each kernel runs once. Duplicate columns are dropped.
 */
export function planFeatures(requests: readonly string[]): IndicatorInstance[] {
  // Callers from JavaScript can pass anything; a string would otherwise be read letter by letter.
  if (!Array.isArray(requests) || requests.some((request) => typeof request !== 'string')) {
    const found = typeof requests === 'string' ? `the string "${requests}"` : JSON.stringify(requests) ?? String(requests);
    throw new ParameterError(`features must be an array of requests such as ["sma(20)", "rsi"], found ${found}.`, { parameter: 'features' });
  }
  if (requests.length === 0) throw new ParameterError('No features requested.', {});
  const instances = new Map<string, IndicatorInstance>();
  let position = 0;
  for (const text of requests) {
    const { spec, params, output } = parseRequest(text);
    const key = `${spec.id}(${params.join(',')})`;
    let instance = instances.get(key);
    if (!instance) {
      instance = { spec, params, outputs: [], columns: [], positions: [] };
      instances.set(key, instance);
    }
    const wanted = output === undefined ? spec.outputs.map((_, k) => k) : [output];
    for (const k of wanted) {
      if (!instance.outputs.includes(k)) {
        instance.outputs.push(k);
        instance.columns.push(columnName(spec, params, k));
        instance.positions.push(position++);
      }
    }
  }
  return [...instances.values()];
}

/** Lists every requested column in request order, with the instance and output index it comes from. */
export function requestedColumns(instances: readonly IndicatorInstance[]): { instance: IndicatorInstance; output: number; name: string }[] {
  const columns = instances.flatMap((instance) =>
    instance.outputs.map((output, j) => ({ instance, output, name: instance.columns[j], position: instance.positions[j] })),
  );
  return columns.sort((a, b) => a.position - b.position).map(({ instance, output, name }) => ({ instance, output, name }));
}

/**
 * The features computed when none are requested: the catalogue with common parameters,
 * the moving-average rating included.
 */
export const DEFAULT_FEATURES: readonly string[] = [
  'sma(20)',
  'sma(50)',
  'sma(200)',
  'ema(12)',
  'ema(26)',
  'ema(50)',
  'wma(20)',
  'hma(9)',
  'vwma(20)',
  'rsi(14)',
  'macd(12,26,9)',
  'bbands(20,2)',
  'atr(14)',
  'ichimoku(9,26,52)',
  'recommend_ma',
];
