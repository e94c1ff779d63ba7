import { column, param, seriesStart } from './lib';
import { recommendMaSeries } from './ratings';

/** recommend_ma; the mirror of src/reference/recommend_ma.ts. Scratch: 5 * maxLength + 200 slots. */
export function recommend_ma(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const high = column(inputs, 0);
  const low = column(inputs, 1);
  const close = column(inputs, 2);
  const volume = column(inputs, 3);
  const out = column(outputs, 0);
  const profile = param(params, 0);
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = <usize>start << 3;
    recommendMaSeries(high + at, low + at, close + at, volume + at, out + at, len, profile, scratch);
  }
}
