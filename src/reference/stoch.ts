import { fillNaN } from './lib.js';
import { averageSeries, isTradingView, stochSeries } from './lib-momentum.js';

/**
 * Slow stochastic of high, low, close: the raw stochastic over n bars, K = its average over
 * kSmooth, D = K's average over dPeriod. Under the TA-Lib convention (STOCH, SMA smoothing)
 * both lines start at TA-Lib's lookback.
 */
export function stoch(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const [high, low, close] = inputs;
  const [k, d] = outputs;
  const [n, kSmooth, dPeriod] = params;
  const tv = isTradingView(params);
  // D stores the raw stochastic until K is computed from it.
  stochSeries(close, high, low, d, n, tv);
  averageSeries(d, k, kSmooth, tv);
  averageSeries(k, d, dPeriod, tv);
  if (!tv) fillNaN(k, 0, Math.min(n - 1 + kSmooth - 1 + dPeriod - 1, k.length));
}
