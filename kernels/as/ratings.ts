// Votes of TradingView's moving-average rating over raw pointers: the mirror of
// src/reference/ratings.ts. Each function works on one series of `len` values; `work` and
// `ring` are scratch the caller owns, sized as each function documents. The averages and
// Donchian lines are computed with the reference's operations in the reference's order. Only
// the schedule differs: several averages share one pass, two share the lanes of one vector.

import {
  clearUndefinedWindows,
  fillNaN,
  firstDefined,
  greater,
  hasNaN,
  hmaSeries,
  ld,
  ldv,
  less,
  slots,
  st,
  stv,
  resetVwma,
  saveVwma,
  sumSeries,
  VWMA_STATE_SLOTS,
  VwmaState,
  vwmaSeries,
  vwmaStep,
} from './lib';
import { voteLanes } from './lanes';

export const PROFILE_PINE_V3: f64 = 1;
export const RATING_HMA_LENGTH: i32 = 9;
export const RATING_VWMA_LENGTH: i32 = 20;

/** sign(close - ma) with exact compares; NaN when either operand is NaN. */
@inline export function maVote(close: f64, ma: f64): f64 {
  if (close > ma) return 1;
  if (close < ma) return -1;
  if (close == ma) return 0;
  return NaN;
}

/** Replaces each value of `ma` by the vote of close against it, two lanes at a time. */
export function maVoteInPlace(close: usize, ma: usize, len: i32): void {
  let i: i32 = 0;
  for (; i + 1 < len; i += 2) stv(ma, i, voteLanes(ldv(close, i), ldv(ma, i)));
  if (i < len) st(ma, i, maVote(ld(close, i), ld(ma, i)));
}

/** Pine's sma vote: sumSeries, then the vote against sum / n. Ring: n slots. */
export function smaVoteSeries(close: usize, dst: usize, len: i32, n: i32, ring: usize): void {
  sumSeries(close, dst, len, n, ring);
  const count = f64x2.splat(<f64>n);
  let i: i32 = 0;
  for (; i + 1 < len; i += 2) stv(dst, i, voteLanes(ldv(close, i), f64x2.div(ldv(dst, i), count)));
  if (i < len) st(dst, i, maVote(ld(close, i), ld(dst, i) / <f64>n));
}

/** Work: 3 * len slots. */
export function hmaVoteSeries(close: usize, dst: usize, len: i32, n: i32, work: usize): void {
  hmaSeries(close, dst, len, n, work);
  maVoteInPlace(close, dst, len);
}

/** Ring: 2 * n + VWMA_STATE_SLOTS slots. */
export function vwmaVoteSeries(close: usize, volume: usize, dst: usize, len: i32, n: i32, ring: usize): void {
  vwmaSeries(close, volume, dst, len, n, ring);
  maVoteInPlace(close, dst, len);
}

/** Float64 slots of work `ichimokuVoteSeries` needs for a series of len bars. */
export function ichimokuVoteScratch(len: i32): i32 {
  return 5 * len + ichimokuLevelSlots(len);
}

/** Float64 slots of the level blocks of `ichimokuLines` for len bars. */
function ichimokuLevelSlots(len: i32): i32 {
  return 20 * ((len >> 1) + 1 + LEVEL_PADDING);
}

/** Blocks of identity levels before bar 0, for the look-back of 26 bars. */
const LEVEL_PADDING: i32 = 13;

/**
 * conv, base and lead2 of the rating, the Donchian midpoints over 9, 26 and 52 bars, by
 * doubling: with M2[i] = max(x[i-1], x[i]), M4[i] = max(M2[i-2], M2[i]), M8 and M16 likewise,
 * the 9-bar maximum is max(x[i-8], M8[i]), the 26-bar one max(M16[i-10], M16[i]) and the
 * 52-bar one max(M26[i-26], M26[i]); the minima of the lows likewise. Every max and min keeps
 * the older operand on ties, so each window gets its first extreme, as highestSeries and
 * lowestSeries do (overlapping windows change nothing for a maximum). Bars i and i + 1 share
 * f64x2 operations and one block of levels: M2, M4, M8, M16 and M26 of the highs, then of the
 * lows, 160 bytes, after LEVEL_PADDING blocks of identities for the bars before 0. Work: 2 *
 * len slots for copies of high and low when they hold NaN, then `ichimokuLevelSlots(len)`.
 */
