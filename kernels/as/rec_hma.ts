import { column, param, seriesStart } from './lib';
import { hmaVoteSeries } from './ratings';

/** rec_hma(n); the mirror of src/reference/rec_hma.ts. Scratch: 3 * maxLength slots. */
export function rec_hma(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const close = column(inputs, 0);
  const out = column(outputs, 0);
  const n = <i32>param(params, 0);
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = <usize>start << 3;
    hmaVoteSeries(close + at, out + at, len, n, scratch);
  }
}
