import { column, ld, param, seriesStart, st } from './lib';
import { isTradingView } from './lib-momentum';

/** roc(n); the mirror of src/reference/roc.ts. Scratch: none. */
export function roc(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const closes = column(inputs, 0);
  const outs = column(outputs, 0);
  const n = <i32>param(params, 0);
  const tv = isTradingView(params, 1);
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = <usize>start << 3;
    const close = closes + at;
    const out = outs + at;
    for (let i: i32 = 0; i < len; i++) {
      if (i < n) {
        st(out, i, NaN);
        continue;
      }
      const prev = ld(close, i - n);
      if (tv) st(out, i, prev == 0 ? NaN : (100.0 * (ld(close, i) - prev)) / prev);
      else st(out, i, prev == 0 ? 0.0 : (ld(close, i) / prev - 1.0) * 100.0);
    }
  }
}