function ichimokuLines(high: usize, low: usize, len: i32, conv: usize, base: usize, lead2: usize, work: usize): void {
  let highs = high;
  let lows = low;
  const gaps = hasNaN(high, 0, len) || hasNaN(low, 0, len);
  if (gaps) {
    // An undefined bar counts as -Infinity among highs and +Infinity among lows.
    highs = work;
    lows = work + slots(len);
    for (let i: i32 = 0; i < len; i++) {
      const h = ld(high, i);
      const l = ld(low, i);
      st(highs, i, h == h ? h : -Infinity);
      st(lows, i, l == l ? l : Infinity);
    }
  }
  const levels = work + slots(2 * len);
  for (let k: i32 = 0; k < 20 * LEVEL_PADDING; k += 4) {
    st(levels, k, -Infinity);
    st(levels, k + 1, -Infinity);
    st(levels, k + 2, Infinity);
    st(levels, k + 3, Infinity);
  }

  const prologue = len < 8 ? len : 8;
  for (let i: i32 = 0; i < prologue; i++) ichimokuLinesAt(highs, lows, i, conv, base, lead2, levels);
  const half = f64x2.splat(0.5);
  let i = prologue;
  // Pointers to bar i - 8 of the inputs and to the block of bar i - 26: every access below is
  // a positive constant offset from them.
  let h0 = highs + slots(i - 8);
  let l0 = lows + slots(i - 8);
  let block = levels + <usize>((i >> 1) + LEVEL_PADDING - 13) * 160;
  for (; i + 1 < len; i += 2) {
    const h = v128.load(h0, 64);
    const l = v128.load(l0, 64);
    const h2 = f64x2.pmax(v128.load(h0, 56), h);
    const l2 = f64x2.pmin(v128.load(l0, 56), l);
    const h4 = f64x2.pmax(v128.load(block, 12 * 160), h2);
    const l4 = f64x2.pmin(v128.load(block, 12 * 160 + 16), l2);
    const h8 = f64x2.pmax(v128.load(block, 11 * 160 + 32), h4);
    const l8 = f64x2.pmin(v128.load(block, 11 * 160 + 48), l4);
    const h16 = f64x2.pmax(v128.load(block, 9 * 160 + 64), h8);
    const l16 = f64x2.pmin(v128.load(block, 9 * 160 + 80), l8);
    const h9 = f64x2.pmax(v128.load(h0), h8);
    const l9 = f64x2.pmin(v128.load(l0), l8);
    const h26 = f64x2.pmax(v128.load(block, 8 * 160 + 96), h16);
    const l26 = f64x2.pmin(v128.load(block, 8 * 160 + 112), l16);
    const h52 = f64x2.pmax(v128.load(block, 128), h26);
    const l52 = f64x2.pmin(v128.load(block, 144), l26);
    v128.store(block, h2, 13 * 160);
    v128.store(block, l2, 13 * 160 + 16);
    v128.store(block, h4, 13 * 160 + 32);
    v128.store(block, l4, 13 * 160 + 48);
    v128.store(block, h8, 13 * 160 + 64);
    v128.store(block, l8, 13 * 160 + 80);
    v128.store(block, h16, 13 * 160 + 96);
    v128.store(block, l16, 13 * 160 + 112);
    v128.store(block, h26, 13 * 160 + 128);
    v128.store(block, l26, 13 * 160 + 144);
    // (x + y) * 0.5 is (x + y) / 2 exactly: halving is exact or, below the normal range, one
    // rounding of the same value either way.
    stv(conv, i, f64x2.mul(f64x2.add(h9, l9), half));
    stv(base, i, f64x2.mul(f64x2.add(h26, l26), half));
    stv(lead2, i, f64x2.mul(f64x2.add(h52, l52), half));
    h0 += 16;
    l0 += 16;
    block += 160;
  }
  if (i < len) ichimokuLinesAt(highs, lows, i, conv, base, lead2, levels);

  fillNaN(conv, 0, len < 8 ? len : 8);
  fillNaN(base, 0, len < 25 ? len : 25);
  fillNaN(lead2, 0, len < 51 ? len : 51);
  if (gaps) {
    clearUndefinedWindows(high, low, conv, len, 9);
    clearUndefinedWindows(high, low, base, len, 26);
    clearUndefinedWindows(high, low, lead2, len, 52);
  }
}

/** Address of level `level` (0 M2 of highs, 1 M2 of lows, ..., 9 M26 of lows) of bar i, i >= -26. */
@inline function levelAt(levels: usize, level: i32, i: i32): usize {
  return levels + <usize>((i >> 1) + LEVEL_PADDING) * 160 + (<usize>level << 4) + (<usize>(i & 1) << 3);
}

/** max(older, newer), the older on ties: f64x2.pmax(older, newer) lane by lane. */
@inline function later(older: f64, newer: f64): f64 {
  return older < newer ? newer : older;
}

/** min(older, newer), the older on ties: f64x2.pmin(older, newer) lane by lane. */
@inline function earlier(older: f64, newer: f64): f64 {
  return newer < older ? newer : older;
}

/** Computes bar i of `ichimokuLines`; bars before 0 count as -Infinity among highs and +Infinity among lows. */
function ichimokuLinesAt(highs: usize, lows: usize, i: i32, conv: usize, base: usize, lead2: usize, levels: usize): void {
  const h = ld(highs, i);
  const l = ld(lows, i);
  const h2 = later(i >= 1 ? ld(highs, i - 1) : -Infinity, h);
  const l2 = earlier(i >= 1 ? ld(lows, i - 1) : Infinity, l);
  const h4 = later(load<f64>(levelAt(levels, 0, i - 2)), h2);
  const l4 = earlier(load<f64>(levelAt(levels, 1, i - 2)), l2);
  const h8 = later(load<f64>(levelAt(levels, 2, i - 4)), h4);
  const l8 = earlier(load<f64>(levelAt(levels, 3, i - 4)), l4);
  const h16 = later(load<f64>(levelAt(levels, 4, i - 8)), h8);
  const l16 = earlier(load<f64>(levelAt(levels, 5, i - 8)), l8);
  const h9 = later(i >= 8 ? ld(highs, i - 8) : -Infinity, h8);
  const l9 = earlier(i >= 8 ? ld(lows, i - 8) : Infinity, l8);
  const h26 = later(load<f64>(levelAt(levels, 6, i - 10)), h16);
  const l26 = earlier(load<f64>(levelAt(levels, 7, i - 10)), l16);
  const h52 = later(load<f64>(levelAt(levels, 8, i - 26)), h26);
  const l52 = earlier(load<f64>(levelAt(levels, 9, i - 26)), l26);
  store<f64>(levelAt(levels, 0, i), h2);
  store<f64>(levelAt(levels, 1, i), l2);
  store<f64>(levelAt(levels, 2, i), h4);
  store<f64>(levelAt(levels, 3, i), l4);
  store<f64>(levelAt(levels, 4, i), h8);
  store<f64>(levelAt(levels, 5, i), l8);
  store<f64>(levelAt(levels, 6, i), h16);
  store<f64>(levelAt(levels, 7, i), l16);
  store<f64>(levelAt(levels, 8, i), h26);
  store<f64>(levelAt(levels, 9, i), l26);
  st(conv, i, (h9 + l9) / 2.0);
  st(base, i, (h26 + l26) / 2.0);
  st(lead2, i, (h52 + l52) / 2.0);
}

