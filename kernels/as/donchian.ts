import { column, ld, param, seriesStart, st } from './lib';
import { highestSeries, lowestSeries } from './lib-misc';

/** Donchian channel; the mirror of src/reference/donchian.ts. Scratch: n + 1 slots. */
export function donchian(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const high = column(inputs, 0);
  const low = column(inputs, 1);
  const uppers = column(outputs, 0);
  const middles = column(outputs, 1);
  const lowers = column(outputs, 2);
  const n = <i32>param(params, 0);
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = <usize>start << 3;
    const upper = uppers + at;
    const middle = middles + at;
    const lower = lowers + at;
    highestSeries(high + at, upper, len, n, scratch);
    lowestSeries(low + at, lower, len, n, scratch);
    for (let i: i32 = 0; i < len; i++) st(middle, i, (ld(upper, i) + ld(lower, i)) / 2.0);
  }
}
