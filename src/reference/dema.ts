import { emaSeries } from './lib.js';

/** dema(n) of close as TA-Lib computes it: 2 * ema(close, n) - ema(ema(close, n), n). */
export function dema(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const close = inputs[0];
  const out = outputs[0];
  const n = params[0];
  const first = new Float64Array(close.length);
  emaSeries(close, first, n);
  emaSeries(first, out, n);
  for (let i = 0; i < close.length; i++) out[i] = 2 * first[i] - out[i];
}