/**
 * Ichimoku 9, 26, 52 vote under either profile (rules in src/reference/ratings.ts), into dst;
 * with `shares`, the tally shares 32 + vote (0 for NaN) as i32 instead. Work:
 * `ichimokuVoteScratch(len)` slots: conv, base and lead2, then the work of `ichimokuLines`.
 */
export function ichimokuVoteSeries(
  high: usize,
  low: usize,
  close: usize,
  dst: usize,
  len: i32,
  profile: f64,
  work: usize,
  shares: bool = false,
): void {
  const conv = work;
  const base = work + slots(len);
  const lead2 = work + slots(2 * len);
  ichimokuLines(high, low, len, conv, base, lead2, work + slots(3 * len));

  const pineV3 = profile == PROFILE_PINE_V3;
  // Vector constants go through memory, so that V8 reloads them in the loop rather than
  // rebuilding them at every use. The work of `ichimokuLines` is free again by now.
  const constants = work + slots(3 * len);
  stv(constants, 0, f64x2.splat(1e-10));
  stv(constants, 2, f64x2.splat(0.5));
  stv(constants, 4, f64x2.splat(1));
  stv(constants, 6, f64x2.splat(NaN));
  stv(constants, 8, f64x2.splat(32));
  stv(constants, 10, f64x2.splat(0));
  // Before bar 52 the look-backs reach before bar 0; from there, two bars at a time.
  const head = len < 52 ? len : 52;
  for (let i: i32 = 0; i < head; i++) {
    const vote = ichimokuVoteAt(close, conv, base, lead2, i, pineV3);
    if (shares) sti(dst, i, tallyShare(vote));
    else st(dst, i, vote);
  }
  let i = head;
  for (; i + 1 < len; i += 2) {
    const vote = ichimokuVotePair(close, conv, base, lead2, i, pineV3, constants);
    if (shares) {
      const share = v128.bitselect(f64x2.add(vote, v128.load(constants, 64)), v128.load(constants, 80), f64x2.eq(vote, vote));
      v128.store64_lane(dst + (<usize>i << 2), i32x4.trunc_sat_f64x2_s_zero(share), 0);
    } else {
      stv(dst, i, vote);
    }
  }
  if (i < len) {
    const vote = ichimokuVoteAt(close, conv, base, lead2, i, pineV3);
    if (shares) sti(dst, i, tallyShare(vote));
    else st(dst, i, vote);
  }
}

/** Returns the vote at bar i, combining the compares with `&`, without branches. */
function ichimokuVoteAt(close: usize, conv: usize, base: usize, lead2: usize, i: i32, pineV3: bool): f64 {
  const c = ld(close, i);
  const lead2Now = ld(lead2, i);
  const convNow = ld(conv, i);
  const baseNow = ld(base, i);
  let buy: bool;
  let sell: bool;
  if (pineV3) {
    const l1: f64 = i >= 26 ? (ld(conv, i - 26) + ld(base, i - 26)) / 2.0 : NaN;
    const l2: f64 = i >= 26 ? ld(lead2, i - 26) : NaN;
    buy = greater(l1, l2) & greater(baseNow, l1) & greater(convNow, baseNow) & greater(c, convNow);
    sell = less(l1, l2) & less(baseNow, l1) & less(convNow, baseNow) & less(c, convNow);
  } else {
    const lead1 = (convNow + baseNow) / 2.0;
    const previousClose: f64 = i > 0 ? ld(close, i - 1) : NaN;
    buy =
      greater(lead1, lead2Now) &
      greater(c, lead1) &
      less(c, baseNow) &
      less(previousClose, convNow) &
      greater(c, convNow);
    sell =
      greater(lead2Now, lead1) &
      less(c, lead2Now) &
      greater(c, baseNow) &
      greater(previousClose, convNow) &
      less(c, convNow);
  }
  // buy needs c > conv and sell c < conv, so at most one holds.
  const vote = <f64>(<i32>buy - <i32>sell);
  return lead2Now != lead2Now || c != c ? NaN : vote;
}

/** greater(a, b) of lib, lane by lane: a - b > 1e-10 (`tolerance`). */
@inline function greaterLanes(a: v128, b: v128, tolerance: v128): v128 {
  return f64x2.gt(f64x2.sub(a, b), tolerance);
}

