// ema(n) of close; the mirror of src/reference/ema.ts. params: n, ratings profile, conventions.
// Scratch: none.

fn run_series(s: u32) {
  let start = series_start(s);
  ema_series(input_column(0u) + start, output_column(0u) + start, i32(series_length(s)), param_i32(0u));
}
