// Building blocks of the WGSL kernels: the mirror of the scalar code of kernels/as/lib.ts and
// of src/reference/lib.ts, operation for operation, on u32 addresses of the ABI's address space
// (abi.wgsl's ld and st). Lengths, periods and indices are i32 as in the AssemblyScript blocks.
// Each output gets the binary64 operations of the reference in the same order, so the bits
// match the other backends. `ring` and `scratch` are work addresses the caller owns.

// Pine's tolerance of its compares, 1e-10.
const LIB_PINE_TOLERANCE = vec2<u32>(0xD9D7BDBBu, 0x3DDB7CDFu);
// 100.0, the scale of oscillators.
const LIB_HUNDRED = vec2<u32>(0x00000000u, 0x40590000u);

fn ld_at(base: u32, i: i32) -> vec2<u32> {
  return ld(base + u32(i));
}

fn st_at(base: u32, i: i32, v: vec2<u32>) {
  st(base + u32(i), v);
}

fn min_i32(a: i32, b: i32) -> i32 {
  return select(b, a, a < b);
}

fn fill_nan(dst: u32, begin: i32, end: i32) {
  for (var i = begin; i < end; i++) {
    st_at(dst, i, F64_NAN);
  }
}

// Pine's tolerant a > b: a exceeds b by more than 1e-10; false when either operand is NaN.
fn greater(a: vec2<u32>, b: vec2<u32>) -> bool {
  return f64_gt(f64_sub(a, b), LIB_PINE_TOLERANCE);
}

// Pine's tolerant a < b; false when either operand is NaN.
fn less(a: vec2<u32>, b: vec2<u32>) -> bool {
  return f64_gt(f64_sub(b, a), LIB_PINE_TOLERANCE);
}

// State of a rolling compensated sum of the last n defined values (sumSeries in
// src/reference/lib.ts): the sum, its compensation, how many values the ring holds, and the
// slot of the oldest value once the ring is full.
struct RollingSum {
  sum: vec2<u32>,
  error: vec2<u32>,
  count: i32,
  head: i32,
}

fn rolling_sum_start() -> RollingSum {
  return RollingSum(F64_POSITIVE_ZERO, F64_POSITIVE_ZERO, 0, 0);
}

// Adds x to a rolling sum whose ring has n slots. Once the ring is full, the oldest value
// leaves the sum in the same compensated step as x enters it.
fn rolling_sum_push(state: ptr<function, RollingSum>, x: vec2<u32>, ring: u32, n: i32) {
  let s = (*state).sum;
  let c = (*state).error;
  if ((*state).count < n) {
    let y = f64_sub(x, c);
    let t = f64_add(s, y);
    (*state).error = f64_sub(f64_sub(t, s), y);
    (*state).sum = t;
    st_at(ring, (*state).count, y);
    (*state).count++;
    return;
  }
  let head = (*state).head;
  let y1 = f64_sub(f64_neg(ld_at(ring, head)), c);
  let t = f64_add(s, y1);
  let e1 = f64_sub(f64_sub(t, s), y1);
  let y2 = f64_sub(x, e1);
  let u = f64_add(t, y2);
  (*state).error = f64_sub(f64_sub(u, t), y2);
  (*state).sum = u;
  st_at(ring, head, y2);
  (*state).head = select(head + 1, 0, head + 1 == n);
}

// Rolling compensated sum of the last n defined values; see sumSeries in src/reference/lib.ts.
// `ring` needs n slots.
fn sum_series(src: u32, dst: u32, len: i32, n: i32, ring: u32) {
  var state = rolling_sum_start();
  for (var i = 0; i < len; i++) {
    let x = ld_at(src, i);
    if (f64_is_nan(x)) {
      st_at(dst, i, F64_NAN);
      continue;
    }
    rolling_sum_push(&state, x, ring, n);
    st_at(dst, i, select(F64_NAN, state.sum, state.count == n));
  }
}

// Divides each of dst[0, len) by `divisor`.
fn divide_series(dst: u32, len: i32, divisor: vec2<u32>) {
  for (var i = 0; i < len; i++) {
    st_at(dst, i, f64_div(ld_at(dst, i), divisor));
  }
}

fn sma_series(src: u32, dst: u32, len: i32, n: i32, ring: u32) {
  sum_series(src, dst, len, n, ring);
  divide_series(dst, len, f64_from_i32(n));
}

