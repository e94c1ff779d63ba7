// bbands(n, mult) of close; the mirror of src/reference/bbands.ts and kernels/as/bbands.ts.
// params: n, mult, ratings profile, conventions. Scratch: 6 * (n + 1) + 4 * maxLength slots.

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  let close = input_column(0u) + start;
  let upper = output_column(0u) + start;
  let middle = output_column(1u) + start;
  let lower = output_column(2u) + start;
  let n = param_i32(0u);
  let mult = param(1u);
  if (!f64_eq(param(3u), F64_ONE)) {
    window_bands_series(close, upper, middle, lower, len, n, mult, scratch_of(s));
    return;
  }
  // Pine's ta.bb: upper contains the squares, then lower their rolling sum, until the bands
  // overwrite them.
  let count_f = f64_from_i32(n);
  let ring = scratch_of(s);
  sum_series(close, middle, len, n, ring);
  for (var i = 0; i < len; i++) {
    st_at(upper, i, f64_mul(ld_at(close, i), ld_at(close, i)));
  }
  sum_series(upper, lower, len, n, ring);
  for (var i = 0; i < len; i++) {
    let mean = f64_div(ld_at(middle, i), count_f);
    let variance = f64_sub(f64_div(ld_at(lower, i), count_f), f64_mul(mean, mean));
    let clamped = select(variance, F64_POSITIVE_ZERO, f64_lt(variance, F64_POSITIVE_ZERO));
    let width = f64_mul(mult, f64_sqrt(clamped));
    st_at(middle, i, mean);
    st_at(upper, i, f64_add(mean, width));
    st_at(lower, i, f64_sub(mean, width));
  }
}
