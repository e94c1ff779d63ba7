import { column, ld, param, seriesStart, slots, st } from './lib';
import { aroonLanes } from './lib-extremes';

/** aroon(n): up, down, osc; the mirror of src/reference/aroon.ts. Scratch: aroonScratch(n) slots. */
export function aroon(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const high = column(inputs, 0);
  const low = column(inputs, 1);
  const upOut = column(outputs, 0);
  const downOut = column(outputs, 1);
  const oscOut = column(outputs, 2);
  const n = <i32>param(params, 0);
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = slots(start);
    const h = high + at;
    const l = low + at;
    if (aroonLanes(h, l, upOut + at, downOut + at, oscOut + at, len, n, scratch)) aroonScan(h, l, upOut + at, downOut + at, oscOut + at, len, n);
  }
}

/** Computes Aroon by scanning each window as the reference does, for series with NaN. */
function aroonScan(h: usize, l: usize, up: usize, down: usize, osc: usize, len: i32, n: i32): void {
  const factor = 100.0 / <f64>n;
  for (let i: i32 = 0; i < len; i++) {
    if (i < n) {
      st(up, i, NaN);
      st(down, i, NaN);
      st(osc, i, NaN);
      continue;
    }
    let highest = i - n;
    let lowest = i - n;
    for (let j = i - n + 1; j <= i; j++) {
      if (ld(h, j) >= ld(h, highest)) highest = j;
      if (ld(l, j) <= ld(l, lowest)) lowest = j;
    }
    st(up, i, factor * <f64>(n - (i - highest)));
    st(down, i, factor * <f64>(n - (i - lowest)));
    st(osc, i, factor * <f64>(highest - lowest));
  }
}
