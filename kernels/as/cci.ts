import { column, param, seriesStart, smaSeries } from './lib';
import { isTradingView } from './lib-momentum';
import { cciPineSeries, cciTalibSeries, typicalPriceSeries } from './lib-sums';

/**
 * cci(n); the mirror of src/reference/cci.ts. Scratch: maxLength + n slots, the typical prices
 * (TA-Lib) or the ring of Pine's sma.
 */
export function cci(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const highs = column(inputs, 0);
  const lows = column(inputs, 1);
  const closes = column(inputs, 2);
  const outs = column(outputs, 0);
  const n = <i32>param(params, 0);
  const tv = isTradingView(params, 1);
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = <usize>start << 3;
    const close = closes + at;
    const out = outs + at;
    if (tv) {
      smaSeries(close, out, len, n, scratch);
      cciPineSeries(close, out, len, n);
      continue;
    }
    typicalPriceSeries(highs + at, lows + at, close, scratch, len);
    cciTalibSeries(scratch, out, len, n);
  }
}
