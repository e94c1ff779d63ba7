// Votes of TradingView's oscillator rating and the overall rating over raw pointers: the mirror
// of src/reference/ratings-other.ts, operation for operation. Each function works on one
// series of `len` values. `work` is scratch the caller owns, `otherWorkSlots(len)` slots: first
// OTHER_SERIES series of len slots, then OTHER_RING_SLOTS for rings and window suffixes.

import {
  emaSeries,
  gainLossSeries,
  greater,
  ld,
  less,
  rmaSeries,
  slots,
  smaSeries,
  st,
  sumSeries,
  trueRangeSeries,
} from './lib';
import { highestSeries, lowestSeries } from './lib-misc';
import { directionalMovementSeries } from './lib-trend';

export const OSCILLATOR_VOTE_COUNT: i32 = 11;
const OTHER_SERIES: i32 = 8;
// The longest ring is sma(hl2, 34)'s.
const OTHER_RING_SLOTS: i32 = 64;

/** Float64 slots of work every vote function needs for a series of len bars. */
export function otherWorkSlots(len: i32): i32 {
  return OTHER_SERIES * len + OTHER_RING_SLOTS;
}

/** Series k of the work. */
@inline function part(work: usize, k: i32, len: i32): usize {
  return work + slots(k * len);
}

@inline function ringOf(work: usize, len: i32): usize {
  return work + slots(OTHER_SERIES * len);
}

/** Pine's ta.rsi(close, 14) into dst. Work: 2 series of len slots. */
function rsiSeries(close: usize, dst: usize, len: i32, work: usize): void {
  const up = part(work, 0, len);
  const down = part(work, 1, len);
  gainLossSeries(close, up, down, len);
  rmaSeries(up, up, len, 14);
  rmaSeries(down, down, len, 14);
  for (let i: i32 = 0; i < len; i++) {
    const u = ld(up, i);
    const d = ld(down, i);
    if (d == 0) st(dst, i, u > 0 ? 100.0 : NaN);
    else st(dst, i, 100.0 - 100.0 / (1.0 + u / d));
  }
}

/** Pine's ta.stoch. Work: series 0 and 1, and the ring area for the suffixes. */
function stochRawSeries(src: usize, high: usize, low: usize, dst: usize, len: i32, n: i32, work: usize): void {
  const highest = part(work, 0, len);
  const lowest = part(work, 1, len);
  const suffix = ringOf(work, len);
  highestSeries(high, highest, len, n, suffix);
  lowestSeries(low, lowest, len, n, suffix);
  for (let i: i32 = 0; i < len; i++) {
    const range = ld(highest, i) - ld(lowest, i);
    st(dst, i, range == 0 ? NaN : (100.0 * (ld(src, i) - ld(lowest, i))) / range);
  }
}

function turnVoteSeries(x: usize, dst: usize, len: i32, low: f64, high: f64): void {
  if (len > 0) st(dst, 0, NaN);
  for (let i: i32 = 1; i < len; i++) {
    const now = ld(x, i);
    const before = ld(x, i - 1);
    let vote: f64 = NaN;
    if (before == before) {
      vote = 0;
      if (less(now, low) && greater(now, before)) vote = 1;
      else if (greater(now, high) && less(now, before)) vote = -1;
    }
    st(dst, i, vote);
  }
}

@inline function crossVote(k: f64, d: f64): f64 {
  if (less(k, 20) && less(d, 20) && greater(k, d)) return 1;
  if (greater(k, 80) && greater(d, 80) && less(k, d)) return -1;
  return 0;
}

function rsiVoteSeries(close: usize, dst: usize, len: i32, work: usize): void {
  const rsi = part(work, 2, len);
  rsiSeries(close, rsi, len, work);
  turnVoteSeries(rsi, dst, len, 30, 70);
}

function stochVoteSeries(high: usize, low: usize, close: usize, dst: usize, len: i32, work: usize): void {
  const raw = part(work, 3, len);
  const k = part(work, 4, len);
  const d = part(work, 5, len);
  const ring = ringOf(work, len);
  stochRawSeries(close, high, low, raw, len, 14, work);
  smaSeries(raw, k, len, 3, ring);
  smaSeries(k, d, len, 3, ring);
  if (len > 0) st(dst, 0, NaN);
  for (let i: i32 = 1; i < len; i++) st(dst, i, ld(d, i - 1) == ld(d, i - 1) ? crossVote(ld(k, i), ld(d, i)) : NaN);
}

