// TA-Lib's TRANGE; the mirror of kernels/as/trange.ts and src/reference/trange.ts. params:
// ratings profile, conventions. Split over bars (lane_bars). Scratch: none.

fn run_series(s: u32) {
  let start = series_start(s);
  let bars = lane_bars(i32(series_length(s)));
  true_range_bars(input_column(0u) + start, input_column(1u) + start, input_column(2u) + start, output_column(0u) + start, bars.x, bars.y);
}
