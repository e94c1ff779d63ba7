import { column, fillNaN, firstDefined, ld, param, seriesStart, slots, st } from './lib';
import { extremeLanes, RANGE_STOCH, rangeSeries } from './lib-extremes';
import { averageSeries, isTradingView, stochSeries } from './lib-momentum';

/**
 * Computes the RSI of the reference from Wilder's averages, lane by lane. TA-Lib's is
 * 100 * (up / total), and 0 where total = up + down is 0. Pine's (under `tv`) is 100 without
 * losses, 0 without gains, NaN without either, else 100 - 100 / (1 + up / down). The selects
 * keep the order of the reference's tests, so NaN averages give what its branches give.
 */
@inline function rsiLanes(up: v128, down: v128, tv: bool): v128 {
  const zero = f64x2.splat(0);
  const hundred = f64x2.splat(100);
  if (tv) {
    const ratio = f64x2.sub(hundred, f64x2.div(hundred, f64x2.add(f64x2.splat(1), f64x2.div(up, down))));
    const noGain = f64x2.eq(up, zero);
    const withoutLoss = v128.bitselect(f64x2.splat(NaN), hundred, noGain);
    return v128.bitselect(withoutLoss, v128.bitselect(zero, ratio, noGain), f64x2.eq(down, zero));
  }
  const total = f64x2.add(up, down);
  return v128.bitselect(zero, f64x2.mul(hundred, f64x2.div(up, total)), f64x2.eq(total, zero));
}

/** Returns the gain and loss of one change in lanes 0 and 1. pmax(0, c) is 0 < c ? c : 0, the reference's change > 0 ? change : 0. */
@inline function gainLoss(change: f64): v128 {
  return f64x2.pmax(f64x2.splat(0), f64x2.replace_lane(f64x2.splat(change), 1, -change));
}

/**
 * Runs the seed phase of the RSI of close[0, len): gainLossSeries and the seed of the two rmaSeries in
 * src/reference/stochrsi.ts, the gain in lane 0 and the loss in lane 1 of one vector. Gains
 * and losses are NaN at the same bars, so the lanes share the count of defined values. Writes
 * NaN up to the seed bar and the RSI there, stores the averages at `averages` and returns the
 * next bar (len when no bar follows the seed).
 */
function rsiSeed(close: usize, dst: usize, len: i32, n: i32, tv: bool, averages: usize): i32 {
  const count = f64x2.splat(<f64>n);
  let sums = f64x2.splat(0);
  let errors = f64x2.splat(0);
  let defined: i32 = 0;
  if (len > 0) st(dst, 0, NaN);
  let i: i32 = 1;
  // Compensated sums of the first n gains and losses, as smoothSeries.
  for (; i < len && defined < n; i++) {
    const change = ld(close, i) - ld(close, i - 1);
    if (change != change) {
      st(dst, i, NaN);
      continue;
    }
    const y = f64x2.sub(gainLoss(change), errors);
    const t = f64x2.add(sums, y);
    errors = f64x2.sub(f64x2.sub(t, sums), y);
    sums = t;
    defined++;
    if (defined == n) {
      const seed = f64x2.div(sums, count);
      st(dst, i, f64x2.extract_lane(rsiLanes(seed, f64x2.shuffle(seed, seed, 1, 1), tv), 0));
    } else {
      st(dst, i, NaN);
    }
  }
  v128.store(averages, f64x2.div(sums, count));
  return i < len ? i : len;
}

/** Runs the steady phase of one series from bar `from`: (prev * (n - 1) + x) / n, where a NaN change keeps prev. */
function rsiSteady(close: usize, dst: usize, from: i32, len: i32, n: i32, tv: bool, averages: usize): void {
  const count = f64x2.splat(<f64>n);
  const keep = f64x2.splat(<f64>(n - 1));
  let prev = v128.load(averages);
  for (let i = from; i < len; i++) {
    const change = ld(close, i) - ld(close, i - 1);
    if (change != change) {
      st(dst, i, NaN);
      continue;
    }
    prev = f64x2.div(f64x2.add(f64x2.mul(prev, keep), gainLoss(change)), count);
    st(dst, i, f64x2.extract_lane(rsiLanes(prev, f64x2.shuffle(prev, prev, 1, 1), tv), 0));
  }
  v128.store(averages, prev);
}

/** Returns values a and b of `base` in lanes 0 and 1. */
@inline function pairAt(base: usize, a: i32, b: i32): v128 {
  return v128.load64_lane(base + slots(b), v128.load64_zero(base + slots(a)), 1);
}

/** Returns the Wilder average step (prev * (n - 1) + x) / n lane by lane, keeping prev where `defined` is false. */
@inline function wilderStep(prev: v128, x: v128, defined: v128, keep: v128, count: v128): v128 {
  return v128.bitselect(f64x2.div(f64x2.add(f64x2.mul(prev, keep), x), count), prev, defined);
}

