import { column, ld, param, seriesStart, slots, st, sumSeries, trueRangeSeries } from './lib';

// ultosc(p1, p2, p3); the mirror of src/reference/ultosc.ts. Each period keeps two compensated
// rolling sums (`sumSeries`), of buying pressure and of true range, and each step of such a sum
// is a chain of eight dependent additions. So the kernel runs the six sums of two series at
// once: one f64x2 vector (buying, range) per period and series, whose ring entries are vectors
// too. From bar 1 on, buying pressure and true range are defined on every bar of a series
// without NaN, so both sums of a period fill and slide in step, as `sumSeries` does each. A
// series whose buying pressure or true range is NaN somewhere takes the plain path instead.
//
// A lane is the state of one series at SIZE bytes and its rings after it: sums and errors of the
// three periods, ring positions, the next bar, the end bar, the series start and a NaN flag.

const SUMS: usize = 0;
const ERRORS: usize = 48;
const POSITIONS: usize = 96;
const BAR: usize = 120;
const END: usize = 124;
const START: usize = 128;
const UNDEFINED: usize = 132;
const SIZE: usize = 144;

// Bars per run of `steadyLanes`, whose sums `combineChunk` then turns into outputs. Keeping the
// divisions of the combination out of the loop of the sums leaves that loop its registers.
const CHUNK: i32 = 256;
const CHUNK_BYTES: usize = <usize>CHUNK << 3;

/** Returns the float64 slots of one lane with periods p1, p2 and p3. */
@inline function laneSlots(p1: i32, p2: i32, p3: i32): i32 {
  return <i32>(SIZE >> 3) + 2 * (p1 + p2 + p3);
}

/**
 * Computes ultosc for `count` series. Scratch: two lanes, their values and sums (16 * CHUNK
 * slots), then the plain path's 4 * maxLength + p3 slots.
 */
export function ultosc(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const high = column(inputs, 0);
  const low = column(inputs, 1);
  const close = column(inputs, 2);
  const out = column(outputs, 0);
  const p1 = <i32>param(params, 0);
  const p2 = <i32>param(params, 1);
  const p3 = <i32>param(params, 2);
  const pine = param(params, 4) == 1;
  const laneBytes = slots(laneSlots(p1, p2, p3));
  const first = scratch;
  const second = scratch + laneBytes;
  const sumsFirst = scratch + 2 * laneBytes;
  const sumsSecond = sumsFirst + 6 * CHUNK_BYTES;
  const values = sumsSecond + 6 * CHUNK_BYTES;
  const plain = values + 4 * CHUNK_BYTES;

  let next = seedLane(first, 0, count, offsets, high, low, close, out, p1, p2, p3, pine, plain);
  next = seedLane(second, next, count, offsets, high, low, close, out, p1, p2, p3, pine, plain);
  while (true) {
    const firstLive = load<i32>(first + BAR) < load<i32>(first + END);
    const secondLive = load<i32>(second + BAR) < load<i32>(second + END);
    if (!firstLive && !secondLive) break;
    // With one series left, both vector lanes run it, each on its own copy of the state.
    if (!firstLive) memory.copy(first, second, laneBytes);
    else if (!secondLive) memory.copy(second, first, laneBytes);
    const barsFirst = load<i32>(first + END) - load<i32>(first + BAR);
    const barsSecond = load<i32>(second + END) - load<i32>(second + BAR);
    let bars = barsFirst < barsSecond ? barsFirst : barsSecond;
    if (bars > CHUNK) bars = CHUNK;
    const barFirst = load<i32>(first + BAR);
    const barSecond = load<i32>(second + BAR);
    steadyLanes(first, second, high, low, close, values, sumsFirst, bars, p1, p2, p3);
    combineChunk(sumsFirst, out + slots(barFirst), bars, pine);
    combineChunk(sumsSecond, out + slots(barSecond), bars, pine);
    if (load<i32>(first + BAR) >= load<i32>(first + END)) {
      finishLane(first, offsets, high, low, close, out, p1, p2, p3, pine, plain);
      next = seedLane(first, next, count, offsets, high, low, close, out, p1, p2, p3, pine, plain);
    }
    if (load<i32>(second + BAR) >= load<i32>(second + END)) {
      finishLane(second, offsets, high, low, close, out, p1, p2, p3, pine, plain);
      next = seedLane(second, next, count, offsets, high, low, close, out, p1, p2, p3, pine, plain);
    }
  }
}

