// Keltner channel: ema(close, n) plus and minus mult times Pine's atr(m); the mirror of
// kernels/as/keltner.ts and src/reference/keltner.ts. params: n, mult, m, ratings profile,
// conventions. Scratch: maxLength slots (the range and its average).

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  let high = input_column(0u) + start;
  let low = input_column(1u) + start;
  let close = input_column(2u) + start;
  let upper = output_column(0u) + start;
  let middle = output_column(1u) + start;
  let lower = output_column(2u) + start;
  let n = param_i32(0u);
  let mult = param(1u);
  let m = param_i32(2u);
  let range = scratch_of(s);
  true_range_series(high, low, close, range, len);
  // Pine's ta.atr takes high - low as the true range of bar 0.
  if (len > 0) {
    st_at(range, 0, f64_sub(ld_at(high, 0), ld_at(low, 0)));
  }
  rma_series(range, range, len, m);
  ema_series(close, middle, len, n);
  for (var i = 0; i < len; i++) {
    let width = f64_mul(mult, ld_at(range, i));
    st_at(upper, i, f64_add(ld_at(middle, i), width));
    st_at(lower, i, f64_sub(ld_at(middle, i), width));
  }
}