function cciVoteSeries(close: usize, dst: usize, len: i32, work: usize): void {
  const mean = part(work, 0, len);
  const cci = part(work, 1, len);
  smaSeries(close, mean, len, 20, ringOf(work, len));
  for (let i: i32 = 0; i < len; i++) {
    const m = ld(mean, i);
    if (m != m || i < 19) {
      st(cci, i, NaN);
      continue;
    }
    let sum: f64 = 0;
    for (let j: i32 = 0; j < 20; j++) sum += Math.abs(ld(close, i - j) - m);
    const dev = sum / 20.0;
    st(cci, i, dev == 0 ? NaN : (ld(close, i) - m) / (0.015 * dev));
  }
  turnVoteSeries(cci, dst, len, -100, 100);
}

function adxVoteSeries(high: usize, low: usize, close: usize, dst: usize, len: i32, work: usize): void {
  const plus = part(work, 0, len);
  const minus = part(work, 1, len);
  const adx = part(work, 2, len);
  const tr = part(work, 3, len);
  const spread = part(work, 4, len);
  directionalMovementSeries(high, low, plus, minus, len, true);
  trueRangeSeries(high, low, close, tr, len);
  rmaSeries(plus, plus, len, 14);
  rmaSeries(minus, minus, len, 14);
  rmaSeries(tr, tr, len, 14);
  for (let i: i32 = 0; i < len; i++) {
    const range = ld(tr, i);
    const p: f64 = range == 0 ? NaN : (100.0 * ld(plus, i)) / range;
    const m: f64 = range == 0 ? NaN : (100.0 * ld(minus, i)) / range;
    st(plus, i, p);
    st(minus, i, m);
    const s = p + m;
    st(spread, i, Math.abs(p - m) / (s == 0 ? 1.0 : s));
  }
  rmaSeries(spread, adx, len, 14);
  for (let i: i32 = 0; i < len; i++) st(adx, i, 100.0 * ld(adx, i));
  for (let i: i32 = 0; i < len; i++) {
    const a = ld(adx, i);
    let vote: f64 = NaN;
    if (a == a) {
      vote = 0;
      const strong = greater(a, 20) && i > 0 && greater(a, ld(adx, i - 1));
      if (strong && greater(ld(plus, i), ld(minus, i))) vote = 1;
      else if (strong && less(ld(plus, i), ld(minus, i))) vote = -1;
    }
    st(dst, i, vote);
  }
}

function aoVoteSeries(high: usize, low: usize, dst: usize, len: i32, work: usize): void {
  const hl2 = part(work, 0, len);
  const ao = part(work, 1, len);
  const slow = part(work, 2, len);
  const ring = ringOf(work, len);
  for (let i: i32 = 0; i < len; i++) st(hl2, i, (ld(high, i) + ld(low, i)) / 2.0);
  smaSeries(hl2, ao, len, 5, ring);
  smaSeries(hl2, slow, len, 34, ring);
  for (let i: i32 = 0; i < len; i++) st(ao, i, ld(ao, i) - ld(slow, i));
  if (len > 0) st(dst, 0, NaN);
  for (let i: i32 = 1; i < len; i++) {
    const a = ld(ao, i);
    const a1 = ld(ao, i - 1);
    const a2: f64 = i > 1 ? ld(ao, i - 2) : NaN;
    let vote: f64 = NaN;
    if (a1 == a1) {
      vote = 0;
      if ((a > 0 && a1 <= 0) || (greater(a, 0) && greater(a1, 0) && greater(a, a1) && greater(a2, a1))) vote = 1;
      else if ((a < 0 && a1 >= 0) || (less(a, 0) && less(a1, 0) && less(a, a1) && less(a2, a1))) vote = -1;
    }
    st(dst, i, vote);
  }
}

function momVoteSeries(close: usize, dst: usize, len: i32): void {
  for (let i: i32 = 0; i < len; i++) {
    const now: f64 = i >= 10 ? ld(close, i) - ld(close, i - 10) : NaN;
    const before: f64 = i >= 11 ? ld(close, i - 1) - ld(close, i - 11) : NaN;
    let vote: f64 = NaN;
    if (before == before) {
      vote = 0;
      if (greater(now, before)) vote = 1;
      else if (less(now, before)) vote = -1;
    }
    st(dst, i, vote);
  }
}