/** Reruns the lane's series on the plain path when a NaN met its sums. */
function finishLane(lane: usize, offsets: usize, high: usize, low: usize, close: usize, out: usize, p1: i32, p2: i32, p3: i32, pine: bool, plain: usize): void {
  if (load<i32>(lane + UNDEFINED) == 0) return;
  store<i32>(lane + UNDEFINED, 0);
  const s = load<i32>(lane + START);
  const start = seriesStart(offsets, s);
  const at = slots(start);
  plainSeries(high + at, low + at, close + at, out + at, seriesStart(offsets, s + 1) - start, p1, p2, p3, pine, plain);
}

/** Buying pressure close - min(low, close[1]) of two bars: pmin(c1, l) is l < c1 ? l : c1. */
@inline function buyingLanes(l: v128, c: v128, previousClose: v128): v128 {
  return f64x2.sub(c, f64x2.pmin(previousClose, l));
}

/** True range of two bars: pmax(tr, v) is tr < v ? v : tr, the reference's `if (v > tr) tr = v`. */
@inline function rangeLanes(h: v128, l: v128, previousClose: v128): v128 {
  let range = f64x2.sub(h, l);
  range = f64x2.pmax(range, f64x2.abs(f64x2.sub(h, previousClose)));
  return f64x2.pmax(range, f64x2.abs(f64x2.sub(l, previousClose)));
}

/**
 * The oscillator of two bars from their buying sums `b1`..`b3` and range sums `r1`..`r3`, one
 * period each, lane by lane: the terms added in the reference's order from +0.
 */
@inline function combineSums(b1: v128, r1: v128, b2: v128, r2: v128, b3: v128, r3: v128, pine: bool): v128 {
  const zero = f64x2.splat(0);
  let value = addTerm(zero, b1, r1, 4.0, pine);
  value = addTerm(value, b2, r2, 2.0, pine);
  const zeroRange = f64x2.eq(r3, zero);
  if (pine) {
    value = f64x2.add(value, v128.bitselect(f64x2.splat(NaN), f64x2.div(b3, r3), zeroRange));
    return f64x2.div(f64x2.mul(f64x2.splat(100.0), value), f64x2.splat(7.0));
  }
  value = v128.bitselect(value, f64x2.add(value, f64x2.div(b3, r3)), zeroRange);
  return f64x2.mul(f64x2.splat(100.0), f64x2.div(value, f64x2.splat(7.0)));
}

/** value + weight * (buying / range): TA-Lib leaves the term out and Pine gives NaN where range is 0. */
@inline function addTerm(value: v128, buying: v128, range: v128, weight: f64, pine: bool): v128 {
  const zeroRange = f64x2.eq(range, f64x2.splat(0));
  const average = f64x2.div(buying, range);
  if (pine) return f64x2.add(value, f64x2.mul(f64x2.splat(weight), v128.bitselect(f64x2.splat(NaN), average, zeroRange)));
  return v128.bitselect(value, f64x2.add(value, f64x2.mul(f64x2.splat(weight), average)), zeroRange);
}

/**
 * Seeds series `next`, `next + 1`, ... into `lane` until one has bars left after bar p3, where
 * every sum is full; returns the index of the next series. Bars before p3 are NaN, as the
 * reference's sums are. A series that ends within its seed bars, or meets a NaN there, is done
 * here. The lane is empty (bar = end) when no series is left.
 */
function seedLane(
  lane: usize, next: i32, count: i32, offsets: usize,
  high: usize, low: usize, close: usize, out: usize,
  p1: i32, p2: i32, p3: i32, pine: bool, plain: usize,
): i32 {
  store<i32>(lane + BAR, 0);
  store<i32>(lane + END, 0);
  while (next < count) {
    const s = next;
    next++;
    const start = seriesStart(offsets, s);
    const end = seriesStart(offsets, s + 1);
    const len = end - start;
    const at = slots(start);
    if (!hasFlatWindow(high + at, low + at, close + at, len, p1) && seedSeries(lane, high + at, low + at, close + at, out + at, len, p1, p2, p3, pine)) {
      if (len > p3 + 1) {
        store<i32>(lane + BAR, start + p3 + 1);
        store<i32>(lane + END, end);
        store<i32>(lane + START, s);
        store<i32>(lane + UNDEFINED, 0);
        return next;
      }
    } else {
      plainSeries(high + at, low + at, close + at, out + at, len, p1, p2, p3, pine, plain);
    }
  }
  return next;
}

