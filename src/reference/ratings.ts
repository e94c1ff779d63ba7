/**
 * Votes of TradingView's moving-average rating, one whole series at a time, with Pine's
 * definitions of the averages. A vote is +1 (buy), 0 (neutral), -1 (sell) or NaN while its
 * inputs are undefined. kernels/as/ratings.ts mirrors every function operation for operation.
 */
import { emaSeries, greater, hmaSeries, less, smaSeries, vwmaSeries } from './lib.js';

/** Ichimoku rule of the `screener` ratings profile (the live screener's measured behaviour). */
export const PROFILE_SCREENER = 0;
/** Ichimoku rule of the `pine_v3` ratings profile (TradingView's TechnicalRating library). */
export const PROFILE_PINE_V3 = 1;

/**
 * Lengths of the SMA and EMA votes of the rating; with HMA(9), VWMA(20) and Ichimoku they
 * make the 15 members of `recommend_ma`.
 */
export const RATING_MA_LENGTHS = [10, 20, 30, 50, 100, 200] as const;
export const RATING_HMA_LENGTH = 9;
export const RATING_VWMA_LENGTH = 20;

/**
 * Vote of close against a moving average: sign(close - ma) with exact compares, because
 * TradingView applies no tolerance to this vote. NaN when either operand is undefined.
 */
export function maVote(close: number, ma: number): number {
  if (close > ma) return 1;
  if (close < ma) return -1;
  if (close === ma) return 0;
  return NaN;
}

/** Replaces each value of `ma` by the vote of close against it. */
export function maVoteInPlace(close: Float64Array, ma: Float64Array): void {
  for (let i = 0; i < ma.length; i++) ma[i] = maVote(close[i], ma[i]);
}

export function smaVoteSeries(close: Float64Array, dst: Float64Array, n: number): void {
  smaSeries(close, dst, n, new Float64Array(n));
  maVoteInPlace(close, dst);
}

export function emaVoteSeries(close: Float64Array, dst: Float64Array, n: number): void {
  emaSeries(close, dst, n);
  maVoteInPlace(close, dst);
}

/** Vote against Pine's ta.hma; the first vote is at bar n - 1 + floor(sqrt(n)) - 1 (10 for n = 9). */
export function hmaVoteSeries(close: Float64Array, dst: Float64Array, n: number): void {
  hmaSeries(close, dst, n, new Float64Array(close.length), new Float64Array(n));
  maVoteInPlace(close, dst);
}

/**
 * Vote against Pine's ta.vwma, which is undefined on a zero volume average. A bar with
 * undefined volume has an undefined product, so both of its averages skip the bar.
 */
export function vwmaVoteSeries(close: Float64Array, volume: Float64Array, dst: Float64Array, n: number): void {
  vwmaSeries(close, volume, dst, n, new Float64Array(close.length), new Float64Array(n));
  maVoteInPlace(close, dst);
}

/**
 * Ichimoku 9, 26, 52 vote with undisplaced lines: conv, base and lead2 are the midpoints of
 * the highest high and lowest low over 9, 26 and 52 bars, and lead1 = (conv + base) / 2. The
 * vote is undefined while lead2 or close is, so it starts at bar 51 in both profiles. Every
 * compare uses Pine's 1e-10 tolerance.
 *
 * screener: buy when lead1 > lead2, close > lead1, close < base, close[1] < conv and
 * close > conv. Sell when lead2 > lead1, close < lead2, close > base, close[1] > conv and
 * close < conv. Sell tests close against lead2, not lead1: the two rules are not mirror images.
 *
 * pine_v3: with l1 = lead1[26] and l2 = lead2[26], buy when l1 > l2, base > l1, conv > base
 * and close > conv; sell when every compare is reversed. A compare with an undefined l1 or l2
 * is false, so the vote is 0 on bars 51 to 76 and can fire from bar 77, where lead2[26] is
 * first defined.
 */
export function ichimokuVoteSeries(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  dst: Float64Array,
  profile: number,
): void {
  const len = close.length;
  const conv = new Float64Array(len);
  const base = new Float64Array(len);
  const lead2 = new Float64Array(len);
  ichimokuLines(high, low, conv, base, lead2);

  for (let i = 0; i < len; i++) {
    const c = close[i];
    if (lead2[i] !== lead2[i] || c !== c) {
      dst[i] = NaN;
      continue;
    }
    let buy: boolean;
    let sell: boolean;
    if (profile === PROFILE_PINE_V3) {
      const l1 = i >= 26 ? (conv[i - 26] + base[i - 26]) / 2 : NaN;
      const l2 = i >= 26 ? lead2[i - 26] : NaN;
      buy = greater(l1, l2) && greater(base[i], l1) && greater(conv[i], base[i]) && greater(c, conv[i]);
      sell = less(l1, l2) && less(base[i], l1) && less(conv[i], base[i]) && less(c, conv[i]);
    } else {
      const lead1 = (conv[i] + base[i]) / 2;
      const previousClose = i > 0 ? close[i - 1] : NaN;
      buy =
        greater(lead1, lead2[i]) &&
        greater(c, lead1) &&
        less(c, base[i]) &&
        less(previousClose, conv[i]) &&
        greater(c, conv[i]);
      sell =
        greater(lead2[i], lead1) &&
        less(c, lead2[i]) &&
        greater(c, base[i]) &&
        greater(previousClose, conv[i]) &&
        less(c, conv[i]);
    }
    let vote = 0;
    if (buy) vote = 1;
    else if (sell) vote = -1;
    dst[i] = vote;
  }
}