// EMA (alpha = 2 / (n + 1)) or Wilder's average (prev * (n - 1) + x) / n, both seeded with the
// compensated sum of the first n defined values divided by n; NaN inputs are skipped.
fn smooth_series(src: u32, dst: u32, len: i32, n: i32, alpha: vec2<u32>, wilder: bool) {
  var s = F64_POSITIVE_ZERO;
  var c = F64_POSITIVE_ZERO;
  var count = 0;
  var prev = F64_NAN;
  let count_f = f64_from_i32(n);
  let keep = f64_from_i32(n - 1);
  for (var i = 0; i < len; i++) {
    let x = ld_at(src, i);
    if (f64_is_nan(x)) {
      st_at(dst, i, F64_NAN);
      continue;
    }
    if (count < n) {
      let y = f64_sub(x, c);
      let t = f64_add(s, y);
      c = f64_sub(f64_sub(t, s), y);
      s = t;
      count++;
      if (count == n) {
        prev = f64_div(s, count_f);
        st_at(dst, i, prev);
      } else {
        st_at(dst, i, F64_NAN);
      }
    } else {
      if (wilder) {
        prev = f64_div(f64_add(f64_mul(prev, keep), x), count_f);
      } else {
        prev = f64_add(prev, f64_mul(alpha, f64_sub(x, prev)));
      }
      st_at(dst, i, prev);
    }
  }
}

fn ema_series(src: u32, dst: u32, len: i32, n: i32) {
  smooth_series(src, dst, len, n, f64_div(F64_TWO, f64_add(f64_from_i32(n), F64_ONE)), false);
}

fn rma_series(src: u32, dst: u32, len: i32, n: i32) {
  smooth_series(src, dst, len, n, F64_POSITIVE_ZERO, true);
}

// Index of the first defined value of src[0, len), or len.
fn first_defined(src: u32, len: i32) -> i32 {
  var i = 0;
  while (i < len && f64_is_nan(ld_at(src, i))) {
    i++;
  }
  return i;
}

// Returns whether src[begin, len) contains a NaN.
fn has_nan(src: u32, begin: i32, len: i32) -> bool {
  for (var i = begin; i < len; i++) {
    if (f64_is_nan(ld_at(src, i))) {
      return true;
    }
  }
  return false;
}

// Copies the defined values of src[0, len) to `packed`, in order; returns their count.
fn pack_defined(src: u32, len: i32, packed: u32) -> i32 {
  var j = 0;
  for (var i = 0; i < len; i++) {
    let x = ld_at(src, i);
    if (!f64_is_nan(x)) {
      st_at(packed, j, x);
      j++;
    }
  }
  return j;
}

// Spreads `packed`, one value per defined value of src[0, len), back over dst: NaN where src is NaN.
fn spread_defined(src: u32, packed: u32, dst: u32, len: i32) {
  var j = 0;
  for (var i = 0; i < len; i++) {
    if (!f64_is_nan(ld_at(src, i))) {
      st_at(dst, i, ld_at(packed, j));
      j++;
    } else {
      st_at(dst, i, F64_NAN);
    }
  }
}

// Pine's wma over the last n defined values, weights 1 (oldest) to n (newest), summed oldest
// first from 0 and divided by n(n+1)/2. The defined values go through `scratch` (2 * len
// slots) unless the series has no NaN after its first defined value.
fn wma_series(src: u32, dst: u32, len: i32, n: i32, scratch: u32) {
  let first = first_defined(src, len);
  if (!has_nan(src, first, len)) {
    fill_nan(dst, 0, first);
    dense_wma_series(src + u32(first), dst + u32(first), len - first, n);
    return;
  }
  let packed = scratch;
  let packed_out = scratch + u32(len);
  let count = pack_defined(src, len, packed);
  dense_wma_series(packed, packed_out, count, n);
  spread_defined(src, packed_out, dst, len);
}

// Pine's wma of src[0, len), which contains no NaN.
fn dense_wma_series(src: u32, dst: u32, len: i32, n: i32) {
  let count_f = f64_from_i32(n);
  let norm = f64_div(f64_mul(count_f, f64_add(count_f, F64_ONE)), F64_TWO);
  fill_nan(dst, 0, min_i32(n - 1, len));
  for (var i = n - 1; i < len; i++) {
    let oldest = src + u32(i - n + 1);
    var sum = F64_POSITIVE_ZERO;
    for (var w = 1; w <= n; w++) {
      sum = f64_add(sum, f64_mul(ld_at(oldest, w - 1), f64_from_i32(w)));
    }
    st_at(dst, i, f64_div(sum, norm));
  }
}

// Sets up the suffix buffer of a block-sum window (n + 1 slots): slots 0 to n - 1 NaN, so the
// windows of the first block are undefined, and slot n -0, which leaves a prefix unchanged.
fn init_suffix_buffer(buffer: u32, n: i32) {
  fill_nan(buffer, 0, n);
  st_at(buffer, n, F64_NEGATIVE_ZERO);
}

