import { column, emaSeries, ld, param, seriesStart, slots, st } from './lib';
import { cumulativeSeries, moneyFlowVolumeSeries } from './lib-trend';

/** adosc(fast, slow); the mirror of src/reference/adosc.ts. Scratch: 2 slots per bar. */
export function adosc(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const high = column(inputs, 0);
  const low = column(inputs, 1);
  const close = column(inputs, 2);
  const volume = column(inputs, 3);
  const outAll = column(outputs, 0);
  const fast = <i32>param(params, 0);
  const slow = <i32>param(params, 1);
  const pine = param(params, 3) == 1;
  const first = (fast > slow ? fast : slow) - 1;
  const fastK = 2.0 / (<f64>fast + 1.0);
  const slowK = 2.0 / (<f64>slow + 1.0);
  const fastKeep = 1.0 - fastK;
  const slowKeep = 1.0 - slowK;

  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = slots(start);
    const out = outAll + at;
    const line = scratch;
    moneyFlowVolumeSeries(high + at, low + at, close + at, volume + at, line, len, pine);
    cumulativeSeries(line, line, len);
    if (pine) {
      const slowAverage = scratch + slots(len);
      emaSeries(line, out, len, fast);
      emaSeries(line, slowAverage, len, slow);
      for (let i: i32 = 0; i < len; i++) st(out, i, ld(out, i) - ld(slowAverage, i));
      continue;
    }

    let fastAverage: f64 = 0;
    let slowAverage: f64 = 0;
    for (let i: i32 = 0; i < len; i++) {
      const x = ld(line, i);
      if (i == 0) {
        fastAverage = x;
        slowAverage = x;
      } else {
        fastAverage = fastK * x + fastKeep * fastAverage;
        slowAverage = slowK * x + slowKeep * slowAverage;
      }
      st(out, i, i < first ? NaN : fastAverage - slowAverage);
    }
  }
}
