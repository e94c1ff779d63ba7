import { trueRangeSeries, rmaSeries } from './lib.js';
import { directionalMovementSeries } from './lib-trend.js';

/**
 * adx(n) with its family: outputs adx, adxr, plus_di, minus_di, dx. The last param is the
 * conventions flag.
 *
 * TA-Lib (flag 0): +DM, -DM and TR from bar 1, bar 0 counting as 0, Wilder-averaged from bar
 * n - 1 (TA-Lib sums bars 1 to n - 1 and takes one Wilder step at bar n, which is this average
 * times n, so the ratios agree); DI = 100 * (dm / tr) from bar n; dx = 100 * (|+DI - -DI| / (+DI + -DI));
 * adx = Wilder average of dx seeded with the mean of its first n values (bar 2n - 1).
 * Pine (flag 1, `ta.dmi`): DM and TR undefined on bar 0, rma seeded at bar n; DI = 100 * rma(dm) / rma(tr);
 * adx = 100 * rma(|+DI - -DI| / s), s = +DI + -DI or 1 when s = 0; dx = 100 * that ratio.
 * Both: DI is undefined where the TR average is 0; adxr = (adx + adx[n - 1]) / 2 from bar 3n - 2.
 */
export function adx(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const [high, low, close] = inputs;
  const [adxOut, adxrOut, plusOut, minusOut, dxOut] = outputs;
  const n = params[0];
  const pine = params[params.length - 1] === 1;
  const len = high.length;
  const plusDM = new Float64Array(len);
  const minusDM = new Float64Array(len);
  const trueRange = new Float64Array(len);
  directionalMovementSeries(high, low, plusDM, minusDM, pine);
  trueRangeSeries(high, low, close, trueRange);
  if (!pine && len > 0) trueRange[0] = 0;
  rmaSeries(plusDM, plusOut, n);
  rmaSeries(minusDM, minusOut, n);
  rmaSeries(trueRange, dxOut, n);

  // dxOut contains the TR average until each bar's dx replaces it; plusDM then stores the ratio Pine's adx averages.
  for (let i = 0; i < len; i++) {
    const range = dxOut[i];
    let p = NaN;
    let m = NaN;
    if (i >= n && range !== 0) {
      p = pine ? (100 * plusOut[i]) / range : 100 * (plusOut[i] / range);
      m = pine ? (100 * minusOut[i]) / range : 100 * (minusOut[i] / range);
    }
    plusOut[i] = p;
    minusOut[i] = m;
    const sum = p + m;
    const spread = Math.abs(p - m);
    if (pine) {
      const ratio = spread / (sum === 0 ? 1 : sum);
      plusDM[i] = ratio;
      dxOut[i] = 100 * ratio;
    } else {
      dxOut[i] = sum === 0 ? NaN : 100 * (spread / sum);
    }
  }

  if (pine) {
    rmaSeries(plusDM, adxOut, n);
    for (let i = 0; i < len; i++) adxOut[i] = 100 * adxOut[i];
  } else {
    rmaSeries(dxOut, adxOut, n);
  }

  const lag = n - 1;
  for (let i = 0; i < len; i++) adxrOut[i] = i >= lag ? (adxOut[i] + adxOut[i - lag]) / 2 : NaN;
}
