// Faster schedules of the blocks behind kama, var, stddev, linearreg, cmo, obv, ad, adosc, sar,
// dema, tema, trix, mom, roc, ret, bop, apo and ppo. Each output keeps the floating-point
// operations of its reference in src/reference/ in the same order. Only the schedule differs:
// independent bars or independent series share the two lanes of an f64x2 vector, and chained
// averages run in one fused loop. Nothing here allocates.
import { emaSeries, fillNaN, gainLossSeries, ld, ldv, rmaSeries, seriesStart, slots, st, stv } from './lib';

@inline function min32(a: i32, b: i32): i32 {
  return a < b ? a : b;
}

@inline function max32(a: i32, b: i32): i32 {
  return a > b ? a : b;
}

/** Values a[i] and b[i] as the two lanes of a vector. */
@inline function pairAt(a: usize, b: usize, i: i32): v128 {
  return v128.load64_lane(b + slots(i), v128.load64_zero(a + slots(i)), 1);
}

@inline function storePairAt(a: usize, b: usize, i: i32, v: v128): void {
  v128.store64_lane(a + slots(i), v, 0);
  v128.store64_lane(b + slots(i), v, 1);
}

/** Both lanes set to lane 1 of v. */
@inline function splatHigh(v: v128): v128 {
  return f64x2.splat(f64x2.extract_lane(v, 1));
}

/**
 * Returns whether every value of src[0, len) has a magnitude of at most 1e300, so no NaN.
 * Sums of up to 1e8 such values and the averages built from them then stay finite, so the
 * averages of such a series never meet a NaN after their seed.
 */
export function isTame(src: usize, len: i32): bool {
  const bound = f64x2.splat(1e300);
  let inside = i64x2.splat(-1);
  let i: i32 = 0;
  for (; i + 1 < len; i += 2) inside = v128.and(inside, f64x2.le(f64x2.abs(ldv(src, i)), bound));
  if (!i64x2.all_true(inside)) return false;
  return i >= len || Math.abs(ld(src, i)) <= 1e300;
}

/**
 * Population variance of the last n values, the operations of varianceSeries in
 * src/reference/lib-misc.ts. The windows are independent, so two bars share the lanes of each
 * vector and four bars go per turn.
 */
export function varianceLanes(src: usize, dst: usize, len: i32, n: i32, root: bool, factor: f64): void {
  const fn = <f64>n;
  const count = f64x2.splat(fn);
  const scale = f64x2.splat(factor);
  fillNaN(dst, 0, min32(n - 1, len));
  let i: i32 = n - 1;
  for (; i + 3 < len; i += 4) {
    const oldest = src + slots(i - n + 1);
    const newest = src + slots(i);
    const anchorLow = ldv(src, i);
    const anchorHigh = ldv(src, i + 2);
    let sumLow = f64x2.splat(0);
    let sumHigh = f64x2.splat(0);
    for (let p = oldest; p <= newest; p += 8) {
      sumLow = f64x2.add(sumLow, f64x2.sub(v128.load(p), anchorLow));
      sumHigh = f64x2.add(sumHigh, f64x2.sub(v128.load(p, 16), anchorHigh));
    }
    const meanLow = f64x2.div(sumLow, count);
    const meanHigh = f64x2.div(sumHigh, count);
    let squaresLow = f64x2.splat(0);
    let squaresHigh = f64x2.splat(0);
    for (let p = oldest; p <= newest; p += 8) {
      const low = f64x2.sub(f64x2.sub(v128.load(p), anchorLow), meanLow);
      const high = f64x2.sub(f64x2.sub(v128.load(p, 16), anchorHigh), meanHigh);
      squaresLow = f64x2.add(squaresLow, f64x2.mul(low, low));
      squaresHigh = f64x2.add(squaresHigh, f64x2.mul(high, high));
    }
    let low = f64x2.div(squaresLow, count);
    let high = f64x2.div(squaresHigh, count);
    if (root) {
      low = f64x2.mul(f64x2.sqrt(low), scale);
      high = f64x2.mul(f64x2.sqrt(high), scale);
    }
    stv(dst, i, low);
    stv(dst, i + 2, high);
  }
  for (; i < len; i++) {
    const anchor = ld(src, i);
    let sum: f64 = 0;
    for (let j: i32 = i - n + 1; j <= i; j++) sum += ld(src, j) - anchor;
    const mean = sum / fn;
    let squares: f64 = 0;
    for (let j: i32 = i - n + 1; j <= i; j++) {
      const d = ld(src, j) - anchor - mean;
      squares += d * d;
    }
    const variance = squares / fn;
    st(dst, i, root ? Math.sqrt(variance) * factor : variance);
  }
}

/**
 * First pass of TA-Lib's KAMA, the operations of kamaSeries in src/reference/lib-misc.ts:
 * writes each bar's smoothing constant sc^2 to dst from bar n on, NaN before. The volatility
 * sums of different bars are independent, so sixteen bars go per turn in eight vectors, each sum
 * still adding its window's changes oldest first. `kamaPair` then runs the recurrence.
 * `changes`: len slots.
 */
