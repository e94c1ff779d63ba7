import { smaSeries } from './lib.js';

/**
 * bbands(n, mult) of close: middle = sma(n), upper and lower = middle +- mult * sd, where sd
 * is the population standard deviation of the last n closes. The inputs hold no NaN (the host
 * removes bars without a close), so the window is the last n bars.
 */
export function bbands(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const close = inputs[0];
  const [upper, middle, lower] = outputs;
  const [n, mult] = params;
  smaSeries(close, middle, n, new Float64Array(n));
  for (let i = 0; i < close.length; i++) {
    if (i < n - 1) {
      upper[i] = NaN;
      lower[i] = NaN;
      continue;
    }
    const width = mult * windowDeviation(close, i - n + 1, n);
    upper[i] = middle[i] + width;
    lower[i] = middle[i] - width;
  }
}

/**
 * Population standard deviation of src[from .. from + n), two passes over deviations from the
 * window's newest value. The shift keeps a flat window at exactly 0, and the second pass
 * around the mean avoids the cancellation of mean-of-squares minus squared mean.
 */
function windowDeviation(src: Float64Array, from: number, n: number): number {
  const anchor = src[from + n - 1];
  let sum = 0;
  for (let j = from; j < from + n; j++) sum += src[j] - anchor;
  const meanShift = sum / n;
  let squares = 0;
  for (let j = from; j < from + n; j++) {
    const deviation = src[j] - anchor - meanShift;
    squares += deviation * deviation;
  }
  return Math.sqrt(squares / n);
}
