import { column, emaSeries, ld, param, seriesStart, st } from './lib';

/** dema(n) of close; the mirror of src/reference/dema.ts. Scratch: maxLength slots. */
export function dema(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const close = column(inputs, 0);
  const output = column(outputs, 0);
  const n = <i32>param(params, 0);
  const first = scratch;
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = <usize>start << 3;
    const out = output + at;
    emaSeries(close + at, first, len, n);
    emaSeries(first, out, len, n);
    for (let i: i32 = 0; i < len; i++) st(out, i, 2.0 * ld(first, i) - ld(out, i));
  }
}
