import { gainLossSeries, rmaSeries, sumSeries } from './lib.js';
import { isTradingView } from './lib-momentum.js';

/**
 * Chande momentum oscillator over n bars: 100 * (up - down) / (up + down) of the gains and
 * losses. TA-Lib's CMO averages them with Wilder's smoothing, as its RSI does, and gives 0 when
 * both are 0. Pine's `ta.cmo` sums the last n of each and is undefined when both sums are 0.
 */
export function cmo(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const close = inputs[0];
  const out = outputs[0];
  const n = params[0];
  const tv = isTradingView(params);
  const gain = new Float64Array(close.length);
  const loss = new Float64Array(close.length);
  gainLossSeries(close, gain, loss);
  // The loss average overwrites the gain series, whose average is already in `out`.
  if (tv) {
    const ring = new Float64Array(n);
    sumSeries(gain, out, n, ring);
    sumSeries(loss, gain, n, ring);
  } else {
    rmaSeries(gain, out, n);
    rmaSeries(loss, gain, n);
  }
  for (let i = 0; i < close.length; i++) {
    const up = out[i];
    const down = gain[i];
    const total = up + down;
    if (tv) out[i] = total === 0 ? NaN : (100 * (up - down)) / total;
    else out[i] = total === 0 ? 0 : 100 * ((up - down) / total);
  }
}
