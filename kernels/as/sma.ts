import { column, param, seriesStart, smaSeries, windowMeanSeries } from './lib';

/**
 * sma(n) of close; the mirror of src/reference/sma.ts. params: n, ratings profile, conventions.
 * Scratch: 2 * (n + 1) + 2 * maxLength slots (talib); n slots of ring (tradingview).
 */
export function sma(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const close = column(inputs, 0);
  const out = column(outputs, 0);
  const n = <i32>param(params, 0);
  const pine = param(params, 2) == 1;
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = <usize>start << 3;
    if (pine) smaSeries(close + at, out + at, len, n, scratch);
    else windowMeanSeries(close + at, out + at, len, n, scratch);
  }
}
