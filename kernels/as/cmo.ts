import { column, gainLossSeries, ld, param, seriesStart, slots, st, sumSeries } from './lib';
import { isTradingView } from './lib-momentum';
import { PAIRS_CMO, runPairs } from './lib-rest';

/**
 * cmo(n); the mirror of src/reference/cmo.ts, TA-Lib's form two series at a time. Scratch:
 * 2 * maxLength + n slots.
 */
export function cmo(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const closes = column(inputs, 0);
  const outs = column(outputs, 0);
  const n = <i32>param(params, 0);
  if (!isTradingView(params, 1)) {
    runPairs(PAIRS_CMO, count, offsets, closes, outs, n, scratch);
    return;
  }
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = <usize>start << 3;
    const close = closes + at;
    const out = outs + at;
    const gain = scratch;
    const loss = scratch + slots(len);
    const ring = scratch + slots(2 * len);
    gainLossSeries(close, gain, loss, len);
    sumSeries(gain, out, len, n, ring);
    sumSeries(loss, gain, len, n, ring);
    for (let i: i32 = 0; i < len; i++) {
      const up = ld(out, i);
      const down = ld(gain, i);
      const total = up + down;
      st(out, i, total == 0 ? NaN : (100.0 * (up - down)) / total);
    }
  }
}
