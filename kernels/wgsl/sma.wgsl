// sma(n) of close; the mirror of kernels/as/sma.ts and src/reference/sma.ts. params: n, ratings
// profile, conventions. Scratch: 2 * (n + 1) + 2 * maxLength slots.

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  let close = input_column(0u) + start;
  let out = output_column(0u) + start;
  let n = param_i32(0u);
  if (f64_eq(param(2u), F64_ONE)) {
    sma_series(close, out, len, n, scratch_of(s));
  } else {
    window_mean_series(close, out, len, n, scratch_of(s));
  }
}
