import { column, donchianSeries, param, seriesStart } from './lib';
import { extremeLanes, midRangeFromExtremes } from './lib-extremes';

/** midpoint(n) of close; the mirror of src/reference/midpoint.ts. Scratch: extremeScratch(n, maxLength) slots. */
export function midpoint(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const close = column(inputs, 0);
  const out = column(outputs, 0);
  const n = <i32>param(params, 0);
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = <usize>start << 3;
    // donchianSeries computes the same (highest + lowest) / 2 and skips NaN bars.
    if (extremeLanes(close + at, close + at, len, n, scratch)) donchianSeries(close + at, close + at, out + at, len, n, scratch);
    else midRangeFromExtremes(scratch, out + at, len, n);
  }
}
