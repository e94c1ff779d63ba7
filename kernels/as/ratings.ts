// Votes of TradingView's moving-average rating over raw pointers: the mirror of
// src/reference/ratings.ts, one operation for one operation. Each function works on one series
// of `len` values; `work` and `ring` are scratch the caller owns, sized as each function
// documents.

import { donchianSeries, emaSeries, greater, hmaSeries, ld, less, smaSeries, st, vwmaSeries } from './lib';

export const PROFILE_PINE_V3: f64 = 1;
export const RATING_HMA_LENGTH: i32 = 9;
export const RATING_VWMA_LENGTH: i32 = 20;
/** Ring slots for the longest average of recommend_ma, SMA(200). */
export const RATING_RING_SLOTS: i32 = 200;

/** Byte size of k float64 slots. */
@inline export function slots(k: i32): usize {
  return <usize>k << 3;
}

/** sign(close - ma) with exact compares; NaN when either operand is NaN. */
@inline export function maVote(close: f64, ma: f64): f64 {
  if (close > ma) return 1;
  if (close < ma) return -1;
  if (close == ma) return 0;
  return NaN;
}

export function maVoteInPlace(close: usize, ma: usize, len: i32): void {
  for (let i: i32 = 0; i < len; i++) st(ma, i, maVote(ld(close, i), ld(ma, i)));
}

/** Ring: n slots. */
export function smaVoteSeries(close: usize, dst: usize, len: i32, n: i32, ring: usize): void {
  smaSeries(close, dst, len, n, ring);
  maVoteInPlace(close, dst, len);
}

export function emaVoteSeries(close: usize, dst: usize, len: i32, n: i32): void {
  emaSeries(close, dst, len, n);
  maVoteInPlace(close, dst, len);
}

/** Work: len slots; ring: n slots. */
export function hmaVoteSeries(close: usize, dst: usize, len: i32, n: i32, work: usize, ring: usize): void {
  hmaSeries(close, dst, len, n, work, ring);
  maVoteInPlace(close, dst, len);
}

/** Work: len slots; ring: n slots. */
export function vwmaVoteSeries(close: usize, volume: usize, dst: usize, len: i32, n: i32, work: usize, ring: usize): void {
  vwmaSeries(close, volume, dst, len, n, work, ring);
  maVoteInPlace(close, dst, len);
}

/**
 * Ichimoku 9, 26, 52 vote under either profile (rules in src/reference/ratings.ts). Work:
 * 3 * len slots for conv, base and lead2; `dst` serves as the scratch of the Donchian lows.
 */
export function ichimokuVoteSeries(
  high: usize,
  low: usize,
  close: usize,
  dst: usize,
  len: i32,
  profile: f64,
  work: usize,
): void {
  const conv = work;
  const base = work + slots(len);
  const lead2 = work + slots(2 * len);
  donchianSeries(high, low, conv, len, 9, dst);
  donchianSeries(high, low, base, len, 26, dst);
  donchianSeries(high, low, lead2, len, 52, dst);

  for (let i: i32 = 0; i < len; i++) {
    const c = ld(close, i);
    const lead2Now = ld(lead2, i);
    if (lead2Now != lead2Now || c != c) {
      st(dst, i, NaN);
      continue;
    }
    const convNow = ld(conv, i);
    const baseNow = ld(base, i);
    let buy: bool;
    let sell: bool;
    if (profile == PROFILE_PINE_V3) {
      const l1: f64 = i >= 26 ? (ld(conv, i - 26) + ld(base, i - 26)) / 2.0 : NaN;
      const l2: f64 = i >= 26 ? ld(lead2, i - 26) : NaN;
      buy = greater(l1, l2) && greater(baseNow, l1) && greater(convNow, baseNow) && greater(c, convNow);
      sell = less(l1, l2) && less(baseNow, l1) && less(convNow, baseNow) && less(c, convNow);
    } else {
      const lead1 = (convNow + baseNow) / 2.0;
      const previousClose: f64 = i > 0 ? ld(close, i - 1) : NaN;
      buy =
        greater(lead1, lead2Now) &&
        greater(c, lead1) &&
        less(c, baseNow) &&
        less(previousClose, convNow) &&
        greater(c, convNow);
      sell =
        greater(lead2Now, lead1) &&
        less(c, lead2Now) &&
        greater(c, baseNow) &&
        greater(previousClose, convNow) &&
        less(c, convNow);
    }
    let vote: f64 = 0;
    if (buy) vote = 1;
    else if (sell) vote = -1;
    st(dst, i, vote);
  }
}

export function addVotes(vote: usize, sum: usize, count: usize, len: i32): void {
  for (let i: i32 = 0; i < len; i++) {
    const v = ld(vote, i);
    if (v != v) continue;
    st(sum, i, ld(sum, i) + v);
    st(count, i, ld(count, i) + 1.0);
  }
}

function addSmaAndEmaVotes(close: usize, vote: usize, sum: usize, count: usize, len: i32, n: i32, ring: usize): void {
  smaVoteSeries(close, vote, len, n, ring);
  addVotes(vote, sum, count, len);
  emaVoteSeries(close, vote, len, n);
  addVotes(vote, sum, count, len);
}

/** Float64 slots of scratch `recommendMaSeries` needs for a series of len bars. */
export function recommendMaScratch(len: i32): i32 {
  return 5 * len + RATING_RING_SLOTS;
}

/**
 * recommend_ma into `dst`, which also accumulates the vote sum. Scratch layout, in slots:
 * count (len), vote (len), work (3 * len), ring (200).
 */
export function recommendMaSeries(
  high: usize,
  low: usize,
  close: usize,
  volume: usize,
  dst: usize,
  len: i32,
  profile: f64,
  scratch: usize,
): void {
  const sum = dst;
  const count = scratch;
  const vote = count + slots(len);
  const work = vote + slots(len);
  const ring = work + slots(3 * len);
  for (let i: i32 = 0; i < len; i++) {
    st(sum, i, 0);
    st(count, i, 0);
  }

  addSmaAndEmaVotes(close, vote, sum, count, len, 10, ring);
  addSmaAndEmaVotes(close, vote, sum, count, len, 20, ring);
  addSmaAndEmaVotes(close, vote, sum, count, len, 30, ring);
  addSmaAndEmaVotes(close, vote, sum, count, len, 50, ring);
  addSmaAndEmaVotes(close, vote, sum, count, len, 100, ring);
  addSmaAndEmaVotes(close, vote, sum, count, len, 200, ring);
  ichimokuVoteSeries(high, low, close, vote, len, profile, work);
  addVotes(vote, sum, count, len);
  vwmaVoteSeries(close, volume, vote, len, RATING_VWMA_LENGTH, work, ring);
  addVotes(vote, sum, count, len);
  hmaVoteSeries(close, vote, len, RATING_HMA_LENGTH, work, ring);
  addVotes(vote, sum, count, len);

  for (let i: i32 = 0; i < len; i++) {
    const k = ld(count, i);
    st(dst, i, k > 0 ? ld(sum, i) / k : NaN);
  }
}
