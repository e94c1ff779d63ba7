/**
 * Votes of TradingView's oscillator rating (`recommend_other`) and the overall rating, one whole
 * series at a time, always with Pine's definitions, whatever the conventions option. A
 * vote is +1 (buy), 0 (neutral), -1 (sell) or NaN while its guard is undefined; a compare with
 * an undefined operand is false, so a vote whose guard is defined but another input is not is
 * 0. Every rule compares with the 1e-10 tolerance of `greater` and `less` except the Awesome
 * Oscillator's zero-line cross, which TradingView compares exactly. kernels/as/ratings-other.ts
 * mirrors every function operation for operation.
 */
import {
  emaSeries,
  gainLossSeries,
  greater,
  highestSeries,
  less,
  lowestSeries,
  rmaSeries,
  smaSeries,
  sumSeries,
  trueRangeSeries,
} from './lib.js';
import { directionalMovementSeries } from './lib-trend.js';
import { recommendMaSeries } from './ratings.js';

/** The 11 members of `recommend_other`, in the order of `oscillatorVoteSeries`. */
export const OSCILLATOR_VOTES = ['rsi', 'stoch', 'cci', 'adx', 'ao', 'mom', 'macd', 'stochrsi', 'wr', 'bbpower', 'uo'] as const;

/** Pine's ta.rsi(close, 14); 100 when only the losses average 0, undefined when both do. */
export function rsiSeries(close: Float64Array, dst: Float64Array): void {
  const len = close.length;
  const up = new Float64Array(len);
  const down = new Float64Array(len);
  gainLossSeries(close, up, down);
  rmaSeries(up, up, 14);
  rmaSeries(down, down, 14);
  for (let i = 0; i < len; i++) {
    const u = up[i];
    const d = down[i];
    if (d === 0) dst[i] = u > 0 ? 100 : NaN;
    else dst[i] = 100 - 100 / (1 + u / d);
  }
}

/** Pine's ta.stoch: 100 * (src - lowest(low, n)) / (highest(high, n) - lowest(low, n)), undefined on a zero range. */
export function stochRawSeries(src: Float64Array, high: Float64Array, low: Float64Array, dst: Float64Array, n: number): void {
  const len = src.length;
  const highest = new Float64Array(len);
  const lowest = new Float64Array(len);
  highestSeries(high, highest, n);
  lowestSeries(low, lowest, n);
  for (let i = 0; i < len; i++) {
    const range = highest[i] - lowest[i];
    dst[i] = range === 0 ? NaN : (100 * (src[i] - lowest[i])) / range;
  }
}

/**
 * Vote of an oscillator that buys below `low` while rising and sells above `high` while
 * falling (RSI, CCI, Williams %R); undefined while x[1] is.
 */
export function turnVoteSeries(x: Float64Array, dst: Float64Array, low: number, high: number): void {
  if (x.length > 0) dst[0] = NaN;
  for (let i = 1; i < x.length; i++) {
    const now = x[i];
    const before = x[i - 1];
    let vote = NaN;
    if (before === before) {
      vote = 0;
      if (less(now, low) && greater(now, before)) vote = 1;
      else if (greater(now, high) && less(now, before)) vote = -1;
    }
    dst[i] = vote;
  }
}

/** Vote of K and D: buy when both are below 20 and K > D, sell when both are above 80 and K < D. */
function crossVote(k: number, d: number): number {
  if (less(k, 20) && less(d, 20) && greater(k, d)) return 1;
  if (greater(k, 80) && greater(d, 80) && less(k, d)) return -1;
  return 0;
}

export function rsiVoteSeries(high: Float64Array, low: Float64Array, close: Float64Array, dst: Float64Array): void {
  const rsi = new Float64Array(close.length);
  rsiSeries(close, rsi);
  turnVoteSeries(rsi, dst, 30, 70);
}

