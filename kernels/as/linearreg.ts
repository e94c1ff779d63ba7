import { column, param, seriesStart } from './lib';
import { linearRegLanes } from './lib-rest';

/** linearreg(n) of close; the mirror of src/reference/linearreg.ts. Scratch: none. */
export function linearreg(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const close = column(inputs, 0);
  const value = column(outputs, 0);
  const slope = column(outputs, 1);
  const intercept = column(outputs, 2);
  const forecast = column(outputs, 3);
  const n = <i32>param(params, 0);
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = <usize>start << 3;
    linearRegLanes(close + at, value + at, slope + at, intercept + at, forecast + at, len, n);
  }
}
