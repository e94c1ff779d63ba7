import { column, gainLossSeries, ld, param, rmaSeries, seriesStart, st } from './lib';

/** rsi(n) of close; the mirror of src/reference/rsi.ts. Scratch: two slots per bar. */
export function rsi(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const close = column(inputs, 0);
  const out = column(outputs, 0);
  const n = <i32>param(params, 0);
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = <usize>start << 3;
    const src = close + at;
    const dst = out + at;
    const gain = scratch;
    const loss = scratch + (<usize>len << 3);
    gainLossSeries(src, gain, loss, len);
    rmaSeries(gain, dst, len, n);
    rmaSeries(loss, gain, len, n);
    for (let i: i32 = 0; i < len; i++) {
      const averageGain = ld(dst, i);
      const total = averageGain + ld(gain, i);
      st(dst, i, total == 0 ? NaN : 100.0 * (averageGain / total));
    }
  }
}
