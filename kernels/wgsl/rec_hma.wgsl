// rec_hma(n): the vote of close against Pine's hma(close, n); the mirror of
// src/reference/rec_hma.ts. params: n, ratings profile, conventions. Scratch: 3 * maxLength
// slots.

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  let close = input_column(0u) + start;
  let out = output_column(0u) + start;
  x_hma_series(close, out, len, param_i32(0u), scratch_of(s));
  rating_ma_vote_in_place(close, out, len);
}
