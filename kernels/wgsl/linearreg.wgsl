// linearreg(n) of close: value, slope, intercept and tsf of the least-squares line through
// the last n closes; the mirror of kernels/as/linearreg.ts and src/reference/linearreg.ts.
// Split over bars (lane_bars). params: n, ratings profile, conventions. Scratch: none.

fn run_series(s: u32) {
  let start = series_start(s);
  let bars = lane_bars(i32(series_length(s)));
  linear_reg_bars(
    input_column(0u) + start,
    output_column(0u) + start,
    output_column(1u) + start,
    output_column(2u) + start,
    output_column(3u) + start,
    bars.x,
    bars.y,
    param_i32(0u),
  );
}