/**
 * Returns `ichimokuVoteAt` for bars i and i + 1, i at least 52. `constants` contains the
 * lanes of 1e-10, 0.5, 1 and NaN.
 */
@inline function ichimokuVotePair(close: usize, conv: usize, base: usize, lead2: usize, i: i32, pineV3: bool, constants: usize): v128 {
  const tolerance = v128.load(constants);
  const half = v128.load(constants, 16);
  const c = ldv(close, i);
  const lead2Now = ldv(lead2, i);
  const convNow = ldv(conv, i);
  const baseNow = ldv(base, i);
  let buy: v128;
  let sell: v128;
  if (pineV3) {
    const l1 = f64x2.mul(f64x2.add(ldv(conv, i - 26), ldv(base, i - 26)), half);
    const l2 = ldv(lead2, i - 26);
    buy = v128.and(
      v128.and(greaterLanes(l1, l2, tolerance), greaterLanes(baseNow, l1, tolerance)),
      v128.and(greaterLanes(convNow, baseNow, tolerance), greaterLanes(c, convNow, tolerance)),
    );
    sell = v128.and(
      v128.and(greaterLanes(l2, l1, tolerance), greaterLanes(l1, baseNow, tolerance)),
      v128.and(greaterLanes(baseNow, convNow, tolerance), greaterLanes(convNow, c, tolerance)),
    );
  } else {
    const lead1 = f64x2.mul(f64x2.add(convNow, baseNow), half);
    const previousClose = ldv(close, i - 1);
    buy = v128.and(
      v128.and(v128.and(greaterLanes(lead1, lead2Now, tolerance), greaterLanes(c, lead1, tolerance)), greaterLanes(baseNow, c, tolerance)),
      v128.and(greaterLanes(convNow, previousClose, tolerance), greaterLanes(c, convNow, tolerance)),
    );
    sell = v128.and(
      v128.and(v128.and(greaterLanes(lead2Now, lead1, tolerance), greaterLanes(lead2Now, c, tolerance)), greaterLanes(c, baseNow, tolerance)),
      v128.and(greaterLanes(previousClose, convNow, tolerance), greaterLanes(convNow, c, tolerance)),
    );
  }
  const ones = v128.load(constants, 32);
  const vote = f64x2.sub(v128.and(buy, ones), v128.and(sell, ones));
  return v128.bitselect(vote, v128.load(constants, 48), v128.and(f64x2.eq(lead2Now, lead2Now), f64x2.eq(c, c)));
}

// recommend_ma keeps one i32 tally per bar: each defined vote adds 32 + vote, so the tally is
// 32 * count + sum with |sum| <= count <= 15, and count = (tally + 16) >> 5.

@inline function ldi(base: usize, i: i32): i32 {
  return load<i32>(base + (<usize>i << 2));
}

@inline function sti(base: usize, i: i32, v: i32): void {
  store<i32>(base + (<usize>i << 2), v);
}

/** Entries of the table that turns a tally into sum / count; see `fillRatingTable`. */
const TALLY_TABLE_SLOTS: i32 = 528;

/** The vote's share of the tally: 32 + vote, 0 when the vote is NaN. */
@inline function tallyShare(vote: f64): i32 {
  return vote == vote ? 32 + <i32>vote : 0;
}

/** tallyShare(maVote(close, ma)) without branches on the vote. */
@inline function voteShare(close: f64, ma: f64): i32 {
  const above = <i32>(close > ma);
  const below = <i32>(close < ma);
  const ordered = above | below | <i32>(close == ma);
  return ordered * (32 + above - below);
}

/** Adds the tally shares of the votes of close against `ma` to `tally`, two bars at a time. */
function addVoteShares(close: usize, ma: usize, tally: usize, len: i32): void {
  let i: i32 = 0;
  for (; i + 1 < len; i += 2) {
    const vote = voteLanes(ldv(close, i), ldv(ma, i));
    const share = v128.bitselect(f64x2.add(vote, f64x2.splat(32)), f64x2.splat(0), f64x2.eq(vote, vote));
    const at = tally + (<usize>i << 2);
    v128.store64_lane(at, i32x4.add(v128.load64_zero(at), i32x4.trunc_sat_f64x2_s_zero(share)), 0);
  }
  if (i < len) sti(tally, i, ldi(tally, i) + voteShare(ld(close, i), ld(ma, i)));
}

/**
 * Fills table[t + 16] with sum / count for tally t, NaN where count is 0: the reference's
 * division, once per tally instead of once per bar.
 */
function fillRatingTable(table: usize): void {
  for (let index: i32 = 0; index < TALLY_TABLE_SLOTS; index++) {
    const count = index >> 5;
    const sum = index - 16 - (count << 5);
    st(table, index, count > 0 ? <f64>sum / <f64>count : NaN);
  }
}

/** The SMA and EMA lengths of recommend_ma go in pairs: (10, 20), (30, 50), (100, 200). */
const MA_PAIRS: i32 = 3;

/** Defined closes after which every SMA and EMA of recommend_ma has a value. */
const LONGEST_MA: i32 = 200;

/**
 * Float64 slots after the SMA addends: the pairs' lengths and EMA factors (six vectors), then
 * the states the filling loops hand over, (sum, compensation) of each SMA pair and (sum,
 * compensation, average) of each EMA pair.
 */
