// rec_mom: the Momentum(10) vote of recommend_other, with Pine's definitions; the mirror of
// src/reference/rec_mom.ts through lib-ratings.wgsl. params: ratings profile, conventions
// (neither changes the vote). Scratch: 8 * maxLength + 64 slots.

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  let close = input_column(2u) + start;
  let out = output_column(0u) + start;
  rating_mom_vote_series(close, out, len);
}
