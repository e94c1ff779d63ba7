// Building blocks of the trend and volume kernels: the mirror of src/reference/lib-trend.ts over
// raw pointers, operation for operation. No block allocates.

import { greater, ld, st } from './lib';

/** +DM and -DM from bar 1 by TA-Lib's rule or Pine's tolerant one; bar 0 is 0 (TA-Lib) or NaN (Pine). */
export function directionalMovementSeries(high: usize, low: usize, plus: usize, minus: usize, len: i32, pine: bool): void {
  if (len > 0) {
    st(plus, 0, pine ? NaN : 0);
    st(minus, 0, pine ? NaN : 0);
  }
  for (let i: i32 = 1; i < len; i++) {
    const up = ld(high, i) - ld(high, i - 1);
    const down = ld(low, i - 1) - ld(low, i);
    let p: f64 = 0;
    let m: f64 = 0;
    if (pine) {
      if (greater(up, down) && greater(up, 0)) p = up;
      if (greater(down, up) && greater(down, 0)) m = down;
    } else if (down > 0 && up < down) {
      m = down;
    } else if (up > 0 && up > down) {
      p = up;
    }
    st(plus, i, p);
    st(minus, i, m);
  }
}

/** Money flow volume per bar, TA-Lib's AD term or Pine's `ta.accdist` term. */
export function moneyFlowVolumeSeries(high: usize, low: usize, close: usize, volume: usize, dst: usize, len: i32, pine: bool): void {
  for (let i: i32 = 0; i < len; i++) {
    const h = ld(high, i);
    const l = ld(low, i);
    const c = ld(close, i);
    const range = h - l;
    if (pine) {
      st(dst, i, range == 0 ? 0 : ((2.0 * c - l - h) / range) * ld(volume, i));
    } else {
      st(dst, i, range > 0 ? ((c - l - (h - c)) / range) * ld(volume, i) : 0);
    }
  }
}

/** Running total from bar 0 in bar order; `dst` may be `src`. */
export function cumulativeSeries(src: usize, dst: usize, len: i32): void {
  let total: f64 = 0;
  for (let i: i32 = 0; i < len; i++) {
    total = total + ld(src, i);
    st(dst, i, total);
  }
}
