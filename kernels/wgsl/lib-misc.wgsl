// Building blocks of the miscellaneous indicators: the mirror of kernels/as/lib-misc.ts and
// src/reference/lib-misc.ts on u32 addresses, each output with the reference's binary64
// operations in the same order. Buffers come from the caller's scratch.

// Population variance of the last n values at bars [first, end), two passes around the
// window's newest value. Each bar reads only its own window, so any split of a series into
// ranges gives the same bits.
fn variance_bars(src: u32, dst: u32, first: i32, end: i32, n: i32) {
  let count = f64_from_i32(n);
  fill_nan(dst, first, min_i32(n - 1, end));
  for (var i = max(n - 1, first); i < end; i++) {
    let anchor = ld_at(src, i);
    var sum = F64_POSITIVE_ZERO;
    for (var j = i - n + 1; j <= i; j++) {
      sum = f64_add(sum, f64_sub(ld_at(src, j), anchor));
    }
    let mean = f64_div(sum, count);
    var squares = F64_POSITIVE_ZERO;
    for (var j = i - n + 1; j <= i; j++) {
      let d = f64_sub(f64_sub(ld_at(src, j), anchor), mean);
      squares = f64_add(squares, f64_mul(d, d));
    }
    st_at(dst, i, f64_div(squares, count));
  }
}

// TA-Lib's KAMA with the volatility summed over each window's own changes. The smoothing
// constants 2 / 31 and 2 / 3 - 2 / 31 are computed as the reference's constant expressions are.
fn kama_series(src: u32, dst: u32, len: i32, n: i32) {
  let slow = f64_div(F64_TWO, f64_from_i32(31));
  let spread = f64_sub(f64_div(F64_TWO, f64_from_i32(3)), slow);
  var prev = F64_NAN;
  if (n - 1 < len) {
    prev = ld_at(src, n - 1);
  }
  fill_nan(dst, 0, min_i32(n, len));
  for (var i = n; i < len; i++) {
    let x = ld_at(src, i);
    let change = f64_sub(x, ld_at(src, i - n));
    var volatility = F64_POSITIVE_ZERO;
    for (var j = i - n + 1; j <= i; j++) {
      volatility = f64_add(volatility, f64_abs(f64_sub(ld_at(src, j), ld_at(src, j - 1))));
    }
    var ratio = F64_ONE;
    if (!(f64_le(volatility, change) || f64_eq(volatility, F64_POSITIVE_ZERO))) {
      ratio = f64_abs(f64_div(change, volatility));
    }
    var sc = f64_add(f64_mul(ratio, spread), slow);
    sc = f64_mul(sc, sc);
    prev = f64_add(f64_mul(f64_sub(x, prev), sc), prev);
    st_at(dst, i, prev);
  }
}

// Least-squares line through the last n values, x = 0 (oldest) to n - 1, with y taken
// relative to the newest value: value, slope, intercept and forecast (tsf), at bars [first,
// end). Each bar reads only its own window.
fn linear_reg_bars(src: u32, value: u32, slope: u32, intercept: u32, forecast: u32, first: i32, end: i32, n: i32) {
  let count = f64_from_i32(n);
  let sum_x = f64_div(f64_mul(count, f64_sub(count, F64_ONE)), F64_TWO);
  let sum_xx = f64_div(f64_mul(f64_mul(count, f64_sub(count, F64_ONE)), f64_sub(f64_mul(F64_TWO, count), F64_ONE)), f64_from_i32(6));
  let divisor = f64_sub(f64_mul(count, sum_xx), f64_mul(sum_x, sum_x));
  let last = f64_from_i32(n - 1);
  let head = min_i32(n - 1, end);
  fill_nan(value, first, head);
  fill_nan(slope, first, head);
  fill_nan(intercept, first, head);
  fill_nan(forecast, first, head);
  for (var i = max(n - 1, first); i < end; i++) {
    let anchor = ld_at(src, i);
    let oldest = i - n + 1;
    var sum_y = F64_POSITIVE_ZERO;
    var sum_xy = F64_POSITIVE_ZERO;
    for (var k = 0; k < n; k++) {
      let y = f64_sub(ld_at(src, oldest + k), anchor);
      sum_y = f64_add(sum_y, y);
      sum_xy = f64_add(sum_xy, f64_mul(f64_from_i32(k), y));
    }
    let m = f64_div(f64_sub(f64_mul(count, sum_xy), f64_mul(sum_x, sum_y)), divisor);
    let b = f64_div(f64_sub(sum_y, f64_mul(m, sum_x)), count);
    st_at(value, i, f64_add(anchor, f64_add(b, f64_mul(m, last))));
    st_at(slope, i, m);
    st_at(intercept, i, f64_add(anchor, b));
    st_at(forecast, i, f64_add(anchor, f64_add(b, f64_mul(m, count))));
  }
}