const MA_STATE_SLOTS: i32 = 2 * 6 + 2 * 6 + 2 * 9;

/** Float64 slots of the moving-average pass: SMA addends, states, vwma's rings and state. */
function movingAverageScratch(len: i32): i32 {
  return 2 * MA_PAIRS * len + MA_STATE_SLOTS + 2 * RATING_VWMA_LENGTH + VWMA_STATE_SLOTS;
}

/**
 * Float64 slots of scratch `recommendMaSeries` needs for a series of len bars (the tally
 * table is shared by all series and not counted).
 */
export function recommendMaScratch(len: i32): i32 {
  let work = ichimokuVoteScratch(len);
  if (3 * len > work) work = 3 * len;
  if (movingAverageScratch(len) > work) work = movingAverageScratch(len);
  return 2 * len + work;
}

/** Float64 slots of scratch the recommend_ma kernel needs, table included. */
export function recommendMaKernelScratch(maxLength: i32): i32 {
  return TALLY_TABLE_SLOTS + recommendMaScratch(maxLength);
}

/**
 * recommend_ma of every series: the tally table at the start of `scratch`, then
 * `recommendMaSeries` per series.
 */
export function recommendMaBatch(
  high: usize,
  low: usize,
  close: usize,
  volume: usize,
  dst: usize,
  offsets: usize,
  count: i32,
  profile: f64,
  scratch: usize,
): void {
  fillRatingTable(scratch);
  const work = scratch + slots(TALLY_TABLE_SLOTS);
  for (let s: i32 = 0; s < count; s++) {
    const start = load<i32>(offsets + (<usize>s << 2));
    const len = load<i32>(offsets + (<usize>(s + 1) << 2)) - start;
    const at = slots(start);
    recommendMaSeries(high + at, low + at, close + at, volume + at, dst + at, len, profile, scratch, work);
  }
}

/**
 * recommend_ma of one series: the tally of the Ichimoku and HMA votes, then the passes of the
 * SMAs, EMAs and VWMA, the last of which writes the mean through the table. Scratch layout, in
 * slots: tally (len), vote (len), then work shared by the passes.
 */
function recommendMaSeries(
  high: usize,
  low: usize,
  close: usize,
  volume: usize,
  dst: usize,
  len: i32,
  profile: f64,
  table: usize,
  scratch: usize,
): void {
  const tally = scratch;
  const vote = tally + slots(len);
  const work = vote + slots(len);

  ichimokuVoteSeries(high, low, close, tally, len, profile, work, true);
  hmaSeries(close, vote, len, RATING_HMA_LENGTH, work);
  addVoteShares(close, vote, tally, len);
  finishMovingAverageVotes(close, volume, tally, dst, len, work, table);
}

/**
 * Adds the votes of close against Pine's sma and ema of 10, 20, 30, 50, 100 and 200 and
 * vwma(20) to `tally`, and writes the mean of each bar's votes to dst through the table.
 *
 * The pairs (10, 20), (30, 50) and (100, 200) go in the lanes of three vectors, for the SMA
 * machines and for the EMAs. Up to the bar of the 200th defined close some lanes still fill
 * their windows. So `smaVotesFilling` and `emaVotesFilling` take each lane's filling and
 * steady steps, keep the one the lane is in, and check that each average is defined before it
 * votes. From there all twelve are defined and every lane is steady, provided every close is
 * below 1e300 in magnitude, so that no sum overflows. A series that is not takes the filling
 * loops to its end. vwma's two machines go in the lanes of a fourth vector, in the SMA loops,
 * whose chains of dependent additions they share. The work is split into SMA and EMA loops
 * because one loop with every vector would need more than the 16 registers of x64 that V8
 * uses, and the rest would go through memory.
 *
 * Work: 2 * MA_PAIRS * len slots of SMA addends (pair p's realized addend of the k-th defined
 * close, lane l, at history + 16 * (k + p * len) + 8 * l), then MA_STATE_SLOTS of vector
 * constants and the states the filling loops hand over, then vwma's rings and state.
 */
function finishMovingAverageVotes(close: usize, volume: usize, tally: usize, dst: usize, len: i32, work: usize, table: usize): void {
  const history = work;
  const constants = history + slots(2 * MA_PAIRS * len);
  const states = constants + slots(12);
  const vwmaRing = constants + slots(MA_STATE_SLOTS);
  const vwma = changetype<VwmaState>(vwmaRing + slots(2 * RATING_VWMA_LENGTH));

  let fillEnd = len;
  if (allModest(close, len)) {
    let defined: i32 = 0;
    for (fillEnd = 0; fillEnd < len && defined < LONGEST_MA; fillEnd++) {
      const x = ld(close, fillEnd);
      if (x == x) defined++;
    }
  }
  // Lane constants, read from memory in the loops so that V8 keeps them in registers or
  // reloads them rather than rebuilding them at every use.
  stv(constants, 0, f64x2(10, 20));
  stv(constants, 2, f64x2(30, 50));
  stv(constants, 4, f64x2(100, 200));
  stv(constants, 6, f64x2(2.0 / 11.0, 2.0 / 21.0));
  stv(constants, 8, f64x2(2.0 / 31.0, 2.0 / 51.0));
  stv(constants, 10, f64x2(2.0 / 101.0, 2.0 / 201.0));

  smaAndVwmaVotesFilling(close, volume, tally, fillEnd, len, history, constants, states, vwma, vwmaRing);
  if (fillEnd < len) smaAndVwmaVotesSteady(close, volume, tally, fillEnd, len, history, constants, states, vwma, vwmaRing);
  emaVotesFilling(close, tally, fillEnd, constants, states);
  emaVotesSteady(close, tally, dst, fillEnd, len, constants, states, table);
}