// TA-Lib's SMA by block sums; see windowMeanSeries in src/reference/lib.ts, which explains the
// method. Scratch: 2 * (n + 1) + 2 * len slots, the layout of the wasm kernels.
fn window_mean_series(src: u32, dst: u32, len: i32, n: i32, scratch: u32) {
  if (!has_nan(src, 0, len)) {
    dense_window_mean(src, dst, len, n, scratch);
    return;
  }
  let packed = scratch + u32(2 * (n + 1));
  let packed_out = packed + u32(len);
  let count = pack_defined(src, len, packed);
  dense_window_mean(packed, packed_out, count, n, scratch);
  spread_defined(src, packed_out, dst, len);
}

fn dense_window_mean(src: u32, dst: u32, len: i32, n: i32, suffix: u32) {
  let count_f = f64_from_i32(n);
  init_suffix_buffer(suffix, n);
  for (var start = 0; start < len; start += n) {
    let end = min_i32(start + n, len);
    var prefix = F64_POSITIVE_ZERO;
    for (var i = start; i < end; i++) {
      prefix = f64_add(prefix, ld_at(src, i));
      st_at(dst, i, f64_div(f64_add(ld_at(suffix, i - start + 1), prefix), count_f));
    }
    if (end - start < n || end == len) {
      continue;
    }
    var sum = F64_POSITIVE_ZERO;
    for (var i = end - 1; i >= start; i--) {
      sum = f64_add(sum, ld_at(src, i));
      st_at(suffix, i - start, sum);
    }
  }
}

// TA-Lib's WMA by block sums; see windowWmaSeries in src/reference/lib.ts. Scratch:
// 2 * (n + 1) + 2 * len slots.
fn window_wma_series(src: u32, dst: u32, len: i32, n: i32, scratch: u32) {
  if (!has_nan(src, 0, len)) {
    dense_window_wma(src, dst, len, n, scratch);
    return;
  }
  let packed = scratch + u32(2 * (n + 1));
  let packed_out = packed + u32(len);
  let count = pack_defined(src, len, packed);
  dense_window_wma(packed, packed_out, count, n, scratch);
  spread_defined(src, packed_out, dst, len);
}

fn dense_window_wma(src: u32, dst: u32, len: i32, n: i32, suffix: u32) {
  let count_f = f64_from_i32(n);
  let norm = f64_div(f64_mul(count_f, f64_add(count_f, F64_ONE)), F64_TWO);
  init_suffix_buffer(suffix, n);
  for (var start = 0; start < len; start += n) {
    let end = min_i32(start + n, len);
    var sum = F64_POSITIVE_ZERO;
    var weighted = F64_POSITIVE_ZERO;
    for (var i = start; i < end; i++) {
      let x = ld_at(src, i);
      weighted = f64_add(weighted, f64_sub(f64_mul(count_f, x), sum));
      sum = f64_add(sum, x);
      st_at(dst, i, f64_div(f64_add(ld_at(suffix, i - start + 1), weighted), norm));
    }
    if (end - start < n || end == len) {
      continue;
    }
    var tail = F64_POSITIVE_ZERO;
    var tail_weighted = F64_POSITIVE_ZERO;
    for (var i = end - 1; i >= start; i--) {
      tail = f64_add(tail, ld_at(src, i));
      tail_weighted = f64_add(tail_weighted, tail);
      st_at(suffix, i - start, tail_weighted);
    }
  }
}

// TA-Lib's BBANDS by block sums around an anchor; see windowBandsSeries in
// src/reference/lib.ts. Scratch: 6 * (n + 1) + 4 * len slots, the layout of the wasm kernels
// (three suffix buffers of n + 1 slots are used of the first 6 * (n + 1)).
fn window_bands_series(src: u32, upper: u32, middle: u32, lower: u32, len: i32, n: i32, mult: vec2<u32>, scratch: u32) {
  if (!has_nan(src, 0, len)) {
    dense_window_bands(src, upper, middle, lower, len, n, mult, scratch);
    return;
  }
  let packed = scratch + u32(6 * (n + 1));
  let packed_upper = packed + u32(len);
  let packed_middle = packed_upper + u32(len);
  let packed_lower = packed_middle + u32(len);
  let count = pack_defined(src, len, packed);
  dense_window_bands(packed, packed_upper, packed_middle, packed_lower, count, n, mult, scratch);
  spread_defined(src, packed_upper, upper, len);
  spread_defined(src, packed_middle, middle, len);
  spread_defined(src, packed_lower, lower, len);
}

