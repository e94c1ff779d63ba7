import { emaSeries } from './lib.js';

/** tema(n) of close as TA-Lib computes it: 3 * e1 - 3 * e2 + e3, each e the ema(n) of the one before. */
export function tema(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const close = inputs[0];
  const out = outputs[0];
  const n = params[0];
  const first = new Float64Array(close.length);
  const second = new Float64Array(close.length);
  emaSeries(close, first, n);
  emaSeries(first, second, n);
  emaSeries(second, out, n);
  for (let i = 0; i < close.length; i++) out[i] = 3 * first[i] - 3 * second[i] + out[i];
}