export function kamaConstants(src: usize, dst: usize, len: i32, n: i32, changes: usize): void {
  fillNaN(dst, 0, min32(n, len));
  if (len <= n) return;
  const slow: f64 = 2.0 / 31.0;
  const spread: f64 = 2.0 / 3.0 - slow;
  const slowLanes = f64x2.splat(slow);
  const spreadLanes = f64x2.splat(spread);
  const ones = f64x2.splat(1);
  const zero = f64x2.splat(0);

  // changes[j] = |x[j] - x[j - 1]|, the terms of the volatility sums.
  let j: i32 = 1;
  for (; j + 1 < len; j += 2) stv(changes, j, f64x2.abs(f64x2.sub(ldv(src, j), ldv(src, j - 1))));
  if (j < len) st(changes, j, Math.abs(ld(src, j) - ld(src, j - 1)));

  let i: i32 = n;
  for (; i + 15 < len; i += 16) {
    let p = changes + slots(i - n + 1);
    const last = p + slots(n);
    let v0 = zero;
    let v1 = zero;
    let v2 = zero;
    let v3 = zero;
    let v4 = zero;
    let v5 = zero;
    let v6 = zero;
    let v7 = zero;
    for (; p < last; p += 8) {
      v0 = f64x2.add(v0, v128.load(p));
      v1 = f64x2.add(v1, v128.load(p, 16));
      v2 = f64x2.add(v2, v128.load(p, 32));
      v3 = f64x2.add(v3, v128.load(p, 48));
      v4 = f64x2.add(v4, v128.load(p, 64));
      v5 = f64x2.add(v5, v128.load(p, 80));
      v6 = f64x2.add(v6, v128.load(p, 96));
      v7 = f64x2.add(v7, v128.load(p, 112));
    }
    stv(dst, i, kamaConstant(src, i, n, v0, ones, zero, spreadLanes, slowLanes));
    stv(dst, i + 2, kamaConstant(src, i + 2, n, v1, ones, zero, spreadLanes, slowLanes));
    stv(dst, i + 4, kamaConstant(src, i + 4, n, v2, ones, zero, spreadLanes, slowLanes));
    stv(dst, i + 6, kamaConstant(src, i + 6, n, v3, ones, zero, spreadLanes, slowLanes));
    stv(dst, i + 8, kamaConstant(src, i + 8, n, v4, ones, zero, spreadLanes, slowLanes));
    stv(dst, i + 10, kamaConstant(src, i + 10, n, v5, ones, zero, spreadLanes, slowLanes));
    stv(dst, i + 12, kamaConstant(src, i + 12, n, v6, ones, zero, spreadLanes, slowLanes));
    stv(dst, i + 14, kamaConstant(src, i + 14, n, v7, ones, zero, spreadLanes, slowLanes));
  }
  for (; i + 1 < len; i += 2) {
    let p = changes + slots(i - n + 1);
    const last = p + slots(n);
    let v0 = zero;
    for (; p < last; p += 8) v0 = f64x2.add(v0, v128.load(p));
    stv(dst, i, kamaConstant(src, i, n, v0, ones, zero, spreadLanes, slowLanes));
  }
  for (; i < len; i++) {
    const change = ld(src, i) - ld(src, i - n);
    let volatility: f64 = 0;
    for (let k: i32 = i - n + 1; k <= i; k++) volatility += ld(changes, k);
    const ratio = volatility <= change || volatility == 0 ? 1.0 : Math.abs(change / volatility);
    const sc = ratio * spread + slow;
    st(dst, i, sc * sc);
  }
}

/** The smoothing constants of bars i and i + 1 from their volatility sums. */
@inline function kamaConstant(src: usize, i: i32, n: i32, volatility: v128, ones: v128, zero: v128, spread: v128, slow: v128): v128 {
  const change = f64x2.sub(ldv(src, i), ldv(src, i - n));
  const flat = v128.or(f64x2.le(volatility, change), f64x2.eq(volatility, zero));
  const ratio = v128.bitselect(ones, f64x2.abs(f64x2.div(change, volatility)), flat);
  const sc = f64x2.add(f64x2.mul(ratio, spread), slow);
  return f64x2.mul(sc, sc);
}

/**
 * Second pass of KAMA for two series, A in lane 0 and B in lane 1, over their common length:
 * kama = (x - prev) * sc + prev from bar n on, with prev = x[n - 1] at bar n and sc^2 read from
 * dst, where `kamaConstants` left it. The rest of the longer series runs alone.
 */
export function kamaPair(srcA: usize, dstA: usize, lenA: i32, srcB: usize, dstB: usize, lenB: i32, n: i32): void {
  const common = min32(lenA, lenB);
  let i = n;
  let prevA: f64 = 0;
  let prevB: f64 = 0;
  if (common > n) {
    let prev = pairAt(srcA, srcB, n - 1);
    for (; i < common; i++) {
      prev = f64x2.add(f64x2.mul(f64x2.sub(pairAt(srcA, srcB, i), prev), pairAt(dstA, dstB, i)), prev);
      storePairAt(dstA, dstB, i, prev);
    }
    prevA = f64x2.extract_lane(prev, 0);
    prevB = f64x2.extract_lane(prev, 1);
  }
  if (lenA > lenB) kamaTail(srcA, dstA, i, lenA, n, prevA);
  else kamaTail(srcB, dstB, i, lenB, n, prevB);
}

/** kama over bars [from, len) of one series; prev is the value at bar from - 1 when from > n. */
function kamaTail(src: usize, dst: usize, from: i32, len: i32, n: i32, prev: f64): void {
  if (from >= len) return;
  if (from == n) prev = ld(src, n - 1);
  for (let i = from; i < len; i++) {
    prev = (ld(src, i) - prev) * ld(dst, i) + prev;
    st(dst, i, prev);
  }
}

/**
 * Computes on-balance volume, the running total of src/reference/obv.ts, of two series at once,
 * A in lane 0 and B in lane 1, over their common length. The rest of the longer series runs
 * alone. Both candidate totals are computed and a bit select keeps one, so the direction of
 * close costs no branch.
 */
export function obvPair(closeA: usize, volumeA: usize, dstA: usize, lenA: i32, closeB: usize, volumeB: usize, dstB: usize, lenB: i32, pine: bool): void {
  const common = min32(lenA, lenB);
  if (common == 0) {
    if (lenA > 0) obvTail(closeA, volumeA, dstA, 0, lenA, 0, pine);
    if (lenB > 0) obvTail(closeB, volumeB, dstB, 0, lenB, 0, pine);
    return;
  }
  let total = pine ? f64x2.splat(0) : pairAt(volumeA, volumeB, 0);
  storePairAt(dstA, dstB, 0, total);
  let previous = pairAt(closeA, closeB, 0);
  for (let i: i32 = 1; i < common; i++) {
    const x = pairAt(closeA, closeB, i);
    const v = pairAt(volumeA, volumeB, i);
    const fallen = v128.bitselect(f64x2.sub(total, v), total, f64x2.lt(x, previous));
    total = v128.bitselect(f64x2.add(total, v), fallen, f64x2.gt(x, previous));
    previous = x;
    storePairAt(dstA, dstB, i, total);
  }
  if (lenA > lenB) obvTail(closeA, volumeA, dstA, common, lenA, f64x2.extract_lane(total, 0), pine);
  else obvTail(closeB, volumeB, dstB, common, lenB, f64x2.extract_lane(total, 1), pine);
}

