import { column, ld, param, seriesStart, slots, st, sumSeries, trueRangeSeries } from './lib';

/** ultosc(p1, p2, p3); the mirror of src/reference/ultosc.ts. Scratch: 4 slots per bar + p3. */
export function ultosc(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const highIn = column(inputs, 0);
  const lowIn = column(inputs, 1);
  const closeIn = column(inputs, 2);
  const outAll = column(outputs, 0);
  const p1 = <i32>param(params, 0);
  const p2 = <i32>param(params, 1);
  const p3 = <i32>param(params, 2);
  const pine = param(params, 4) == 1;
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = slots(start);
    const high = highIn + at;
    const low = lowIn + at;
    const close = closeIn + at;
    const out = outAll + at;
    const buying = scratch;
    const range = scratch + slots(len);
    const sumBuying = scratch + slots(2 * len);
    const sumRange = scratch + slots(3 * len);
    const ring = scratch + slots(4 * len);
    if (len > 0) st(buying, 0, NaN);
    for (let i: i32 = 1; i < len; i++) {
      const previous = ld(close, i - 1);
      const l = ld(low, i);
      st(buying, i, ld(close, i) - (l < previous ? l : previous));
    }
    trueRangeSeries(high, low, close, range, len);
    for (let i: i32 = 0; i < len; i++) st(out, i, 0);
    for (let k: i32 = 0; k < 3; k++) {
      let p = p3;
      let weight: f64 = 1.0;
      if (k == 0) {
        p = p1;
        weight = 4.0;
      } else if (k == 1) {
        p = p2;
        weight = 2.0;
      }
      sumSeries(buying, sumBuying, len, p, ring);
      sumSeries(range, sumRange, len, p, ring);
      for (let i: i32 = 0; i < len; i++) {
        const r = ld(sumRange, i);
        if (r == 0 && !pine) continue;
        const average = r == 0 ? NaN : ld(sumBuying, i) / r;
        st(out, i, k == 2 ? ld(out, i) + average : ld(out, i) + weight * average);
      }
    }
    for (let i: i32 = 0; i < len; i++) st(out, i, pine ? (100.0 * ld(out, i)) / 7.0 : 100.0 * (ld(out, i) / 7.0));
  }
}