/**
 * Returns whether p1 bars in a row from bar 1 have a true range of 0 (high = low = previous
 * close). The reference counts such a window's sums as exactly 0, which the plain path does.
 */
function hasFlatWindow(high: usize, low: usize, close: usize, len: i32, p1: i32): bool {
  let zeros: i32 = 0;
  for (let i: i32 = 1; i < len; i++) {
    const l = ld(low, i);
    if (ld(high, i) == l && l == ld(close, i - 1)) {
      zeros++;
      if (zeros >= p1) return true;
    } else {
      zeros = 0;
    }
  }
  return false;
}

/** One step of `sumSeries` once its window is full, on both sums of a vector. */
@inline function slide(sum: v128, error: v128, x: v128, slot: usize): v128 {
  const y1 = f64x2.sub(f64x2.neg(v128.load(slot)), error);
  const t = f64x2.add(sum, y1);
  const e1 = f64x2.sub(f64x2.sub(t, sum), y1);
  const y2 = f64x2.sub(x, e1);
  v128.store(slot, y2);
  return t;
}

/**
 * Runs bars [0, min(len, p3 + 1)) of a series on one lane's sums and writes their outputs.
 * Returns false at a NaN buying pressure or true range, because the vector sums would then
 * differ from the reference's. Leaves the sums, errors and ring positions in the lane.
 */
function seedSeries(lane: usize, high: usize, low: usize, close: usize, out: usize, len: i32, p1: i32, p2: i32, p3: i32, pine: bool): bool {
  for (let k: usize = 0; k < 3; k++) {
    v128.store(lane + SUMS + (k << 4), f64x2.splat(0));
    v128.store(lane + ERRORS + (k << 4), f64x2.splat(0));
    store<i32>(lane + POSITIONS + (k << 2), 0);
  }
  if (len > 0) st(out, 0, NaN);
  const seedEnd = len < p3 + 1 ? len : p3 + 1;
  for (let i: i32 = 1; i < seedEnd; i++) {
    const previousClose = f64x2.splat(ld(close, i - 1));
    const h = f64x2.splat(ld(high, i));
    const l = f64x2.splat(ld(low, i));
    const c = f64x2.splat(ld(close, i));
    const x = f64x2.shuffle(buyingLanes(l, c, previousClose), rangeLanes(h, l, previousClose), 0, 2);
    if (v128.any_true(f64x2.ne(x, x))) return false;
    const ring2 = lane + SIZE + (<usize>p1 << 4);
    const ring3 = ring2 + (<usize>p2 << 4);
    seedStep(lane + SUMS, lane + ERRORS, lane + POSITIONS, lane + SIZE, p1, i, x);
    seedStep(lane + SUMS + 16, lane + ERRORS + 16, lane + POSITIONS + 4, ring2, p2, i, x);
    seedStep(lane + SUMS + 32, lane + ERRORS + 32, lane + POSITIONS + 8, ring3, p3, i, x);

    if (i < p3) {
      st(out, i, NaN);
      continue;
    }
    const sum1 = v128.load(lane + SUMS);
    const sum2 = v128.load(lane + SUMS + 16);
    const sum3 = v128.load(lane + SUMS + 32);
    const value = combineSums(
      f64x2.shuffle(sum1, sum1, 0, 0), f64x2.shuffle(sum1, sum1, 1, 1),
      f64x2.shuffle(sum2, sum2, 0, 0), f64x2.shuffle(sum2, sum2, 1, 1),
      f64x2.shuffle(sum3, sum3, 0, 0), f64x2.shuffle(sum3, sum3, 1, 1),
      pine,
    );
    st(out, i, f64x2.extract_lane(value, 0));
  }
  return true;
}

/**
 * Adds x, the i-th defined value of a series, to the sums of one period of p bars, whose sum,
 * error and ring position lie at `sumAt`, `errorAt` and `positionAt`: the sums fill while
 * i <= p, then slide.
 */
