import { column, ld, param, rmaSeries, seriesStart, st, trueRangeSeries } from './lib';

/** natr(n); the mirror of src/reference/natr.ts. Scratch: maxLength slots. */
export function natr(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const high = column(inputs, 0);
  const low = column(inputs, 1);
  const closes = column(inputs, 2);
  const output = column(outputs, 0);
  const n = <i32>param(params, 0);
  const trueRange = scratch;
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = <usize>start << 3;
    const close = closes + at;
    const out = output + at;
    trueRangeSeries(high + at, low + at, close, trueRange, len);
    rmaSeries(trueRange, out, len, n);
    for (let i: i32 = 0; i < len; i++) {
      const c = ld(close, i);
      st(out, i, c == 0 ? NaN : (ld(out, i) / c) * 100.0);
    }
  }
}