function macdVoteSeries(close: usize, dst: usize, len: i32, work: usize): void {
  const macd = part(work, 0, len);
  const slow = part(work, 1, len);
  emaSeries(close, macd, len, 12);
  emaSeries(close, slow, len, 26);
  for (let i: i32 = 0; i < len; i++) st(macd, i, ld(macd, i) - ld(slow, i));
  emaSeries(macd, slow, len, 9);
  for (let i: i32 = 0; i < len; i++) {
    const m = ld(macd, i);
    const signal = ld(slow, i);
    let vote: f64 = NaN;
    if (signal == signal) {
      vote = 0;
      if (greater(m, signal)) vote = 1;
      else if (less(m, signal)) vote = -1;
    }
    st(dst, i, vote);
  }
}

function stochRsiVoteSeries(close: usize, dst: usize, len: i32, work: usize): void {
  // rsiSeries and stochRawSeries use series 0 and 1 of the work.
  const rsi = part(work, 3, len);
  const raw = part(work, 4, len);
  const k = part(work, 5, len);
  const d = part(work, 6, len);
  const trend = part(work, 7, len);
  const ring = ringOf(work, len);
  rsiSeries(close, rsi, len, work);
  stochRawSeries(rsi, rsi, rsi, raw, len, 14, work);
  smaSeries(raw, k, len, 3, ring);
  smaSeries(k, d, len, 3, ring);
  emaSeries(close, trend, len, 50);
  for (let i: i32 = 0; i < len; i++) {
    const t = ld(trend, i);
    let vote: f64 = NaN;
    if (t == t) {
      vote = 0;
      const c = ld(close, i);
      const kNow = ld(k, i);
      const dNow = ld(d, i);
      if (less(c, t) && less(kNow, 20) && less(dNow, 20) && greater(kNow, dNow)) vote = 1;
      else if (greater(c, t) && greater(kNow, 80) && greater(dNow, 80) && less(kNow, dNow)) vote = -1;
    }
    st(dst, i, vote);
  }
}

function wrVoteSeries(high: usize, low: usize, close: usize, dst: usize, len: i32, work: usize): void {
  const highest = part(work, 0, len);
  const lowest = part(work, 1, len);
  const wr = part(work, 2, len);
  const suffix = ringOf(work, len);
  highestSeries(high, highest, len, 14, suffix);
  lowestSeries(low, lowest, len, 14, suffix);
  for (let i: i32 = 0; i < len; i++) {
    const range = ld(highest, i) - ld(lowest, i);
    st(wr, i, range == 0 ? NaN : (100.0 * (ld(close, i) - ld(highest, i))) / range);
  }
  turnVoteSeries(wr, dst, len, -80, -20);
}

function bbPowerVoteSeries(high: usize, low: usize, close: usize, dst: usize, len: i32, work: usize): void {
  const ema = part(work, 0, len);
  const trend = part(work, 1, len);
  emaSeries(close, ema, len, 13);
  emaSeries(close, trend, len, 50);
  for (let i: i32 = 0; i < len; i++) {
    const t = ld(trend, i);
    let vote: f64 = NaN;
    if (t == t) {
      vote = 0;
      const c = ld(close, i);
      const e = ld(ema, i);
      const bear = ld(low, i) - e;
      const bull = ld(high, i) - e;
      const bearBefore: f64 = i > 0 ? ld(low, i - 1) - ld(ema, i - 1) : NaN;
      const bullBefore: f64 = i > 0 ? ld(high, i - 1) - ld(ema, i - 1) : NaN;
      if (greater(c, t) && less(bear, 0) && greater(bear, bearBefore)) vote = 1;
      else if (less(c, t) && greater(bull, 0) && less(bull, bullBefore)) vote = -1;
    }
    st(dst, i, vote);
  }
}

