// Building blocks of the windowed-sum kernels (cci, adx, mfi, trange). Each output gets the
// floating-point operations of its reference in src/reference/ in the same order, and only the
// schedule differs. Consecutive bars share the two lanes of an f64x2 vector, because a window
// summed afresh per bar does not depend on the previous bar's sum. Several vectors run per loop
// so that their chains of additions overlap, and per-bar series are computed once, not per window.

import { ld, ldv, slots, st, stv } from './lib';

@inline function min32(a: i32, b: i32): i32 {
  return a < b ? a : b;
}

/** Writes the typical price (high + low + close) / 3 of bars [0, len), two bars at a time. */
export function typicalPriceSeries(high: usize, low: usize, close: usize, dst: usize, len: i32): void {
  const three = f64x2.splat(3.0);
  let i: i32 = 0;
  for (; i + 1 < len; i += 2) stv(dst, i, f64x2.div(f64x2.add(f64x2.add(ldv(high, i), ldv(low, i)), ldv(close, i)), three));
  if (i < len) st(dst, i, (ld(high, i) + ld(low, i) + ld(close, i)) / 3.0);
}

/**
 * trueRangeSeries of src/reference/lib.ts, two bars at a time: f64x2.pmax(tr, v) is
 * tr < v ? v : tr, the reference's `if (v > tr) tr = v`, NaN included.
 */
export function trueRangeLanes(high: usize, low: usize, close: usize, dst: usize, len: i32): void {
  if (len > 0) st(dst, 0, NaN);
  let i: i32 = 1;
  for (; i + 1 < len; i += 2) {
    const h = ldv(high, i);
    const l = ldv(low, i);
    const previousClose = ldv(close, i - 1);
    let range = f64x2.sub(h, l);
    range = f64x2.pmax(range, f64x2.abs(f64x2.sub(h, previousClose)));
    range = f64x2.pmax(range, f64x2.abs(f64x2.sub(l, previousClose)));
    stv(dst, i, range);
  }
  if (i < len) {
    const previousClose = ld(close, i - 1);
    let range = ld(high, i) - ld(low, i);
    const up = Math.abs(ld(high, i) - previousClose);
    if (up > range) range = up;
    const down = Math.abs(ld(low, i) - previousClose);
    if (down > range) range = down;
    st(dst, i, range);
  }
}

/** TA-Lib's CCI of two consecutive bars from their typical prices, means and deviation sums. */
@inline function cciLanes(last: v128, mean: v128, deviation: v128, count: v128): v128 {
  const difference = f64x2.sub(last, mean);
  const defined = v128.and(f64x2.ne(difference, f64x2.splat(0)), f64x2.ne(deviation, f64x2.splat(0)));
  const value = f64x2.div(difference, f64x2.mul(f64x2.splat(0.015), f64x2.div(deviation, count)));
  return v128.bitselect(value, f64x2.splat(0), defined);
}

/**
 * Computes TA-Lib's CCI from the typical prices `typical[0, len)` as src/reference/cci.ts does.
 * Per bar it sums the window oldest first, takes the mean and sums the absolute deviations
 * oldest first. The value is (last - mean) / (0.015 * (deviation / n)), or 0 where last - mean
 * or the deviation is 0. Eight bars go at a time, two per vector, and bars before n - 1 are NaN.
 */
