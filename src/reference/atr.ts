import { rmaSeries, trueRangeSeries } from './lib.js';

/**
 * atr(n). talib: true range from bar 1, seeded with the mean of TR[1..n] at bar n, then
 * Wilder's (prev * (n - 1) + tr) / n. tradingview: Pine's ta.atr, whose true range on bar 0 is
 * high - low, so the seed is the mean of TR[0..n-1] at bar n - 1.
 */
export function atr(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const [high, low, close] = inputs;
  const trueRange = new Float64Array(close.length);
  trueRangeSeries(high, low, close, trueRange);
  if (params[params.length - 1] === 1 && close.length > 0) trueRange[0] = high[0] - low[0];
  rmaSeries(trueRange, outputs[0], params[0]);
}
