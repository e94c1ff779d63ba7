import { column, emaSeries, ld, param, seriesStart, slots, st } from './lib';

/** bullbear(n): bull, bear; the mirror of src/reference/bullbear.ts. Scratch: none. */
export function bullbear(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const highIn = column(inputs, 0);
  const lowIn = column(inputs, 1);
  const closeIn = column(inputs, 2);
  const bullAll = column(outputs, 0);
  const bearAll = column(outputs, 1);
  const n = <i32>param(params, 0);
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = slots(start);
    const high = highIn + at;
    const low = lowIn + at;
    const bull = bullAll + at;
    const bear = bearAll + at;
    emaSeries(closeIn + at, bear, len, n);
    for (let i: i32 = 0; i < len; i++) {
      const average = ld(bear, i);
      st(bull, i, ld(high, i) - average);
      st(bear, i, ld(low, i) - average);
    }
  }
}
