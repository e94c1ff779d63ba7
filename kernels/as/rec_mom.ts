import { column, seriesStart } from './lib';
import { oscillatorVoteSeries } from './ratings-other';

/** rec_mom; the mirror of src/reference/rec_mom.ts. Scratch: `otherWorkSlots(maxLength)` slots. */
export function rec_mom(count: i32, offsets: usize, inputs: usize, outputs: usize, _params: usize, scratch: usize): void {
  const high = column(inputs, 0);
  const low = column(inputs, 1);
  const close = column(inputs, 2);
  const out = column(outputs, 0);
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = <usize>start << 3;
    oscillatorVoteSeries(5, high + at, low + at, close + at, out + at, len, scratch);
  }
}
