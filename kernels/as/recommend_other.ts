import { column, seriesStart } from './lib';
import { recommendOtherSeries } from './ratings-other';

/** recommend_other; the mirror of src/reference/recommend_other.ts. Scratch: `recommendOtherSlots(maxLength)` slots. */
export function recommend_other(count: i32, offsets: usize, inputs: usize, outputs: usize, _params: usize, scratch: usize): void {
  const high = column(inputs, 0);
  const low = column(inputs, 1);
  const close = column(inputs, 2);
  const out = column(outputs, 0);
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = <usize>start << 3;
    recommendOtherSeries(high + at, low + at, close + at, out + at, len, scratch);
  }
}
