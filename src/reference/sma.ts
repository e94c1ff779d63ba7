import { smaSeries, windowMeanSeries } from './lib.js';

/**
 * sma(n) of close. talib: TA-Lib's SMA by block sums. tradingview: Pine's ta.sma, the
 * compensated rolling sum divided by n, as the ratings compute it.
 */
export function sma(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const n = params[0];
  if (params[params.length - 1] === 1) smaSeries(inputs[0], outputs[0], n, new Float64Array(n));
  else windowMeanSeries(inputs[0], outputs[0], n);
}
