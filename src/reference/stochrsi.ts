import { fillNaN, gainLossSeries, rmaSeries } from './lib.js';
import { averageSeries, isTradingView, stochSeries } from './lib-momentum.js';

/** Pine's RSI of the averages: 100 without losses, 0 without gains, undefined without either. */
function pineRsi(up: number, down: number): number {
  if (down === 0) return up === 0 ? NaN : 100;
  if (up === 0) return 0;
  return 100 - 100 / (1 + up / down);
}

/**
 * Stochastic RSI: r = RSI(close, rsiN); K = average over kSmooth of the stochastic of r over
 * stochN bars; D = K's average over dPeriod.
 *
 * TA-Lib convention: r is TA-Lib's RSI (0 where the gains and losses are both 0), the
 * stochastic starts once stochN values of r exist, and both lines start at the full lookback.
 * With kSmooth = 1 this is TA-Lib's STOCHRSI(rsiN, stochN, dPeriod) with SMA; otherwise it is
 * TA-Lib's STOCH applied to the RSI. Pine convention (TradingView's Stoch RSI): Pine's RSI,
 * highest and lowest see partial windows of r, a zero range is undefined.
 */
export function stochrsi(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const close = inputs[0];
  const [k, d] = outputs;
  const [rsiN, stochN, kSmooth, dPeriod] = params;
  const tv = isTradingView(params);
  const len = close.length;
  const gain = new Float64Array(len);
  const loss = new Float64Array(len);
  const r = new Float64Array(len);
  gainLossSeries(close, gain, loss);
  rmaSeries(gain, k, rsiN);
  rmaSeries(loss, d, rsiN);
  for (let i = 0; i < len; i++) {
    const up = k[i];
    const down = d[i];
    if (tv) {
      r[i] = pineRsi(up, down);
    } else {
      const total = up + down;
      r[i] = total === 0 ? 0 : 100 * (up / total);
    }
  }
  stochSeries(r, r, r, gain, stochN, tv);
  if (!tv) fillNaN(gain, 0, Math.min(rsiN + stochN - 1, len));
  averageSeries(gain, k, kSmooth, tv);
  averageSeries(k, d, dPeriod, tv);
  if (!tv) fillNaN(k, 0, Math.min(rsiN + stochN - 1 + kSmooth - 1 + dPeriod - 1, len));
}
