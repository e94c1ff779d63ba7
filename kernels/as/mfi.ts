import { column, ld, param, seriesStart, slots, st, windowMeanSeries } from './lib';

/** mfi(n); the mirror of src/reference/mfi.ts. Scratch: 4 slots per bar + 2 * (n + 1). */
export function mfi(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const highIn = column(inputs, 0);
  const lowIn = column(inputs, 1);
  const closeIn = column(inputs, 2);
  const volumeIn = column(inputs, 3);
  const outAll = column(outputs, 0);
  const n = <i32>param(params, 0);
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = slots(start);
    const high = highIn + at;
    const low = lowIn + at;
    const close = closeIn + at;
    const volume = volumeIn + at;
    const out = outAll + at;
    const positive = scratch;
    const negative = scratch + slots(len);
    const work = scratch + slots(2 * len);
    let previous: f64 = 0;
    for (let i: i32 = 0; i < len; i++) {
      const typical = (ld(high, i) + ld(low, i) + ld(close, i)) / 3.0;
      const flow = typical * ld(volume, i);
      if (i == 0) {
        st(positive, i, NaN);
        st(negative, i, NaN);
      } else {
        const change = typical - previous;
        st(positive, i, change > 0 ? flow : 0);
        st(negative, i, change < 0 ? flow : 0);
      }
      previous = typical;
    }

    windowMeanSeries(positive, out, len, n, work);
    windowMeanSeries(negative, positive, len, n, work);
    for (let i: i32 = 0; i < len; i++) {
      const pos = ld(out, i);
      const total = pos + ld(positive, i);
      st(out, i, total == 0 ? NaN : 100.0 * (pos / total));
    }
  }
}
