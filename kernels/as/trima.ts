import { column, param, seriesStart, slots } from './lib';
import { averageSeries } from './lib-momentum';

/**
 * trima(n) of close; the mirror of src/reference/trima.ts. Scratch: maxLength slots for the
 * inner mean, then the 2 * (b + 1) + 2 * maxLength of averageSeries, b the longer half.
 */
export function trima(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const close = column(inputs, 0);
  const out = column(outputs, 0);
  const n = <i32>param(params, 0);
  const a = n % 2 == 1 ? (n + 1) / 2 : n / 2;
  const b = n % 2 == 1 ? (n + 1) / 2 : n / 2 + 1;
  const inner = scratch;
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = <usize>start << 3;
    const work = scratch + slots(len);
    // averageSeries takes the windows of windowMeanSeries, skipping the inner mean's NaN head
    // rather than packing it away.
    averageSeries(close + at, inner, len, a, false, work);
    averageSeries(inner, out + at, len, b, false, work);
  }
}