/** obv over bars [from, len) of one series; total is the value at bar from - 1 when from > 0. */
function obvTail(close: usize, volume: usize, dst: usize, from: i32, len: i32, total: f64, pine: bool): void {
  if (from >= len) return;
  if (from == 0) {
    total = pine ? 0 : ld(volume, 0);
    st(dst, 0, total);
    from = 1;
  }
  for (let i = from; i < len; i++) {
    const x = ld(close, i);
    const previous = ld(close, i - 1);
    const v = ld(volume, i);
    const fallen = select<f64>(total - v, total, x < previous);
    total = select<f64>(total + v, fallen, x > previous);
    st(dst, i, total);
  }
}

/**
 * Computes TA-Lib's CMO of two tame series at once (see `isTame`), series A in lane 0 and B in
 * lane 1, with the operations of src/reference/cmo.ts. Gains and losses of each bar go into
 * Wilder's averages, seeded with the compensated sum of the first n. The output is
 * 100 * ((up - down) / (up + down)), or 0 where up + down is 0. A tame series has no NaN, so
 * the seeds land on bar n in both lanes. The two lanes run over the common length, then the
 * longer series runs alone in both lanes.
 */
export function cmoPair(srcA: usize, dstA: usize, lenA: i32, srcB: usize, dstB: usize, lenB: i32, n: i32): void {
  const count = f64x2.splat(<f64>n);
  const keep = f64x2.splat(<f64>(n - 1));
  const zero = f64x2.splat(0);
  const hundred = f64x2.splat(100);
  let up = f64x2.splat(0);
  let down = f64x2.splat(0);
  let upError = f64x2.splat(0);
  let downError = f64x2.splat(0);
  let a = srcA;
  let b = srcB;
  let outA = dstA;
  let outB = dstB;
  const common = min32(lenA, lenB);
  let end = common;
  let from: i32 = 0;
  if (lenA > 0) st(dstA, 0, NaN);
  if (lenB > 0) st(dstB, 0, NaN);
  for (let round: i32 = 0; round < 2; round++) {
    // Bars 1 to n: Kahan sums of the gains and losses, the seed of rmaSeries.
    let i = max32(from, 1);
    const seedEnd = min32(n + 1, end);
    for (; i < seedEnd; i++) {
      const change = f64x2.sub(pairAt(a, b, i), pairAt(a, b, i - 1));
      const gain = f64x2.pmax(zero, change);
      const loss = f64x2.pmax(zero, f64x2.neg(change));
      const y = f64x2.sub(gain, upError);
      const t = f64x2.add(up, y);
      upError = f64x2.sub(f64x2.sub(t, up), y);
      up = t;
      const z = f64x2.sub(loss, downError);
      const u = f64x2.add(down, z);
      downError = f64x2.sub(f64x2.sub(u, down), z);
      down = u;
      if (i == n) {
        up = f64x2.div(up, count);
        down = f64x2.div(down, count);
        storePairAt(outA, outB, i, cmoRatio(up, down, zero, hundred));
      } else {
        storePairAt(outA, outB, i, f64x2.splat(NaN));
      }
    }
    let previous = i < end ? pairAt(a, b, i - 1) : zero;
    for (; i < end; i++) {
      const x = pairAt(a, b, i);
      const change = f64x2.sub(x, previous);
      previous = x;
      up = f64x2.div(f64x2.add(f64x2.mul(up, keep), f64x2.pmax(zero, change)), count);
      down = f64x2.div(f64x2.add(f64x2.mul(down, keep), f64x2.pmax(zero, f64x2.neg(change))), count);
      storePairAt(outA, outB, i, cmoRatio(up, down, zero, hundred));
    }
    // The longer series goes on in both lanes.
    if (lenB > lenA) {
      up = splatHigh(up);
      down = splatHigh(down);
      upError = splatHigh(upError);
      downError = splatHigh(downError);
      a = b;
      outA = outB;
      end = lenB;
    } else {
      up = f64x2.splat(f64x2.extract_lane(up, 0));
      down = f64x2.splat(f64x2.extract_lane(down, 0));
      upError = f64x2.splat(f64x2.extract_lane(upError, 0));
      downError = f64x2.splat(f64x2.extract_lane(downError, 0));
      b = a;
      outB = outA;
      end = lenA;
    }
    from = common;
  }
}

/** 100 * ((up - down) / (up + down)), 0 where up + down is 0. */
@inline function cmoRatio(up: v128, down: v128, zero: v128, hundred: v128): v128 {
  const total = f64x2.add(up, down);
  const ratio = f64x2.mul(hundred, f64x2.div(f64x2.sub(up, down), total));
  return v128.bitselect(zero, ratio, f64x2.eq(total, zero));
}

/** Outputs of `emaCascadePair`, and the indicators of `runPairs`. */
export const CASCADE_DEMA: i32 = 0;
export const CASCADE_TEMA: i32 = 1;
export const CASCADE_TRIX: i32 = 2;
export const PAIRS_CMO: i32 = 3;

/**
 * Runs TA-Lib's dema, tema, trix or cmo with period n over the `count` series of a kernel
 * call, from input column `src` into output column `dst`. Tame series (see `isTame`) go two at
 * a time through `emaCascadePair` or `cmoPair`; any other series goes alone through
 * `plainSeries`. Scratch: maxLength slots for dema and trix, 2 * maxLength for tema and cmo.
 */
export function runPairs(kind: i32, count: i32, offsets: usize, src: usize, dst: usize, n: i32, scratch: usize): void {
  let pendingAt: usize = 0;
  let pendingLen: i32 = -1;
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = slots(start);
    if (!isTame(src + at, len)) {
      plainSeries(kind, src + at, dst + at, len, n, scratch);
      continue;
    }
    if (pendingLen < 0) {
      pendingAt = at;
      pendingLen = len;
      continue;
    }
    runPair(kind, src + pendingAt, dst + pendingAt, pendingLen, src + at, dst + at, len, n);
    pendingLen = -1;
  }
  // A last series without a partner runs in both lanes.
  if (pendingLen >= 0) runPair(kind, src + pendingAt, dst + pendingAt, pendingLen, src + pendingAt, dst + pendingAt, pendingLen, n);
}

@inline function runPair(kind: i32, srcA: usize, dstA: usize, lenA: i32, srcB: usize, dstB: usize, lenB: i32, n: i32): void {
  if (kind == PAIRS_CMO) cmoPair(srcA, dstA, lenA, srcB, dstB, lenB, n);
  else emaCascadePair(srcA, dstA, lenA, srcB, dstB, lenB, n, kind);
}

