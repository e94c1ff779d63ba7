// Recurrences over a batch of series, two series at a time. An EMA or Wilder average carries
// its value from bar to bar, so one series runs at the latency of that chain of operations.
// Here the seed phase runs on each series alone, as in src/reference/lib.ts. Then the steady
// phases of two series share one loop as the two lanes of f64x2 vectors. Each lane does the
// operations of the reference in the same order, so the results are bit for bit those of one
// series at a time, at about twice the throughput. When one series is left, both lanes run it.

import { column, ld, seedValue, seriesStart, slots, smoothSeed, st } from './lib';

/** Kinds of `runLanes`: the EMA, its vote, RSI or ATR. */
export const LANES_EMA: i32 = 0;
export const LANES_EMA_VOTE: i32 = 1;
export const LANES_RSI: i32 = 2;
export const LANES_ATR: i32 = 3;

// Lane state between runs of the steady loops: the next bar, the end of the series and the
// carried averages (RSI carries two).
let barA: i32 = 0;
let endA: i32 = 0;
let valueA: f64 = 0;
let lossA: f64 = 0;
let barB: i32 = 0;
let endB: i32 = 0;
let valueB: f64 = 0;
let lossB: f64 = 0;

// Output of `takeSeries`: the steady range of the series it seeded (empty when none is left).
let takenBar: i32 = 0;
let takenEnd: i32 = 0;
let takenValue: f64 = 0;
let takenLoss: f64 = 0;

// Seeds left by `rsiSeed` and `atrSeed`; `smoothSeed` leaves its own in `seedValue`.
let ownSeed: f64 = 0;
let ownSeedLoss: f64 = 0;

/** Two values, the first in lane 0. */
@inline function pair(base: usize, a: i32, b: i32): v128 {
  return v128.load64_lane(base + slots(b), v128.load64_zero(base + slots(a)), 1);
}

@inline function storePair(base: usize, a: i32, b: i32, v: v128): void {
  v128.store64_lane(base + slots(a), v, 0);
  v128.store64_lane(base + slots(b), v, 1);
}

/**
 * The vote of close against a moving average, lane by lane: 1 above, -1 below, 0 equal, NaN
 * when either is NaN, as maVote in src/reference/ratings.ts.
 */
@inline export function voteLanes(close: v128, ma: v128): v128 {
  const ones = f64x2.splat(1);
  const above = f64x2.gt(close, ma);
  const below = f64x2.lt(close, ma);
  const vote = f64x2.sub(v128.and(above, ones), v128.and(below, ones));
  const ordered = v128.or(v128.or(above, below), f64x2.eq(close, ma));
  return v128.bitselect(vote, f64x2.splat(NaN), ordered);
}

/**
 * Seeds series `next`, `next + 1`, ... until one has bars after its seed; returns the index of
 * the next series to take. Leaves that series' steady range and seed in `takenBar`,
 * `takenEnd` and `takenValue` (`takenLoss` for RSI); the range is empty when none is left.
 */
function takeSeries(kind: i32, inputs: usize, dst: usize, offsets: usize, count: i32, next: i32, n: i32): i32 {
  const close = column(inputs, kind == LANES_ATR ? 2 : 0);
  while (next < count) {
    const start = seriesStart(offsets, next);
    const end = seriesStart(offsets, next + 1);
    next++;
    const at = slots(start);
    let seedBar: i32;
    if (kind == LANES_RSI) {
      seedBar = start + rsiSeed(close + at, dst + at, end - start, n);
      takenValue = ownSeed;
      takenLoss = ownSeedLoss;
    } else if (kind == LANES_ATR) {
      seedBar = start + atrSeed(column(inputs, 0) + at, column(inputs, 1) + at, close + at, dst + at, end - start, n);
      takenValue = ownSeed;
    } else {
      seedBar = start + smoothSeed(close + at, dst + at, end - start, n);
      takenValue = seedValue;
      if (kind == LANES_EMA_VOTE && seedBar < end) st(dst, seedBar, voteOf(ld(close, seedBar), seedValue));
    }
    if (seedBar + 1 < end) {
      takenBar = seedBar + 1;
      takenEnd = end;
      return next;
    }
  }
  takenBar = 0;
  takenEnd = 0;
  return next;
}

@inline function voteOf(close: f64, ma: f64): f64 {
  return f64x2.extract_lane(voteLanes(f64x2.splat(close), f64x2.splat(ma)), 0);
}

