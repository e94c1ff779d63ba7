import { column, fillNaN, param, seriesStart } from './lib';
import { extremeLanes, RANGE_STOCH, rangeSeries } from './lib-extremes';
import { averageSeries, isTradingView, stochSeries } from './lib-momentum';

/**
 * stochf(n, dPeriod); the mirror of src/reference/stochf.ts. Scratch: the larger of
 * extremeScratch(n, maxLength) and averageScratch(dPeriod, maxLength) slots.
 */
export function stochf(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const high = column(inputs, 0);
  const low = column(inputs, 1);
  const close = column(inputs, 2);
  const outK = column(outputs, 0);
  const outD = column(outputs, 1);
  const n = <i32>param(params, 0);
  const dPeriod = <i32>param(params, 1);
  const tv = isTradingView(params, 2);
  const lookback = n - 1 + dPeriod - 1;
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = <usize>start << 3;
    if (extremeLanes(high + at, low + at, len, n, scratch)) stochSeries(close + at, high + at, low + at, outK + at, len, n, tv);
    else rangeSeries(RANGE_STOCH, close + at, scratch, outK + at, len, n, 0, tv);
    averageSeries(outK + at, outD + at, len, dPeriod, tv, scratch);
    if (!tv) fillNaN(outK + at, 0, lookback < len ? lookback : len);
  }
}