/** Runs one series of `runPairs` through the whole-series blocks, step by step as the reference does. */
function plainSeries(kind: i32, src: usize, out: usize, len: i32, n: i32, scratch: usize): void {
  const first = scratch;
  const second = scratch + slots(len);
  if (kind == PAIRS_CMO) {
    gainLossSeries(src, first, second, len);
    rmaSeries(first, out, len, n);
    rmaSeries(second, first, len, n);
    for (let i: i32 = 0; i < len; i++) {
      const up = ld(out, i);
      const down = ld(first, i);
      const total = up + down;
      st(out, i, total == 0 ? 0.0 : 100.0 * ((up - down) / total));
    }
    return;
  }
  if (kind == CASCADE_TRIX) {
    emaSeries(src, out, len, n);
    emaSeries(out, first, len, n);
    emaSeries(first, out, len, n);
    for (let i = len - 1; i >= 1; i--) {
      const prev = ld(out, i - 1);
      st(out, i, prev == 0 ? 0.0 : (ld(out, i) / prev - 1.0) * 100.0);
    }
    if (len > 0) st(out, 0, NaN);
    return;
  }
  emaSeries(src, first, len, n);
  if (kind == CASCADE_DEMA) {
    emaSeries(first, out, len, n);
    for (let i: i32 = 0; i < len; i++) st(out, i, 2.0 * ld(first, i) - ld(out, i));
    return;
  }
  emaSeries(first, second, len, n);
  emaSeries(second, out, len, n);
  for (let i: i32 = 0; i < len; i++) st(out, i, 3.0 * ld(first, i) - 3.0 * ld(second, i) + ld(out, i));
}

/**
 * Computes dema, tema or trix of two tame series at once (see `isTame`), series A in lane 0
 * and B in lane 1: the chain of emaSeries calls in src/reference/{dema,tema,trix}.ts fused into one
 * loop, each average fed by the one before on the same bar. Each average is seeded, as
 * emaSeries does, with the compensated sum of its first n defined inputs over n. A tame
 * series has no NaN, so average k seeds on bar k * (n - 1) in both lanes. The two lanes run
 * over the common length, then the longer series alone in both lanes.
 */
export function emaCascadePair(srcA: usize, dstA: usize, lenA: i32, srcB: usize, dstB: usize, lenB: i32, n: i32, kind: i32): void {
  const alpha = f64x2.splat(2.0 / (<f64>n + 1.0));
  const count = f64x2.splat(<f64>n);
  const two = f64x2.splat(2);
  const three = f64x2.splat(3);
  const ones = f64x2.splat(1);
  const zero = f64x2.splat(0);
  const hundred = f64x2.splat(100);
  const undefinedValue = f64x2.splat(NaN);
  const levels: i32 = kind == CASCADE_DEMA ? 2 : 3;
  // From this bar on every average is past its seed.
  const steady = levels * (n - 1) + 1;
  let sum1 = zero;
  let sum2 = zero;
  let sum3 = zero;
  let error1 = zero;
  let error2 = zero;
  let error3 = zero;
  let e1 = undefinedValue;
  let e2 = undefinedValue;
  let e3 = undefinedValue;
  // trix: the previous bar's third average.
  let last = undefinedValue;
  let a = srcA;
  let b = srcB;
  let outA = dstA;
  let outB = dstB;
  const common = min32(lenA, lenB);
  let end = common;
  let from: i32 = 0;
  for (let round: i32 = 0; round < 2; round++) {
    let i = from;
    const warmEnd = min32(steady, end);
    for (; i < warmEnd; i++) {
      const x = pairAt(a, b, i);
      // Average k takes bars (k - 1)(n - 1) to k(n - 1) into its seed sum.
      if (i <= n - 1) {
        const y = f64x2.sub(x, error1);
        const t = f64x2.add(sum1, y);
        error1 = f64x2.sub(f64x2.sub(t, sum1), y);
        sum1 = t;
        if (i == n - 1) e1 = f64x2.div(sum1, count);
      } else {
        e1 = f64x2.add(e1, f64x2.mul(alpha, f64x2.sub(x, e1)));
      }
      if (i >= n - 1) {
        if (i <= 2 * (n - 1)) {
          const y = f64x2.sub(e1, error2);
          const t = f64x2.add(sum2, y);
          error2 = f64x2.sub(f64x2.sub(t, sum2), y);
          sum2 = t;
          if (i == 2 * (n - 1)) e2 = f64x2.div(sum2, count);
        } else {
          e2 = f64x2.add(e2, f64x2.mul(alpha, f64x2.sub(e1, e2)));
        }
      }
      if (levels == 3 && i >= 2 * (n - 1)) {
        if (i <= 3 * (n - 1)) {
          const y = f64x2.sub(e2, error3);
          const t = f64x2.add(sum3, y);
          error3 = f64x2.sub(f64x2.sub(t, sum3), y);
          sum3 = t;
          if (i == 3 * (n - 1)) e3 = f64x2.div(sum3, count);
        } else {
          e3 = f64x2.add(e3, f64x2.mul(alpha, f64x2.sub(e2, e3)));
        }
      }
      // e1, e2 and e3 are NaN before their seeds, as the reference's intermediate series are.
      let out: v128;
      if (kind == CASCADE_DEMA) {
        out = f64x2.sub(f64x2.mul(two, e1), e2);
      } else if (kind == CASCADE_TEMA) {
        out = f64x2.add(f64x2.sub(f64x2.mul(three, e1), f64x2.mul(three, e2)), e3);
      } else {
        out = trixRatio(e3, last, ones, zero, hundred);
        last = e3;
      }
      storePairAt(outA, outB, i, out);
    }
    if (kind == CASCADE_DEMA) {
      for (; i < end; i++) {
        const x = pairAt(a, b, i);
        e1 = f64x2.add(e1, f64x2.mul(alpha, f64x2.sub(x, e1)));
        e2 = f64x2.add(e2, f64x2.mul(alpha, f64x2.sub(e1, e2)));
        storePairAt(outA, outB, i, f64x2.sub(f64x2.mul(two, e1), e2));
      }
    } else if (kind == CASCADE_TEMA) {
      for (; i < end; i++) {
        const x = pairAt(a, b, i);
        e1 = f64x2.add(e1, f64x2.mul(alpha, f64x2.sub(x, e1)));
        e2 = f64x2.add(e2, f64x2.mul(alpha, f64x2.sub(e1, e2)));
        e3 = f64x2.add(e3, f64x2.mul(alpha, f64x2.sub(e2, e3)));
        storePairAt(outA, outB, i, f64x2.add(f64x2.sub(f64x2.mul(three, e1), f64x2.mul(three, e2)), e3));
      }
    } else {
      for (; i < end; i++) {
        const x = pairAt(a, b, i);
        e1 = f64x2.add(e1, f64x2.mul(alpha, f64x2.sub(x, e1)));
        e2 = f64x2.add(e2, f64x2.mul(alpha, f64x2.sub(e1, e2)));
        e3 = f64x2.add(e3, f64x2.mul(alpha, f64x2.sub(e2, e3)));
        storePairAt(outA, outB, i, trixRatio(e3, last, ones, zero, hundred));
        last = e3;
      }
    }
    // The longer series goes on in both lanes.
    if (lenB > lenA) {
      sum1 = splatHigh(sum1);
      sum2 = splatHigh(sum2);
      sum3 = splatHigh(sum3);
      error1 = splatHigh(error1);
      error2 = splatHigh(error2);
      error3 = splatHigh(error3);
      e1 = splatHigh(e1);
      e2 = splatHigh(e2);
      e3 = splatHigh(e3);
      last = splatHigh(last);
      a = b;
      outA = outB;
      end = lenB;
    } else {
      sum1 = splatLow(sum1);
      sum2 = splatLow(sum2);
      sum3 = splatLow(sum3);
      error1 = splatLow(error1);
      error2 = splatLow(error2);
      error3 = splatLow(error3);
      e1 = splatLow(e1);
      e2 = splatLow(e2);
      e3 = splatLow(e3);
      last = splatLow(last);
      b = a;
      outB = outA;
      end = lenA;
    }
    from = common;
  }
}

