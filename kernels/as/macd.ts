import { column, emaSeries, fillNaN, ld, param, seriesStart, st } from './lib';

/** macd(fast, slow, signal) of close; the mirror of src/reference/macd.ts. Scratch: one slot per bar. */
export function macd(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const close = column(inputs, 0);
  const lineOut = column(outputs, 0);
  const signalOut = column(outputs, 1);
  const histOut = column(outputs, 2);
  const fast = <i32>param(params, 0);
  const slow = <i32>param(params, 1);
  const signal = <i32>param(params, 2);
  const skip = slow - fast;
  const first = slow - 1 + (signal - 1);
  const slowEma = scratch;
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = <usize>start << 3;
    const src = close + at;
    const line = lineOut + at;
    const signalLine = signalOut + at;
    const hist = histOut + at;

    fillNaN(line, 0, skip < len ? skip : len);
    if (skip < len) emaSeries(src + (<usize>skip << 3), line + (<usize>skip << 3), len - skip, fast);
    emaSeries(src, slowEma, len, slow);
    for (let i: i32 = 0; i < len; i++) st(line, i, ld(line, i) - ld(slowEma, i));

    emaSeries(line, signalLine, len, signal);
    for (let i: i32 = 0; i < len; i++) st(hist, i, ld(line, i) - ld(signalLine, i));

    fillNaN(line, 0, first < len ? first : len);
  }
}
