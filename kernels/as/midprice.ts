import { column, donchianSeries, param, seriesStart } from './lib';
import { extremeLanes, midRangeFromExtremes } from './lib-extremes';

/** midprice(n); the mirror of src/reference/midprice.ts. Scratch: extremeScratch(n, maxLength) slots. */
export function midprice(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const high = column(inputs, 0);
  const low = column(inputs, 1);
  const out = column(outputs, 0);
  const n = <i32>param(params, 0);
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = <usize>start << 3;
    // donchianSeries computes the same (highest + lowest) / 2 and skips NaN bars.
    if (extremeLanes(high + at, low + at, len, n, scratch)) donchianSeries(high + at, low + at, out + at, len, n, scratch);
    else midRangeFromExtremes(scratch, out + at, len, n);
  }
}
