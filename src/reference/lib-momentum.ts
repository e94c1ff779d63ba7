/**
 * Building blocks of the momentum kernels (stochastics, Williams %R, CCI, CMO, oscillators of
 * two averages). kernels/as/lib-momentum.ts mirrors each block operation for operation. The
 * last kernel parameter selects the formulas: 0 follows TA-Lib, 1 follows Pine.
 */
import { emaSeries, smaSeries, windowMeanSeries } from './lib.js';

/** Returns whether the conventions flag, the last kernel parameter, selects TradingView (Pine). */
export function isTradingView(params: readonly number[]): boolean {
  return params[params.length - 1] === 1;
}

/**
 * Highest defined value of src[i - n + 1, i]: undefined before bar n - 1 and when the window
 * has no defined value. The scan runs oldest first and keeps the older value on a tie.
 * NOTE: a scan costs n per bar, fine for the usual periods (5 to 50) but slow for periods in
 * the thousands; the van Herk/Gil-Werman blocks of lib.ts would make it O(1).
 */
function windowHighest(src: Float64Array, i: number, n: number): number {
  let m = NaN;
  for (let j = i - n + 1; j <= i; j++) {
    const v = src[j];
    if (v === v && (m !== m || v > m)) m = v;
  }
  return m;
}

/** Lowest defined value of src[i - n + 1, i]; the mirror of `windowHighest`. */
function windowLowest(src: Float64Array, i: number, n: number): number {
  let m = NaN;
  for (let j = i - n + 1; j <= i; j++) {
    const v = src[j];
    if (v === v && (m !== m || v < m)) m = v;
  }
  return m;
}

/**
 * Raw stochastic of `src` against the highest `high` and lowest `low` of the last n bars.
 * TA-Lib (STOCH, STOCHF): (src - lowest) / ((highest - lowest) / 100), 0 on a zero range.
 * Pine (`ta.stoch`): 100 * (src - lowest) / (highest - lowest), undefined on a zero range.
 */
export function stochSeries(src: Float64Array, high: Float64Array, low: Float64Array, dst: Float64Array, n: number, tv: boolean): void {
  const len = src.length;
  for (let i = 0; i < len; i++) {
    if (i < n - 1) {
      dst[i] = NaN;
      continue;
    }
    const hh = windowHighest(high, i, n);
    const ll = windowLowest(low, i, n);
    if (tv) {
      const range = hh - ll;
      dst[i] = range === 0 ? NaN : (100 * (src[i] - ll)) / range;
    } else {
      const diff = (hh - ll) / 100;
      // An undefined window keeps its NaN: only an exact zero range gives 0.
      dst[i] = diff === 0 ? 0 : (src[i] - ll) / diff;
    }
  }
}

/**
 * Williams %R of the last n bars. TA-Lib (WILLR): (highest - close) / ((highest - lowest) / -100),
 * 0 on a zero range. Pine (`ta.wpr`): 100 * (close - highest) / (highest - lowest), undefined
 * on a zero range.
 */
export function willrSeries(close: Float64Array, high: Float64Array, low: Float64Array, dst: Float64Array, n: number, tv: boolean): void {
  const len = close.length;
  for (let i = 0; i < len; i++) {
    if (i < n - 1) {
      dst[i] = NaN;
      continue;
    }
    const hh = windowHighest(high, i, n);
    const ll = windowLowest(low, i, n);
    if (tv) {
      const range = hh - ll;
      dst[i] = range === 0 ? NaN : (100 * (close[i] - hh)) / range;
    } else {
      const diff = (hh - ll) / -100;
      dst[i] = diff === 0 ? 0 : (hh - close[i]) / diff;
    }
  }
}

/**
 * Moving average of a derived series: TA-Lib's SMA (block sums) under the TA-Lib convention,
 * Pine's `ta.sma` (compensated rolling sum) under TradingView's. Both skip undefined values.
 */
export function averageSeries(src: Float64Array, dst: Float64Array, n: number, tv: boolean): void {
  if (tv) smaSeries(src, dst, n, new Float64Array(n));
  else windowMeanSeries(src, dst, n);
}

/**
 * Computes the fast and slow averages of APO and PPO: SMA (`maType` 0) or EMA (1). Each EMA is
 * seeded with the mean of its own first closes, as TA-Lib 0.4's APO and PPO do (the TA-Lib
 * agreement tests check this) and as Pine does.
 */
export function twoAverages(src: Float64Array, fast: Float64Array, slow: Float64Array, fastN: number, slowN: number, maType: number, tv: boolean): void {
  if (maType === 1) {
    emaSeries(src, fast, fastN);
    emaSeries(src, slow, slowN);
  } else {
    averageSeries(src, fast, fastN, tv);
    averageSeries(src, slow, slowN, tv);
  }
}
