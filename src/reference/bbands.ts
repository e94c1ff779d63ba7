import { sumSeries, windowBandsSeries } from './lib.js';

/**
 * bbands(n, mult) of close: middle = sma(n), upper and lower = middle +- mult * sd, where sd
 * is the population standard deviation of the last n closes. talib: block sums around an
 * anchor inside the window (windowBandsSeries). tradingview: Pine's ta.bb with both sums by the
 * compensated rolling sum: middle = sum(x, n) / n and sd = sqrt(max(0, sum(x * x, n) / n - middle^2)).
 */
export function bbands(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const [upper, middle, lower] = outputs;
  const [n, mult] = params;
  const close = inputs[0];
  if (params[params.length - 1] !== 1) {
    windowBandsSeries(close, upper, middle, lower, n, mult);
    return;
  }
  const ring = new Float64Array(n);
  // upper contains the squares, then lower their rolling sum, until the bands overwrite them.
  sumSeries(close, middle, n, ring);
  for (let i = 0; i < close.length; i++) upper[i] = close[i] * close[i];
  sumSeries(upper, lower, n, ring);
  for (let i = 0; i < close.length; i++) {
    const mean = middle[i] / n;
    const variance = lower[i] / n - mean * mean;
    const width = mult * Math.sqrt(variance < 0 ? 0 : variance);
    middle[i] = mean;
    upper[i] = mean + width;
    lower[i] = mean - width;
  }
}
