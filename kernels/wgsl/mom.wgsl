// mom(n) of close: close - close[n]; the mirror of kernels/as/mom.ts and src/reference/mom.ts.
// params: n, ratings profile, conventions. Split over bars (lane_bars). Scratch: none.

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  let close = input_column(0u) + start;
  let out = output_column(0u) + start;
  let n = param_i32(0u);
  let bars = lane_bars(len);
  for (var i = bars.x; i < bars.y; i++) {
    if (i < n) {
      st_at(out, i, F64_NAN);
    } else {
      st_at(out, i, f64_sub(ld_at(close, i), ld_at(close, i - n)));
    }
  }
}