/**
 * Runs indicator `kind` with period n over the `count` series of a kernel call: the EMA of
 * input 0 (or its vote), RSI of input 0, or ATR of inputs 0 to 2 (high, low, close), into
 * output column `dst`.
 */
export function runLanes(kind: i32, count: i32, offsets: usize, inputs: usize, dst: usize, n: i32): void {
  let next = takeSeries(kind, inputs, dst, offsets, count, 0, n);
  barA = takenBar;
  endA = takenEnd;
  valueA = takenValue;
  lossA = takenLoss;
  next = takeSeries(kind, inputs, dst, offsets, count, next, n);
  barB = takenBar;
  endB = takenEnd;
  valueB = takenValue;
  lossB = takenLoss;
  while (true) {
    if (barA >= endA) {
      if (barB >= endB) break;
      barA = barB;
      endA = endB;
      valueA = valueB;
      lossA = lossB;
      barB = endB;
    }
    if (barB >= endB) {
      next = takeSeries(kind, inputs, dst, offsets, count, next, n);
      if (takenBar < takenEnd) {
        barB = takenBar;
        endB = takenEnd;
        valueB = takenValue;
        lossB = takenLoss;
      } else {
        barB = barA;
        endB = endA;
        valueB = valueA;
        lossB = lossA;
      }
    }
    const a = endA - barA;
    const b = endB - barB;
    const bars = a < b ? a : b;
    if (kind == LANES_RSI) rsiSteady(column(inputs, 0), dst, bars, n);
    else if (kind == LANES_ATR) atrSteady(column(inputs, 0), column(inputs, 1), column(inputs, 2), dst, bars, n);
    else emaSteady(column(inputs, 0), dst, bars, n, kind == LANES_EMA_VOTE);
    barA += bars;
    barB += bars;
    if (barA >= endA) {
      next = takeSeries(kind, inputs, dst, offsets, count, next, n);
      if (takenBar < takenEnd) {
        barA = takenBar;
        endA = takenEnd;
        valueA = takenValue;
        lossA = takenLoss;
      }
    }
  }
}

/** prev + alpha * (x - prev) from bars barA and barB on, keeping prev where x is NaN. */
function emaSteady(src: usize, dst: usize, bars: i32, n: i32, vote: bool): void {
  const alpha = f64x2.splat(2.0 / (<f64>n + 1.0));
  let prev = f64x2.replace_lane(f64x2.splat(valueA), 1, valueB);
  const a = barA;
  const b = barB;
  for (let j: i32 = 0; j < bars; j++) {
    const x = pair(src, a + j, b + j);
    const value = f64x2.add(prev, f64x2.mul(alpha, f64x2.sub(x, prev)));
    prev = v128.bitselect(value, prev, f64x2.eq(x, x));
    storePair(dst, a + j, b + j, vote ? voteLanes(x, value) : value);
  }
  valueA = f64x2.extract_lane(prev, 0);
  valueB = f64x2.extract_lane(prev, 1);
}

/**
 * Seed phase of rsi on close[0, len), the mirror of gainLossSeries, rmaSeries and the ratio
 * in src/reference/rsi.ts: returns the seed bar (len when there is none), leaving the gain and
 * loss averages in `ownSeed` and `ownSeedLoss`.
 */
function rsiSeed(close: usize, dst: usize, len: i32, n: i32): i32 {
  if (len > 0) st(dst, 0, NaN);
  let gainSum: f64 = 0;
  let gainError: f64 = 0;
  let lossSum: f64 = 0;
  let lossError: f64 = 0;
  let count: i32 = 0;
  for (let i: i32 = 1; i < len; i++) {
    const change = ld(close, i) - ld(close, i - 1);
    if (change != change) {
      st(dst, i, NaN);
      continue;
    }
    const gain: f64 = change > 0 ? change : 0;
    const loss: f64 = change < 0 ? -change : 0;
    const y = gain - gainError;
    const t = gainSum + y;
    gainError = t - gainSum - y;
    gainSum = t;
    const z = loss - lossError;
    const u = lossSum + z;
    lossError = u - lossSum - z;
    lossSum = u;
    count++;
    if (count == n) {
      const averageGain = gainSum / <f64>n;
      const averageLoss = lossSum / <f64>n;
      const total = averageGain + averageLoss;
      st(dst, i, total == 0 ? NaN : 100.0 * (averageGain / total));
      ownSeed = averageGain;
      ownSeedLoss = averageLoss;
      return i;
    }
    st(dst, i, NaN);
  }
  return len;
}

