import { sumSeries, trueRangeSeries } from './lib.js';

/**
 * ultosc(p1, p2, p3), p1 <= p2 <= p3: from bar 1, bp = close - min(low, close[1]) and tr = the true
 * range; A_p = sum(bp, p) / sum(tr, p); the value combines 4 * A_p1 + 2 * A_p2 + A_p3 as
 * 100 * (x / 7) (TA-Lib, flag 0) or (100 * x) / 7 (Pine, flag 1). Defined from bar p3.
 * Where a true-range sum is exactly 0, TA-Lib leaves its term out and Pine is undefined. A window
 * whose true ranges are all 0 counts as a sum of exactly 0: the compensated rolling sum can keep
 * a residue (about 1e-14 of the price) of the values that left the window.
 */
export function ultosc(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const [high, low, close] = inputs;
  const out = outputs[0];
  const [p1, p2, p3] = params;
  const pine = params[params.length - 1] === 1;
  const len = high.length;
  const buying = new Float64Array(len);
  const range = new Float64Array(len);
  const sumBuying = new Float64Array(len);
  const sumRange = new Float64Array(len);
  const ring = new Float64Array(p3);
  if (len > 0) buying[0] = NaN;
  for (let i = 1; i < len; i++) {
    const previous = close[i - 1];
    buying[i] = close[i] - (low[i] < previous ? low[i] : previous);
  }
  trueRangeSeries(high, low, close, range);

  for (let i = 0; i < len; i++) out[i] = 0;
  const weights = [4, 2, 1];
  [p1, p2, p3].forEach((p, k) => {
    sumSeries(buying, sumBuying, p, ring);
    sumSeries(range, sumRange, p, ring);
    // Trailing true ranges equal to 0, among the defined ones.
    let zeros = 0;
    for (let i = 0; i < len; i++) {
      const x = range[i];
      if (x === 0) zeros++;
      else if (x === x) zeros = 0;
      const r = zeros >= p && x === x ? 0 : sumRange[i];
      // TA-Lib leaves out a term whose true-range sum is 0; in Pine the division is undefined.
      if (r === 0 && !pine) continue;
      const average = r === 0 ? NaN : sumBuying[i] / r;
      out[i] = k === 2 ? out[i] + average : out[i] + weights[k] * average;
    }
  });

  for (let i = 0; i < len; i++) out[i] = pine ? (100 * out[i]) / 7 : 100 * (out[i] / 7);
}
