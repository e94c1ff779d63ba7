// rma(n) of close: Wilder's average seeded with the mean of the first n closes; the mirror of
// kernels/as/rma.ts and src/reference/rma.ts. params: n, ratings profile, conventions.
// Scratch: none.

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  rma_series(input_column(0u) + start, output_column(0u) + start, len, param_i32(0u));
}
