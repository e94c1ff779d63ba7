import { rmaSeries, trueRangeSeries } from './lib.js';

/**
 * atr(n) as TA-Lib computes it: true range from bar 1, seeded with the mean of TR[1..n] at
 * bar n, then Wilder's (prev * (n - 1) + tr) / n.
 */
export function atr(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const [high, low, close] = inputs;
  const trueRange = new Float64Array(close.length);
  trueRangeSeries(high, low, close, trueRange);
  rmaSeries(trueRange, outputs[0], params[0]);
}
