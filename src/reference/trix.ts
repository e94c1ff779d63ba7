import { emaSeries } from './lib.js';

/**
 * TRIX: the one-bar rate of change in percent, ((x / x[1]) - 1) * 100, of the triple EMA of
 * close over n bars, each EMA seeded with the mean of the first n values of its input. 0 where
 * the earlier EMA is 0, as TA-Lib's ROC gives.
 */
export function trix(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const close = inputs[0];
  const out = outputs[0];
  const n = params[0];
  const tmp = new Float64Array(close.length);
  emaSeries(close, out, n);
  emaSeries(out, tmp, n);
  emaSeries(tmp, out, n);
  // Newest first, so out[i - 1] still contains the EMA when out[i] is replaced.
  for (let i = close.length - 1; i >= 1; i--) {
    const prev = out[i - 1];
    out[i] = prev === 0 ? 0 : (out[i] / prev - 1) * 100;
  }
  if (close.length > 0) out[0] = NaN;
}
