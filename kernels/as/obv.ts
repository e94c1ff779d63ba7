import { column, param, seriesStart, slots } from './lib';
import { obvPair } from './lib-rest';

/**
 * obv; the mirror of src/reference/obv.ts, two series at a time. The params are the ratings
 * profile, then the conventions flag. Scratch: none.
 */
export function obv(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const close = column(inputs, 0);
  const volume = column(inputs, 1);
  const out = column(outputs, 0);
  const pine = param(params, 1) == 1;
  for (let s: i32 = 0; s < count; s += 2) {
    const a = slots(seriesStart(offsets, s));
    const lenA = seriesStart(offsets, s + 1) - seriesStart(offsets, s);
    // A last series without a partner pairs with an empty one.
    const b = s + 1 < count ? slots(seriesStart(offsets, s + 1)) : a;
    const lenB = s + 1 < count ? seriesStart(offsets, s + 2) - seriesStart(offsets, s + 1) : 0;
    obvPair(close + a, volume + a, out + a, lenA, close + b, volume + b, out + b, lenB, pine);
  }
}
