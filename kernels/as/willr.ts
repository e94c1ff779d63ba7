import { column, param, seriesStart } from './lib';
import { extremeLanes, RANGE_WILLR, rangeSeries } from './lib-extremes';
import { isTradingView, willrSeries } from './lib-momentum';

/** willr(n); the mirror of src/reference/willr.ts. Scratch: extremeScratch(n, maxLength) slots. */
export function willr(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const high = column(inputs, 0);
  const low = column(inputs, 1);
  const close = column(inputs, 2);
  const out = column(outputs, 0);
  const n = <i32>param(params, 0);
  const tv = isTradingView(params, 1);
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = <usize>start << 3;
    if (extremeLanes(high + at, low + at, len, n, scratch)) willrSeries(close + at, high + at, low + at, out + at, len, n, tv);
    else rangeSeries(RANGE_WILLR, close + at, scratch, out + at, len, n, 0, tv);
  }
}