/** max(older, newer), the older on ties. */
function later(older: number, newer: number): number {
  return older < newer ? newer : older;
}

/** min(older, newer), the older on ties. */
function earlier(older: number, newer: number): number {
  return newer < older ? newer : older;
}

/**
 * conv, base and lead2 of the rating: donchianSeries over 9, 26 and 52 bars, by doubling.
 * With M2[i] = max(x[i-1], x[i]), M4[i] = max(M2[i-2], M2[i]), M8 and M16 likewise, the 9-bar
 * maximum is max(x[i-8], M8[i]), the 26-bar one max(M16[i-10], M16[i]) and the 52-bar one
 * max(M26[i-26], M26[i]); the minima of the lows likewise. Every max and min keeps the older
 * operand on ties, so each window gets its first extreme, the value highestSeries and
 * lowestSeries give (overlapping windows change nothing for a maximum). An undefined bar, and
 * a bar before 0, counts as -Infinity among highs and +Infinity among lows. A window without a
 * defined high or low is undefined.
 */
export function ichimokuLines(high: Float64Array, low: Float64Array, conv: Float64Array, base: Float64Array, lead2: Float64Array): void {
  const len = high.length;
  const highs = high.map((h) => (h === h ? h : -Infinity));
  const lows = low.map((l) => (l === l ? l : Infinity));
  const levels = Array.from({ length: 10 }, () => new Float64Array(len));
  const [h2s, l2s, h4s, l4s, h8s, l8s, h16s, l16s, h26s, l26s] = levels;
  const highAt = (values: Float64Array, i: number): number => (i >= 0 ? values[i] : -Infinity);
  const lowAt = (values: Float64Array, i: number): number => (i >= 0 ? values[i] : Infinity);
  let lastHigh = -53;
  let lastLow = -53;
  for (let i = 0; i < len; i++) {
    const h2 = later(highAt(highs, i - 1), highs[i]);
    const l2 = earlier(lowAt(lows, i - 1), lows[i]);
    const h4 = later(highAt(h2s, i - 2), h2);
    const l4 = earlier(lowAt(l2s, i - 2), l2);
    const h8 = later(highAt(h4s, i - 4), h4);
    const l8 = earlier(lowAt(l4s, i - 4), l4);
    const h16 = later(highAt(h8s, i - 8), h8);
    const l16 = earlier(lowAt(l8s, i - 8), l8);
    const h9 = later(highAt(highs, i - 8), h8);
    const l9 = earlier(lowAt(lows, i - 8), l8);
    const h26 = later(highAt(h16s, i - 10), h16);
    const l26 = earlier(lowAt(l16s, i - 10), l16);
    const h52 = later(highAt(h26s, i - 26), h26);
    const l52 = earlier(lowAt(l26s, i - 26), l26);
    h2s[i] = h2;
    l2s[i] = l2;
    h4s[i] = h4;
    l4s[i] = l4;
    h8s[i] = h8;
    l8s[i] = l8;
    h16s[i] = h16;
    l16s[i] = l16;
    h26s[i] = h26;
    l26s[i] = l26;
    if (high[i] === high[i]) lastHigh = i;
    if (low[i] === low[i]) lastLow = i;
    // Whether the window is full and contains a defined high and a defined low.
    const defined = (n: number): boolean => i >= n - 1 && lastHigh > i - n && lastLow > i - n;
    conv[i] = defined(9) ? (h9 + l9) / 2 : NaN;
    base[i] = defined(26) ? (h26 + l26) / 2 : NaN;
    lead2[i] = defined(52) ? (h52 + l52) / 2 : NaN;
  }
}

/** Adds each defined vote to `sum` and counts it in `count`. */
export function addVotes(vote: Float64Array, sum: Float64Array, count: Float64Array): void {
  for (let i = 0; i < vote.length; i++) {
    const v = vote[i];
    if (v !== v) continue;
    sum[i] += v;
    count[i] += 1;
  }
}

/**
 * Computes recommend_ma: the mean of the defined votes of SMA and EMA (10 to 200), Ichimoku,
 * VWMA(20) and HMA(9); NaN when no vote is defined. The votes are integers, so their sum is
 * exact in any order and the one division rounds the mean.
 */
export function recommendMaSeries(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  volume: Float64Array,
  dst: Float64Array,
  profile: number,
): void {
  const len = close.length;
  const sum = new Float64Array(len);
  const count = new Float64Array(len);
  const vote = new Float64Array(len);
  for (const n of RATING_MA_LENGTHS) {
    smaVoteSeries(close, vote, n);
    addVotes(vote, sum, count);
    emaVoteSeries(close, vote, n);
    addVotes(vote, sum, count);
  }
  ichimokuVoteSeries(high, low, close, vote, profile);
  addVotes(vote, sum, count);
  vwmaVoteSeries(close, volume, vote, RATING_VWMA_LENGTH);
  addVotes(vote, sum, count);
  hmaVoteSeries(close, vote, RATING_HMA_LENGTH);
  addVotes(vote, sum, count);

  for (let i = 0; i < len; i++) dst[i] = count[i] > 0 ? sum[i] / count[i] : NaN;
}
