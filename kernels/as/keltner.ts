import { column, emaSeries, ld, param, rmaSeries, seriesStart, st, trueRangeSeries } from './lib';

/** Keltner channel; the mirror of src/reference/keltner.ts. Scratch: maxLength slots. */
export function keltner(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const highs = column(inputs, 0);
  const lows = column(inputs, 1);
  const close = column(inputs, 2);
  const uppers = column(outputs, 0);
  const middles = column(outputs, 1);
  const lowers = column(outputs, 2);
  const n = <i32>param(params, 0);
  const mult = param(params, 1);
  const m = <i32>param(params, 2);
  const range = scratch;
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = <usize>start << 3;
    const high = highs + at;
    const low = lows + at;
    const upper = uppers + at;
    const middle = middles + at;
    const lower = lowers + at;
    trueRangeSeries(high, low, close + at, range, len);
    if (len > 0) st(range, 0, ld(high, 0) - ld(low, 0));
    rmaSeries(range, range, len, m);
    emaSeries(close + at, middle, len, n);
    for (let i: i32 = 0; i < len; i++) {
      const width = mult * ld(range, i);
      st(upper, i, ld(middle, i) + width);
      st(lower, i, ld(middle, i) - width);
    }
  }
}
