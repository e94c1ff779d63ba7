import { column, param } from './lib';
import { LANES_EMA, runLanes } from './lanes';

/** ema(n) of close; the mirror of src/reference/ema.ts, two series at a time. Scratch: none. */
export function ema(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  runLanes(LANES_EMA, count, offsets, inputs, column(outputs, 0), <i32>param(params, 0));
}
