import { column, emaSeries, ld, param, seriesStart, st } from './lib';

/** trix(n); the mirror of src/reference/trix.ts. Scratch: maxLength slots. */
export function trix(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const closes = column(inputs, 0);
  const outs = column(outputs, 0);
  const n = <i32>param(params, 0);
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = <usize>start << 3;
    const close = closes + at;
    const out = outs + at;
    emaSeries(close, out, len, n);
    emaSeries(out, scratch, len, n);
    emaSeries(scratch, out, len, n);
    for (let i = len - 1; i >= 1; i--) {
      const prev = ld(out, i - 1);
      st(out, i, prev == 0 ? 0.0 : (ld(out, i) / prev - 1.0) * 100.0);
    }
    if (len > 0) st(out, 0, NaN);
  }
}
