// ret(n) of close: (close - close[n]) / close[n]; the mirror of kernels/as/ret.ts and
// src/reference/ret.ts. params: n, ratings profile, conventions. Split over bars (lane_bars).
// Scratch: none.

fn run_series(s: u32) {
  let start = series_start(s);
  let bars = lane_bars(i32(series_length(s)));
  return_bars(input_column(0u) + start, output_column(0u) + start, bars.x, bars.y, param_i32(0u));
}
