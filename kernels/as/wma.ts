import { column, param, seriesStart, windowWmaSeries, wmaSeries } from './lib';

/**
 * wma(n) of close; the mirror of src/reference/wma.ts. params: n, ratings profile, conventions.
 * Scratch: 2 * (n + 1) + 2 * maxLength slots (talib); 2 * maxLength (tradingview).
 */
export function wma(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const close = column(inputs, 0);
  const out = column(outputs, 0);
  const n = <i32>param(params, 0);
  const pine = param(params, 2) == 1;
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = <usize>start << 3;
    if (pine) wmaSeries(close + at, out + at, len, n, scratch);
    else windowWmaSeries(close + at, out + at, len, n, scratch);
  }
}