function seedStep(sumAt: usize, errorAt: usize, positionAt: usize, ring: usize, p: i32, i: i32, x: v128): void {
  const sum = v128.load(sumAt);
  const error = v128.load(errorAt);
  if (i <= p) {
    const y = f64x2.sub(x, error);
    const t = f64x2.add(sum, y);
    v128.store(errorAt, f64x2.sub(f64x2.sub(t, sum), y));
    v128.store(sumAt, t);
    v128.store(ring + (<usize>(i - 1) << 4), y);
    return;
  }
  const position = load<i32>(positionAt);
  const slot = ring + (<usize>position << 4);
  const t = slide(sum, error, x, slot);
  const y2 = v128.load(slot);
  const u = f64x2.add(t, y2);
  v128.store(errorAt, f64x2.sub(f64x2.sub(u, t), y2));
  v128.store(sumAt, u);
  store<i32>(positionAt, position + 1 == p ? 0 : position + 1);
}

/**
 * Writes the oscillator of `bars` bars to `dst` from six arrays of sums at `sums` (buying and
 * range of each period, CHUNK slots each), two bars at a time.
 */
function combineChunk(sums: usize, dst: usize, bars: i32, pine: bool): void {
  for (let j: i32 = 0; j < bars; j += 2) {
    const at = slots(j);
    const value = combineSums(
      v128.load(sums + at), v128.load(sums + CHUNK_BYTES + at),
      v128.load(sums + 2 * CHUNK_BYTES + at), v128.load(sums + 3 * CHUNK_BYTES + at),
      v128.load(sums + 4 * CHUNK_BYTES + at), v128.load(sums + 5 * CHUNK_BYTES + at),
      pine,
    );
    // An odd last bar leaves lane 1, computed from slots past it, unused.
    v128.store64_lane(dst + at, value, 0);
    if (j + 1 < bars) v128.store64_lane(dst + at + 8, value, 1);
  }
}

/** Two values, the first in lane 0. */
@inline function pair(base: usize, a: i32, b: i32): v128 {
  return v128.load64_lane(base + slots(b), v128.load64_zero(base + slots(a)), 1);
}

/**
 * Runs `bars` (at most CHUNK) bars of lanes `a` and `b` from their next bars, every sum full,
 * and writes the sums of a to `sums` and of b 6 * CHUNK slots further, for `combineChunk`.
 * `values` needs 4 * CHUNK slots. Flags a lane whose buying pressure or true range was NaN.
 */
