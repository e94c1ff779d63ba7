import { column, param } from './lib';
import { LANES_RSI, runLanes } from './lanes';

/** rsi(n) of close; the mirror of src/reference/rsi.ts, two series at a time. Scratch: none. */
export function rsi(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  runLanes(LANES_RSI, count, offsets, inputs, column(outputs, 0), <i32>param(params, 0));
}
