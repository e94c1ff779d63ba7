// atr(n); the mirror of src/reference/atr.ts and the tradingview path of kernels/as/atr.ts.
// params: n, ratings profile, conventions. Scratch: maxLength slots (the true range).

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  let high = input_column(0u) + start;
  let low = input_column(1u) + start;
  let close = input_column(2u) + start;
  let true_range = scratch_of(s);
  true_range_series(high, low, close, true_range, len);
  // Pine's ta.atr takes high - low as the true range of bar 0.
  if (f64_eq(param(2u), F64_ONE) && len > 0) {
    st_at(true_range, 0, f64_sub(ld_at(high, 0), ld_at(low, 0)));
  }
  rma_series(true_range, output_column(0u) + start, len, param_i32(0u));
}
