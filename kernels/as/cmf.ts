import { column, ld, param, seriesStart, slots, st, sumSeries } from './lib';
import { moneyFlowVolumeSeries } from './lib-trend';

/** cmf(n); the mirror of src/reference/cmf.ts. Scratch: 2 slots per bar + n. */
export function cmf(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const high = column(inputs, 0);
  const low = column(inputs, 1);
  const close = column(inputs, 2);
  const volumeIn = column(inputs, 3);
  const outAll = column(outputs, 0);
  const n = <i32>param(params, 0);
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = slots(start);
    const out = outAll + at;
    const flow = scratch;
    const volumeSum = scratch + slots(len);
    const ring = scratch + slots(2 * len);
    moneyFlowVolumeSeries(high + at, low + at, close + at, volumeIn + at, flow, len, true);
    sumSeries(flow, out, len, n, ring);
    sumSeries(volumeIn + at, volumeSum, len, n, ring);
    for (let i: i32 = 0; i < len; i++) {
      const total = ld(volumeSum, i);
      st(out, i, total == 0 ? NaN : ld(out, i) / total);
    }
  }
}
