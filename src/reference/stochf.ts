import { fillNaN } from './lib.js';
import { averageSeries, isTradingView, stochSeries } from './lib-momentum.js';

/** Fast stochastic: K = the raw stochastic over n bars, D = K's average over dPeriod. */
export function stochf(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const [high, low, close] = inputs;
  const [k, d] = outputs;
  const [n, dPeriod] = params;
  const tv = isTradingView(params);
  stochSeries(close, high, low, k, n, tv);
  averageSeries(k, d, dPeriod, tv);
  if (!tv) fillNaN(k, 0, Math.min(n - 1 + dPeriod - 1, k.length));
}