/**
 * Wilder's averages of gains and losses and 100 * gain / (gain + loss) from bars barA and
 * barB on. A NaN change keeps both averages and gives NaN; gain + loss = 0 gives 0 / 0 = NaN,
 * the reference's undefined value, because both averages are then +0.
 */
function rsiSteady(close: usize, dst: usize, bars: i32, n: i32): void {
  const count = f64x2.splat(<f64>n);
  const keep = f64x2.splat(<f64>(n - 1));
  const zero = f64x2.splat(0);
  const hundred = f64x2.splat(100);
  const undefinedValue = f64x2.splat(NaN);
  let gain = f64x2.replace_lane(f64x2.splat(valueA), 1, valueB);
  let loss = f64x2.replace_lane(f64x2.splat(lossA), 1, lossB);
  const a = barA;
  const b = barB;
  let previous = pair(close, a - 1, b - 1);
  for (let j: i32 = 0; j < bars; j++) {
    const x = pair(close, a + j, b + j);
    const change = f64x2.sub(x, previous);
    previous = x;
    // pmax(0, c) is 0 < c ? c : 0, the reference's change > 0 ? change : 0.
    const up = f64x2.pmax(zero, change);
    const down = f64x2.pmax(zero, f64x2.neg(change));
    const nextGain = f64x2.div(f64x2.add(f64x2.mul(gain, keep), up), count);
    const nextLoss = f64x2.div(f64x2.add(f64x2.mul(loss, keep), down), count);
    const defined = f64x2.eq(change, change);
    gain = v128.bitselect(nextGain, gain, defined);
    loss = v128.bitselect(nextLoss, loss, defined);
    const ratio = f64x2.mul(hundred, f64x2.div(nextGain, f64x2.add(nextGain, nextLoss)));
    storePair(dst, a + j, b + j, v128.bitselect(ratio, undefinedValue, defined));
  }
  valueA = f64x2.extract_lane(gain, 0);
  valueB = f64x2.extract_lane(gain, 1);
  lossA = f64x2.extract_lane(loss, 0);
  lossB = f64x2.extract_lane(loss, 1);
}

/**
 * Seed phase of atr, the mirror of trueRangeSeries and rmaSeries in src/reference/lib.ts:
 * returns the seed bar (len when there is none), leaving the seed in `ownSeed`.
 */
function atrSeed(high: usize, low: usize, close: usize, dst: usize, len: i32, n: i32): i32 {
  if (len > 0) st(dst, 0, NaN);
  let s: f64 = 0;
  let c: f64 = 0;
  let count: i32 = 0;
  for (let i: i32 = 1; i < len; i++) {
    const previousClose = ld(close, i - 1);
    let x = ld(high, i) - ld(low, i);
    const up = Math.abs(ld(high, i) - previousClose);
    if (up > x) x = up;
    const down = Math.abs(ld(low, i) - previousClose);
    if (down > x) x = down;
    if (x != x) {
      st(dst, i, NaN);
      continue;
    }
    const y = x - c;
    const t = s + y;
    c = t - s - y;
    s = t;
    count++;
    if (count == n) {
      ownSeed = s / <f64>n;
      st(dst, i, ownSeed);
      return i;
    }
    st(dst, i, NaN);
  }
  return len;
}

/** True range and (prev * (n - 1) + tr) / n from bars barA and barB on; a NaN range keeps prev. */
function atrSteady(high: usize, low: usize, close: usize, dst: usize, bars: i32, n: i32): void {
  const count = f64x2.splat(<f64>n);
  const keep = f64x2.splat(<f64>(n - 1));
  let prev = f64x2.replace_lane(f64x2.splat(valueA), 1, valueB);
  const a = barA;
  const b = barB;
  for (let j: i32 = 0; j < bars; j++) {
    const h = pair(high, a + j, b + j);
    const l = pair(low, a + j, b + j);
    const previousClose = pair(close, a + j - 1, b + j - 1);
    // pmax(tr, v) is tr < v ? v : tr, the reference's `if (v > tr) tr = v`, NaN included.
    let range = f64x2.sub(h, l);
    range = f64x2.pmax(range, f64x2.abs(f64x2.sub(h, previousClose)));
    range = f64x2.pmax(range, f64x2.abs(f64x2.sub(l, previousClose)));
    const value = f64x2.div(f64x2.add(f64x2.mul(prev, keep), range), count);
    prev = v128.bitselect(value, prev, f64x2.eq(range, range));
    storePair(dst, a + j, b + j, value);
  }
  valueA = f64x2.extract_lane(prev, 0);
  valueB = f64x2.extract_lane(prev, 1);
}