@inline function splatLow(v: v128): v128 {
  return f64x2.splat(f64x2.extract_lane(v, 0));
}

/** TRIX's (e3 / last - 1) * 100, 0 where last is 0; NaN where last is NaN, bar 0 included. */
@inline function trixRatio(e3: v128, last: v128, ones: v128, zero: v128, hundred: v128): v128 {
  const ratio = f64x2.mul(f64x2.sub(f64x2.div(e3, last), ones), hundred);
  return v128.bitselect(zero, ratio, f64x2.eq(last, zero));
}

/**
 * Least-squares line through the last n values, the operations of linearRegSeries in
 * src/reference/lib-misc.ts. The windows are independent, so two bars share the lanes of each
 * vector and four bars go per turn.
 */
export function linearRegLanes(src: usize, value: usize, slope: usize, intercept: usize, forecast: usize, len: i32, n: i32): void {
  const fn = <f64>n;
  const sumX = (fn * (fn - 1.0)) / 2.0;
  const sumXX = (fn * (fn - 1.0) * (2.0 * fn - 1.0)) / 6.0;
  const divisor = fn * sumXX - sumX * sumX;
  const last = <f64>(n - 1);
  const head = min32(n - 1, len);
  fillNaN(value, 0, head);
  fillNaN(slope, 0, head);
  fillNaN(intercept, 0, head);
  fillNaN(forecast, 0, head);
  const count = f64x2.splat(fn);
  const sumXLanes = f64x2.splat(sumX);
  const divisorLanes = f64x2.splat(divisor);
  const lastLanes = f64x2.splat(last);
  const ones = f64x2.splat(1);
  let i: i32 = n - 1;
  for (; i + 3 < len; i += 4) {
    const oldest = src + slots(i - n + 1);
    const newest = src + slots(i);
    const anchorLow = ldv(src, i);
    const anchorHigh = ldv(src, i + 2);
    let sumYLow = f64x2.splat(0);
    let sumYHigh = f64x2.splat(0);
    let sumXYLow = f64x2.splat(0);
    let sumXYHigh = f64x2.splat(0);
    let k = f64x2.splat(0);
    for (let p = oldest; p <= newest; p += 8) {
      const low = f64x2.sub(v128.load(p), anchorLow);
      const high = f64x2.sub(v128.load(p, 16), anchorHigh);
      sumYLow = f64x2.add(sumYLow, low);
      sumYHigh = f64x2.add(sumYHigh, high);
      sumXYLow = f64x2.add(sumXYLow, f64x2.mul(k, low));
      sumXYHigh = f64x2.add(sumXYHigh, f64x2.mul(k, high));
      k = f64x2.add(k, ones);
    }
    lineLanes(sumYLow, sumXYLow, anchorLow, count, sumXLanes, divisorLanes, lastLanes, value, slope, intercept, forecast, i);
    lineLanes(sumYHigh, sumXYHigh, anchorHigh, count, sumXLanes, divisorLanes, lastLanes, value, slope, intercept, forecast, i + 2);
  }
  for (; i < len; i++) {
    const anchor = ld(src, i);
    const oldest = i - n + 1;
    let sumY: f64 = 0;
    let sumXY: f64 = 0;
    for (let k: i32 = 0; k < n; k++) {
      const y = ld(src, oldest + k) - anchor;
      sumY += y;
      sumXY += <f64>k * y;
    }
    const m = (fn * sumXY - sumX * sumY) / divisor;
    const b = (sumY - m * sumX) / fn;
    st(value, i, anchor + (b + m * last));
    st(slope, i, m);
    st(intercept, i, anchor + b);
    st(forecast, i, anchor + (b + m * fn));
  }
}

/** The four outputs of bars i and i + 1 from their sums. */
@inline function lineLanes(sumY: v128, sumXY: v128, anchor: v128, count: v128, sumX: v128, divisor: v128, last: v128, value: usize, slope: usize, intercept: usize, forecast: usize, i: i32): void {
  const m = f64x2.div(f64x2.sub(f64x2.mul(count, sumXY), f64x2.mul(sumX, sumY)), divisor);
  const b = f64x2.div(f64x2.sub(sumY, f64x2.mul(m, sumX)), count);
  stv(value, i, f64x2.add(anchor, f64x2.add(b, f64x2.mul(m, last))));
  stv(slope, i, m);
  stv(intercept, i, f64x2.add(anchor, b));
  stv(forecast, i, f64x2.add(anchor, f64x2.add(b, f64x2.mul(m, count))));
}

