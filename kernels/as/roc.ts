import { column, param, seriesStart } from './lib';
import { isTradingView } from './lib-momentum';
import { rocSeries } from './lib-rest';

/** roc(n); the mirror of src/reference/roc.ts. Scratch: none. */
export function roc(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const closes = column(inputs, 0);
  const outs = column(outputs, 0);
  const n = <i32>param(params, 0);
  const tv = isTradingView(params, 1);
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = <usize>start << 3;
    rocSeries(closes + at, outs + at, len, n, tv);
  }
}
