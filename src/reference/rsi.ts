import { gainLossSeries, rmaSeries } from './lib.js';

/**
 * rsi(n) of close as TA-Lib computes it: Wilder averages of gains and losses, seeded with the
 * mean of the first n changes, then 100 * (gain / (gain + loss)). A window without any change
 * (gain + loss exactly 0) is undefined.
 */
export function rsi(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const close = inputs[0];
  const out = outputs[0];
  const n = params[0];
  const gain = new Float64Array(close.length);
  const loss = new Float64Array(close.length);
  gainLossSeries(close, gain, loss);
  rmaSeries(gain, out, n);
  // The loss average overwrites the gain series, whose average is already in `out`.
  rmaSeries(loss, gain, n);
  for (let i = 0; i < close.length; i++) {
    const averageGain = out[i];
    const total = averageGain + gain[i];
    out[i] = total === 0 ? NaN : 100 * (averageGain / total);
  }
}