/** close - close[n] over bars [n, len), NaN before; two bars per vector. */
export function momentumSeries(src: usize, dst: usize, len: i32, n: i32): void {
  fillNaN(dst, 0, min32(n, len));
  let i = n;
  for (; i + 1 < len; i += 2) stv(dst, i, f64x2.sub(ldv(src, i), ldv(src, i - n)));
  if (i < len) st(dst, i, ld(src, i) - ld(src, i - n));
}

/**
 * Computes the rate of change over n bars with the operations of src/reference/roc.ts, two
 * bars per vector. TA-Lib's form is ((x / x[n]) - 1) * 100, 0 where x[n] is 0. Pine's form is
 * 100 * (x - x[n]) / x[n], NaN where x[n] is 0.
 */
export function rocSeries(src: usize, dst: usize, len: i32, n: i32, tv: bool): void {
  const zero = f64x2.splat(0);
  const ones = f64x2.splat(1);
  const hundred = f64x2.splat(100);
  const undefinedLanes = f64x2.splat(NaN);
  fillNaN(dst, 0, min32(n, len));
  let i = n;
  if (tv) {
    for (; i + 1 < len; i += 2) {
      const prev = ldv(src, i - n);
      const ratio = f64x2.div(f64x2.mul(hundred, f64x2.sub(ldv(src, i), prev)), prev);
      stv(dst, i, v128.bitselect(undefinedLanes, ratio, f64x2.eq(prev, zero)));
    }
  } else {
    for (; i + 1 < len; i += 2) {
      const prev = ldv(src, i - n);
      const ratio = f64x2.mul(f64x2.sub(f64x2.div(ldv(src, i), prev), ones), hundred);
      stv(dst, i, v128.bitselect(zero, ratio, f64x2.eq(prev, zero)));
    }
  }
  if (i < len) {
    const prev = ld(src, i - n);
    if (tv) st(dst, i, prev == 0 ? NaN : (100.0 * (ld(src, i) - prev)) / prev);
    else st(dst, i, prev == 0 ? 0.0 : (ld(src, i) / prev - 1.0) * 100.0);
  }
}

/** (x - x[n]) / x[n], NaN before bar n and where x[n] is 0, as returnSeries; two bars per vector. */
export function returnLanes(src: usize, dst: usize, len: i32, n: i32): void {
  const zero = f64x2.splat(0);
  const undefinedLanes = f64x2.splat(NaN);
  fillNaN(dst, 0, min32(n, len));
  let i = n;
  for (; i + 1 < len; i += 2) {
    const base = ldv(src, i - n);
    const ratio = f64x2.div(f64x2.sub(ldv(src, i), base), base);
    stv(dst, i, v128.bitselect(undefinedLanes, ratio, f64x2.eq(base, zero)));
  }
  if (i < len) {
    const base = ld(src, i - n);
    st(dst, i, base == 0 ? NaN : (ld(src, i) - base) / base);
  }
}

/**
 * Balance of power over bars [from, to) of whole columns, the operations of
 * src/reference/bop.ts, two bars per vector: (close - open) / (high - low), 0 where the range
 * is not positive (TA-Lib) or NaN where it is 0 (Pine).
 */
export function balanceOfPower(open: usize, high: usize, low: usize, close: usize, dst: usize, from: i32, to: i32, tv: bool): void {
  const zero = f64x2.splat(0);
  const undefinedLanes = f64x2.splat(NaN);
  let i = from;
  for (; i + 1 < to; i += 2) {
    const range = f64x2.sub(ldv(high, i), ldv(low, i));
    const ratio = f64x2.div(f64x2.sub(ldv(close, i), ldv(open, i)), range);
    if (tv) stv(dst, i, v128.bitselect(undefinedLanes, ratio, f64x2.eq(range, zero)));
    else stv(dst, i, v128.bitselect(zero, ratio, f64x2.le(range, zero)));
  }
  if (i < to) {
    const range = ld(high, i) - ld(low, i);
    if (tv) st(dst, i, range == 0 ? NaN : (ld(close, i) - ld(open, i)) / range);
    else st(dst, i, range <= 0 ? 0.0 : (ld(close, i) - ld(open, i)) / range);
  }
}

/**
 * Returns the money flow volume of bars i and i + 1 with the operations of
 * moneyFlowVolumeSeries. TA-Lib's term is ((c - l - (h - c)) / (h - l)) * v, 0 unless the
 * range is positive. Pine's term is ((2c - l - h) / (h - l)) * v, 0 where the range is 0.
 */
@inline function moneyFlowLanes(high: usize, low: usize, close: usize, volume: usize, i: i32, pine: bool): v128 {
  const zero = f64x2.splat(0);
  const h = ldv(high, i);
  const l = ldv(low, i);
  const c = ldv(close, i);
  const range = f64x2.sub(h, l);
  if (pine) {
    const term = f64x2.mul(f64x2.div(f64x2.sub(f64x2.sub(f64x2.mul(f64x2.splat(2), c), l), h), range), ldv(volume, i));
    return v128.bitselect(zero, term, f64x2.eq(range, zero));
  }
  const term = f64x2.mul(f64x2.div(f64x2.sub(f64x2.sub(c, l), f64x2.sub(h, c)), range), ldv(volume, i));
  return v128.bitselect(term, zero, f64x2.gt(range, zero));
}

/**
 * Computes the accumulation/distribution line, moneyFlowVolumeSeries then cumulativeSeries of
 * kernels/as/lib-trend.ts, in one pass: the terms of two bars in one vector, then the running
 * total in bar order.
 */
export function accumulationSeries(high: usize, low: usize, close: usize, volume: usize, dst: usize, len: i32, pine: bool): void {
  let total: f64 = 0;
  let i: i32 = 0;
  for (; i + 1 < len; i += 2) {
    const terms = moneyFlowLanes(high, low, close, volume, i, pine);
    total = total + f64x2.extract_lane(terms, 0);
    st(dst, i, total);
    total = total + f64x2.extract_lane(terms, 1);
    st(dst, i + 1, total);
  }
  if (i < len) {
    const h = ld(high, i);
    const l = ld(low, i);
    const c = ld(close, i);
    const range = h - l;
    let term: f64;
    if (pine) term = range == 0 ? 0 : ((2.0 * c - l - h) / range) * ld(volume, i);
    else term = range > 0 ? ((c - l - (h - c)) / range) * ld(volume, i) : 0;
    st(dst, i, total + term);
  }
}