/** Returns whether every value of close[0, len) is below 1e300 in magnitude; NaN passes. */
function allModest(close: usize, len: i32): bool {
  const limit = f64x2.splat(1e300);
  let large = f64x2.splat(0);
  let i: i32 = 0;
  for (; i + 1 < len; i += 2) large = v128.or(large, f64x2.ge(f64x2.abs(ldv(close, i)), limit));
  if (i < len && Math.abs(ld(close, i)) >= 1e300) return false;
  return !v128.any_true(large);
}

/**
 * The tally shares of the lanes of `ma` where `defined` is set: 32 + vote for each ordered
 * lane (the masks are all-ones for true, so below - above is the vote).
 */
@inline function laneShares(close: v128, ma: v128, defined: v128): i32 {
  const above = f64x2.gt(close, ma);
  const below = f64x2.lt(close, ma);
  const counted = v128.and(v128.or(v128.or(above, below), f64x2.eq(close, ma)), defined);
  const shares = i64x2.add(v128.and(counted, i64x2.splat(32)), v128.and(i64x2.sub(below, above), defined));
  return <i32>(i64x2.extract_lane(shares, 0) + i64x2.extract_lane(shares, 1));
}

/** The summed votes of two defined lanes: below - above, the masks being all-ones for true. */
@inline function laneVotes(close: v128, ma: v128): v128 {
  return i64x2.sub(f64x2.lt(close, ma), f64x2.gt(close, ma));
}

/**
 * One pair of SMA machines before every lane is steady: both the filling step (compensated
 * add) and the steady step (remove the realized addend k - n back, add x) of sumSeries, each
 * lane keeping its own. Updates the pair's (sum, compensation) at `state`, stores the realized
 * addend of position k at history + 16 * k and returns the tally shares of its votes.
 */
@inline function smaPairFilling(x: v128, k: i32, history: usize, n0: i32, n1: i32, counts: v128, state: usize): i32 {
  const at = <usize>k << 4;
  // A lane that still fills reads position 0 instead and ignores the value.
  const back0 = k >= n0 ? k - n0 : 0;
  const back1 = k >= n1 ? k - n1 : 0;
  const oldest = v128.load64_lane(history + (<usize>back1 << 4) + 8, v128.load64_zero(history + (<usize>back0 << 4)), 1);
  const sum = v128.load(state);
  const error = v128.load(state, 16);
  const filling = f64x2.lt(f64x2.splat(<f64>k), counts);
  const y = f64x2.sub(x, error);
  const t = f64x2.add(sum, y);
  const filledError = f64x2.sub(f64x2.sub(t, sum), y);
  const y1 = f64x2.sub(f64x2.neg(oldest), error);
  const t1 = f64x2.add(sum, y1);
  const e1 = f64x2.sub(f64x2.sub(t1, sum), y1);
  const y2 = f64x2.sub(x, e1);
  const u = f64x2.add(t1, y2);
  const nextSum = v128.bitselect(t, u, filling);
  v128.store(state, nextSum);
  v128.store(state, v128.bitselect(filledError, f64x2.sub(f64x2.sub(u, t1), y2), filling), 16);
  v128.store(history + at, v128.bitselect(y, y2, filling));
  return laneShares(x, f64x2.div(nextSum, counts), f64x2.le(counts, f64x2.splat(<f64>(k + 1))));
}

/**
 * Runs the six SMA machines, each lane filling or steady, and vwma bar by bar (`vwmaStep`) on
 * bars [0, to), adding their votes to the tally. Leaves the SMA states at `states` and vwma's
 * in `vwma`. A bar without a close still feeds its volume to vwma.
 */
function smaAndVwmaVotesFilling(
  close: usize,
  volume: usize,
  tally: usize,
  to: i32,
  len: i32,
  history: usize,
  constants: usize,
  states: usize,
  vwma: VwmaState,
  vwmaRing: usize,
): void {
  for (let j: i32 = 0; j < 12; j++) st(states, j, 0);
  resetVwma(vwma);
  const history1 = history + slots(2 * len);
  const history2 = history1 + slots(2 * len);
  let k: i32 = 0;
  for (let i: i32 = 0; i < to; i++) {
    const c = ld(close, i);
    let share: i32 = 0;
    if (c == c) {
      const x = f64x2.splat(c);
      share = smaPairFilling(x, k, history, 10, 20, v128.load(constants), states);
      share += smaPairFilling(x, k, history1, 30, 50, v128.load(constants, 16), states + 32);
      share += smaPairFilling(x, k, history2, 100, 200, v128.load(constants, 32), states + 64);
      k++;
    }
    const v = ld(volume, i);
    share += voteShare(c, vwmaStep(vwma, c * v, v, vwmaRing, RATING_VWMA_LENGTH));
    sti(tally, i, ldi(tally, i) + share);
  }
}

