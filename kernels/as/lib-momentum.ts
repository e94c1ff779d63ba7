// Building blocks of the momentum kernels: the mirror of src/reference/lib-momentum.ts over raw
// pointers, operation for operation. No block allocates.

import { emaSeries, ld, param, smaSeries, st, windowMeanSeries } from './lib';

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

/** TA-Lib's SMA or Pine's sma of a derived series. Scratch: `averageScratch(n, len)` slots. */
export function averageSeries(src: usize, dst: usize, len: i32, n: i32, tv: bool, scratch: usize): void {
  if (tv) smaSeries(src, dst, len, n, scratch);
  else windowMeanSeries(src, dst, len, n, scratch);
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
