import { smaSeries } from './lib.js';

/** sma(n) of close. */
export function sma(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const n = params[0];
  smaSeries(inputs[0], outputs[0], n, new Float64Array(n));
}
