import { rmaSeries, trueRangeSeries } from './lib.js';

/** natr(n), TA-Lib's NATR: (atr(n) / close) * 100, undefined where close is 0. */
export function natr(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const [high, low, close] = inputs;
  const out = outputs[0];
  const trueRange = new Float64Array(close.length);
  trueRangeSeries(high, low, close, trueRange);
  rmaSeries(trueRange, out, params[0]);
  for (let i = 0; i < close.length; i++) out[i] = close[i] === 0 ? NaN : (out[i] / close[i]) * 100;
}
