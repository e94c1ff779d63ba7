// willr(n); the mirror of kernels/as/willr.ts and src/reference/willr.ts. Split over bars
// (lane_bars). params: n, ratings profile, conventions. Scratch: none.

fn run_series(s: u32) {
  let start = series_start(s);
  let bars = lane_bars(i32(series_length(s)));
  willr_bars(input_column(2u) + start, input_column(0u) + start, input_column(1u) + start, output_column(0u) + start, bars.x, bars.y, param_i32(0u), is_trading_view(1u));
}
