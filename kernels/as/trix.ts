import { column, param } from './lib';
import { CASCADE_TRIX, runPairs } from './lib-rest';

/** trix(n); the mirror of src/reference/trix.ts, two series at a time. Scratch: maxLength slots. */
export function trix(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  runPairs(CASCADE_TRIX, count, offsets, column(inputs, 0), column(outputs, 0), <i32>param(params, 0), scratch);
}
