import { column, ld, param, rmaSeries, seriesStart, slots, st, trueRangeSeries } from './lib';
import { LANES_ATR, runLanes } from './lanes';

/**
 * atr(n); the mirror of src/reference/atr.ts. params: n, ratings profile, conventions.
 * talib: two series at a time, scratch none. tradingview: one series at a time with the lib
 * blocks, as the reference; scratch maxLength slots (the true range).
 */
export function atr(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const n = <i32>param(params, 0);
  if (param(params, 2) != 1) {
    runLanes(LANES_ATR, count, offsets, inputs, column(outputs, 0), n);
    return;
  }
  const highIn = column(inputs, 0);
  const lowIn = column(inputs, 1);
  const closeIn = column(inputs, 2);
  const outAll = column(outputs, 0);
  const trueRange = scratch;
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = slots(start);
    const high = highIn + at;
    const low = lowIn + at;
    trueRangeSeries(high, low, closeIn + at, trueRange, len);
    if (len > 0) st(trueRange, 0, ld(high, 0) - ld(low, 0));
    rmaSeries(trueRange, outAll + at, len, n);
  }
}
