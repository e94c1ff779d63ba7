// natr(n): Wilder's average of the true range over close, times 100, undefined where close is
// 0; the mirror of kernels/as/natr.ts and src/reference/natr.ts. params: n, ratings profile,
// conventions. Scratch: maxLength slots (the true range).

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  let close = input_column(2u) + start;
  let out = output_column(0u) + start;
  let true_range = scratch_of(s);
  true_range_series(input_column(0u) + start, input_column(1u) + start, close, true_range, len);
  rma_series(true_range, out, len, param_i32(0u));
  for (var i = 0; i < len; i++) {
    let c = ld_at(close, i);
    let value = f64_mul(f64_div(ld_at(out, i), c), LIB_HUNDRED);
    st_at(out, i, select(value, F64_NAN, f64_eq(c, F64_POSITIVE_ZERO)));
  }
}
