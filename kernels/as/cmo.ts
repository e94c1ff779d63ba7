import { column, gainLossSeries, ld, param, rmaSeries, seriesStart, slots, st, sumSeries } from './lib';
import { isTradingView } from './lib-momentum';

/** cmo(n); the mirror of src/reference/cmo.ts. Scratch: 2 * maxLength + n slots. */
export function cmo(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const closes = column(inputs, 0);
  const outs = column(outputs, 0);
  const n = <i32>param(params, 0);
  const tv = isTradingView(params, 1);
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
    if (tv) {
      sumSeries(gain, out, len, n, ring);
      sumSeries(loss, gain, len, n, ring);
    } else {
      rmaSeries(gain, out, len, n);
      rmaSeries(loss, gain, len, n);
    }
    for (let i: i32 = 0; i < len; i++) {
      const up = ld(out, i);
      const down = ld(gain, i);
      const total = up + down;
      if (tv) st(out, i, total == 0 ? NaN : (100.0 * (up - down)) / total);
      else st(out, i, total == 0 ? 0.0 : 100.0 * ((up - down) / total));
    }
  }
}
