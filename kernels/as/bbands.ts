import { column, param, seriesStart, windowBandsSeries } from './lib';

/** bbands(n, mult) of close; the mirror of src/reference/bbands.ts. Scratch: 6 * (n + 1) + 4 * maxLength slots. */
export function bbands(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const close = column(inputs, 0);
  const upperOut = column(outputs, 0);
  const middleOut = column(outputs, 1);
  const lowerOut = column(outputs, 2);
  const n = <i32>param(params, 0);
  const mult = param(params, 1);
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = <usize>start << 3;
    windowBandsSeries(close + at, upperOut + at, middleOut + at, lowerOut + at, len, n, mult, scratch);
  }
}
