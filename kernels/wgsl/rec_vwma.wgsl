// rec_vwma(n): the vote of close against Pine's vwma(close, n); the mirror of
// src/reference/rec_vwma.ts. params: n, ratings profile, conventions. Scratch: 2 * n slots of
// the spec's 2 * n + 6.

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  let close = input_column(0u) + start;
  let out = output_column(0u) + start;
  x_vwma_series(close, input_column(1u) + start, out, len, param_i32(0u), scratch_of(s));
  rating_ma_vote_in_place(close, out, len);
}
