import { kamaSeries } from './lib-misc.js';

/** kama(n) of close, TA-Lib's KAMA (fast 2, slow 30). */
export function kama(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  kamaSeries(inputs[0], outputs[0], params[0]);
}
