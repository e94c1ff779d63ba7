import type { Universe } from '../io/types.js';
import type { IndicatorInstance } from '../registry/request.js';

/** Default memory for one chunk's input and output columns. */
export const DEFAULT_MEMORY_BUDGET = 1024 * 2 ** 20;

/** Bytes of kernel memory one bar takes: every input field and every output of every indicator. */
export function bytesPerBar(instances: readonly IndicatorInstance[], fields: number): number {
  const outputs = instances.reduce((n, { spec }) => n + spec.outputs.length, 0);
  return 8 * (fields + outputs);
}

/**
 * Cuts the symbols into consecutive chunks of at most `maxBars` bars each (a symbol longer
 * than that is a chunk of its own). Returns the first symbol of each chunk, then the count.
 */
export function chunkSymbols(offsets: Int32Array, maxBars: number): number[] {
  const count = offsets.length - 1;
  const bounds = [0];
  for (let s = 0; s < count; s++) {
    const first = bounds[bounds.length - 1];
    if (s > first && offsets[s + 1] - offsets[first] > maxBars) bounds.push(s);
  }
  if (count > 0) bounds.push(count);
  return bounds;
}

/** Symbols [first, last) of a universe as a universe of their own; arrays are views, not copies. */
export function sliceUniverse(universe: Universe, first: number, last: number): Universe {
  const start = universe.offsets[first];
  const end = universe.offsets[last];
  const offsets = universe.offsets.slice(first, last + 1);
  for (let k = 0; k < offsets.length; k++) offsets[k] -= start;
  const fields: Universe['fields'] = {};
  for (const [field, values] of Object.entries(universe.fields) as [keyof Universe['fields'], Float64Array][]) {
    fields[field] = values.subarray(start, end);
  }
  return {
    symbols: universe.symbols.slice(first, last),
    sources: universe.sources.slice(first, last),
    offsets,
    timestamps: {
      type: universe.timestamps.type,
      keys: universe.timestamps.keys.subarray(start, end),
      strings: universe.timestamps.strings?.slice(start, end),
    },
    fields,
  };
}
