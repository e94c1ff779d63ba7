import { trueRangeSeries } from './lib.js';

/** TA-Lib's TRANGE: max(high - low, |high - close[1]|, |low - close[1]|) from bar 1. */
export function trange(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const [high, low, close] = inputs;
  trueRangeSeries(high, low, close, outputs[0]);
}
