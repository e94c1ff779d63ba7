// stddev(n, nbdev) of close, TA-Lib's STDDEV: sqrt(population variance) * nbdev; the mirror
// of src/reference/stddev.ts. params: n, nbdev, ratings profile, conventions. Scratch: none.

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  let out = output_column(0u) + start;
  let nbdev = param(1u);
  variance_series(input_column(0u) + start, out, len, param_i32(0u));
  for (var i = 0; i < len; i++) {
    st_at(out, i, f64_mul(f64_sqrt(ld_at(out, i)), nbdev));
  }
}
