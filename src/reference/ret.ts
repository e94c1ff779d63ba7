import { returnSeries } from './lib-misc.js';

/** ret(n) of close: the simple return over n bars, close / close[n] - 1, computed as (close - close[n]) / close[n]. */
export function ret(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  returnSeries(inputs[0], outputs[0], params[0]);
}
