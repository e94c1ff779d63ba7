import { emaSeries } from './lib.js';

/** ema(n) of close. */
export function ema(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  emaSeries(inputs[0], outputs[0], params[0]);
}
