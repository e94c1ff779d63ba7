// Building blocks of the trend and volume kernels: the mirror of kernels/as/lib-trend.ts and
// src/reference/lib-trend.ts on u32 addresses, operation for operation.

// +DM and -DM from bar 1 by TA-Lib's rule or Pine's tolerant one; bar 0 is 0 (TA-Lib) or NaN
// (Pine).
fn directional_movement_series(high: u32, low: u32, plus: u32, minus: u32, len: i32, pine: bool) {
  if (len > 0) {
    st_at(plus, 0, select(F64_POSITIVE_ZERO, F64_NAN, pine));
    st_at(minus, 0, select(F64_POSITIVE_ZERO, F64_NAN, pine));
  }
  for (var i = 1; i < len; i++) {
    let up = f64_sub(ld_at(high, i), ld_at(high, i - 1));
    let down = f64_sub(ld_at(low, i - 1), ld_at(low, i));
    var p = F64_POSITIVE_ZERO;
    var m = F64_POSITIVE_ZERO;
    if (pine) {
      if (greater(up, down) && greater(up, F64_POSITIVE_ZERO)) {
        p = up;
      }
      if (greater(down, up) && greater(down, F64_POSITIVE_ZERO)) {
        m = down;
      }
    } else if (f64_gt(down, F64_POSITIVE_ZERO) && f64_lt(up, down)) {
      m = down;
    } else if (f64_gt(up, F64_POSITIVE_ZERO) && f64_gt(up, down)) {
      p = up;
    }
    st_at(plus, i, p);
    st_at(minus, i, m);
  }
}

// Money flow volume per bar: TA-Lib's AD term ((c - l) - (h - c)) / (h - l) * volume, 0 unless
// h - l > 0, or Pine's `ta.accdist` term (2c - l - h) / (h - l) * volume, 0 on a zero range.
fn money_flow_volume_series(high: u32, low: u32, close: u32, volume: u32, dst: u32, len: i32, pine: bool) {
  for (var i = 0; i < len; i++) {
    let h = ld_at(high, i);
    let l = ld_at(low, i);
    let c = ld_at(close, i);
    let range = f64_sub(h, l);
    if (pine) {
      let flow = f64_mul(f64_div(f64_sub(f64_sub(f64_mul(F64_TWO, c), l), h), range), ld_at(volume, i));
      st_at(dst, i, select(flow, F64_POSITIVE_ZERO, f64_eq(range, F64_POSITIVE_ZERO)));
    } else {
      let flow = f64_mul(f64_div(f64_sub(f64_sub(c, l), f64_sub(h, c)), range), ld_at(volume, i));
      st_at(dst, i, select(F64_POSITIVE_ZERO, flow, f64_gt(range, F64_POSITIVE_ZERO)));
    }
  }
}

// Running total from bar 0 in bar order; `dst` may be `src`.
fn cumulative_series(src: u32, dst: u32, len: i32) {
  var total = F64_POSITIVE_ZERO;
  for (var i = 0; i < len; i++) {
    total = f64_add(total, ld_at(src, i));
    st_at(dst, i, total);
  }
}
