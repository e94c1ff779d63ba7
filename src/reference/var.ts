import { varianceSeries } from './lib-misc.js';

/** var(n) of close, TA-Lib's VAR: the population variance of the last n closes. */
export function variance(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  varianceSeries(inputs[0], outputs[0], params[0]);
}
