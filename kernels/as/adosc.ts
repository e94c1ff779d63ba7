import { column, emaSeries, ld, param, seriesStart, slots, st } from './lib';
import { chaikinPair } from './lib-rest';
import { cumulativeSeries, moneyFlowVolumeSeries } from './lib-trend';

/** adosc(fast, slow); the mirror of src/reference/adosc.ts. Scratch: 2 slots per bar (tradingview). */
export function adosc(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const high = column(inputs, 0);
  const low = column(inputs, 1);
  const close = column(inputs, 2);
  const volume = column(inputs, 3);
  const outAll = column(outputs, 0);
  const fast = <i32>param(params, 0);
  const slow = <i32>param(params, 1);
  const pine = param(params, 3) == 1;
  if (!pine) {
    // TA-Lib's form, two series at a time; a last series without a partner pairs with an empty one.
    for (let s: i32 = 0; s < count; s += 2) {
      const a = slots(seriesStart(offsets, s));
      const lenA = seriesStart(offsets, s + 1) - seriesStart(offsets, s);
      const b = s + 1 < count ? slots(seriesStart(offsets, s + 1)) : a;
      const lenB = s + 1 < count ? seriesStart(offsets, s + 2) - seriesStart(offsets, s + 1) : 0;
      chaikinPair(high + a, low + a, close + a, volume + a, outAll + a, lenA, high + b, low + b, close + b, volume + b, outAll + b, lenB, fast, slow);
    }
    return;
  }
  // Pine's form: ta.ema of the accumulation/distribution line, each seeded with a mean.
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = slots(start);
    const out = outAll + at;
    const line = scratch;
    const slowAverage = scratch + slots(len);
    moneyFlowVolumeSeries(high + at, low + at, close + at, volume + at, line, len, true);
    cumulativeSeries(line, line, len);
    emaSeries(line, out, len, fast);
    emaSeries(line, slowAverage, len, slow);
    for (let i: i32 = 0; i < len; i++) st(out, i, ld(out, i) - ld(slowAverage, i));
  }
}
