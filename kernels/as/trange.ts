import { column, seriesStart } from './lib';
import { trueRangeLanes } from './lib-sums';

/** TA-Lib's TRANGE; the mirror of src/reference/trange.ts, two bars at a time. Scratch: none. */
export function trange(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const high = column(inputs, 0);
  const low = column(inputs, 1);
  const close = column(inputs, 2);
  const out = column(outputs, 0);
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = <usize>start << 3;
    trueRangeLanes(high + at, low + at, close + at, out + at, len);
  }
}
