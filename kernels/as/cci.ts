import { column, ld, param, seriesStart, smaSeries, st } from './lib';
import { isTradingView } from './lib-momentum';

@inline function typical(high: usize, low: usize, close: usize, j: i32): f64 {
  return (ld(high, j) + ld(low, j) + ld(close, j)) / 3.0;
}

/** cci(n); the mirror of src/reference/cci.ts. Scratch: n slots (the ring of Pine's sma). */
export function cci(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const highs = column(inputs, 0);
  const lows = column(inputs, 1);
  const closes = column(inputs, 2);
  const outs = column(outputs, 0);
  const n = <i32>param(params, 0);
  const fn = <f64>n;
  const tv = isTradingView(params, 1);
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = <usize>start << 3;
    const high = highs + at;
    const low = lows + at;
    const close = closes + at;
    const out = outs + at;
    if (tv) {
      smaSeries(close, out, len, n, scratch);
      for (let i: i32 = 0; i < len; i++) {
        const mean = ld(out, i);
        if (mean != mean) continue;
        let sum: f64 = 0;
        for (let j: i32 = 0; j < n; j++) sum += Math.abs(ld(close, i - j) - mean);
        const dev = sum / fn;
        st(out, i, dev == 0 ? NaN : (ld(close, i) - mean) / (0.015 * dev));
      }
      continue;
    }
    for (let i: i32 = 0; i < len; i++) {
      if (i < n - 1) {
        st(out, i, NaN);
        continue;
      }
      let sum: f64 = 0;
      for (let j = i - n + 1; j <= i; j++) sum += typical(high, low, close, j);
      const mean = sum / fn;
      let deviation: f64 = 0;
      for (let j = i - n + 1; j <= i; j++) deviation += Math.abs(typical(high, low, close, j) - mean);
      const last = typical(high, low, close, i) - mean;
      st(out, i, last != 0 && deviation != 0 ? last / (0.015 * (deviation / fn)) : 0.0);
    }
  }
}
