import { column, param } from './lib';
import { CASCADE_DEMA, runPairs } from './lib-rest';

/** dema(n) of close; the mirror of src/reference/dema.ts, two series at a time. Scratch: maxLength slots. */
export function dema(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  runPairs(CASCADE_DEMA, count, offsets, column(inputs, 0), column(outputs, 0), <i32>param(params, 0), scratch);
}