// Highest defined value among the last n bars: the van Herk/Gil-Werman blocks of
// highestSeries in src/reference/lib.ts, ties keeping the older value. `suffix`: n + 1 slots.
fn highest_series(src: u32, dst: u32, len: i32, n: i32, suffix: u32) {
  for (var j = 0; j <= n; j++) {
    st_at(suffix, j, F64_NEGATIVE_INFINITY);
  }
  var last_defined = -n - 1;
  for (var start = 0; start < len; start += n) {
    let end = min_i32(start + n, len);
    var prefix = F64_NEGATIVE_INFINITY;
    for (var i = start; i < end; i++) {
      let v = ld_at(src, i);
      if (!f64_is_nan(v)) {
        last_defined = i;
        if (f64_lt(prefix, v)) {
          prefix = v;
        }
      }
      let older = ld_at(suffix, i - start + 1);
      let highest = select(older, prefix, f64_lt(older, prefix));
      st_at(dst, i, select(F64_NAN, highest, i >= n - 1 && last_defined > i - n));
    }
    var highest = F64_NEGATIVE_INFINITY;
    for (var i = end - 1; i >= start; i--) {
      let v = ld_at(src, i);
      if (!f64_is_nan(v) && !f64_lt(v, highest)) {
        highest = v;
      }
      st_at(suffix, i - start, highest);
    }
  }
}

// Lowest defined value among the last n bars, mirroring `highest_series`. `suffix`: n + 1
// slots.
fn lowest_series(src: u32, dst: u32, len: i32, n: i32, suffix: u32) {
  for (var j = 0; j <= n; j++) {
    st_at(suffix, j, F64_POSITIVE_INFINITY);
  }
  var last_defined = -n - 1;
  for (var start = 0; start < len; start += n) {
    let end = min_i32(start + n, len);
    var prefix = F64_POSITIVE_INFINITY;
    for (var i = start; i < end; i++) {
      let v = ld_at(src, i);
      if (!f64_is_nan(v)) {
        last_defined = i;
        if (f64_lt(v, prefix)) {
          prefix = v;
        }
      }
      let older = ld_at(suffix, i - start + 1);
      let lowest = select(older, prefix, f64_lt(prefix, older));
      st_at(dst, i, select(F64_NAN, lowest, i >= n - 1 && last_defined > i - n));
    }
    var lowest = F64_POSITIVE_INFINITY;
    for (var i = end - 1; i >= start; i--) {
      let v = ld_at(src, i);
      if (!f64_is_nan(v) && !f64_lt(lowest, v)) {
        lowest = v;
      }
      st_at(suffix, i - start, lowest);
    }
  }
}

// (highest(high, n) + lowest(low, n)) / 2. Scratch: len + n + 1 slots.
fn mid_range_series(high: u32, low: u32, dst: u32, len: i32, n: i32, scratch: u32) {
  let lowest = scratch;
  let suffix = scratch + u32(len);
  highest_series(high, dst, len, n, suffix);
  lowest_series(low, lowest, len, n, suffix);
  for (var i = 0; i < len; i++) {
    st_at(dst, i, f64_div(f64_add(ld_at(dst, i), ld_at(lowest, i)), F64_TWO));
  }
}

// (x - x[n]) / x[n] at bars [first, end), undefined before bar n and where x[n] is 0.
fn return_bars(src: u32, dst: u32, first: i32, end: i32, n: i32) {
  fill_nan(dst, first, min_i32(n, end));
  for (var i = max(n, first); i < end; i++) {
    let base = ld_at(src, i - n);
    let change = f64_div(f64_sub(ld_at(src, i), base), base);
    st_at(dst, i, select(change, F64_NAN, f64_eq(base, F64_POSITIVE_ZERO)));
  }
}
