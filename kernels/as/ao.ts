import { column, ld, param, seriesStart, slots, smaSeries, st } from './lib';

/** ao(fast, slow); the mirror of src/reference/ao.ts. Scratch: 2 slots per bar + slow. */
export function ao(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const highIn = column(inputs, 0);
  const lowIn = column(inputs, 1);
  const outAll = column(outputs, 0);
  const fast = <i32>param(params, 0);
  const slow = <i32>param(params, 1);
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = slots(start);
    const high = highIn + at;
    const low = lowIn + at;
    const out = outAll + at;
    const median = scratch;
    const slowAverage = scratch + slots(len);
    const ring = scratch + slots(2 * len);
    for (let i: i32 = 0; i < len; i++) st(median, i, (ld(high, i) + ld(low, i)) / 2.0);
    smaSeries(median, out, len, fast, ring);
    smaSeries(median, slowAverage, len, slow, ring);
    for (let i: i32 = 0; i < len; i++) st(out, i, ld(out, i) - ld(slowAverage, i));
  }
}