/**
 * Runs the six SMA machines from bar `from`, where 200 closes are defined, to len, all lanes
 * steady, and vwma's machines in the lanes of a fourth vector, from the states the filling
 * loop left. The inner loop takes the regular bars, with a close, a volume and both vwma
 * windows full. Any other bar leaves it and takes the general steps (`smaPairFilling`, whose
 * lanes are all steady here, and `vwmaStep`) with the states in memory.
 */
function smaAndVwmaVotesSteady(
  close: usize,
  volume: usize,
  tally: usize,
  from: i32,
  len: i32,
  history: usize,
  constants: usize,
  states: usize,
  vwma: VwmaState,
  vwmaRing: usize,
): void {
  const history1 = history + slots(2 * len);
  const history2 = history1 + slots(2 * len);
  const n = RATING_VWMA_LENGTH;
  const vwmaCount = f64x2.splat(<f64>n);
  const vwmaRingB = vwmaRing + slots(n);
  // Without any volume from here on, vwma stays undefined and its machines never move.
  const withVolume = firstDefined(volume + slots(from), len - from) < len - from;
  // Six defined votes: 6 * 32 in the tally, plus their sum.
  const allDefined: i64 = 6 * 32;
  let k: i32 = LONGEST_MA;
  let i = from;
  while (i < len) {
    let sum0 = v128.load(states);
    let error0 = v128.load(states, 16);
    let sum1 = v128.load(states, 32);
    let error1 = v128.load(states, 48);
    let sum2 = v128.load(states, 64);
    let error2 = v128.load(states, 80);
    let vwmaSums = f64x2.replace_lane(f64x2.splat(vwma.sumA), 1, vwma.sumB);
    let vwmaErrors = f64x2.replace_lane(f64x2.splat(vwma.errorA), 1, vwma.errorB);
    let headA = vwma.headA;
    let headB = vwma.headB;
    const vwmaFull = vwma.countA == n && vwma.countB == n;

    for (; i < len; i++) {
      const c = ld(close, i);
      const v = ld(volume, i);
      const a = c * v;
      if (c != c) break;
      if (withVolume && !(vwmaFull && a == a && v == v)) break;
      const x = f64x2.splat(c);
      const at = <usize>k << 4;

      let oldest = v128.load64_lane(history + at - (20 << 4) + 8, v128.load64_zero(history + at - (10 << 4)), 1);
      let y1 = f64x2.sub(f64x2.neg(oldest), error0);
      let t = f64x2.add(sum0, y1);
      let e1 = f64x2.sub(f64x2.sub(t, sum0), y1);
      let y2 = f64x2.sub(x, e1);
      let u = f64x2.add(t, y2);
      error0 = f64x2.sub(f64x2.sub(u, t), y2);
      sum0 = u;
      v128.store(history + at, y2);

      oldest = v128.load64_lane(history1 + at - (50 << 4) + 8, v128.load64_zero(history1 + at - (30 << 4)), 1);
      y1 = f64x2.sub(f64x2.neg(oldest), error1);
      t = f64x2.add(sum1, y1);
      e1 = f64x2.sub(f64x2.sub(t, sum1), y1);
      y2 = f64x2.sub(x, e1);
      u = f64x2.add(t, y2);
      error1 = f64x2.sub(f64x2.sub(u, t), y2);
      sum1 = u;
      v128.store(history1 + at, y2);

      oldest = v128.load64_lane(history2 + at - (200 << 4) + 8, v128.load64_zero(history2 + at - (100 << 4)), 1);
      y1 = f64x2.sub(f64x2.neg(oldest), error2);
      t = f64x2.add(sum2, y1);
      e1 = f64x2.sub(f64x2.sub(t, sum2), y1);
      y2 = f64x2.sub(x, e1);
      u = f64x2.add(t, y2);
      error2 = f64x2.sub(f64x2.sub(u, t), y2);
      sum2 = u;
      v128.store(history2 + at, y2);

      let votes = laneVotes(x, f64x2.div(sum0, v128.load(constants)));
      votes = i64x2.add(votes, laneVotes(x, f64x2.div(sum1, v128.load(constants, 16))));
      votes = i64x2.add(votes, laneVotes(x, f64x2.div(sum2, v128.load(constants, 32))));
      let share = <i32>(allDefined + i64x2.extract_lane(votes, 0) + i64x2.extract_lane(votes, 1));
      k++;

      if (withVolume) {
        const leaving = v128.load64_lane(vwmaRingB + slots(headB), v128.load64_zero(vwmaRing + slots(headA)), 1);
        const z1 = f64x2.sub(f64x2.neg(leaving), vwmaErrors);
        const w = f64x2.add(vwmaSums, z1);
        const f1 = f64x2.sub(f64x2.sub(w, vwmaSums), z1);
        const z2 = f64x2.sub(f64x2.replace_lane(f64x2.splat(a), 1, v), f1);
        const q = f64x2.add(w, z2);
        vwmaErrors = f64x2.sub(f64x2.sub(q, w), z2);
        vwmaSums = q;
        v128.store64_lane(vwmaRing + slots(headA), z2, 0);
        v128.store64_lane(vwmaRingB + slots(headB), z2, 1);
        headA = headA + 1 == n ? 0 : headA + 1;
        headB = headB + 1 == n ? 0 : headB + 1;
        const means = f64x2.div(vwmaSums, vwmaCount);
        const averageVolume = f64x2.extract_lane(means, 1);
        share += voteShare(c, averageVolume == 0 ? NaN : f64x2.extract_lane(means, 0) / averageVolume);
      }
      sti(tally, i, ldi(tally, i) + share);
    }

    // An irregular bar, or the end: the states go to memory for the general steps.
    v128.store(states, sum0);
    v128.store(states, error0, 16);
    v128.store(states, sum1, 32);
    v128.store(states, error1, 48);
    v128.store(states, sum2, 64);
    v128.store(states, error2, 80);
    saveVwma(vwma, vwmaSums, vwmaErrors, headA, headB);
    if (i >= len) break;
    const c = ld(close, i);
    let share: i32 = 0;
    if (c == c) {
      const x = f64x2.splat(c);
      share = smaPairFilling(x, k, history, 10, 20, v128.load(constants), states);
      share += smaPairFilling(x, k, history1, 30, 50, v128.load(constants, 16), states + 32);
      share += smaPairFilling(x, k, history2, 100, 200, v128.load(constants, 32), states + 64);
      k++;
    }
    if (withVolume) {
      const v = ld(volume, i);
      share += voteShare(c, vwmaStep(vwma, c * v, v, vwmaRing, n));
    }
    sti(tally, i, ldi(tally, i) + share);
    i++;
  }
}

