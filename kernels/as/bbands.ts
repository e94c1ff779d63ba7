import { column, ld, param, seriesStart, smaSeries, st } from './lib';

/** bbands(n, mult) of close; the mirror of src/reference/bbands.ts. Scratch: n slots. */
export function bbands(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const close = column(inputs, 0);
  const upperOut = column(outputs, 0);
  const middleOut = column(outputs, 1);
  const lowerOut = column(outputs, 2);
  const n = <i32>param(params, 0);
  const mult = param(params, 1);
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = <usize>start << 3;
    const src = close + at;
    const upper = upperOut + at;
    const middle = middleOut + at;
    const lower = lowerOut + at;
    smaSeries(src, middle, len, n, scratch);
    for (let i: i32 = 0; i < len; i++) {
      if (i < n - 1) {
        st(upper, i, NaN);
        st(lower, i, NaN);
        continue;
      }
      const width = mult * windowDeviation(src, i - n + 1, n);
      st(upper, i, ld(middle, i) + width);
      st(lower, i, ld(middle, i) - width);
    }
  }
}

function windowDeviation(src: usize, from: i32, n: i32): f64 {
  const anchor = ld(src, from + n - 1);
  let sum: f64 = 0;
  for (let j = from; j < from + n; j++) sum += ld(src, j) - anchor;
  const meanShift = sum / <f64>n;
  let squares: f64 = 0;
  for (let j = from; j < from + n; j++) {
    const deviation = ld(src, j) - anchor - meanShift;
    squares += deviation * deviation;
  }
  return Math.sqrt(squares / <f64>n);
}
