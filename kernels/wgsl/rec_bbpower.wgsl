// rec_bbpower: the Bull/Bear Power(13) vote of recommend_other, with Pine's definitions; the mirror of
// src/reference/rec_bbpower.ts through lib-ratings.wgsl. params: ratings profile, conventions
// (neither changes the vote). Scratch: 8 * maxLength + 64 slots.

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  let high = input_column(0u) + start;
  let low = input_column(1u) + start;
  let close = input_column(2u) + start;
  let out = output_column(0u) + start;
  let work = scratch_of(s);
  rating_bb_power_vote_series(high, low, close, out, len, work);
}
