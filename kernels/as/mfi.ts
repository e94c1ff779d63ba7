import { column, ld, param, seriesStart, slots, st, stv, windowMeanSeries } from './lib';
import { windowMeanLanes } from './lib-sums';

/**
 * mfi(n); the mirror of src/reference/mfi.ts. Scratch: 4 slots per bar + 4 * (n + 1).
 *
 * Where no flow after bar 0 is NaN, the two window means see the same values, bars 1 on, so
 * they run as the two lanes of one vector (positive flow in lane 0). Otherwise the series takes
 * the reference's passes, which pack each flow's own defined values.
 */
export function mfi(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const highIn = column(inputs, 0);
  const lowIn = column(inputs, 1);
  const closeIn = column(inputs, 2);
  const volumeIn = column(inputs, 3);
  const outAll = column(outputs, 0);
  const n = <i32>param(params, 0);
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = slots(start);
    const high = highIn + at;
    const low = lowIn + at;
    const close = closeIn + at;
    const volume = volumeIn + at;
    const out = outAll + at;
    if (len < 2) {
      if (len > 0) st(out, 0, NaN);
      continue;
    }
    const flows = scratch;
    const means = scratch + slots(2 * len);
    const buffers = scratch + slots(4 * len);
    if (!flowLanes(high, low, close, volume, flows, len)) {
      plainSeries(high, low, close, volume, out, len, n, scratch);
      continue;
    }
    windowMeanLanes(flows, means, len - 1, n, buffers);
    st(out, 0, NaN);
    ratioLanes(means, out + slots(1), len - 1);
  }
}

/**
 * Writes (positive flow, negative flow) of bars 1 to len - 1 as one vector per bar from
 * `lanes`, two bars at a time, and returns false when some flow is NaN. A flow counts where
 * the typical price rose (positive) or fell (negative). Otherwise it is +0, as in the
 * reference's `change > 0 ? flow : 0`.
 */
function flowLanes(high: usize, low: usize, close: usize, volume: usize, lanes: usize, len: i32): bool {
  const three = f64x2.splat(3.0);
  const zero = f64x2.splat(0);
  let last = f64x2.splat((ld(high, 0) + ld(low, 0) + ld(close, 0)) / 3.0);
  let undefinedLanes = zero;
  let i: i32 = 1;
  for (; i < len; i += 2) {
    // The last turn of an even len runs bar len - 1 in lane 0 with a copy of it in lane 1.
    const at = i + 1 < len ? i : i - 1;
    let typical = f64x2.div(f64x2.add(f64x2.add(v128.load(high + slots(at)), v128.load(low + slots(at))), v128.load(close + slots(at))), three);
    let v = v128.load(volume + slots(at));
    if (at != i) {
      typical = f64x2.shuffle(typical, typical, 1, 1);
      v = f64x2.shuffle(v, v, 1, 1);
    }
    const change = f64x2.sub(typical, f64x2.shuffle(last, typical, 1, 2));
    const flow = f64x2.mul(typical, v);
    const positive = v128.and(flow, f64x2.gt(change, zero));
    const negative = v128.and(flow, f64x2.lt(change, zero));
    undefinedLanes = v128.or(undefinedLanes, v128.or(f64x2.ne(positive, positive), f64x2.ne(negative, negative)));
    v128.store(lanes + (<usize>(i - 1) << 4), f64x2.shuffle(positive, negative, 0, 2));
    if (i + 1 < len) v128.store(lanes + (<usize>i << 4), f64x2.shuffle(positive, negative, 1, 3));
    last = typical;
  }
  return !v128.any_true(undefinedLanes);
}

/** 100 * (positive / (positive + negative)) of each mean pair, NaN where the sum is 0; two bars at a time. */
function ratioLanes(means: usize, dst: usize, len: i32): void {
  const hundred = f64x2.splat(100.0);
  const zero = f64x2.splat(0);
  const undefinedValue = f64x2.splat(NaN);
  let q: i32 = 0;
  for (; q + 1 < len; q += 2) {
    const first = v128.load(means + (<usize>q << 4));
    const second = v128.load(means + (<usize>(q + 1) << 4));
    const positive = f64x2.shuffle(first, second, 0, 2);
    const total = f64x2.add(positive, f64x2.shuffle(first, second, 1, 3));
    stv(dst, q, v128.bitselect(undefinedValue, f64x2.mul(hundred, f64x2.div(positive, total)), f64x2.eq(total, zero)));
  }
  if (q < len) {
    const pair = v128.load(means + (<usize>q << 4));
    const positive = f64x2.extract_lane(pair, 0);
    const total = positive + f64x2.extract_lane(pair, 1);
    st(dst, q, total == 0 ? NaN : 100.0 * (positive / total));
  }
}

/** Runs the reference's passes over one series, for any NaN pattern. Scratch: 4 * len + 2 * (n + 1) slots. */
function plainSeries(high: usize, low: usize, close: usize, volume: usize, out: usize, len: i32, n: i32, scratch: usize): void {
  const positive = scratch;
  const negative = scratch + slots(len);
  const work = scratch + slots(2 * len);
  let previous: f64 = 0;
  for (let i: i32 = 0; i < len; i++) {
    const typical = (ld(high, i) + ld(low, i) + ld(close, i)) / 3.0;
    const flow = typical * ld(volume, i);
    if (i == 0) {
      st(positive, i, NaN);
      st(negative, i, NaN);
    } else {
      const change = typical - previous;
      st(positive, i, change > 0 ? flow : 0);
      st(negative, i, change < 0 ? flow : 0);
    }
    previous = typical;
  }

  windowMeanSeries(positive, out, len, n, work);
  windowMeanSeries(negative, positive, len, n, work);
  for (let i: i32 = 0; i < len; i++) {
    const pos = ld(out, i);
    const total = pos + ld(positive, i);
    st(out, i, total == 0 ? NaN : 100.0 * (pos / total));
  }
}