fn dense_window_bands(src: u32, upper: u32, middle: u32, lower: u32, len: i32, n: i32, mult: vec2<u32>, buffers: u32) {
  let count_f = f64_from_i32(n);
  let suffix = buffers;
  let shifted_suffix = buffers + u32(n + 1);
  let squares_suffix = buffers + u32(2 * (n + 1));
  init_suffix_buffer(suffix, n);
  init_suffix_buffer(shifted_suffix, n);
  init_suffix_buffer(squares_suffix, n);
  for (var start = 0; start < len; start += n) {
    let end = min_i32(start + n, len);
    let anchor = ld_at(src, start);
    var prefix = F64_POSITIVE_ZERO;
    var shifted = F64_POSITIVE_ZERO;
    var squares = F64_POSITIVE_ZERO;
    for (var i = start; i < end; i++) {
      let k = i - start + 1;
      let x = ld_at(src, i);
      let d = f64_sub(x, anchor);
      prefix = f64_add(prefix, x);
      shifted = f64_add(shifted, d);
      squares = f64_add(squares, f64_mul(d, d));
      let sum = f64_add(ld_at(suffix, k), prefix);
      let sum_shifted = f64_add(ld_at(shifted_suffix, k), shifted);
      let sum_squares = f64_add(ld_at(squares_suffix, k), squares);
      let mean = f64_div(sum, count_f);
      let radicand = f64_sub(f64_mul(count_f, sum_squares), f64_mul(sum_shifted, sum_shifted));
      let clamped = select(radicand, F64_POSITIVE_ZERO, f64_lt(radicand, F64_POSITIVE_ZERO));
      let width = f64_mul(mult, f64_div(f64_sqrt(clamped), count_f));
      st_at(middle, i, mean);
      st_at(upper, i, f64_add(mean, width));
      st_at(lower, i, f64_sub(mean, width));
    }
    if (end - start < n || end == len) {
      continue;
    }
    // The suffix sums serve the windows of the next block, so they take its anchor.
    let next_anchor = ld_at(src, end);
    var tail = F64_POSITIVE_ZERO;
    var tail_shifted = F64_POSITIVE_ZERO;
    var tail_squares = F64_POSITIVE_ZERO;
    for (var i = end - 1; i >= start; i--) {
      let x = ld_at(src, i);
      let d = f64_sub(x, next_anchor);
      tail = f64_add(tail, x);
      tail_shifted = f64_add(tail_shifted, d);
      tail_squares = f64_add(tail_squares, f64_mul(d, d));
      st_at(suffix, i - start, tail);
      st_at(shifted_suffix, i - start, tail_shifted);
      st_at(squares_suffix, i - start, tail_squares);
    }
  }
}

// True range from bar 1: max(high - low, |high - prev close|, |low - prev close|), each
// compare keeping the earlier value on ties and NaN; NaN on bar 0.
fn true_range_series(high: u32, low: u32, close: u32, dst: u32, len: i32) {
  true_range_bars(high, low, close, dst, 0, len);
}

// The true range at bars [first, end), each from its bar and the close before.
fn true_range_bars(high: u32, low: u32, close: u32, dst: u32, first: i32, end: i32) {
  if (first == 0 && end > 0) {
    st_at(dst, 0, F64_NAN);
  }
  for (var i = max(first, 1); i < end; i++) {
    let prev_close = ld_at(close, i - 1);
    var tr = f64_sub(ld_at(high, i), ld_at(low, i));
    let up = f64_abs(f64_sub(ld_at(high, i), prev_close));
    if (f64_gt(up, tr)) {
      tr = up;
    }
    let down = f64_abs(f64_sub(ld_at(low, i), prev_close));
    if (f64_gt(down, tr)) {
      tr = down;
    }
    st_at(dst, i, tr);
  }
}

// Upward and downward changes from the previous bar, undefined on bar 0.
fn gain_loss_series(src: u32, gain: u32, loss: u32, len: i32) {
  if (len > 0) {
    st_at(gain, 0, F64_NAN);
    st_at(loss, 0, F64_NAN);
  }
  for (var i = 1; i < len; i++) {
    let change = f64_sub(ld_at(src, i), ld_at(src, i - 1));
    if (f64_is_nan(change)) {
      st_at(gain, i, F64_NAN);
      st_at(loss, i, F64_NAN);
    } else {
      st_at(gain, i, select(F64_POSITIVE_ZERO, change, f64_gt(change, F64_POSITIVE_ZERO)));
      st_at(loss, i, select(F64_POSITIVE_ZERO, f64_neg(change), f64_lt(change, F64_POSITIVE_ZERO)));
    }
  }
}

// Exact floor of the square root of a non-negative integer.
fn isqrt(n: i32) -> i32 {
  var r = f64_to_i32(f64_sqrt(f64_from_i32(n)));
  while (r * r > n) {
    r--;
  }
  while ((r + 1) * (r + 1) <= n) {
    r++;
  }
  return r;
}
