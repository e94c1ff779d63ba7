// vwma(n): Pine's sma(close * volume, n) / sma(volume, n), undefined where the volume average
// is 0; the mirror of src/reference/vwma.ts. params: n, ratings profile, conventions. Scratch:
// 2 * n slots of the spec's 2 * n + 6.

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  x_vwma_series(input_column(0u) + start, input_column(1u) + start, output_column(0u) + start, len, param_i32(0u), scratch_of(s));
}
