import { column, ld, param, rmaSeries, seriesStart, slots, st, trueRangeSeries } from './lib';
import { directionalMovementSeries } from './lib-trend';

/**
 * adx(n) with adxr, plus_di, minus_di, dx; the mirror of src/reference/adx.ts. The params end
 * with the conventions flag. Scratch: 3 slots per bar.
 */
export function adx(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const high = column(inputs, 0);
  const low = column(inputs, 1);
  const close = column(inputs, 2);
  const adxOut = column(outputs, 0);
  const adxrOut = column(outputs, 1);
  const plusOut = column(outputs, 2);
  const minusOut = column(outputs, 3);
  const dxOut = column(outputs, 4);
  const n = <i32>param(params, 0);
  const pine = param(params, 2) == 1;
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = slots(start);
    adxSeries(high + at, low + at, close + at, adxOut + at, adxrOut + at, plusOut + at, minusOut + at, dxOut + at, len, n, pine, scratch);
  }
}

function adxSeries(
  high: usize, low: usize, close: usize,
  adxOut: usize, adxrOut: usize, plusOut: usize, minusOut: usize, dxOut: usize,
  len: i32, n: i32, pine: bool, scratch: usize,
): void {
  const plusDM = scratch;
  const minusDM = scratch + slots(len);
  const trueRange = scratch + slots(2 * len);
  directionalMovementSeries(high, low, plusDM, minusDM, len, pine);
  trueRangeSeries(high, low, close, trueRange, len);
  if (!pine && len > 0) st(trueRange, 0, 0);
  rmaSeries(plusDM, plusOut, len, n);
  rmaSeries(minusDM, minusOut, len, n);
  rmaSeries(trueRange, dxOut, len, n);

  for (let i: i32 = 0; i < len; i++) {
    const range = ld(dxOut, i);
    let p: f64 = NaN;
    let m: f64 = NaN;
    if (i >= n && range != 0) {
      p = pine ? (100.0 * ld(plusOut, i)) / range : 100.0 * (ld(plusOut, i) / range);
      m = pine ? (100.0 * ld(minusOut, i)) / range : 100.0 * (ld(minusOut, i) / range);
    }
    st(plusOut, i, p);
    st(minusOut, i, m);
    const sum = p + m;
    const spread = Math.abs(p - m);
    if (pine) {
      const ratio = spread / (sum == 0 ? 1.0 : sum);
      st(plusDM, i, ratio);
      st(dxOut, i, 100.0 * ratio);
    } else {
      st(dxOut, i, sum == 0 ? NaN : 100.0 * (spread / sum));
    }
  }

  if (pine) {
    rmaSeries(plusDM, adxOut, len, n);
    for (let i: i32 = 0; i < len; i++) st(adxOut, i, 100.0 * ld(adxOut, i));
  } else {
    rmaSeries(dxOut, adxOut, len, n);
  }

  const lag = n - 1;
  for (let i: i32 = 0; i < len; i++) st(adxrOut, i, i >= lag ? (ld(adxOut, i) + ld(adxOut, i - lag)) / 2.0 : NaN);
}
