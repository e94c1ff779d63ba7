import { gainLossSeries, rmaSeries } from './lib.js';

/**
 * rsi(n) of close: Wilder averages of gains and losses, seeded with the mean of the first n
 * changes. talib: 100 * (gain / (gain + loss)), as TA-Lib computes it; a window without any
 * change (gain + loss exactly 0) is undefined. tradingview: Pine's 100 - 100 / (1 + gain / loss),
 * 100 when only the loss average is 0, 0 when only the gain average is 0, undefined when both are.
 */
export function rsi(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const close = inputs[0];
  const out = outputs[0];
  const n = params[0];
  const pine = params[params.length - 1] === 1;
  const gain = new Float64Array(close.length);
  const loss = new Float64Array(close.length);
  gainLossSeries(close, gain, loss);
  rmaSeries(gain, out, n);
  // The loss average overwrites the gain series, whose average is already in `out`.
  rmaSeries(loss, gain, n);
  if (pine) {
    for (let i = 0; i < close.length; i++) {
      const up = out[i];
      const down = gain[i];
      if (down === 0) out[i] = up === 0 ? NaN : 100;
      else if (up === 0) out[i] = 0;
      else out[i] = 100 - 100 / (1 + up / down);
    }
    return;
  }
  for (let i = 0; i < close.length; i++) {
    const averageGain = out[i];
    const total = averageGain + gain[i];
    out[i] = total === 0 ? NaN : 100 * (averageGain / total);
  }
}
