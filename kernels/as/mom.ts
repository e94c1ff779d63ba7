import { column, param, seriesStart } from './lib';
import { momentumSeries } from './lib-rest';

/** mom(n); the mirror of src/reference/mom.ts. Scratch: none. */
export function mom(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const closes = column(inputs, 0);
  const outs = column(outputs, 0);
  const n = <i32>param(params, 0);
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = <usize>start << 3;
    momentumSeries(closes + at, outs + at, len, n);
  }
}
