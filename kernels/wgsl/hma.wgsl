// Hull moving average of close: wma(2 * wma(close, n / 2) - wma(close, n), floor(sqrt(n)))
// with Pine's wma; the mirror of src/reference/hma.ts. params: n, ratings profile,
// conventions. Scratch: 3 * maxLength slots.

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  x_hma_series(input_column(0u) + start, output_column(0u) + start, len, param_i32(0u), scratch_of(s));
}
