import { vwmaSeries } from './lib.js';

/** vwma(n) of close weighted by volume. */
export function vwma(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const [close, volume] = inputs;
  const n = params[0];
  vwmaSeries(close, volume, outputs[0], n, new Float64Array(close.length), new Float64Array(n));
}
