import { column, ld, param, seriesStart, slots, st } from './lib';
import { log } from './math';

/** logret(n) of close; the mirror of src/reference/logret.ts. Scratch: none. */
export function logret(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const closeIn = column(inputs, 0);
  const outAll = column(outputs, 0);
  const n = <i32>param(params, 0);
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const close = closeIn + slots(start);
    const out = outAll + slots(start);
    for (let i: i32 = 0; i < len; i++) {
      if (i < n) {
        st(out, i, NaN);
        continue;
      }
      const base = ld(close, i - n);
      const ratio = ld(close, i) / base;
      st(out, i, base == 0 || !(ratio > 0) ? NaN : log(ratio));
    }
  }
}
