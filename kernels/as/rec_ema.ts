import { column, param } from './lib';
import { LANES_EMA_VOTE, runLanes } from './lanes';

/** rec_ema(n); the mirror of src/reference/rec_ema.ts, two series at a time. Scratch: none. */
export function rec_ema(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  runLanes(LANES_EMA_VOTE, count, offsets, inputs, column(outputs, 0), <i32>param(params, 0));
}