/** Stochastic 14, 3, 3: K = sma(stoch, 3), D = sma(K, 3); undefined while D[1] is. */
export function stochVoteSeries(high: Float64Array, low: Float64Array, close: Float64Array, dst: Float64Array): void {
  const len = close.length;
  const raw = new Float64Array(len);
  const k = new Float64Array(len);
  const d = new Float64Array(len);
  const ring = new Float64Array(3);
  stochRawSeries(close, high, low, raw, 14);
  smaSeries(raw, k, 3, ring);
  smaSeries(k, d, 3, ring);
  if (len > 0) dst[0] = NaN;
  for (let i = 1; i < len; i++) dst[i] = d[i - 1] === d[i - 1] ? crossVote(k[i], d[i]) : NaN;
}

/**
 * CCI(20) of close: (close - sma) / (0.015 * dev), dev the mean absolute deviation of the last
 * 20 closes from that sma, summed newest first as Pine's ta.dev; undefined when dev is 0.
 */
export function cciSeries(close: Float64Array, dst: Float64Array): void {
  const len = close.length;
  const mean = new Float64Array(len);
  smaSeries(close, mean, 20, new Float64Array(20));
  for (let i = 0; i < len; i++) {
    const m = mean[i];
    if (m !== m || i < 19) {
      dst[i] = NaN;
      continue;
    }
    let sum = 0;
    for (let j = 0; j < 20; j++) sum += Math.abs(close[i - j] - m);
    const dev = sum / 20;
    dst[i] = dev === 0 ? NaN : (close[i] - m) / (0.015 * dev);
  }
}

export function cciVoteSeries(high: Float64Array, low: Float64Array, close: Float64Array, dst: Float64Array): void {
  const cci = new Float64Array(close.length);
  cciSeries(close, cci);
  turnVoteSeries(cci, dst, -100, 100);
}

/**
 * dmi(14, 14): +DI and -DI = 100 * rma(+-DM, 14) / rma(TR, 14), undefined when rma(TR) is 0,
 * and ADX = 100 * rma(|+DI - -DI| / s, 14) with s = +DI + -DI, or 1 when s is 0.
 */
export function dmiSeries(high: Float64Array, low: Float64Array, close: Float64Array, plus: Float64Array, minus: Float64Array, adx: Float64Array): void {
  const len = close.length;
  const tr = new Float64Array(len);
  directionalMovementSeries(high, low, plus, minus, true);
  trueRangeSeries(high, low, close, tr);
  rmaSeries(plus, plus, 14);
  rmaSeries(minus, minus, 14);
  rmaSeries(tr, tr, 14);
  const spread = new Float64Array(len);
  for (let i = 0; i < len; i++) {
    const range = tr[i];
    const p = range === 0 ? NaN : (100 * plus[i]) / range;
    const m = range === 0 ? NaN : (100 * minus[i]) / range;
    plus[i] = p;
    minus[i] = m;
    const s = p + m;
    spread[i] = Math.abs(p - m) / (s === 0 ? 1 : s);
  }
  rmaSeries(spread, adx, 14);
  for (let i = 0; i < len; i++) adx[i] = 100 * adx[i];
}

/** Buy when adx > 20, rising and +DI > -DI; sell likewise with +DI < -DI; undefined while adx is. */
export function adxVoteSeries(high: Float64Array, low: Float64Array, close: Float64Array, dst: Float64Array): void {
  const len = close.length;
  const plus = new Float64Array(len);
  const minus = new Float64Array(len);
  const adx = new Float64Array(len);
  dmiSeries(high, low, close, plus, minus, adx);
  for (let i = 0; i < len; i++) {
    const a = adx[i];
    let vote = NaN;
    if (a === a) {
      vote = 0;
      const strong = greater(a, 20) && i > 0 && greater(a, adx[i - 1]);
      if (strong && greater(plus[i], minus[i])) vote = 1;
      else if (strong && less(plus[i], minus[i])) vote = -1;
    }
    dst[i] = vote;
  }
}

