import { describe, expect, it } from 'vitest';
import { decodeBars, encodeBars, UNIVERSE_FIELDS, type BarColumns, type UniverseField } from '../bench/gpu/universe-file.js';

function columns(values: Record<UniverseField, number[]>, lengths: number[]): BarColumns {
  const offsets = new Int32Array(lengths.length + 1);
  lengths.forEach((n, s) => (offsets[s + 1] = offsets[s] + n));
  const fields = Object.fromEntries(UNIVERSE_FIELDS.map((f) => [f, Float64Array.from(values[f])])) as Record<UniverseField, Float64Array>;
  return { symbols: lengths.map((_, s) => `SYM${s}.B`), offsets, fields };
}

function bits(column: Float64Array): bigint[] {
  return Array.from(new BigUint64Array(column.buffer, column.byteOffset, column.length));
}

describe('compact universe file', () => {
  it('round-trips decimals exactly', () => {
    const bars = columns(
      {
        open: [133.45, 0.01, 1e-7, 2.4e-7, 99999.9999],
        high: [133.5, 0.02, 1.5e-7, 3e-7, 100000],
        low: [133.4, 0.005, 1e-7, 2e-7, 99999.5],
        close: [133.47, 0.015, 1.2e-7, 2.5e-7, 99999.75],
        volume: [0, 1234567890123, 5, 0, 42],
      },
      [3, 2],
    );
    const back = decodeBars(encodeBars(bars));
    expect(back.symbols).toEqual(['SYM0.B', 'SYM1.B']);
    expect(Array.from(back.offsets)).toEqual([0, 3, 5]);
    for (const field of UNIVERSE_FIELDS) expect(bits(back.fields[field]), field).toEqual(bits(bars.fields[field]));
  });

  it('keeps non-decimal values as raw bits', () => {
    const awkward = [0.1 + 0.2, Math.PI, -0, NaN, Infinity, 5e-324];
    const bars = columns({ open: awkward, high: awkward, low: awkward, close: awkward, volume: awkward }, [6]);
    const back = decodeBars(encodeBars(bars));
    for (const field of UNIVERSE_FIELDS) expect(bits(back.fields[field]), field).toEqual(bits(bars.fields[field]));
  });

  it('rejects a file without the header', () => {
    const bars = columns({ open: [1], high: [1], low: [1], close: [1], volume: [1] }, [1]);
    const file = encodeBars(bars);
    expect(() => decodeBars(file.subarray(0, 3))).toThrow();
  });
});
