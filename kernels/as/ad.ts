import { column, param, seriesStart, slots } from './lib';
import { accumulationSeries } from './lib-rest';

/** ad; the mirror of src/reference/ad.ts. The params are the ratings profile, then the conventions flag. Scratch: none. */
export function ad(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const high = column(inputs, 0);
  const low = column(inputs, 1);
  const close = column(inputs, 2);
  const volume = column(inputs, 3);
  const out = column(outputs, 0);
  const pine = param(params, 1) == 1;
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = slots(start);
    accumulationSeries(high + at, low + at, close + at, volume + at, out + at, len, pine);
  }
}
