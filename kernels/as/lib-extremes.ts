// Highest and lowest values over sliding windows for the stochastics, Williams %R, midprice,
// midpoint and Aroon. The references scan each window (src/reference/lib-momentum.ts, aroon.ts)
// or run the van Herk/Gil-Werman blocks of src/reference/lib.ts. Here every series without a
// NaN takes van Herk/Gil-Werman blocks over the pair (high, -low) in the two lanes of an f64x2
// vector, so a bar costs a few vector maxima whatever the period. Which of several equal values
// a scan keeps matters only for +0 and -0. Each block keeps the one the scan keeps, so the bits
// are the reference's. A series with a NaN takes the scalar code of the references instead.
// No block allocates.

import { ld, ldv, slots, st, stv } from './lib';

@inline function min32(a: i32, b: i32): i32 {
  return a < b ? a : b;
}

/** Byte size of k vectors. */
@inline function vectors(k: i32): usize {
  return <usize>k << 4;
}

/** Returns (high[i], -low[i]), whose maxima are the highest high and minus the lowest low. */
@inline function highLowPair(high: usize, low: usize, i: i32): v128 {
  const at = <usize>i << 3;
  return v128.xor(v128.load64_lane(low + at, v128.load64_zero(high + at), 1), f64x2(0.0, -0.0));
}

/** Returns the slots of scratch `extremeLanes` needs: len vectors, then its block buffers. */
@inline export function extremeScratch(n: i32, len: i32): i32 {
  return 2 * len + 4 * (n + 1);
}

/**
 * Writes extremes[i] = (highest high, -lowest low) of bars [max(0, i - n + 1), i], so bars
 * before n - 1 get the extremes of the bars so far, as a scan that skips NaN finds them.
 * f64x2.pmax(a, b) is a < b ? b : a, so every maximum keeps the older value on a tie as the
 * scans do: the prefix runs forward with the older value first, the suffix runs backward with
 * the older value first. Returns true when a high or low is NaN: the extremes are then wrong
 * and the caller takes a scalar path. Scratch: `extremeScratch(n, len)` slots, extremes first.
 */
export function extremeLanes(high: usize, low: usize, len: i32, n: i32, scratch: usize): bool {
  const extremes = scratch;
  const minusInfinity = f64x2.splat(-Infinity);
  let older = scratch + vectors(len);
  let newer = older + vectors(n + 1);
  // The first block's windows see no older bars, and slot n serves the window that is exactly
  // one block, which takes the prefix alone.
  for (let j: i32 = 0; j <= n; j++) v128.store(older + vectors(j), minusInfinity);
  v128.store(newer + vectors(n), minusInfinity);
  let undefinedLanes = f64x2.splat(0);
  for (let start: i32 = 0; start < len; start += n) {
    const out = extremes + vectors(start);
    const m = min32(n, len - start);
    let prefix = minusInfinity;
    let j: i32 = 0;
    if (m == n && start + n < len) {
      // The suffix maxima of this block serve the next block's windows.
      let tail = minusInfinity;
      for (; j < n; j++) {
        const x = highLowPair(high, low, start + j);
        undefinedLanes = v128.or(undefinedLanes, f64x2.ne(x, x));
        prefix = f64x2.pmax(prefix, x);
        v128.store(out + vectors(j), f64x2.pmax(v128.load(older + vectors(j + 1)), prefix));
        const k = n - 1 - j;
        tail = f64x2.pmax(highLowPair(high, low, start + k), tail);
        v128.store(newer + vectors(k), tail);
      }
    }
    for (; j < m; j++) {
      const x = highLowPair(high, low, start + j);
      undefinedLanes = v128.or(undefinedLanes, f64x2.ne(x, x));
      prefix = f64x2.pmax(prefix, x);
      v128.store(out + vectors(j), f64x2.pmax(v128.load(older + vectors(j + 1)), prefix));
    }
    const swap = older;
    older = newer;
    newer = swap;
  }
  return v128.any_true(undefinedLanes);
}

