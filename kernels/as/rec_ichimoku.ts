import { column, param, seriesStart } from './lib';
import { ichimokuVoteSeries } from './ratings';

/** rec_ichimoku; the mirror of src/reference/rec_ichimoku.ts. Scratch: `ichimokuVoteScratch(maxLength)` slots. */
export function rec_ichimoku(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const high = column(inputs, 0);
  const low = column(inputs, 1);
  const close = column(inputs, 2);
  const out = column(outputs, 0);
  const profile = param(params, 0);
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = <usize>start << 3;
    ichimokuVoteSeries(high + at, low + at, close + at, out + at, len, profile, scratch);
  }
}
