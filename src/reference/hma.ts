import { hmaSeries } from './lib.js';

/** hma(n) of close. */
export function hma(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const close = inputs[0];
  const n = params[0];
  hmaSeries(close, outputs[0], n, new Float64Array(close.length), new Float64Array(n));
}