/**
 * Runs the steady phases of two or four series at once for `bars` bars from the absolute bars a, b
 * (and c, d under `quad`), each lane with the operations of `rsiSteady`. Each recursion is a
 * chain of a multiply, an add and a divide, so the series' chains overlap. `lanes` contains
 * the gains' and the losses' vectors of a and b, then those of c and d.
 */
@inline function steadyLanes(closes: usize, dst: usize, a: i32, b: i32, c: i32, d: i32, bars: i32, n: i32, tv: bool, quad: bool, lanes: usize): void {
  const count = f64x2.splat(<f64>n);
  const keep = f64x2.splat(<f64>(n - 1));
  const zero = f64x2.splat(0);
  const undefinedValue = f64x2.splat(NaN);
  let gainsAB = v128.load(lanes);
  let lossesAB = v128.load(lanes + 16);
  let gainsCD = v128.load(lanes + 32);
  let lossesCD = v128.load(lanes + 48);
  let previousAB = pairAt(closes, a - 1, b - 1);
  let previousCD = quad ? pairAt(closes, c - 1, d - 1) : previousAB;
  for (let j: i32 = 0; j < bars; j++) {
    const xAB = pairAt(closes, a + j, b + j);
    const changeAB = f64x2.sub(xAB, previousAB);
    previousAB = xAB;
    const definedAB = f64x2.eq(changeAB, changeAB);
    gainsAB = wilderStep(gainsAB, f64x2.pmax(zero, changeAB), definedAB, keep, count);
    lossesAB = wilderStep(lossesAB, f64x2.pmax(zero, f64x2.neg(changeAB)), definedAB, keep, count);
    const rAB = v128.bitselect(rsiLanes(gainsAB, lossesAB, tv), undefinedValue, definedAB);
    v128.store64_lane(dst + slots(a + j), rAB, 0);
    v128.store64_lane(dst + slots(b + j), rAB, 1);
    if (quad) {
      const xCD = pairAt(closes, c + j, d + j);
      const changeCD = f64x2.sub(xCD, previousCD);
      previousCD = xCD;
      const definedCD = f64x2.eq(changeCD, changeCD);
      gainsCD = wilderStep(gainsCD, f64x2.pmax(zero, changeCD), definedCD, keep, count);
      lossesCD = wilderStep(lossesCD, f64x2.pmax(zero, f64x2.neg(changeCD)), definedCD, keep, count);
      const rCD = v128.bitselect(rsiLanes(gainsCD, lossesCD, tv), undefinedValue, definedCD);
      v128.store64_lane(dst + slots(c + j), rCD, 0);
      v128.store64_lane(dst + slots(d + j), rCD, 1);
    }
  }
  v128.store(lanes, gainsAB);
  v128.store(lanes + 16, lossesAB);
  if (quad) {
    v128.store(lanes + 32, gainsCD);
    v128.store(lanes + 48, lossesCD);
  }
}

/** Moves the (gain, loss) vectors of series at `first` and `second` into lanes 0 and 1 of `lanes`. */
function toLanes(first: usize, second: usize, lanes: usize): void {
  const x = v128.load(first);
  const y = v128.load(second);
  v128.store(lanes, f64x2.shuffle(x, y, 0, 2));
  v128.store(lanes + 16, f64x2.shuffle(x, y, 1, 3));
}

/** Moves lanes 0 and 1 of `lanes` back to the (gain, loss) vectors at `first` and `second`. */
function fromLanes(lanes: usize, first: usize, second: usize): void {
  const gains = v128.load(lanes);
  const losses = v128.load(lanes + 16);
  v128.store(first, f64x2.shuffle(gains, losses, 0, 2));
  v128.store(second, f64x2.shuffle(gains, losses, 1, 3));
}

/**
 * Finishes two seeded series from the absolute bars a and b to their ends: both together
 * until the shorter ends, then the longer alone. `averageA` and `averageB` point at their
 * (gain, loss) vectors, `lanes` at 8 slots.
 */
function finishPair(closes: usize, dst: usize, a: i32, endA: i32, b: i32, endB: i32, n: i32, tv: bool, averageA: usize, averageB: usize, lanes: usize): void {
  const bars = min32(endA - a, endB - b);
  if (bars > 0) {
    toLanes(averageA, averageB, lanes);
    if (tv) steadyLanes(closes, dst, a, b, 0, 0, bars, n, true, false, lanes);
    else steadyLanes(closes, dst, a, b, 0, 0, bars, n, false, false, lanes);
    fromLanes(lanes, averageA, averageB);
  }
  const done = bars > 0 ? bars : 0;
  rsiSteady(closes, dst, a + done, endA, n, tv, averageA);
  rsiSteady(closes, dst, b + done, endB, n, tv, averageB);
}

@inline function min32(a: i32, b: i32): i32 {
  return a < b ? a : b;
}

