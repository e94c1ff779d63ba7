// var(n) of close, TA-Lib's VAR: the population variance of the last n closes; the mirror of
// src/reference/var.ts. params: n, ratings profile, conventions. Scratch: none.

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  variance_series(input_column(0u) + start, output_column(0u) + start, len, param_i32(0u));
}
