// Parabolic SAR: TA-Lib's SAR under the talib conventions and Pine's ta.sar under
// tradingview; the mirror of kernels/as/sar.ts and src/reference/sar.ts. params: acceleration,
// maximum, ratings profile, conventions. Scratch: none.

fn sar_talib(high: u32, low: u32, out: u32, len: i32, acceleration: vec2<u32>, maximum: vec2<u32>) {
  let step = select(acceleration, maximum, f64_gt(acceleration, maximum));
  var af = step;
  let up = f64_sub(ld_at(high, 1), ld_at(high, 0));
  let down = f64_sub(ld_at(low, 0), ld_at(low, 1));
  var is_long = !(f64_gt(down, F64_POSITIVE_ZERO) && f64_lt(up, down));
  var ep = select(ld_at(low, 1), ld_at(high, 1), is_long);
  var sar = select(ld_at(high, 0), ld_at(low, 0), is_long);
  var new_low = ld_at(low, 1);
  var new_high = ld_at(high, 1);
  for (var i = 1; i < len; i++) {
    let prev_low = new_low;
    let prev_high = new_high;
    new_low = ld_at(low, i);
    new_high = ld_at(high, i);
    if (is_long) {
      if (f64_le(new_low, sar)) {
        is_long = false;
        sar = ep;
        if (f64_lt(sar, prev_high)) { sar = prev_high; }
        if (f64_lt(sar, new_high)) { sar = new_high; }
        st_at(out, i, sar);
        af = step;
        ep = new_low;
        sar = f64_add(sar, f64_mul(af, f64_sub(ep, sar)));
        if (f64_lt(sar, prev_high)) { sar = prev_high; }
        if (f64_lt(sar, new_high)) { sar = new_high; }
      } else {
        st_at(out, i, sar);
        if (f64_gt(new_high, ep)) {
          ep = new_high;
          af = f64_add(af, step);
          if (f64_gt(af, maximum)) { af = maximum; }
        }
        sar = f64_add(sar, f64_mul(af, f64_sub(ep, sar)));
        if (f64_gt(sar, prev_low)) { sar = prev_low; }
        if (f64_gt(sar, new_low)) { sar = new_low; }
      }
    } else if (f64_ge(new_high, sar)) {
      is_long = true;
      sar = ep;
      if (f64_gt(sar, prev_low)) { sar = prev_low; }
      if (f64_gt(sar, new_low)) { sar = new_low; }
      st_at(out, i, sar);
      af = step;
      ep = new_high;
      sar = f64_add(sar, f64_mul(af, f64_sub(ep, sar)));
      if (f64_gt(sar, prev_low)) { sar = prev_low; }
      if (f64_gt(sar, new_low)) { sar = new_low; }
    } else {
      st_at(out, i, sar);
      if (f64_lt(new_low, ep)) {
        ep = new_low;
        af = f64_add(af, step);
        if (f64_gt(af, maximum)) { af = maximum; }
      }
      sar = f64_add(sar, f64_mul(af, f64_sub(ep, sar)));
      if (f64_lt(sar, prev_high)) { sar = prev_high; }
      if (f64_lt(sar, new_high)) { sar = new_high; }
    }
  }
}

fn sar_pine(high: u32, low: u32, close: u32, out: u32, len: i32, acceleration: vec2<u32>, maximum: vec2<u32>) {
  var is_below = f64_gt(ld_at(close, 1), ld_at(close, 0));
  var extreme = select(ld_at(low, 1), ld_at(high, 1), is_below);
  var result = select(ld_at(high, 0), ld_at(low, 0), is_below);
  var af = acceleration;
  for (var i = 1; i < len; i++) {
    let h = ld_at(high, i);
    let l = ld_at(low, i);
    var first_trend_bar = i == 1;
    result = f64_add(result, f64_mul(af, f64_sub(extreme, result)));
    if (is_below) {
      if (f64_gt(result, l)) {
        first_trend_bar = true;
        is_below = false;
        result = select(h, extreme, f64_lt(h, extreme));
        extreme = l;
        af = acceleration;
      }
    } else if (f64_lt(result, h)) {
      first_trend_bar = true;
      is_below = true;
      result = select(l, extreme, f64_lt(extreme, l));
      extreme = h;
      af = acceleration;
    }
    if (!first_trend_bar) {
      if (is_below) {
        if (f64_gt(h, extreme)) {
          extreme = h;
          let next = f64_add(af, acceleration);
          af = select(maximum, next, f64_lt(next, maximum));
        }
      } else if (f64_lt(l, extreme)) {
        extreme = l;
        let next = f64_add(af, acceleration);
        af = select(maximum, next, f64_lt(next, maximum));
      }
    }
    if (is_below) {
      if (f64_lt(ld_at(low, i - 1), result)) { result = ld_at(low, i - 1); }
      if (i > 1 && f64_lt(ld_at(low, i - 2), result)) { result = ld_at(low, i - 2); }
    } else {
      if (f64_gt(ld_at(high, i - 1), result)) { result = ld_at(high, i - 1); }
      if (i > 1 && f64_gt(ld_at(high, i - 2), result)) { result = ld_at(high, i - 2); }
    }
    st_at(out, i, result);
  }
}

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  let out = output_column(0u) + start;
  if (len > 0) {
    st_at(out, 0, F64_NAN);
  }
  if (len < 2) {
    return;
  }
  let high = input_column(0u) + start;
  let low = input_column(1u) + start;
  if (is_trading_view(2u)) {
    sar_pine(high, low, input_column(2u) + start, out, len, param(0u), param(1u));
  } else {
    sar_talib(high, low, out, len, param(0u), param(1u));
  }
}
