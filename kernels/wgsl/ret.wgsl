// ret(n) of close: (close - close[n]) / close[n]; the mirror of kernels/as/ret.ts and
// src/reference/ret.ts. params: n, ratings profile, conventions. Scratch: none.

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  return_series(input_column(0u) + start, output_column(0u) + start, len, param_i32(0u));
}