export function cciTalibSeries(typical: usize, dst: usize, len: i32, n: i32): void {
  const fn = <f64>n;
  const count = f64x2.splat(fn);
  for (let i: i32 = 0; i < min32(n - 1, len); i++) st(dst, i, NaN);
  let i = n - 1;
  for (; i + 7 < len; i += 8) {
    const oldest = typical + slots(i - n + 1);
    let sum0 = f64x2.splat(0);
    let sum1 = f64x2.splat(0);
    let sum2 = f64x2.splat(0);
    let sum3 = f64x2.splat(0);
    for (let j: i32 = 0; j < n; j++) {
      sum0 = f64x2.add(sum0, ldv(oldest, j));
      sum1 = f64x2.add(sum1, ldv(oldest, j + 2));
      sum2 = f64x2.add(sum2, ldv(oldest, j + 4));
      sum3 = f64x2.add(sum3, ldv(oldest, j + 6));
    }
    const mean0 = f64x2.div(sum0, count);
    const mean1 = f64x2.div(sum1, count);
    const mean2 = f64x2.div(sum2, count);
    const mean3 = f64x2.div(sum3, count);
    let deviation0 = f64x2.splat(0);
    let deviation1 = f64x2.splat(0);
    let deviation2 = f64x2.splat(0);
    let deviation3 = f64x2.splat(0);
    for (let j: i32 = 0; j < n; j++) {
      deviation0 = f64x2.add(deviation0, f64x2.abs(f64x2.sub(ldv(oldest, j), mean0)));
      deviation1 = f64x2.add(deviation1, f64x2.abs(f64x2.sub(ldv(oldest, j + 2), mean1)));
      deviation2 = f64x2.add(deviation2, f64x2.abs(f64x2.sub(ldv(oldest, j + 4), mean2)));
      deviation3 = f64x2.add(deviation3, f64x2.abs(f64x2.sub(ldv(oldest, j + 6), mean3)));
    }
    stv(dst, i, cciLanes(ldv(typical, i), mean0, deviation0, count));
    stv(dst, i + 2, cciLanes(ldv(typical, i + 2), mean1, deviation1, count));
    stv(dst, i + 4, cciLanes(ldv(typical, i + 4), mean2, deviation2, count));
    stv(dst, i + 6, cciLanes(ldv(typical, i + 6), mean3, deviation3, count));
  }
  for (; i < len; i++) {
    const oldest = typical + slots(i - n + 1);
    let sum: f64 = 0;
    for (let j: i32 = 0; j < n; j++) sum += ld(oldest, j);
    const mean = sum / fn;
    let deviation: f64 = 0;
    for (let j: i32 = 0; j < n; j++) deviation += Math.abs(ld(oldest, j) - mean);
    const last = ld(typical, i) - mean;
    st(dst, i, last != 0 && deviation != 0 ? last / (0.015 * (deviation / fn)) : 0.0);
  }
}

/** Pine's CCI of two bars from their means: NaN where the mean is NaN or the deviation 0. */
@inline function cciPineLanes(close: v128, mean: v128, sum: v128, count: v128): v128 {
  const deviation = f64x2.div(sum, count);
  const value = f64x2.div(f64x2.sub(close, mean), f64x2.mul(f64x2.splat(0.015), deviation));
  const defined = v128.and(f64x2.eq(mean, mean), f64x2.ne(deviation, f64x2.splat(0)));
  return v128.bitselect(value, f64x2.splat(NaN), defined);
}

/**
 * Computes Pine's CCI where `dst` contains the means of `ta.sma(close, n)`. For each bar with a
 * defined mean, it sums the absolute deviations of the last n closes newest first (`ta.dev`),
 * and the value is (close - mean) / (0.015 * dev), NaN where dev is 0. Bars without a mean keep
 * it (NaN). A mean is defined only from bar n - 1, so every window read lies inside the series.
 * Four bars go at a time, two per vector.
 */
export function cciPineSeries(close: usize, dst: usize, len: i32, n: i32): void {
  const fn = <f64>n;
  const count = f64x2.splat(fn);
  let i = n - 1;
  for (; i + 3 < len; i += 4) {
    const mean0 = ldv(dst, i);
    const mean1 = ldv(dst, i + 2);
    let sum0 = f64x2.splat(0);
    let sum1 = f64x2.splat(0);
    for (let j: i32 = 0; j < n; j++) {
      sum0 = f64x2.add(sum0, f64x2.abs(f64x2.sub(ldv(close, i - j), mean0)));
      sum1 = f64x2.add(sum1, f64x2.abs(f64x2.sub(ldv(close, i + 2 - j), mean1)));
    }
    stv(dst, i, cciPineLanes(ldv(close, i), mean0, sum0, count));
    stv(dst, i + 2, cciPineLanes(ldv(close, i + 2), mean1, sum1, count));
  }
  for (; i < len; i++) {
    const mean = ld(dst, i);
    if (mean != mean) continue;
    let sum: f64 = 0;
    for (let j: i32 = 0; j < n; j++) sum += Math.abs(ld(close, i - j) - mean);
    const dev = sum / fn;
    st(dst, i, dev == 0 ? NaN : (ld(close, i) - mean) / (0.015 * dev));
  }
}

