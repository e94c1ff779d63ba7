import { windowWmaSeries, wmaSeries } from './lib.js';

/** wma(n) of close. talib: TA-Lib's WMA by block sums. tradingview: Pine's ta.wma, each window summed oldest first. */
export function wma(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const n = params[0];
  if (params[params.length - 1] === 1) wmaSeries(inputs[0], outputs[0], n, new Float64Array(n));
  else windowWmaSeries(inputs[0], outputs[0], n);
}
