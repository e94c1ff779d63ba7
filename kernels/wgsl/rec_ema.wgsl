// rec_ema(n): the vote of close against Pine's ema(close, n); the mirror of
// src/reference/rec_ema.ts. params: n, ratings profile, conventions. Scratch: none.

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  let close = input_column(0u) + start;
  let out = output_column(0u) + start;
  ema_series(close, out, len, param_i32(0u));
  rating_ma_vote_in_place(close, out, len);
}
