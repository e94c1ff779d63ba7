import { column, ld, param, seriesStart, slots, st } from './lib';
import { recommendMaBatch } from './ratings';
import { ratingBand, recommendOtherSeries } from './ratings-other';
import { recommendAllBatch } from './recommend_all';

/** recommend_label; the mirror of src/reference/recommend_label.ts. */
export function recommend_label(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const high = column(inputs, 0);
  const low = column(inputs, 1);
  const close = column(inputs, 2);
  const volume = column(inputs, 3);
  const out = column(outputs, 0);
  const rating = param(params, 0);
  const profile = param(params, 1);
  if (rating == 0) {
    recommendAllBatch(high, low, close, volume, out, offsets, count, profile, scratch, true);
    return;
  }
  if (rating == 1) {
    recommendMaBatch(high, low, close, volume, out, offsets, count, profile, scratch);
  } else {
    for (let s: i32 = 0; s < count; s++) {
      const start = seriesStart(offsets, s);
      const len = seriesStart(offsets, s + 1) - start;
      const at = slots(start);
      recommendOtherSeries(high + at, low + at, close + at, out + at, len, scratch);
    }
  }
  const total = seriesStart(offsets, count) - seriesStart(offsets, 0);
  const first = out + slots(seriesStart(offsets, 0));
  for (let i: i32 = 0; i < total; i++) st(first, i, ratingBand(ld(first, i)));
}
