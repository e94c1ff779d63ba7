import { column, param, seriesStart } from './lib';
import { smaVoteSeries } from './ratings';

/** rec_sma(n); the mirror of src/reference/rec_sma.ts. Scratch: n slots. */
export function rec_sma(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const close = column(inputs, 0);
  const out = column(outputs, 0);
  const n = <i32>param(params, 0);
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = <usize>start << 3;
    smaVoteSeries(close + at, out + at, len, n, scratch);
  }
}
