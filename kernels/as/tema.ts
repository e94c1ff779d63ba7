import { column, emaSeries, ld, param, seriesStart, slots, st } from './lib';

/** tema(n) of close; the mirror of src/reference/tema.ts. Scratch: 2 * maxLength slots. */
export function tema(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const close = column(inputs, 0);
  const output = column(outputs, 0);
  const n = <i32>param(params, 0);
  const first = scratch;
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = <usize>start << 3;
    const second = scratch + slots(len);
    const out = output + at;
    emaSeries(close + at, first, len, n);
    emaSeries(first, second, len, n);
    emaSeries(second, out, len, n);
    for (let i: i32 = 0; i < len; i++) st(out, i, 3.0 * ld(first, i) - 3.0 * ld(second, i) + ld(out, i));
  }
}
