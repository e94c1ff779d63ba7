// stddev(n, nbdev) of close, TA-Lib's STDDEV: sqrt(population variance) * nbdev; the mirror
// of src/reference/stddev.ts. Split over bars (lane_bars). params: n, nbdev, ratings profile,
// conventions. Scratch: none.

fn run_series(s: u32) {
  let start = series_start(s);
  let bars = lane_bars(i32(series_length(s)));
  let out = output_column(0u) + start;
  let nbdev = param(1u);
  variance_bars(input_column(0u) + start, out, bars.x, bars.y, param_i32(0u));
  for (var i = bars.x; i < bars.y; i++) {
    st_at(out, i, f64_mul(f64_sqrt(ld_at(out, i)), nbdev));
  }
}
