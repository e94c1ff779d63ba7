// Building blocks of the miscellaneous indicators: the mirror of src/reference/lib-misc.ts over
// raw pointers, each output with the reference's floating-point operations in the same order.
// Nothing here allocates: buffers come from the caller's scratch.
import { fillNaN, ld, st } from './lib';

@inline function min32(a: i32, b: i32): i32 {
  return a < b ? a : b;
}

/** Population variance of the last n values, two passes around the window's newest value. */
export function varianceSeries(src: usize, dst: usize, len: i32, n: i32): void {
  const fn = <f64>n;
  fillNaN(dst, 0, min32(n - 1, len));
  for (let i: i32 = n - 1; i < len; i++) {
    const anchor = ld(src, i);
    let sum: f64 = 0;
    for (let j: i32 = i - n + 1; j <= i; j++) sum += ld(src, j) - anchor;
    const mean = sum / fn;
    let squares: f64 = 0;
    for (let j: i32 = i - n + 1; j <= i; j++) {
      const d = ld(src, j) - anchor - mean;
      squares += d * d;
    }
    st(dst, i, squares / fn);
  }
}

/** TA-Lib's KAMA with the volatility summed over each window's own changes. */
export function kamaSeries(src: usize, dst: usize, len: i32, n: i32): void {
  const slow: f64 = 2.0 / 31.0;
  const spread: f64 = 2.0 / 3.0 - slow;
  let prev: f64 = n - 1 < len ? ld(src, n - 1) : NaN;
  fillNaN(dst, 0, min32(n, len));
  for (let i: i32 = n; i < len; i++) {
    const x = ld(src, i);
    const change = x - ld(src, i - n);
    let volatility: f64 = 0;
    for (let j: i32 = i - n + 1; j <= i; j++) volatility += Math.abs(ld(src, j) - ld(src, j - 1));
    const ratio = volatility <= change || volatility == 0 ? 1.0 : Math.abs(change / volatility);
    let sc = ratio * spread + slow;
    sc = sc * sc;
    prev = (x - prev) * sc + prev;
    st(dst, i, prev);
  }
}

/** Least-squares line through the last n values: value, slope, intercept, tsf. */
export function linearRegSeries(src: usize, value: usize, slope: usize, intercept: usize, forecast: usize, len: i32, n: i32): void {
  const fn = <f64>n;
  const sumX = (fn * (fn - 1.0)) / 2.0;
  const sumXX = (fn * (fn - 1.0) * (2.0 * fn - 1.0)) / 6.0;
  const divisor = fn * sumXX - sumX * sumX;
  const last = <f64>(n - 1);
  const head = min32(n - 1, len);
  fillNaN(value, 0, head);
  fillNaN(slope, 0, head);
  fillNaN(intercept, 0, head);
  fillNaN(forecast, 0, head);
  for (let i: i32 = n - 1; i < len; i++) {
    const anchor = ld(src, i);
    const oldest = i - n + 1;
    let sumY: f64 = 0;
    let sumXY: f64 = 0;
    for (let k: i32 = 0; k < n; k++) {
      const y = ld(src, oldest + k) - anchor;
      sumY += y;
      sumXY += <f64>k * y;
    }
    const m = (fn * sumXY - sumX * sumY) / divisor;
    const b = (sumY - m * sumX) / fn;
    st(value, i, anchor + (b + m * last));
    st(slope, i, m);
    st(intercept, i, anchor + b);
    st(forecast, i, anchor + (b + m * fn));
  }
}

/**
 * Highest defined value among the last n bars: the van Herk/Gil-Werman blocks of
 * highestSeries in src/reference/lib.ts, ties keeping the older value. `suffix`: n + 1 slots.
 */
export function highestSeries(src: usize, dst: usize, len: i32, n: i32, suffix: usize): void {
  for (let j: i32 = 0; j <= n; j++) st(suffix, j, -Infinity);
  let lastDefined: i32 = -n - 1;
  for (let start: i32 = 0; start < len; start += n) {
    const end = min32(start + n, len);
    let prefix: f64 = -Infinity;
    for (let i = start; i < end; i++) {
      const v = ld(src, i);
      if (v == v) {
        lastDefined = i;
        if (prefix < v) prefix = v;
      }
      const older = ld(suffix, i - start + 1);
      const max = older < prefix ? prefix : older;
      st(dst, i, i >= n - 1 && lastDefined > i - n ? max : NaN);
    }
    let max: f64 = -Infinity;
    for (let i = end - 1; i >= start; i--) {
      const v = ld(src, i);
      if (v == v && !(v < max)) max = v;
      st(suffix, i - start, max);
    }
  }
}

/** Lowest defined value among the last n bars, mirroring `highestSeries`. `suffix`: n + 1 slots. */
export function lowestSeries(src: usize, dst: usize, len: i32, n: i32, suffix: usize): void {
  for (let j: i32 = 0; j <= n; j++) st(suffix, j, Infinity);
  let lastDefined: i32 = -n - 1;
  for (let start: i32 = 0; start < len; start += n) {
    const end = min32(start + n, len);
    let prefix: f64 = Infinity;
    for (let i = start; i < end; i++) {
      const v = ld(src, i);
      if (v == v) {
        lastDefined = i;
        if (v < prefix) prefix = v;
      }
      const older = ld(suffix, i - start + 1);
      const min = prefix < older ? prefix : older;
      st(dst, i, i >= n - 1 && lastDefined > i - n ? min : NaN);
    }
    let min: f64 = Infinity;
    for (let i = end - 1; i >= start; i--) {
      const v = ld(src, i);
      if (v == v && !(min < v)) min = v;
      st(suffix, i - start, min);
    }
  }
}

/** (highest(high, n) + lowest(low, n)) / 2. Scratch: len + n + 1 slots. */
export function midRangeSeries(high: usize, low: usize, dst: usize, len: i32, n: i32, scratch: usize): void {
  const lowest = scratch;
  const suffix = scratch + (<usize>len << 3);
  highestSeries(high, dst, len, n, suffix);
  lowestSeries(low, lowest, len, n, suffix);
  for (let i: i32 = 0; i < len; i++) st(dst, i, (ld(dst, i) + ld(lowest, i)) / 2.0);
}

/** (x - x[n]) / x[n], undefined before bar n and where x[n] is 0. */
export function returnSeries(src: usize, dst: usize, len: i32, n: i32): void {
  fillNaN(dst, 0, min32(n, len));
  for (let i: i32 = n; i < len; i++) {
    const base = ld(src, i - n);
    st(dst, i, base == 0 ? NaN : (ld(src, i) - base) / base);
  }
}
