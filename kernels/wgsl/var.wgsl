// var(n) of close, TA-Lib's VAR: the population variance of the last n closes; the mirror of
// src/reference/var.ts. Split over bars (lane_bars). params: n, ratings profile, conventions.
// Scratch: none.

fn run_series(s: u32) {
  let start = series_start(s);
  let bars = lane_bars(i32(series_length(s)));
  variance_bars(input_column(0u) + start, output_column(0u) + start, bars.x, bars.y, param_i32(0u));
}
