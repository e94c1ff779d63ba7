// Building blocks of the momentum kernels: the mirror of src/reference/lib-momentum.ts over raw
// pointers, operation for operation. No block allocates.

import { emaSeries, fillNaN, firstDefined, hasNaN, ld, param, slots, smaSeries, st, windowMeanSeries } from './lib';
import { blockMeanSeries } from './lib-extremes';

/** Returns whether the conventions flag, after `count` indicator parameters and the ratings profile, selects TradingView. */
@inline export function isTradingView(params: usize, count: i32): bool {
  return param(params, count + 1) == 1.0;
}

/** Returns the slots of scratch `averageSeries` needs for a window of n over `len` bars, either convention. */
@inline export function averageScratch(n: i32, len: i32): i32 {
  return 2 * (n + 1) + 2 * len;
}

function windowHighest(src: usize, i: i32, n: i32): f64 {
  let m: f64 = NaN;
  for (let j = i - n + 1; j <= i; j++) {
    const v = ld(src, j);
    if (v == v && (m != m || v > m)) m = v;
  }
  return m;
}

function windowLowest(src: usize, i: i32, n: i32): f64 {
  let m: f64 = NaN;
  for (let j = i - n + 1; j <= i; j++) {
    const v = ld(src, j);
    if (v == v && (m != m || v < m)) m = v;
  }
  return m;
}

export function stochSeries(src: usize, high: usize, low: usize, dst: usize, len: i32, n: i32, tv: bool): void {
  for (let i: i32 = 0; i < len; i++) {
    if (i < n - 1) {
      st(dst, i, NaN);
      continue;
    }
    const hh = windowHighest(high, i, n);
    const ll = windowLowest(low, i, n);
    if (tv) {
      const range = hh - ll;
      st(dst, i, range == 0 ? NaN : (100.0 * (ld(src, i) - ll)) / range);
    } else {
      const diff = (hh - ll) / 100.0;
      st(dst, i, diff == 0 ? 0.0 : (ld(src, i) - ll) / diff);
    }
  }
}

export function willrSeries(close: usize, high: usize, low: usize, dst: usize, len: i32, n: i32, tv: bool): void {
  for (let i: i32 = 0; i < len; i++) {
    if (i < n - 1) {
      st(dst, i, NaN);
      continue;
    }
    const hh = windowHighest(high, i, n);
    const ll = windowLowest(low, i, n);
    if (tv) {
      const range = hh - ll;
      st(dst, i, range == 0 ? NaN : (100.0 * (ld(close, i) - hh)) / range);
    } else {
      const diff = (hh - ll) / -100.0;
      st(dst, i, diff == 0 ? 0.0 : (hh - ld(close, i)) / diff);
    }
  }
}

/**
 * TA-Lib's SMA or Pine's sma of a derived series. Scratch: `averageScratch(n, len)` slots. Both
 * skip NaN values, so a NaN head only gives NaN outputs, and leaving it out spares
 * windowMeanSeries its packing. Periods below 8 without other NaN take blockMeanSeries, the
 * same sums with less work per block for short periods. NOTE: the threshold 8 is an estimate.
 * Period 3 ran faster with blockMeanSeries, periods 12 and 26 slower, and nothing in between
 * was timed.
 */
export function averageSeries(src: usize, dst: usize, len: i32, n: i32, tv: bool, scratch: usize): void {
  const first = firstDefined(src, len);
  fillNaN(dst, 0, first);
  const at = slots(first);
  if (tv) smaSeries(src + at, dst + at, len - first, n, scratch);
  else if (n >= 8 || hasNaN(src, first, len)) windowMeanSeries(src + at, dst + at, len - first, n, scratch);
  else blockMeanSeries(src + at, dst + at, len - first, n, scratch);
}

/** Computes the fast and slow averages of APO and PPO. Scratch: `averageScratch(slowN, len)` slots. */
export function twoAverages(src: usize, fast: usize, slow: usize, len: i32, fastN: i32, slowN: i32, maType: i32, tv: bool, scratch: usize): void {
  if (maType == 1) {
    emaSeries(src, fast, len, fastN);
    emaSeries(src, slow, len, slowN);
  } else {
    averageSeries(src, fast, len, fastN, tv, scratch);
    averageSeries(src, slow, len, slowN, tv, scratch);
  }
}