/**
 * TA-Lib's ADOSC, the operations of src/reference/adosc.ts under the talib conventions in one
 * pass: the money flow terms of two bars in one vector, then in bar order the running total
 * and both averages, which start at bar 0's total and step k * ad + (1 - k) * average.
 */
export function chaikinSeries(high: usize, low: usize, close: usize, volume: usize, dst: usize, len: i32, fast: i32, slow: i32): void {
  if (len == 0) return;
  const first = (fast > slow ? fast : slow) - 1;
  const fastK = 2.0 / (<f64>fast + 1.0);
  const slowK = 2.0 / (<f64>slow + 1.0);
  const fastKeep = 1.0 - fastK;
  const slowKeep = 1.0 - slowK;
  // Bar 0 alone, so that the pairs below are all steady bars.
  accumulationSeries(high, low, close, volume, dst, 1, false);
  let total = ld(dst, 0);
  let fastAverage = total;
  let slowAverage = total;
  st(dst, 0, 0 < first ? NaN : fastAverage - slowAverage);
  let i: i32 = 1;
  for (; i + 1 < len; i += 2) {
    const terms = moneyFlowLanes(high, low, close, volume, i, false);
    total = total + f64x2.extract_lane(terms, 0);
    fastAverage = fastK * total + fastKeep * fastAverage;
    slowAverage = slowK * total + slowKeep * slowAverage;
    st(dst, i, i < first ? NaN : fastAverage - slowAverage);
    total = total + f64x2.extract_lane(terms, 1);
    fastAverage = fastK * total + fastKeep * fastAverage;
    slowAverage = slowK * total + slowKeep * slowAverage;
    st(dst, i + 1, i + 1 < first ? NaN : fastAverage - slowAverage);
  }
  if (i < len) {
    accumulationSeries(high + slots(i), low + slots(i), close + slots(i), volume + slots(i), dst + slots(i), 1, false);
    total = total + ld(dst, i);
    fastAverage = fastK * total + fastKeep * fastAverage;
    slowAverage = slowK * total + slowKeep * slowAverage;
    st(dst, i, i < first ? NaN : fastAverage - slowAverage);
  }
}

/**
 * PPO from its two averages, two bars per vector: ((fast - slow) / slow) * 100, with `atZero`
 * where slow is 0 (0 for TA-Lib, NaN for Pine). `slow` is overwritten.
 */
export function percentSpread(fast: usize, slow: usize, len: i32, atZero: f64): void {
  const zero = f64x2.splat(0);
  const hundred = f64x2.splat(100);
  const zeroValue = f64x2.splat(atZero);
  let i: i32 = 0;
  for (; i + 1 < len; i += 2) {
    const s = ldv(slow, i);
    const ratio = f64x2.mul(f64x2.div(f64x2.sub(ldv(fast, i), s), s), hundred);
    stv(slow, i, v128.bitselect(zeroValue, ratio, f64x2.eq(s, zero)));
  }
  if (i < len) {
    const s = ld(slow, i);
    st(slow, i, s == 0 ? atZero : ((ld(fast, i) - s) / s) * 100.0);
  }
}

/** fast - slow into `slow`, two bars per vector. */
export function spread(fast: usize, slow: usize, len: i32): void {
  let i: i32 = 0;
  for (; i + 1 < len; i += 2) stv(slow, i, f64x2.sub(ldv(fast, i), ldv(slow, i)));
  if (i < len) st(slow, i, ld(fast, i) - ld(slow, i));
}

/** Both lanes set to lane `k` of v, as 64-bit integers (masks included). */
@inline function splatLane(v: v128, k: i32): v128 {
  return k == 0 ? i64x2.splat(i64x2.extract_lane(v, 0)) : i64x2.splat(i64x2.extract_lane(v, 1));
}

/**
 * TA-Lib's SAR of two series at once, A in lane 0 and B in lane 1, each at least 2 bars long:
 * the operations of src/reference/sar.ts under the talib conventions without its branches.
 * Each bar computes both the stop-and-reverse and the continuing step and a bit select keeps
 * the one the reference takes. f64x2.pmax(a, b) is a < b ? b : a, the reference's
 * `if (a < b) a = b`, and f64x2.pmin(a, b) is b < a ? b : a, its `if (a > b) a = b`. The two
 * lanes run over the common length, then the longer series alone in both lanes.
 */
export function sarPair(highA: usize, lowA: usize, dstA: usize, lenA: i32, highB: usize, lowB: usize, dstB: usize, lenB: i32, acceleration: f64, maximum: f64): void {
  const stepValue = acceleration > maximum ? maximum : acceleration;
  const step = f64x2.splat(stepValue);
  const cap = f64x2.splat(maximum);
  st(dstA, 0, NaN);
  st(dstB, 0, NaN);
  const longA = sarStartsLong(highA, lowA);
  const longB = sarStartsLong(highB, lowB);
  let isLong = i64x2.replace_lane(i64x2.splat(longA ? -1 : 0), 1, longB ? -1 : 0);
  let newHigh = pairAt(highA, highB, 1);
  let newLow = pairAt(lowA, lowB, 1);
  let ep = v128.bitselect(newHigh, newLow, isLong);
  let sar = v128.bitselect(pairAt(lowA, lowB, 0), pairAt(highA, highB, 0), isLong);
  let af = step;
  let a = highA;
  let b = highB;
  let lowLaneA = lowA;
  let lowLaneB = lowB;
  let outA = dstA;
  let outB = dstB;
  const common = min32(lenA, lenB);
  let end = common;
  let from: i32 = 1;
  for (let round: i32 = 0; round < 2; round++) {
    for (let i = from; i < end; i++) {
      const prevLow = newLow;
      const prevHigh = newHigh;
      newLow = pairAt(lowLaneA, lowLaneB, i);
      newHigh = pairAt(a, b, i);
      const switching = v128.bitselect(f64x2.le(newLow, sar), f64x2.ge(newHigh, sar), isLong);
      const newLong = v128.xor(isLong, switching);
      const extend = v128.bitselect(f64x2.gt(newHigh, ep), f64x2.lt(newLow, ep), newLong);
      // On a reversal the SAR restarts from the old extreme, clamped to the new side.
      const floor = f64x2.pmin(f64x2.pmin(ep, prevLow), newLow);
      const ceiling = f64x2.pmax(f64x2.pmax(ep, prevHigh), newHigh);
      const base = v128.bitselect(v128.bitselect(floor, ceiling, newLong), sar, switching);
      storePairAt(outA, outB, i, base);
      af = v128.bitselect(step, v128.bitselect(f64x2.pmin(f64x2.add(af, step), cap), af, extend), switching);
      ep = v128.bitselect(v128.bitselect(newHigh, newLow, newLong), ep, v128.or(switching, extend));
      const next = f64x2.add(base, f64x2.mul(af, f64x2.sub(ep, base)));
      const below = f64x2.pmin(f64x2.pmin(next, prevLow), newLow);
      const above = f64x2.pmax(f64x2.pmax(next, prevHigh), newHigh);
      sar = v128.bitselect(below, above, newLong);
      isLong = newLong;
    }
    // The longer series goes on in both lanes.
    const k: i32 = lenB > lenA ? 1 : 0;
    isLong = splatLane(isLong, k);
    newHigh = splatLane(newHigh, k);
    newLow = splatLane(newLow, k);
    ep = splatLane(ep, k);
    sar = splatLane(sar, k);
    af = splatLane(af, k);
    if (k == 1) {
      a = b;
      lowLaneA = lowLaneB;
      outA = outB;
      end = lenB;
    } else {
      b = a;
      lowLaneB = lowLaneA;
      outB = outA;
      end = lenA;
    }
    from = max32(common, 1);
  }
}