/** Awesome Oscillator: sma(hl2, 5) - sma(hl2, 34). */
export function aoSeries(high: Float64Array, low: Float64Array, dst: Float64Array): void {
  const len = high.length;
  const hl2 = new Float64Array(len);
  const slow = new Float64Array(len);
  for (let i = 0; i < len; i++) hl2[i] = (high[i] + low[i]) / 2;
  smaSeries(hl2, dst, 5, new Float64Array(5));
  smaSeries(hl2, slow, 34, new Float64Array(34));
  for (let i = 0; i < len; i++) dst[i] = dst[i] - slow[i];
}

/**
 * Buy on an exact zero-line cross up, or above zero with a rising ao after a dip (ao[2] > ao[1]);
 * sell on the mirror; undefined while ao[1] is.
 */
export function aoVoteSeries(high: Float64Array, low: Float64Array, close: Float64Array, dst: Float64Array): void {
  const len = close.length;
  const ao = new Float64Array(len);
  aoSeries(high, low, ao);
  if (len > 0) dst[0] = NaN;
  for (let i = 1; i < len; i++) {
    const a = ao[i];
    const a1 = ao[i - 1];
    const a2 = i > 1 ? ao[i - 2] : NaN;
    let vote = NaN;
    if (a1 === a1) {
      vote = 0;
      if ((a > 0 && a1 <= 0) || (greater(a, 0) && greater(a1, 0) && greater(a, a1) && greater(a2, a1))) vote = 1;
      else if ((a < 0 && a1 >= 0) || (less(a, 0) && less(a1, 0) && less(a, a1) && less(a2, a1))) vote = -1;
    }
    dst[i] = vote;
  }
}

/** Momentum(10) = close - close[10]: buy while rising, sell while falling; undefined while mom[1] is. */
export function momVoteSeries(high: Float64Array, low: Float64Array, close: Float64Array, dst: Float64Array): void {
  const len = close.length;
  for (let i = 0; i < len; i++) {
    const now = i >= 10 ? close[i] - close[i - 10] : NaN;
    const before = i >= 11 ? close[i - 1] - close[i - 11] : NaN;
    let vote = NaN;
    if (before === before) {
      vote = 0;
      if (greater(now, before)) vote = 1;
      else if (less(now, before)) vote = -1;
    }
    dst[i] = vote;
  }
}

/** MACD 12, 26, 9: buy when macd > signal, sell when below; undefined while the signal is. */
export function macdVoteSeries(high: Float64Array, low: Float64Array, close: Float64Array, dst: Float64Array): void {
  const len = close.length;
  const macd = new Float64Array(len);
  const slow = new Float64Array(len);
  emaSeries(close, macd, 12);
  emaSeries(close, slow, 26);
  for (let i = 0; i < len; i++) macd[i] = macd[i] - slow[i];
  emaSeries(macd, slow, 9);
  for (let i = 0; i < len; i++) {
    const m = macd[i];
    const signal = slow[i];
    let vote = NaN;
    if (signal === signal) {
      vote = 0;
      if (greater(m, signal)) vote = 1;
      else if (less(m, signal)) vote = -1;
    }
    dst[i] = vote;
  }
}

/** ema(close, 50), the trend of the Stoch RSI and Bull/Bear Power votes. */
function trendSeries(close: Float64Array, dst: Float64Array): void {
  emaSeries(close, dst, 50);
}

/**
 * Stoch RSI 3, 3, 14, 14: K = sma(stoch(rsi, rsi, rsi, 14), 3), D = sma(K, 3); buy in a
 * downtrend and sell in an uptrend; undefined while ema(close, 50) is.
 */
