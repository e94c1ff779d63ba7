import { windowMeanSeries } from './lib.js';

/** sma(n) of close, TA-Lib's SMA by block sums. */
export function sma(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  windowMeanSeries(inputs[0], outputs[0], params[0]);
}