function steadyLanes(a: usize, b: usize, high: usize, low: usize, close: usize, values: usize, sums: usize, bars: i32, p1: i32, p2: i32, p3: i32): void {
  const barA = load<i32>(a + BAR);
  const barB = load<i32>(b + BAR);
  let sumA1 = v128.load(a + SUMS);
  let sumA2 = v128.load(a + SUMS + 16);
  let sumA3 = v128.load(a + SUMS + 32);
  let errorA1 = v128.load(a + ERRORS);
  let errorA2 = v128.load(a + ERRORS + 16);
  let errorA3 = v128.load(a + ERRORS + 32);
  let sumB1 = v128.load(b + SUMS);
  let sumB2 = v128.load(b + SUMS + 16);
  let sumB3 = v128.load(b + SUMS + 32);
  let errorB1 = v128.load(b + ERRORS);
  let errorB2 = v128.load(b + ERRORS + 16);
  let errorB3 = v128.load(b + ERRORS + 32);
  const ringA1 = a + SIZE;
  const ringA2 = ringA1 + (<usize>p1 << 4);
  const ringA3 = ringA2 + (<usize>p2 << 4);
  const ringB1 = b + SIZE;
  const ringB2 = ringB1 + (<usize>p1 << 4);
  const ringB3 = ringB2 + (<usize>p2 << 4);
  let slotA1 = ringA1 + (<usize>load<i32>(a + POSITIONS) << 4);
  let slotA2 = ringA2 + (<usize>load<i32>(a + POSITIONS + 4) << 4);
  let slotA3 = ringA3 + (<usize>load<i32>(a + POSITIONS + 8) << 4);
  let slotB1 = ringB1 + (<usize>load<i32>(b + POSITIONS) << 4);
  let slotB2 = ringB2 + (<usize>load<i32>(b + POSITIONS + 4) << 4);
  let slotB3 = ringB3 + (<usize>load<i32>(b + POSITIONS + 8) << 4);
  // A first loop writes the values of both series, so that the loop of the sums keeps its
  // registers for the sums.
  let undefinedLanes = f64x2.splat(0);
  let previousClose = pair(close, barA - 1, barB - 1);
  for (let j: i32 = 0; j < bars; j++) {
    const ia = barA + j;
    const ib = barB + j;
    const h = pair(high, ia, ib);
    const l = pair(low, ia, ib);
    const c = pair(close, ia, ib);
    const buying = buyingLanes(l, c, previousClose);
    const range = rangeLanes(h, l, previousClose);
    previousClose = c;
    undefinedLanes = v128.or(undefinedLanes, v128.or(f64x2.ne(buying, buying), f64x2.ne(range, range)));
    const at = values + (<usize>j << 5);
    v128.store(at, f64x2.shuffle(buying, range, 0, 2));
    v128.store(at, f64x2.shuffle(buying, range, 1, 3), 16);
  }
  if (f64x2.extract_lane(undefinedLanes, 0) != 0) store<i32>(a + UNDEFINED, 1);
  if (f64x2.extract_lane(undefinedLanes, 1) != 0) store<i32>(b + UNDEFINED, 1);

  for (let j: i32 = 0; j < bars; j++) {
    const at = values + (<usize>j << 5);
    const xA = v128.load(at);
    const xB = v128.load(at, 16);

    // Each sum: y1 = -oldest - c, t = s + y1, y2 = x - ((t - s) - y1), s = t + y2, c = (s - t) - y2.
    let y1: v128;
    let t: v128;
    let y2: v128;
    y1 = f64x2.sub(f64x2.neg(v128.load(slotA1)), errorA1);
    t = f64x2.add(sumA1, y1);
    y2 = f64x2.sub(xA, f64x2.sub(f64x2.sub(t, sumA1), y1));
    v128.store(slotA1, y2);
    sumA1 = f64x2.add(t, y2);
    errorA1 = f64x2.sub(f64x2.sub(sumA1, t), y2);
    y1 = f64x2.sub(f64x2.neg(v128.load(slotB1)), errorB1);
    t = f64x2.add(sumB1, y1);
    y2 = f64x2.sub(xB, f64x2.sub(f64x2.sub(t, sumB1), y1));
    v128.store(slotB1, y2);
    sumB1 = f64x2.add(t, y2);
    errorB1 = f64x2.sub(f64x2.sub(sumB1, t), y2);
    y1 = f64x2.sub(f64x2.neg(v128.load(slotA2)), errorA2);
    t = f64x2.add(sumA2, y1);
    y2 = f64x2.sub(xA, f64x2.sub(f64x2.sub(t, sumA2), y1));
    v128.store(slotA2, y2);
    sumA2 = f64x2.add(t, y2);
    errorA2 = f64x2.sub(f64x2.sub(sumA2, t), y2);
    y1 = f64x2.sub(f64x2.neg(v128.load(slotB2)), errorB2);
    t = f64x2.add(sumB2, y1);
    y2 = f64x2.sub(xB, f64x2.sub(f64x2.sub(t, sumB2), y1));
    v128.store(slotB2, y2);
    sumB2 = f64x2.add(t, y2);
    errorB2 = f64x2.sub(f64x2.sub(sumB2, t), y2);
    y1 = f64x2.sub(f64x2.neg(v128.load(slotA3)), errorA3);
    t = f64x2.add(sumA3, y1);
    y2 = f64x2.sub(xA, f64x2.sub(f64x2.sub(t, sumA3), y1));
    v128.store(slotA3, y2);
    sumA3 = f64x2.add(t, y2);
    errorA3 = f64x2.sub(f64x2.sub(sumA3, t), y2);
    y1 = f64x2.sub(f64x2.neg(v128.load(slotB3)), errorB3);
    t = f64x2.add(sumB3, y1);
    y2 = f64x2.sub(xB, f64x2.sub(f64x2.sub(t, sumB3), y1));
    v128.store(slotB3, y2);
    sumB3 = f64x2.add(t, y2);
    errorB3 = f64x2.sub(f64x2.sub(sumB3, t), y2);

    slotA1 = slotA1 + 16 == ringA2 ? ringA1 : slotA1 + 16;
    slotA2 = slotA2 + 16 == ringA3 ? ringA2 : slotA2 + 16;
    slotA3 = slotA3 + 16 == ringA3 + (<usize>p3 << 4) ? ringA3 : slotA3 + 16;
    slotB1 = slotB1 + 16 == ringB2 ? ringB1 : slotB1 + 16;
    slotB2 = slotB2 + 16 == ringB3 ? ringB2 : slotB2 + 16;
    slotB3 = slotB3 + 16 == ringB3 + (<usize>p3 << 4) ? ringB3 : slotB3 + 16;

    // Sums of a at `sums`, of b 6 * CHUNK slots further: constant offsets from one pointer.
    const sum = sums + slots(j);
    v128.store64_lane(sum, sumA1, 0);
    v128.store64_lane(sum, sumA1, 1, CHUNK_BYTES);
    v128.store64_lane(sum, sumA2, 0, 2 * CHUNK_BYTES);
    v128.store64_lane(sum, sumA2, 1, 3 * CHUNK_BYTES);
    v128.store64_lane(sum, sumA3, 0, 4 * CHUNK_BYTES);
    v128.store64_lane(sum, sumA3, 1, 5 * CHUNK_BYTES);
    v128.store64_lane(sum, sumB1, 0, 6 * CHUNK_BYTES);
    v128.store64_lane(sum, sumB1, 1, 7 * CHUNK_BYTES);
    v128.store64_lane(sum, sumB2, 0, 8 * CHUNK_BYTES);
    v128.store64_lane(sum, sumB2, 1, 9 * CHUNK_BYTES);
    v128.store64_lane(sum, sumB3, 0, 10 * CHUNK_BYTES);
    v128.store64_lane(sum, sumB3, 1, 11 * CHUNK_BYTES);
  }
  saveLane(b, barB + bars, sumB1, sumB2, sumB3, errorB1, errorB2, errorB3, slotB1 - ringB1, slotB2 - ringB2, slotB3 - ringB3);
  saveLane(a, barA + bars, sumA1, sumA2, sumA3, errorA1, errorA2, errorA3, slotA1 - ringA1, slotA2 - ringA2, slotA3 - ringA3);
}

