import { rmaSeries } from './lib.js';

/** rma(n) of close, Pine's ta.rma: seeded with the mean of the first n closes, then (prev * (n - 1) + x) / n. */
export function rma(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  rmaSeries(inputs[0], outputs[0], params[0]);
}