/** Kinds of `rangeSeries`: the formulas of stochSeries and willrSeries in src/reference/lib-momentum.ts. */
export const RANGE_STOCH: i32 = 0;
export const RANGE_WILLR: i32 = 1;

/**
 * Computes one step of `rangeSeries` for two bars from their highest `hh`, lowest `ll` and
 * values `x`. TA-Lib: stoch (x - ll) / ((hh - ll) / 100), willr (hh - x) / ((hh - ll) / -100),
 * 0 on a zero range. Pine: stoch 100 * (x - ll) / (hh - ll), willr 100 * (x - hh) / (hh - ll),
 * NaN on a zero range. Each lane divides whatever the range, then selects.
 */
@inline function rangeLanes(hh: v128, ll: v128, x: v128, willr: bool, tv: bool): v128 {
  const zero = f64x2.splat(0);
  const hundred = f64x2.splat(100);
  if (tv) {
    const range = f64x2.sub(hh, ll);
    const numerator = f64x2.mul(hundred, willr ? f64x2.sub(x, hh) : f64x2.sub(x, ll));
    return v128.bitselect(f64x2.splat(NaN), f64x2.div(numerator, range), f64x2.eq(range, zero));
  }
  const diff = f64x2.div(f64x2.sub(hh, ll), willr ? f64x2.splat(-100) : hundred);
  const value = f64x2.div(willr ? f64x2.sub(hh, x) : f64x2.sub(x, ll), diff);
  return v128.bitselect(zero, value, f64x2.eq(diff, zero));
}

/** Runs `rangeSeries` for one kind and convention, so that the loop has no branch. */
@inline function rangeLoop(src: usize, extremes: usize, dst: usize, from: i32, len: i32, first: i32, willr: bool, tv: bool): void {
  let i = from;
  for (; i + 1 < len; i += 2) {
    const a = v128.load(extremes + vectors(i - first));
    const b = v128.load(extremes + vectors(i + 1 - first));
    const hh = f64x2.shuffle(a, b, 0, 2);
    const ll = f64x2.neg(f64x2.shuffle(a, b, 1, 3));
    stv(dst, i, rangeLanes(hh, ll, ldv(src, i), willr, tv));
  }
  if (i < len) {
    const a = v128.load(extremes + vectors(i - first));
    const hh = f64x2.splat(f64x2.extract_lane(a, 0));
    const ll = f64x2.neg(f64x2.splat(f64x2.extract_lane(a, 1)));
    st(dst, i, f64x2.extract_lane(rangeLanes(hh, ll, f64x2.splat(ld(src, i)), willr, tv), 0));
  }
}

/**
 * Writes the raw stochastic or Williams %R of src over n bars from the extremes of
 * `extremeLanes` run on bars [first, len). Bars before max(n - 1, first) get NaN, because the
 * reference's windows there are too short or contain no defined value.
 */
export function rangeSeries(kind: i32, src: usize, extremes: usize, dst: usize, len: i32, n: i32, first: i32, tv: bool): void {
  const from = n - 1 > first ? n - 1 : first;
  for (let i: i32 = 0; i < min32(from, len); i++) st(dst, i, NaN);
  if (kind == RANGE_WILLR) {
    if (tv) rangeLoop(src, extremes, dst, from, len, first, true, true);
    else rangeLoop(src, extremes, dst, from, len, first, true, false);
  } else {
    if (tv) rangeLoop(src, extremes, dst, from, len, first, false, true);
    else rangeLoop(src, extremes, dst, from, len, first, false, false);
  }
}

/**
 * Writes (highest + lowest) / 2 over the last n bars from the extremes of `extremeLanes`, as
 * midRangeSeries in src/reference/lib-misc.ts computes it, and NaN before bar n - 1.
 */
