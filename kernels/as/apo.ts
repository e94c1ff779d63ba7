import { column, param, seriesStart, slots } from './lib';
import { isTradingView, twoAverages } from './lib-momentum';
import { spread } from './lib-rest';

/** apo(fast, slow, maType); the mirror of src/reference/apo.ts. Scratch: maxLength + averageScratch(slow, maxLength). */
export function apo(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const closes = column(inputs, 0);
  const outs = column(outputs, 0);
  const fastN = <i32>param(params, 0);
  const slowN = <i32>param(params, 1);
  const maType = <i32>param(params, 2);
  const tv = isTradingView(params, 3);
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = <usize>start << 3;
    const out = outs + at;
    const fast = scratch;
    twoAverages(closes + at, fast, out, len, fastN, slowN, maType, tv, scratch + slots(len));
    spread(fast, out, len);
  }
}
