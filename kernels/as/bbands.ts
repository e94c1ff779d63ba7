import { column, ld, param, seriesStart, st, sumSeries, windowBandsSeries } from './lib';

/**
 * bbands(n, mult) of close; the mirror of src/reference/bbands.ts. params: n, mult, ratings
 * profile, conventions. Scratch: 6 * (n + 1) + 4 * maxLength slots (talib); n slots of ring
 * (tradingview).
 */
export function bbands(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const closeIn = column(inputs, 0);
  const upperOut = column(outputs, 0);
  const middleOut = column(outputs, 1);
  const lowerOut = column(outputs, 2);
  const n = <i32>param(params, 0);
  const mult = param(params, 1);
  const pine = param(params, 3) == 1;
  const fn = <f64>n;
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = <usize>start << 3;
    const close = closeIn + at;
    const upper = upperOut + at;
    const middle = middleOut + at;
    const lower = lowerOut + at;
    if (!pine) {
      windowBandsSeries(close, upper, middle, lower, len, n, mult, scratch);
      continue;
    }
    // upper contains the squares, then lower their rolling sum, until the bands overwrite them.
    sumSeries(close, middle, len, n, scratch);
    for (let i: i32 = 0; i < len; i++) st(upper, i, ld(close, i) * ld(close, i));
    sumSeries(upper, lower, len, n, scratch);
    for (let i: i32 = 0; i < len; i++) {
      const mean = ld(middle, i) / fn;
      const variance = ld(lower, i) / fn - mean * mean;
      const width = mult * Math.sqrt(variance < 0 ? 0 : variance);
      st(middle, i, mean);
      st(upper, i, mean + width);
      st(lower, i, mean - width);
    }
  }
}