export function midRangeFromExtremes(extremes: usize, dst: usize, len: i32, n: i32): void {
  const two = f64x2.splat(2);
  let i = min32(n - 1, len);
  for (let j: i32 = 0; j < i; j++) st(dst, j, NaN);
  for (; i + 1 < len; i += 2) {
    const a = v128.load(extremes + vectors(i));
    const b = v128.load(extremes + vectors(i + 1));
    const hh = f64x2.shuffle(a, b, 0, 2);
    const ll = f64x2.neg(f64x2.shuffle(a, b, 1, 3));
    stv(dst, i, f64x2.div(f64x2.add(hh, ll), two));
  }
  if (i < len) {
    const a = v128.load(extremes + vectors(i));
    st(dst, i, (f64x2.extract_lane(a, 0) + -f64x2.extract_lane(a, 1)) / 2.0);
  }
}

/** Returns the slots of scratch `aroonLanes` needs for period n. */
@inline export function aroonScratch(n: i32): i32 {
  return 8 * (n + 2);
}

/**
 * Writes Aroon over windows of n + 1 bars, as src/reference/aroon.ts, for a series without NaN:
 * up, down and osc from the index of the highest high and of the lowest low, the newest on a tie.
 * The lanes hold (high, -low), so both are maxima that prefer the newer bar, and each value
 * carries its bar index in a second vector. Blocks of n + 1 bars (van Herk/Gil-Werman): the
 * forward prefix takes a bar that is >= the prefix, the backward suffix takes a bar only when
 * it is > the suffix, and the window takes the prefix when it is >= the older block's suffix.
 * Returns true when a high or low is NaN: the outputs are then wrong. Scratch:
 * `aroonScratch(n)` slots.
 */
export function aroonLanes(high: usize, low: usize, up: usize, down: usize, osc: usize, len: i32, n: i32, scratch: usize): bool {
  const size = n + 1;
  const factor = 100.0 / <f64>n;
  const factors = f64x2.splat(factor);
  const period = f64x2.splat(<f64>n);
  const minusInfinity = f64x2.splat(-Infinity);
  // Each buffer contains size + 1 values, then their size + 1 indices.
  const stride = vectors(size + 1);
  let older = scratch;
  let newer = scratch + 2 * stride;
  for (let j: i32 = 0; j <= size; j++) {
    v128.store(older + vectors(j), minusInfinity);
    v128.store(older + stride + vectors(j), f64x2.splat(0));
  }
  // Slot `size` serves the window that is exactly one block, which takes the prefix alone.
  v128.store(newer + vectors(size), minusInfinity);
  let undefinedLanes = f64x2.splat(0);

  for (let start: i32 = 0; start < len; start += size) {
    const m = min32(size, len - start);
    const full = m == size && start + size < len;
    let prefix = minusInfinity;
    let prefixAt = f64x2.splat(0);
    // A suffix of -Infinity alone is the block's last bar, so it starts with that index.
    let tail = minusInfinity;
    let tailAt = f64x2.splat(<f64>(start + size - 1));
    for (let j: i32 = 0; j < m; j++) {
      const i = start + j;
      const at = f64x2.splat(<f64>i);
      const x = highLowPair(high, low, i);
      undefinedLanes = v128.or(undefinedLanes, f64x2.ne(x, x));
      const take = f64x2.ge(x, prefix);
      prefix = v128.bitselect(x, prefix, take);
      prefixAt = v128.bitselect(at, prefixAt, take);
      const newerWins = f64x2.ge(prefix, v128.load(older + vectors(j + 1)));
      const best = v128.bitselect(prefixAt, v128.load(older + stride + vectors(j + 1)), newerWins);

      // up and down are factor * (n - (i - index)); osc is factor * (highest index - lowest index).
      const upDown = f64x2.mul(factors, f64x2.sub(period, f64x2.sub(at, best)));
      st(up, i, f64x2.extract_lane(upDown, 0));
      st(down, i, f64x2.extract_lane(upDown, 1));
      st(osc, i, factor * (f64x2.extract_lane(best, 0) - f64x2.extract_lane(best, 1)));

      if (full) {
        const k = size - 1 - j;
        const y = highLowPair(high, low, start + k);
        const olderWins = f64x2.gt(y, tail);
        tail = v128.bitselect(y, tail, olderWins);
        tailAt = v128.bitselect(f64x2.splat(<f64>(start + k)), tailAt, olderWins);
        v128.store(newer + vectors(k), tail);
        v128.store(newer + stride + vectors(k), tailAt);
      }
    }
    const swap = older;
    older = newer;
    newer = swap;
  }

  const head = min32(n, len);
  for (let i: i32 = 0; i < head; i++) {
    st(up, i, NaN);
    st(down, i, NaN);
    st(osc, i, NaN);
  }
  return v128.any_true(undefinedLanes);
}