function uoVoteSeries(high: usize, low: usize, close: usize, dst: usize, len: i32, work: usize): void {
  const bp = part(work, 0, len);
  const tr = part(work, 1, len);
  const bpSum = part(work, 2, len);
  const trSum = part(work, 3, len);
  const ring = ringOf(work, len);
  for (let i: i32 = 0; i < len; i++) {
    const before: f64 = i > 0 ? ld(close, i - 1) : NaN;
    const l = ld(low, i);
    const h = ld(high, i);
    const tmin: f64 = l != l || before != before ? NaN : l < before ? l : before;
    const tmax: f64 = h != h || before != before ? NaN : h > before ? h : before;
    st(bp, i, ld(close, i) - tmin);
    st(tr, i, tmax - tmin);
  }
  for (let i: i32 = 0; i < len; i++) st(dst, i, 0);
  for (let j: i32 = 0; j < 3; j++) {
    const n: i32 = j == 0 ? 7 : j == 1 ? 14 : 28;
    const weight: f64 = j == 0 ? 4 : j == 1 ? 2 : 1;
    sumSeries(bp, bpSum, len, n, ring);
    sumSeries(tr, trSum, len, n, ring);
    for (let i: i32 = 0; i < len; i++) {
      const average: f64 = ld(trSum, i) == 0 ? NaN : ld(bpSum, i) / ld(trSum, i);
      st(dst, i, j == 0 ? weight * average : ld(dst, i) + weight * average);
    }
  }
  for (let i: i32 = 0; i < len; i++) st(dst, i, (100.0 * ld(dst, i)) / 7.0);
  for (let i: i32 = 0; i < len; i++) {
    const uo = ld(dst, i);
    let vote: f64 = NaN;
    if (uo == uo) {
      vote = 0;
      if (greater(uo, 70)) vote = 1;
      else if (less(uo, 30)) vote = -1;
    }
    st(dst, i, vote);
  }
}

/** Vote `which` (0 rsi, 1 stoch, 2 cci, 3 adx, 4 ao, 5 mom, 6 macd, 7 stochrsi, 8 wr, 9 bbpower, 10 uo). */
export function oscillatorVoteSeries(which: i32, high: usize, low: usize, close: usize, dst: usize, len: i32, work: usize): void {
  switch (which) {
    case 0:
      rsiVoteSeries(close, dst, len, work);
      break;
    case 1:
      stochVoteSeries(high, low, close, dst, len, work);
      break;
    case 2:
      cciVoteSeries(close, dst, len, work);
      break;
    case 3:
      adxVoteSeries(high, low, close, dst, len, work);
      break;
    case 4:
      aoVoteSeries(high, low, dst, len, work);
      break;
    case 5:
      momVoteSeries(close, dst, len);
      break;
    case 6:
      macdVoteSeries(close, dst, len, work);
      break;
    case 7:
      stochRsiVoteSeries(close, dst, len, work);
      break;
    case 8:
      wrVoteSeries(high, low, close, dst, len, work);
      break;
    case 9:
      bbPowerVoteSeries(high, low, close, dst, len, work);
      break;
    default:
      uoVoteSeries(high, low, close, dst, len, work);
  }
}

/** Float64 slots `recommendOtherSeries` needs: sum, count and vote series, then the vote work. */
export function recommendOtherSlots(len: i32): i32 {
  return 3 * len + otherWorkSlots(len);
}

/** recommend_other of one series. Scratch: `recommendOtherSlots(len)` slots. */
export function recommendOtherSeries(high: usize, low: usize, close: usize, dst: usize, len: i32, scratch: usize): void {
  const sum = scratch;
  const count = scratch + slots(len);
  const vote = scratch + slots(2 * len);
  const work = scratch + slots(3 * len);
  for (let i: i32 = 0; i < len; i++) {
    st(sum, i, 0);
    st(count, i, 0);
  }
  for (let k: i32 = 0; k < OSCILLATOR_VOTE_COUNT; k++) {
    oscillatorVoteSeries(k, high, low, close, vote, len, work);
    for (let i: i32 = 0; i < len; i++) {
      const v = ld(vote, i);
      if (v != v) continue;
      st(sum, i, ld(sum, i) + v);
      st(count, i, ld(count, i) + 1.0);
    }
  }
  for (let i: i32 = 0; i < len; i++) st(dst, i, ld(count, i) > 0 ? ld(sum, i) / ld(count, i) : NaN);
}

/** (ma + other) / 2 when both are defined, else whichever is, else NaN. */
@inline export function combineRating(ma: f64, other: f64): f64 {
  if (ma != ma) return other;
  if (other != other) return ma;
  return (ma + other) / 2.0;
}

/** Band of a rating, -2 to 2, as ratingBand in src/reference/ratings-other.ts. */
@inline export function ratingBand(rating: f64): f64 {
  if (rating != rating) return NaN;
  if (rating < -0.5) return -2;
  if (rating < -0.1) return -1;
  if (rating <= 0.1) return 0;
  if (rating <= 0.5) return 1;
  return 2;
}
