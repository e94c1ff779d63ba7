import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import type { Field, Universe } from '../../src/io/types.js';
import type { FeatureColumn } from '../../src/engine/compute.js';

/** The repository root, from this file's place in test/helpers. */
export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** The real S&P 500 daily universe beside the repository (504 symbols, 2.4M bars). */
export const SP500_DIR = resolve(REPO_ROOT, '../shared/data/sp500-daily');

export function requireSp500(): string {
  if (!existsSync(SP500_DIR)) throw new Error(`The S&P 500 test data is missing at ${SP500_DIR}.`);
  return SP500_DIR;
}

/**
 * Counts the elements whose bits differ. NaNs are all equal (their payloads may differ, and
 * they are written as nulls anyway).
 */
export function countBitDifferences(a: Float64Array, b: Float64Array): { count: number; first: number } {
  if (a.length !== b.length) return { count: Math.max(a.length, b.length), first: 0 };
  const ab = new BigInt64Array(a.buffer, a.byteOffset, a.length);
  const bb = new BigInt64Array(b.buffer, b.byteOffset, b.length);
  let count = 0;
  let first = -1;
  for (let i = 0; i < a.length; i++) {
    if (ab[i] !== bb[i] && !(a[i] !== a[i] && b[i] !== b[i])) {
      count++;
      if (first < 0) first = i;
    }
  }
  return { count, first };
}

/** Describes where two runs differ: the feature, the count, and the symbol and bar of the first difference. */
export function describeDifference(universe: Pick<Universe, 'symbols' | 'offsets'>, column: FeatureColumn, other: FeatureColumn): string {
  const { count, first } = countBitDifferences(column.values, other.values);
  if (count === 0) return '';
  let s = 0;
  while (universe.offsets[s + 1] <= first) s++;
  return `${column.name}: ${count} values differ, first at ${universe.symbols[s]} bar ${first - universe.offsets[s]} (${column.values[first]} vs ${other.values[first]})`;
}

/** Builds a universe in memory from per-series close/high/low/open/volume columns. */
export function syntheticUniverse(series: Partial<Record<Field, number[] | Float64Array>>[]): Universe {
  const offsets = new Int32Array(series.length + 1);
  series.forEach((s, k) => (offsets[k + 1] = offsets[k] + (s.close ?? s.high ?? [])!.length));
  const bars = offsets[series.length];
  const fields: Universe['fields'] = {};
  for (const field of ['open', 'high', 'low', 'close', 'volume'] as const) {
    if (series.every((s) => s[field] === undefined)) continue;
    const column = new Float64Array(bars).fill(NaN);
    series.forEach((s, k) => {
      const values = s[field];
      if (values) column.set(values, offsets[k]);
    });
    fields[field] = column;
  }
  return {
    symbols: series.map((_, k) => `S${k}`),
    sources: series.map((_, k) => `<series ${k}>`),
    offsets,
    timestamps: { type: null as never, keys: new BigInt64Array(bars) },
    fields,
  };
}