export function stochRsiVoteSeries(high: Float64Array, low: Float64Array, close: Float64Array, dst: Float64Array): void {
  const len = close.length;
  const rsi = new Float64Array(len);
  const raw = new Float64Array(len);
  const k = new Float64Array(len);
  const d = new Float64Array(len);
  const trend = new Float64Array(len);
  const ring = new Float64Array(3);
  rsiSeries(close, rsi);
  stochRawSeries(rsi, rsi, rsi, raw, 14);
  smaSeries(raw, k, 3, ring);
  smaSeries(k, d, 3, ring);
  trendSeries(close, trend);
  for (let i = 0; i < len; i++) {
    const t = trend[i];
    let vote = NaN;
    if (t === t) {
      vote = 0;
      const c = close[i];
      if (less(c, t) && less(k[i], 20) && less(d[i], 20) && greater(k[i], d[i])) vote = 1;
      else if (greater(c, t) && greater(k[i], 80) && greater(d[i], 80) && less(k[i], d[i])) vote = -1;
    }
    dst[i] = vote;
  }
}

/** Williams %R(14) = 100 * (close - highest) / (highest - lowest), undefined on a zero range. */
export function wrSeries(high: Float64Array, low: Float64Array, close: Float64Array, dst: Float64Array): void {
  const len = close.length;
  const highest = new Float64Array(len);
  const lowest = new Float64Array(len);
  highestSeries(high, highest, 14);
  lowestSeries(low, lowest, 14);
  for (let i = 0; i < len; i++) {
    const range = highest[i] - lowest[i];
    dst[i] = range === 0 ? NaN : (100 * (close[i] - highest[i])) / range;
  }
}

export function wrVoteSeries(high: Float64Array, low: Float64Array, close: Float64Array, dst: Float64Array): void {
  const wr = new Float64Array(close.length);
  wrSeries(high, low, close, wr);
  turnVoteSeries(wr, dst, -80, -20);
}

/**
 * Bull/Bear Power(13): bull = high - ema(close, 13), bear = low - ema(close, 13). Buy in an
 * uptrend with bear < 0 and rising, sell in a downtrend with bull > 0 and falling; undefined
 * while ema(close, 50) is.
 */
export function bbPowerVoteSeries(high: Float64Array, low: Float64Array, close: Float64Array, dst: Float64Array): void {
  const len = close.length;
  const ema = new Float64Array(len);
  const trend = new Float64Array(len);
  emaSeries(close, ema, 13);
  trendSeries(close, trend);
  for (let i = 0; i < len; i++) {
    const t = trend[i];
    let vote = NaN;
    if (t === t) {
      vote = 0;
      const c = close[i];
      const bear = low[i] - ema[i];
      const bull = high[i] - ema[i];
      const bearBefore = i > 0 ? low[i - 1] - ema[i - 1] : NaN;
      const bullBefore = i > 0 ? high[i - 1] - ema[i - 1] : NaN;
      if (greater(c, t) && less(bear, 0) && greater(bear, bearBefore)) vote = 1;
      else if (less(c, t) && greater(bull, 0) && less(bull, bullBefore)) vote = -1;
    }
    dst[i] = vote;
  }
}

/**
 * Ultimate Oscillator 7, 14, 28: with tmin = min(low, close[1]) and tmax = max(high, close[1])
 * (undefined on bar 0), A_n = sum(close - tmin, n) / sum(tmax - tmin, n), undefined on a zero
 * sum; 100 * (4 * A7 + 2 * A14 + A28) / 7.
 */
export function uoSeries(high: Float64Array, low: Float64Array, close: Float64Array, dst: Float64Array): void {
  const len = close.length;
  const bp = new Float64Array(len);
  const tr = new Float64Array(len);
  const bpSum = new Float64Array(len);
  const trSum = new Float64Array(len);
  const ring = new Float64Array(28);
  for (let i = 0; i < len; i++) {
    const before = i > 0 ? close[i - 1] : NaN;
    const l = low[i];
    const h = high[i];
    const tmin = l !== l || before !== before ? NaN : l < before ? l : before;
    const tmax = h !== h || before !== before ? NaN : h > before ? h : before;
    bp[i] = close[i] - tmin;
    tr[i] = tmax - tmin;
  }
  for (let i = 0; i < len; i++) dst[i] = 0;
  const weights = [4, 2, 1];
  const lengths = [7, 14, 28];
  for (let j = 0; j < 3; j++) {
    sumSeries(bp, bpSum, lengths[j], ring);
    sumSeries(tr, trSum, lengths[j], ring);
    for (let i = 0; i < len; i++) {
      const average = trSum[i] === 0 ? NaN : bpSum[i] / trSum[i];
      dst[i] = j === 0 ? weights[j] * average : dst[i] + weights[j] * average;
    }
  }
  for (let i = 0; i < len; i++) dst[i] = (100 * dst[i]) / 7;
}