/**
 * Advances one pair of EMAs before every lane is steady. smoothSeries takes the compensated
 * sum of the first n defined closes, the seed sum / n at the n-th, then
 * prev + alpha * (x - prev); each lane keeps its own step. Updates the pair's (sum,
 * compensation, average) at `state` and returns the tally shares of its votes.
 */
@inline function emaPairFilling(x: v128, k: i32, counts: v128, alphas: v128, state: usize): i32 {
  const sum = v128.load(state);
  const error = v128.load(state, 16);
  const average = v128.load(state, 32);
  const next = f64x2.splat(<f64>(k + 1));
  const filling = f64x2.lt(f64x2.splat(<f64>k), counts);
  const y = f64x2.sub(x, error);
  const t = f64x2.add(sum, y);
  v128.store(state, v128.bitselect(t, sum, filling));
  v128.store(state, v128.bitselect(f64x2.sub(f64x2.sub(t, sum), y), error, filling), 16);
  const steady = f64x2.add(average, f64x2.mul(alphas, f64x2.sub(x, average)));
  const nextAverage = v128.bitselect(f64x2.div(t, counts), v128.bitselect(average, steady, filling), f64x2.eq(next, counts));
  v128.store(state, nextAverage, 32);
  return laneShares(x, nextAverage, f64x2.le(counts, next));
}

/** Runs the six EMAs on bars [0, to), each lane filling, seeding or steady; leaves their states after the SMA states. */
function emaVotesFilling(close: usize, tally: usize, to: i32, constants: usize, states: usize): void {
  // (sum, compensation, average) of pair p at emaStates + 48 * p, two lanes each.
  const emaStates = states + 96;
  for (let j: i32 = 0; j < 18; j += 6) {
    stv(emaStates, j, f64x2.splat(0));
    stv(emaStates, j + 2, f64x2.splat(0));
    stv(emaStates, j + 4, f64x2.splat(NaN));
  }
  let k: i32 = 0;
  for (let i: i32 = 0; i < to; i++) {
    const c = ld(close, i);
    if (c != c) continue;
    const x = f64x2.splat(c);
    let share = emaPairFilling(x, k, v128.load(constants), v128.load(constants, 48), emaStates);
    share += emaPairFilling(x, k, v128.load(constants, 16), v128.load(constants, 64), emaStates + 48);
    share += emaPairFilling(x, k, v128.load(constants, 32), v128.load(constants, 80), emaStates + 96);
    sti(tally, i, ldi(tally, i) + share);
    k++;
  }
}

/**
 * Runs the six EMAs from bar `from` on, all steady, from the averages `emaVotesFilling`
 * left, adds their votes to the tally and writes recommend_ma through the table.
 */
function emaVotesSteady(close: usize, tally: usize, dst: usize, from: i32, len: i32, constants: usize, states: usize, table: usize): void {
  const emaStates = states + 96;
  let ema0 = v128.load(emaStates, 32);
  let ema1 = v128.load(emaStates, 80);
  let ema2 = v128.load(emaStates, 128);
  for (let i: i32 = 0; i < from; i++) st(dst, i, ld(table, ldi(tally, i) + 16));
  // Six defined votes: 6 * 32 in the tally, plus their sum.
  const allDefined: i64 = 6 * 32;
  for (let i = from; i < len; i++) {
    const c = ld(close, i);
    let share = ldi(tally, i);
    if (c == c) {
      const x = f64x2.splat(c);
      ema0 = f64x2.add(ema0, f64x2.mul(v128.load(constants, 48), f64x2.sub(x, ema0)));
      ema1 = f64x2.add(ema1, f64x2.mul(v128.load(constants, 64), f64x2.sub(x, ema1)));
      ema2 = f64x2.add(ema2, f64x2.mul(v128.load(constants, 80), f64x2.sub(x, ema2)));
      let votes = laneVotes(x, ema0);
      votes = i64x2.add(votes, laneVotes(x, ema1));
      votes = i64x2.add(votes, laneVotes(x, ema2));
      share += <i32>(allDefined + i64x2.extract_lane(votes, 0) + i64x2.extract_lane(votes, 1));
    }
    st(dst, i, ld(table, share + 16));
  }
}