/** Returns the slots of scratch `blockMeanSeries` needs for a window of n. */
@inline export function blockMeanScratch(n: i32): i32 {
  return 2 * (n + 1);
}

/**
 * TA-Lib's SMA by block sums, windowMeanSeries in kernels/as/lib.ts, for src[0, len) without
 * NaN: the same sums in the same order. The window ending at offset j of a block is the
 * previous block's suffix sum from offset j + 1, summed from 0 newest to oldest, plus this
 * block's prefix sum up to j, summed from 0 oldest to newest. The window that is exactly one
 * block adds -0 to its prefix, and windows of the first block are NaN. Two blocks run in the
 * two lanes of a vector, which share the offsets and so every operation: blocks 2p and 2p + 1
 * take the suffixes of blocks 2p - 1 and 2p. Scratch: `blockMeanScratch(n)` slots.
 */
export function blockMeanSeries(src: usize, dst: usize, len: i32, n: i32, scratch: usize): void {
  const fn = <f64>n;
  const count = f64x2.splat(fn);
  const suffixes = scratch;
  v128.store(suffixes + vectors(n), f64x2.splat(-0.0));
  const size = <usize>n << 3;
  let start: i32 = 0;
  for (; start + 2 * n <= len; start += 2 * n) {
    const x = src + slots(start);
    const out = dst + slots(start);
    let tail = f64x2.splat(0);
    if (start == 0) {
      // Block -1 does not exist: the first block's windows are NaN.
      for (let k = n - 1; k >= 0; k--) {
        tail = f64x2.add(tail, f64x2.splat(ld(x, k)));
        v128.store(suffixes + vectors(k), f64x2.replace_lane(tail, 0, NaN));
      }
    } else {
      for (let k = n - 1; k >= 0; k--) {
        const pair = v128.load64_lane(x + slots(k), v128.load64_zero(x - size + slots(k)), 1);
        tail = f64x2.add(tail, pair);
        v128.store(suffixes + vectors(k), tail);
      }
    }
    let prefix = f64x2.splat(0);
    for (let j: i32 = 0; j < n; j++) {
      const pair = v128.load64_lane(x + size + slots(j), v128.load64_zero(x + slots(j)), 1);
      prefix = f64x2.add(prefix, pair);
      const mean = f64x2.div(f64x2.add(v128.load(suffixes + vectors(j + 1)), prefix), count);
      v128.store64_lane(out + slots(j), mean, 0);
      v128.store64_lane(out + size + slots(j), mean, 1);
    }
  }
  // Fewer than two blocks are left: one block at a time, in lane 0.
  for (; start < len; start += n) {
    const x = src + slots(start);
    const out = dst + slots(start);
    let tail: f64 = 0;
    for (let k = n - 1; k >= 0; k--) {
      tail += start == 0 ? NaN : ld(x - size, k);
      st(suffixes, 2 * k, tail);
    }
    const m = min32(n, len - start);
    let prefix: f64 = 0;
    for (let j: i32 = 0; j < m; j++) {
      prefix += ld(x, j);
      st(out, j, (ld(suffixes, 2 * (j + 1)) + prefix) / fn);
    }
  }
}
