import { column, param } from './lib';
import { recommendMaBatch } from './ratings';

/** recommend_ma; the mirror of src/reference/recommend_ma.ts. Scratch: `recommendMaKernelScratch(maxLength)` slots. */
export function recommend_ma(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const high = column(inputs, 0);
  const low = column(inputs, 1);
  const close = column(inputs, 2);
  const volume = column(inputs, 3);
  recommendMaBatch(high, low, close, volume, column(outputs, 0), offsets, count, param(params, 0), scratch);
}