/** Buy when uo > 70, sell when uo < 30; undefined while uo is. */
export function uoVoteSeries(high: Float64Array, low: Float64Array, close: Float64Array, dst: Float64Array): void {
  uoSeries(high, low, close, dst);
  for (let i = 0; i < dst.length; i++) {
    const uo = dst[i];
    let vote = NaN;
    if (uo === uo) {
      vote = 0;
      if (greater(uo, 70)) vote = 1;
      else if (less(uo, 30)) vote = -1;
    }
    dst[i] = vote;
  }
}

type VoteSeries = (high: Float64Array, low: Float64Array, close: Float64Array, dst: Float64Array) => void;

const VOTES: readonly VoteSeries[] = [
  rsiVoteSeries,
  stochVoteSeries,
  cciVoteSeries,
  adxVoteSeries,
  aoVoteSeries,
  momVoteSeries,
  macdVoteSeries,
  stochRsiVoteSeries,
  wrVoteSeries,
  bbPowerVoteSeries,
  uoVoteSeries,
];

/** Vote `which` (an index into OSCILLATOR_VOTES) of every bar into dst. */
export function oscillatorVoteSeries(which: number, high: Float64Array, low: Float64Array, close: Float64Array, dst: Float64Array): void {
  VOTES[which](high, low, close, dst);
}

/**
 * recommend_other: the mean of the defined votes of the 11 oscillators; NaN when none is
 * defined. The votes are integers, so their sum is exact and the one division rounds the mean.
 */
export function recommendOtherSeries(high: Float64Array, low: Float64Array, close: Float64Array, dst: Float64Array): void {
  const len = close.length;
  const sum = new Float64Array(len);
  const count = new Float64Array(len);
  const vote = new Float64Array(len);
  for (let k = 0; k < OSCILLATOR_VOTES.length; k++) {
    oscillatorVoteSeries(k, high, low, close, vote);
    for (let i = 0; i < len; i++) {
      const v = vote[i];
      if (v !== v) continue;
      sum[i] += v;
      count[i] += 1;
    }
  }
  for (let i = 0; i < len; i++) dst[i] = count[i] > 0 ? sum[i] / count[i] : NaN;
}

/** (ma + other) / 2 when both are defined, else whichever is, else NaN. */
export function combineRating(ma: number, other: number): number {
  if (ma !== ma) return other;
  if (other !== other) return ma;
  return (ma + other) / 2;
}

/** recommend_all from recommend_ma (with `profile`) and recommend_other. */
export function recommendAllSeries(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  volume: Float64Array,
  dst: Float64Array,
  profile: number,
): void {
  const other = new Float64Array(close.length);
  recommendMaSeries(high, low, close, volume, dst, profile);
  recommendOtherSeries(high, low, close, other);
  for (let i = 0; i < dst.length; i++) dst[i] = combineRating(dst[i], other[i]);
}

/**
 * Band of a rating: -2 Strong Sell (< -0.5), -1 Sell ([-0.5, -0.1)), 0 Neutral
 * ([-0.1, 0.1]), 1 Buy ((0.1, 0.5]), 2 Strong Buy (> 0.5); an edge belongs to the milder
 * band. Exact compares: the rating is a mean of integer votes, not a measured value.
 */
export function ratingBand(rating: number): number {
  if (rating !== rating) return NaN;
  if (rating < -0.5) return -2;
  if (rating < -0.1) return -1;
  if (rating <= 0.1) return 0;
  if (rating <= 0.5) return 1;
  return 2;
}