/** Returns the absolute bar after the seed of series s, leaving its averages at `averages`. */
function seedSeries(offsets: usize, closes: usize, dst: usize, s: i32, n: i32, tv: bool, averages: usize): i32 {
  const start = seriesStart(offsets, s);
  const len = seriesStart(offsets, s + 1) - start;
  return start + rsiSeed(closes + slots(start), dst + slots(start), len, n, tv, averages);
}

/**
 * Writes the RSI of every series to `dst`, four series at a time: each seeds alone, then all
 * four step together until the shortest ends, then each pair finishes as `finishPair` does.
 * Fewer than four series left go by pairs, and a last one alone. `scratch`: 16 slots.
 */
function rsiBatch(count: i32, offsets: usize, closes: usize, dst: usize, n: i32, tv: bool, scratch: usize): void {
  const lanes = scratch + 64;
  let s: i32 = 0;
  for (; s + 4 <= count; s += 4) {
    let a = seedSeries(offsets, closes, dst, s, n, tv, scratch);
    let b = seedSeries(offsets, closes, dst, s + 1, n, tv, scratch + 16);
    let c = seedSeries(offsets, closes, dst, s + 2, n, tv, scratch + 32);
    let d = seedSeries(offsets, closes, dst, s + 3, n, tv, scratch + 48);
    const endA = seriesStart(offsets, s + 1);
    const endB = seriesStart(offsets, s + 2);
    const endC = seriesStart(offsets, s + 3);
    const endD = seriesStart(offsets, s + 4);
    const bars = min32(min32(endA - a, endB - b), min32(endC - c, endD - d));
    if (bars > 0) {
      toLanes(scratch, scratch + 16, lanes);
      toLanes(scratch + 32, scratch + 48, lanes + 32);
      if (tv) steadyLanes(closes, dst, a, b, c, d, bars, n, true, true, lanes);
      else steadyLanes(closes, dst, a, b, c, d, bars, n, false, true, lanes);
      fromLanes(lanes, scratch, scratch + 16);
      fromLanes(lanes + 32, scratch + 32, scratch + 48);
      a += bars;
      b += bars;
      c += bars;
      d += bars;
    }
    finishPair(closes, dst, a, endA, b, endB, n, tv, scratch, scratch + 16, lanes);
    finishPair(closes, dst, c, endC, d, endD, n, tv, scratch + 32, scratch + 48, lanes);
  }
  for (; s + 2 <= count; s += 2) {
    const a = seedSeries(offsets, closes, dst, s, n, tv, scratch);
    const b = seedSeries(offsets, closes, dst, s + 1, n, tv, scratch + 16);
    finishPair(closes, dst, a, seriesStart(offsets, s + 1), b, seriesStart(offsets, s + 2), n, tv, scratch, scratch + 16, lanes);
  }
  if (s < count) {
    const a = seedSeries(offsets, closes, dst, s, n, tv, scratch);
    rsiSteady(closes, dst, a, seriesStart(offsets, s + 1), n, tv, scratch);
  }
}

/**
 * stochrsi(rsiN, stochN, kSmooth, dPeriod); the mirror of src/reference/stochrsi.ts. K contains
 * each series' RSI until its raw stochastic is computed. Scratch: 16 + maxLength + the larger
 * of extremeScratch(stochN, maxLength) and averageScratch(max(kSmooth, dPeriod), maxLength)
 * slots.
 */
export function stochrsi(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const closes = column(inputs, 0);
  const outK = column(outputs, 0);
  const outD = column(outputs, 1);
  const rsiN = <i32>param(params, 0);
  const stochN = <i32>param(params, 1);
  const kSmooth = <i32>param(params, 2);
  const dPeriod = <i32>param(params, 3);
  const tv = isTradingView(params, 4);
  if (tv) rsiBatch(count, offsets, closes, outK, rsiN, true, scratch);
  else rsiBatch(count, offsets, closes, outK, rsiN, false, scratch);
  const raw = scratch + slots(16);
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = <usize>start << 3;
    const k = outK + at;
    const d = outD + at;
    const work = raw + slots(len);
    // The RSI is NaN up to its seed, so windows that reach back before it see only its defined values.
    const first = firstDefined(k, len);
    if (extremeLanes(k + slots(first), k + slots(first), len - first, stochN, work)) stochSeries(k, k, k, raw, len, stochN, tv);
    else rangeSeries(RANGE_STOCH, k, work, raw, len, stochN, first, tv);
    const rawStart = rsiN + stochN - 1;
    if (!tv) fillNaN(raw, 0, rawStart < len ? rawStart : len);
    averageSeries(raw, k, len, kSmooth, tv, work);
    averageSeries(k, d, len, dPeriod, tv, work);
    const lookback = rawStart + kSmooth - 1 + dPeriod - 1;
    if (!tv) fillNaN(k, 0, lookback < len ? lookback : len);
  }
}
