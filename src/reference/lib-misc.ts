/**
 * Building blocks of the miscellaneous indicators (variance, KAMA, linear regression, ranges,
 * returns), one whole series at a time. kernels/as/lib-misc.ts mirrors each block operation for
 * operation, so the two must stay in step for the bit-identity contract. The inputs are compacted
 * price series, so a NaN only propagates.
 *
 * NOTE: varianceSeries, kamaSeries and linearRegSeries sum each window afresh, O(n) per bar, which
 * keeps flat windows exact but makes long periods (hundreds of bars and more) slow on long series.
 */
import { highestSeries, lowestSeries } from './lib.js';

/**
 * Population variance of the last n values, undefined before bar n - 1. Each window is summed
 * twice from its own values, oldest first, as deviations d = x - a from its newest value a:
 * mean m = sum(d) / n, then sum((d - m)^2) / n. So a flat window gives exactly 0, and prices far
 * from 0 lose no digits to cancellation. O(n) per bar.
 */
export function varianceSeries(src: Float64Array, dst: Float64Array, n: number): void {
  const len = src.length;
  for (let i = 0; i < len; i++) {
    if (i < n - 1) {
      dst[i] = NaN;
      continue;
    }
    const anchor = src[i];
    let sum = 0;
    for (let j = i - n + 1; j <= i; j++) sum += src[j] - anchor;
    const mean = sum / n;
    let squares = 0;
    for (let j = i - n + 1; j <= i; j++) {
      const d = src[j] - anchor - mean;
      squares += d * d;
    }
    dst[i] = squares / n;
  }
}

/**
 * Kaufman's adaptive moving average as TA-Lib's KAMA computes it: from bar n, efficiency ratio
 * er = |x - x[n]| / sum of the last n |changes| (1 where that sum is not above the change, a
 * zero sum included), sc = (er * (2/3 - 2/31) + 2/31)^2, kama = (x - prev) * sc + prev, with
 * prev = x[n - 1] at bar n. The volatility sum is taken over each window's own n changes,
 * oldest first, so no rounding carries along the series and a flat window sums to exactly 0.
 */
export function kamaSeries(src: Float64Array, dst: Float64Array, n: number): void {
  const len = src.length;
  const slow = 2 / 31;
  const spread = 2 / 3 - slow;
  let prev = n - 1 < len ? src[n - 1] : NaN;
  for (let i = 0; i < len; i++) {
    if (i < n) {
      dst[i] = NaN;
      continue;
    }
    const x = src[i];
    const change = x - src[i - n];
    let volatility = 0;
    for (let j = i - n + 1; j <= i; j++) volatility += Math.abs(src[j] - src[j - 1]);
    const ratio = volatility <= change || volatility === 0 ? 1 : Math.abs(change / volatility);
    let sc = ratio * spread + slow;
    sc = sc * sc;
    prev = (x - prev) * sc + prev;
    dst[i] = prev;
  }
}

/**
 * Least-squares line through the last n values at x = 0 (oldest) to n - 1 (newest), as TA-Lib's
 * LINEARREG family: value = the line at the newest bar, slope, intercept = the line at the
 * oldest bar, tsf = the line one bar ahead. Undefined before bar n - 1. Needs n >= 2. The sums
 * take each window's own values, oldest first, as deviations from its newest value a, which is
 * added back at the end: a flat window has slope exactly 0 and value a.
 */
export function linearRegSeries(
  src: Float64Array,
  value: Float64Array,
  slope: Float64Array,
  intercept: Float64Array,
  forecast: Float64Array,
  n: number,
): void {
  const len = src.length;
  const sumX = (n * (n - 1)) / 2;
  const sumXX = (n * (n - 1) * (2 * n - 1)) / 6;
  const divisor = n * sumXX - sumX * sumX;
  for (let i = 0; i < len; i++) {
    if (i < n - 1) {
      value[i] = NaN;
      slope[i] = NaN;
      intercept[i] = NaN;
      forecast[i] = NaN;
      continue;
    }
    const anchor = src[i];
    const oldest = i - n + 1;
    let sumY = 0;
    let sumXY = 0;
    for (let k = 0; k < n; k++) {
      const y = src[oldest + k] - anchor;
      sumY += y;
      sumXY += k * y;
    }
    const m = (n * sumXY - sumX * sumY) / divisor;
    const b = (sumY - m * sumX) / n;
    value[i] = anchor + (b + m * (n - 1));
    slope[i] = m;
    intercept[i] = anchor + b;
    forecast[i] = anchor + (b + m * n);
  }
}

/**
 * (highest(high, n) + lowest(low, n)) / 2 over the last n bars, from the blocks of lib.ts.
 * `tmp` needs one slot per bar.
 */
export function midRangeSeries(high: Float64Array, low: Float64Array, dst: Float64Array, n: number, tmp: Float64Array): void {
  const len = high.length;
  const lowest = tmp.subarray(0, len);
  highestSeries(high, dst, n);
  lowestSeries(low, lowest, n);
  for (let i = 0; i < len; i++) dst[i] = (dst[i] + lowest[i]) / 2;
}

/** Simple return over n bars, (x - x[n]) / x[n]. Undefined before bar n and where x[n] is 0. */
export function returnSeries(src: Float64Array, dst: Float64Array, n: number): void {
  for (let i = 0; i < src.length; i++) {
    if (i < n) {
      dst[i] = NaN;
      continue;
    }
    const base = src[i - n];
    dst[i] = base === 0 ? NaN : (src[i] - base) / base;
  }
}