/**
 * directionalMovementSeries of kernels/as/lib-trend.ts as one vector (+DM, -DM) per bar at
 * `lanes`, without branches. With v = (up, down) and w = (down, up), TA-Lib's rule keeps a lane
 * where v > 0 and v > w (at most one lane can pass, so its else-if order changes nothing) and
 * Pine's where v - w > 1e-10 and v - 0 > 1e-10; the other lanes are +0. Bar 0 is 0 (TA-Lib) or
 * NaN (Pine).
 */
export function directionalMovementLanes(high: usize, low: usize, lanes: usize, len: i32, pine: bool): void {
  if (len > 0) v128.store(lanes, f64x2.splat(pine ? NaN : 0));
  const zero = f64x2.splat(0);
  const tolerance = f64x2.splat(1e-10);
  for (let i: i32 = 1; i < len; i++) {
    const highs = ldv(high, i - 1);
    const lows = ldv(low, i - 1);
    // (high[i], low[i - 1]) - (high[i - 1], low[i]) = (up, down).
    const v = f64x2.sub(f64x2.shuffle(highs, lows, 1, 2), f64x2.shuffle(highs, lows, 0, 3));
    const w = f64x2.shuffle(v, v, 1, 0);
    const keep = pine
      ? v128.and(f64x2.gt(f64x2.sub(v, w), tolerance), f64x2.gt(f64x2.sub(v, zero), tolerance))
      : v128.and(f64x2.gt(v, zero), f64x2.gt(v, w));
    v128.store(lanes + (<usize>i << 4), v128.and(v, keep));
  }
}

/**
 * Runs the block sums of `windowMeanSeries` (kernels/as/lib.ts) on two series at once, the lanes
 * of one vector per value at `src`, and writes the means as one vector per value at `dst`. The
 * caller checks that neither series has a NaN, so no value is packed away. Buffers: 4 * (n + 1)
 * slots.
 */
export function windowMeanLanes(src: usize, dst: usize, len: i32, n: i32, buffers: usize): void {
  const count = f64x2.splat(<f64>n);
  let older = buffers;
  let newer = buffers + (<usize>(n + 1) << 4);
  for (let j: i32 = 0; j < n; j++) v128.store(older + (<usize>j << 4), f64x2.splat(NaN));
  v128.store(older + (<usize>n << 4), f64x2.splat(-0.0));
  v128.store(newer + (<usize>n << 4), f64x2.splat(-0.0));
  for (let start: i32 = 0; start < len; start += n) {
    const x = src + (<usize>start << 4);
    const out = dst + (<usize>start << 4);
    const m = min32(n, len - start);
    let prefix = f64x2.splat(0);
    if (m == n && start + n < len) {
      // The prefix of this block runs forward while its suffix, for the next block, runs backward.
      let tail = f64x2.splat(0);
      for (let j: i32 = 0; j < n; j++) {
        prefix = f64x2.add(prefix, v128.load(x + (<usize>j << 4)));
        v128.store(out + (<usize>j << 4), f64x2.div(f64x2.add(v128.load(older + (<usize>(j + 1) << 4)), prefix), count));
        const k = n - 1 - j;
        tail = f64x2.add(tail, v128.load(x + (<usize>k << 4)));
        v128.store(newer + (<usize>k << 4), tail);
      }
    } else {
      for (let j: i32 = 0; j < m; j++) {
        prefix = f64x2.add(prefix, v128.load(x + (<usize>j << 4)));
        v128.store(out + (<usize>j << 4), f64x2.div(f64x2.add(v128.load(older + (<usize>(j + 1) << 4)), prefix), count));
      }
    }
    const swap = older;
    older = newer;
    newer = swap;
  }
}
