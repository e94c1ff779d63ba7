// First pass of the fused ratings job: the vote of one member of the ratings for every bar of
// a series, one lane per member (26 lanes), into the member's vote column of the series'
// scratch. Lanes 0 to 14 are recommend_ma's members, 15 to 25 the oscillators of
// recommend_other; a lane whose family no output needs returns at once. Layout, inputs and
// params: kernels/wgsl/lib-fused.wgsl.

fn run_series(s: u32) {
  let member = i32(lane());
  let start = series_start(s);
  let len = i32(series_length(s));
  let scratch = scratch_of(s);
  let vote = fused_vote_column(scratch, member, len);
  let work = fused_member_work(scratch, member, len);
  let high = input_column(0u) + start;
  let low = input_column(1u) + start;
  let close = input_column(2u) + start;
  if (member < FUSED_MA_MEMBERS) {
    if (fused_wants_ma()) {
      rating_ma_member_vote_series(member, high, low, close, input_column(3u) + start, vote, len, param(0u), work);
    }
  } else if (fused_wants_other()) {
    rating_oscillator_vote_series(member - FUSED_MA_MEMBERS, high, low, close, vote, len, work);
  }
}