/** TA-Lib's first direction: long unless bar 1's low falls further than its high rises. */
@inline function sarStartsLong(high: usize, low: usize): bool {
  const up = ld(high, 1) - ld(high, 0);
  const down = ld(low, 0) - ld(low, 1);
  return !(down > 0 && up < down);
}

/**
 * Computes TA-Lib's ADOSC of two series at once, A in lane 0 and B in lane 1. It is
 * `chaikinSeries` with the money flow terms, running totals and averages of both series in
 * the lanes of vectors, over their common length. The rest of the longer series runs alone.
 */
export function chaikinPair(
  highA: usize, lowA: usize, closeA: usize, volumeA: usize, dstA: usize, lenA: i32,
  highB: usize, lowB: usize, closeB: usize, volumeB: usize, dstB: usize, lenB: i32,
  fast: i32, slow: i32,
): void {
  const common = min32(lenA, lenB);
  if (common == 0) {
    chaikinSeries(highA, lowA, closeA, volumeA, dstA, lenA, fast, slow);
    chaikinSeries(highB, lowB, closeB, volumeB, dstB, lenB, fast, slow);
    return;
  }
  const first = (fast > slow ? fast : slow) - 1;
  const fastK = 2.0 / (<f64>fast + 1.0);
  const slowK = 2.0 / (<f64>slow + 1.0);
  const fastKLanes = f64x2.splat(fastK);
  const slowKLanes = f64x2.splat(slowK);
  const fastKeep = f64x2.splat(1.0 - fastK);
  const slowKeep = f64x2.splat(1.0 - slowK);
  const zero = f64x2.splat(0);
  let total = f64x2.add(zero, moneyFlowPair(highA, lowA, closeA, volumeA, highB, lowB, closeB, volumeB, 0, zero));
  let fastAverage = total;
  let slowAverage = total;
  storePairAt(dstA, dstB, 0, 0 < first ? f64x2.splat(NaN) : f64x2.sub(fastAverage, slowAverage));
  for (let i: i32 = 1; i < common; i++) {
    total = f64x2.add(total, moneyFlowPair(highA, lowA, closeA, volumeA, highB, lowB, closeB, volumeB, i, zero));
    fastAverage = f64x2.add(f64x2.mul(fastKLanes, total), f64x2.mul(fastKeep, fastAverage));
    slowAverage = f64x2.add(f64x2.mul(slowKLanes, total), f64x2.mul(slowKeep, slowAverage));
    storePairAt(dstA, dstB, i, i < first ? f64x2.splat(NaN) : f64x2.sub(fastAverage, slowAverage));
  }
  if (lenA > lenB) {
    chaikinTail(highA, lowA, closeA, volumeA, dstA, common, lenA, first, fastK, slowK, f64x2.extract_lane(total, 0), f64x2.extract_lane(fastAverage, 0), f64x2.extract_lane(slowAverage, 0));
  } else {
    chaikinTail(highB, lowB, closeB, volumeB, dstB, common, lenB, first, fastK, slowK, f64x2.extract_lane(total, 1), f64x2.extract_lane(fastAverage, 1), f64x2.extract_lane(slowAverage, 1));
  }
}

/** TA-Lib's money flow volume of bar i of series A and of series B, the two lanes of a vector. */
@inline function moneyFlowPair(highA: usize, lowA: usize, closeA: usize, volumeA: usize, highB: usize, lowB: usize, closeB: usize, volumeB: usize, i: i32, zero: v128): v128 {
  const h = pairAt(highA, highB, i);
  const l = pairAt(lowA, lowB, i);
  const c = pairAt(closeA, closeB, i);
  const range = f64x2.sub(h, l);
  const term = f64x2.mul(f64x2.div(f64x2.sub(f64x2.sub(c, l), f64x2.sub(h, c)), range), pairAt(volumeA, volumeB, i));
  return v128.bitselect(term, zero, f64x2.gt(range, zero));
}

/** ADOSC over bars [from, len) of one series, from the total and averages of bar from - 1. */
function chaikinTail(high: usize, low: usize, close: usize, volume: usize, dst: usize, from: i32, len: i32, first: i32, fastK: f64, slowK: f64, total: f64, fastAverage: f64, slowAverage: f64): void {
  const fastKeep = 1.0 - fastK;
  const slowKeep = 1.0 - slowK;
  for (let i = from; i < len; i++) {
    const h = ld(high, i);
    const l = ld(low, i);
    const c = ld(close, i);
    const range = h - l;
    total = total + (range > 0 ? ((c - l - (h - c)) / range) * ld(volume, i) : 0);
    fastAverage = fastK * total + fastKeep * fastAverage;
    slowAverage = slowK * total + slowKeep * slowAverage;
    st(dst, i, i < first ? NaN : fastAverage - slowAverage);
  }
}
