import { column, ld, param, seriesStart, slots, st } from './lib';
import { recommendMaBatch } from './ratings';
import { combineRating, ratingBand, recommendOtherSeries } from './ratings-other';

/**
 * recommend_ma of every series into dst, then recommend_other of each series beside it, and
 * the mean of the two (`combineRating`), or its band when `band`. The work of recommend_ma is
 * free again once it has written dst, so the scratch is the larger of the two needs.
 */
export function recommendAllBatch(
  high: usize,
  low: usize,
  close: usize,
  volume: usize,
  dst: usize,
  offsets: usize,
  count: i32,
  profile: f64,
  scratch: usize,
  band: bool,
): void {
  recommendMaBatch(high, low, close, volume, dst, offsets, count, profile, scratch);
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = slots(start);
    const other = scratch;
    recommendOtherSeries(high + at, low + at, close + at, other, len, scratch + slots(len));
    const out = dst + at;
    for (let i: i32 = 0; i < len; i++) {
      const rating = combineRating(ld(out, i), ld(other, i));
      st(out, i, band ? ratingBand(rating) : rating);
    }
  }
}

/** recommend_all; the mirror of src/reference/recommend_all.ts. */
export function recommend_all(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const high = column(inputs, 0);
  const low = column(inputs, 1);
  const close = column(inputs, 2);
  const volume = column(inputs, 3);
  recommendAllBatch(high, low, close, volume, column(outputs, 0), offsets, count, param(params, 0), scratch, false);
}
