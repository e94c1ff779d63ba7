import { column, fillNaN, gainLossSeries, ld, param, rmaSeries, seriesStart, slots, st } from './lib';
import { averageSeries, isTradingView, stochSeries } from './lib-momentum';

function pineRsi(up: f64, down: f64): f64 {
  if (down == 0) return up == 0 ? NaN : 100.0;
  if (up == 0) return 0.0;
  return 100.0 - 100.0 / (1.0 + up / down);
}

/**
 * stochrsi(rsiN, stochN, kSmooth, dPeriod); the mirror of src/reference/stochrsi.ts.
 * Scratch: 3 * maxLength + averageScratch(max(kSmooth, dPeriod), maxLength) slots.
 */
export function stochrsi(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const closes = column(inputs, 0);
  const outK = column(outputs, 0);
  const outD = column(outputs, 1);
  const rsiN = <i32>param(params, 0);
  const stochN = <i32>param(params, 1);
  const kSmooth = <i32>param(params, 2);
  const dPeriod = <i32>param(params, 3);
  const tv = isTradingView(params, 4);
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = <usize>start << 3;
    const close = closes + at;
    const k = outK + at;
    const d = outD + at;
    const gain = scratch;
    const loss = scratch + slots(len);
    const r = scratch + slots(2 * len);
    const averages = scratch + slots(3 * len);
    gainLossSeries(close, gain, loss, len);
    rmaSeries(gain, k, len, rsiN);
    rmaSeries(loss, d, len, rsiN);
    for (let i: i32 = 0; i < len; i++) {
      const up = ld(k, i);
      const down = ld(d, i);
      if (tv) {
        st(r, i, pineRsi(up, down));
      } else {
        const total = up + down;
        st(r, i, total == 0 ? 0.0 : 100.0 * (up / total));
      }
    }
    stochSeries(r, r, r, gain, len, stochN, tv);
    const rawStart = rsiN + stochN - 1;
    if (!tv) fillNaN(gain, 0, rawStart < len ? rawStart : len);
    averageSeries(gain, k, len, kSmooth, tv, averages);
    averageSeries(k, d, len, dPeriod, tv, averages);
    const lookback = rawStart + kSmooth - 1 + dPeriod - 1;
    if (!tv) fillNaN(k, 0, lookback < len ? lookback : len);
  }
}
