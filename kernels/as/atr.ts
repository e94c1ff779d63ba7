import { column, param } from './lib';
import { LANES_ATR, runLanes } from './lanes';

/** atr(n); the mirror of src/reference/atr.ts, two series at a time. Scratch: none. */
export function atr(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  runLanes(LANES_ATR, count, offsets, inputs, column(outputs, 0), <i32>param(params, 0));
}
