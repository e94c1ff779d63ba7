import { column, param } from './lib';
import { CASCADE_TEMA, runPairs } from './lib-rest';

/** tema(n) of close; the mirror of src/reference/tema.ts, two series at a time. Scratch: 2 * maxLength slots. */
export function tema(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  runPairs(CASCADE_TEMA, count, offsets, column(inputs, 0), column(outputs, 0), <i32>param(params, 0), scratch);
}
