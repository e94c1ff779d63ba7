// willr(n); the mirror of kernels/as/willr.ts and src/reference/willr.ts. params: n, ratings
// profile, conventions. Scratch: none.

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  willr_series(input_column(2u) + start, input_column(0u) + start, input_column(1u) + start, output_column(0u) + start, len, param_i32(0u), is_trading_view(1u));
}
