import { column, param, seriesStart } from './lib';
import { vwmaVoteSeries } from './ratings';

/** rec_vwma(n); the mirror of src/reference/rec_vwma.ts. Scratch: 2 * n + VWMA_STATE_SLOTS slots. */
export function rec_vwma(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const close = column(inputs, 0);
  const volume = column(inputs, 1);
  const out = column(outputs, 0);
  const n = <i32>param(params, 0);
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = <usize>start << 3;
    vwmaVoteSeries(close + at, volume + at, out + at, len, n, scratch);
  }
}
