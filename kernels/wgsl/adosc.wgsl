// adosc(fast, slow): the fast minus the slow EMA of the accumulation/distribution line; the
// mirror of kernels/as/adosc.ts and src/reference/adosc.ts. TA-Lib seeds both EMAs with the
// line's bar 0; Pine's ta.ema seeds each with the mean of its first values. params: fast,
// slow, ratings profile, conventions. Scratch: 2 * maxLength slots.

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  let out = output_column(0u) + start;
  let fast = param_i32(0u);
  let slow = param_i32(1u);
  let pine = is_trading_view(2u);
  let line = scratch_of(s);
  money_flow_volume_series(input_column(0u) + start, input_column(1u) + start, input_column(2u) + start, input_column(3u) + start, line, len, pine);
  cumulative_series(line, line, len);
  if (pine) {
    let slow_average = line + u32(len);
    // One call site for both averages keeps the shader small.
    for (var step = 0; step < 2; step++) {
      ema_series(line, select(slow_average, out, step == 0), len, select(slow, fast, step == 0));
    }
    for (var i = 0; i < len; i++) {
      st_at(out, i, f64_sub(ld_at(out, i), ld_at(slow_average, i)));
    }
    return;
  }

  let first = select(slow, fast, fast > slow) - 1;
  let fast_k = f64_div(F64_TWO, f64_add(f64_from_i32(fast), F64_ONE));
  let slow_k = f64_div(F64_TWO, f64_add(f64_from_i32(slow), F64_ONE));
  let fast_keep = f64_sub(F64_ONE, fast_k);
  let slow_keep = f64_sub(F64_ONE, slow_k);
  var fast_average = F64_POSITIVE_ZERO;
  var slow_average = F64_POSITIVE_ZERO;
  for (var i = 0; i < len; i++) {
    let x = ld_at(line, i);
    if (i == 0) {
      fast_average = x;
      slow_average = x;
    } else {
      fast_average = f64_add(f64_mul(fast_k, x), f64_mul(fast_keep, fast_average));
      slow_average = f64_add(f64_mul(slow_k, x), f64_mul(slow_keep, slow_average));
    }
    st_at(out, i, select(f64_sub(fast_average, slow_average), F64_NAN, i < first));
  }
}
