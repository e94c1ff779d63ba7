import { column, gainLossSeries, ld, param, rmaSeries, seriesStart, slots, st } from './lib';
import { LANES_RSI, runLanes } from './lanes';

/**
 * rsi(n) of close; the mirror of src/reference/rsi.ts. params: n, ratings profile, conventions.
 * talib: two series at a time, scratch none. tradingview: one series at a time with the lib
 * blocks, as the reference; scratch 2 * maxLength slots (gains, then losses).
 */
export function rsi(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const n = <i32>param(params, 0);
  if (param(params, 2) != 1) {
    runLanes(LANES_RSI, count, offsets, inputs, column(outputs, 0), n);
    return;
  }
  const closeIn = column(inputs, 0);
  const outAll = column(outputs, 0);
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = slots(start);
    const close = closeIn + at;
    const out = outAll + at;
    const gain = scratch;
    const loss = scratch + slots(len);
    gainLossSeries(close, gain, loss, len);
    rmaSeries(gain, out, len, n);
    // The loss average overwrites the gain series, whose average is already in `out`.
    rmaSeries(loss, gain, len, n);
    for (let i: i32 = 0; i < len; i++) {
      const up = ld(out, i);
      const down = ld(gain, i);
      if (down == 0) st(out, i, up == 0 ? NaN : 100.0);
      else if (up == 0) st(out, i, 0.0);
      else st(out, i, 100.0 - 100.0 / (1.0 + up / down));
    }
  }
}
