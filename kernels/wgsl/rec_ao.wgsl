// rec_ao: the Awesome Oscillator vote of recommend_other, with Pine's definitions; the mirror of
// src/reference/rec_ao.ts through lib-ratings.wgsl. params: ratings profile, conventions
// (neither changes the vote). Scratch: 8 * maxLength + 64 slots.

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  let high = input_column(0u) + start;
  let low = input_column(1u) + start;
  let out = output_column(0u) + start;
  let work = scratch_of(s);
  rating_ao_vote_series(high, low, out, len, work);
}
