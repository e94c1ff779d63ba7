import { wmaSeries } from './lib.js';

/** wma(n) of close. */
export function wma(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const n = params[0];
  wmaSeries(inputs[0], outputs[0], n, new Float64Array(n));
}
