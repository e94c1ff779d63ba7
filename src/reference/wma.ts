import { windowWmaSeries } from './lib.js';

/** wma(n) of close, TA-Lib's WMA by block sums. */
export function wma(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  windowWmaSeries(inputs[0], outputs[0], params[0]);
}