@inline function saveLane(lane: usize, bar: i32, sum1: v128, sum2: v128, sum3: v128, error1: v128, error2: v128, error3: v128, offset1: usize, offset2: usize, offset3: usize): void {
  store<i32>(lane + BAR, bar);
  v128.store(lane + SUMS, sum1);
  v128.store(lane + SUMS + 16, sum2);
  v128.store(lane + SUMS + 32, sum3);
  v128.store(lane + ERRORS, error1);
  v128.store(lane + ERRORS + 16, error2);
  v128.store(lane + ERRORS + 32, error3);
  store<i32>(lane + POSITIONS, <i32>(offset1 >> 4));
  store<i32>(lane + POSITIONS + 4, <i32>(offset2 >> 4));
  store<i32>(lane + POSITIONS + 8, <i32>(offset3 >> 4));
}

/** Runs the reference's passes over one series, for any NaN pattern. Scratch: 4 * len + p3 slots. */
function plainSeries(high: usize, low: usize, close: usize, out: usize, len: i32, p1: i32, p2: i32, p3: i32, pine: bool, scratch: usize): void {
  const buying = scratch;
  const range = scratch + slots(len);
  const sumBuying = scratch + slots(2 * len);
  const sumRange = scratch + slots(3 * len);
  const ring = scratch + slots(4 * len);
  if (len > 0) st(buying, 0, NaN);
  for (let i: i32 = 1; i < len; i++) {
    const previous = ld(close, i - 1);
    const l = ld(low, i);
    st(buying, i, ld(close, i) - (l < previous ? l : previous));
  }
  trueRangeSeries(high, low, close, range, len);
  for (let i: i32 = 0; i < len; i++) st(out, i, 0);
  for (let k: i32 = 0; k < 3; k++) {
    let p = p3;
    let weight: f64 = 1.0;
    if (k == 0) {
      p = p1;
      weight = 4.0;
    } else if (k == 1) {
      p = p2;
      weight = 2.0;
    }
    sumSeries(buying, sumBuying, len, p, ring);
    sumSeries(range, sumRange, len, p, ring);
    // Trailing true ranges equal to 0, among the defined ones: a window of only zeros sums to 0.
    let zeros: i32 = 0;
    for (let i: i32 = 0; i < len; i++) {
      const x = ld(range, i);
      if (x == 0) zeros++;
      else if (x == x) zeros = 0;
      const r = zeros >= p && x == x ? 0.0 : ld(sumRange, i);
      if (r == 0 && !pine) continue;
      const average = r == 0 ? NaN : ld(sumBuying, i) / r;
      st(out, i, k == 2 ? ld(out, i) + average : ld(out, i) + weight * average);
    }
  }
  for (let i: i32 = 0; i < len; i++) st(out, i, pine ? (100.0 * ld(out, i)) / 7.0 : 100.0 * (ld(out, i) / 7.0));
}
