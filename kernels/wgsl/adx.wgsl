// adx(n) with adxr, plus_di, minus_di and dx; the mirror of kernels/as/adx.ts and
// src/reference/adx.ts. params: n, ratings profile, conventions. Scratch: 3 * maxLength slots
// (+DM, -DM, true range).

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  let high = input_column(0u) + start;
  let low = input_column(1u) + start;
  let close = input_column(2u) + start;
  let adx_out = output_column(0u) + start;
  let adxr_out = output_column(1u) + start;
  let plus_out = output_column(2u) + start;
  let minus_out = output_column(3u) + start;
  let dx_out = output_column(4u) + start;
  let n = param_i32(0u);
  let pine = is_trading_view(1u);
  let plus_dm = scratch_of(s);
  let minus_dm = plus_dm + u32(len);
  let true_range = plus_dm + u32(2 * len);

  directional_movement_series(high, low, plus_dm, minus_dm, len, pine);
  true_range_series(high, low, close, true_range, len);
  if (!pine && len > 0) {
    st_at(true_range, 0, F64_POSITIVE_ZERO);
  }
  // Wilder's averages of +DM, -DM and the true range, from one call site to keep the shader
  // small.
  for (var step = 0; step < 3; step++) {
    let src = select(select(true_range, minus_dm, step == 1), plus_dm, step == 0);
    let dst = select(select(dx_out, minus_out, step == 1), plus_out, step == 0);
    rma_series(src, dst, len, n);
  }

  for (var i = 0; i < len; i++) {
    let range = ld_at(dx_out, i);
    var p = F64_NAN;
    var m = F64_NAN;
    if (i >= n && f64_ne(range, F64_POSITIVE_ZERO)) {
      if (pine) {
        p = f64_div(f64_mul(LIB_HUNDRED, ld_at(plus_out, i)), range);
        m = f64_div(f64_mul(LIB_HUNDRED, ld_at(minus_out, i)), range);
      } else {
        p = f64_mul(LIB_HUNDRED, f64_div(ld_at(plus_out, i), range));
        m = f64_mul(LIB_HUNDRED, f64_div(ld_at(minus_out, i), range));
      }
    }
    st_at(plus_out, i, p);
    st_at(minus_out, i, m);
    let sum = f64_add(p, m);
    let spread = f64_abs(f64_sub(p, m));
    if (pine) {
      let ratio = f64_div(spread, select(sum, F64_ONE, f64_eq(sum, F64_POSITIVE_ZERO)));
      st_at(plus_dm, i, ratio);
      st_at(dx_out, i, f64_mul(LIB_HUNDRED, ratio));
    } else {
      let dx = f64_mul(LIB_HUNDRED, f64_div(spread, sum));
      st_at(dx_out, i, select(dx, F64_NAN, f64_eq(sum, F64_POSITIVE_ZERO)));
    }
  }

  // Pine averages the ratio (kept in plus_dm) and scales it after; TA-Lib averages dx.
  rma_series(select(dx_out, plus_dm, pine), adx_out, len, n);
  if (pine) {
    for (var i = 0; i < len; i++) {
      st_at(adx_out, i, f64_mul(LIB_HUNDRED, ld_at(adx_out, i)));
    }
  }

  let lag = n - 1;
  for (var i = 0; i < len; i++) {
    if (i >= lag) {
      st_at(adxr_out, i, f64_div(f64_add(ld_at(adx_out, i), ld_at(adx_out, i - lag)), F64_TWO));
    } else {
      st_at(adxr_out, i, F64_NAN);
    }
  }
}
