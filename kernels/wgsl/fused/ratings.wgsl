// The ratings family in one pass over each series: recommend_ma, recommend_other,
// recommend_all, their bands (recommend_label) and the member votes (rec_*) that a run asks for
// together, each member computed once. src/webgpu/fusion.ts builds the call and checks that
// every column it routes here has the parameters of the member it reads.
//
// Inputs: high, low, close, volume. params: the ratings profile, the number n of output
// columns, then the role of each column:
//   0, 1, 2   recommend_all, recommend_ma, recommend_other
//   3, 4, 5   the band of recommend_all, recommend_ma, recommend_other
//   10 + k    vote k of recommend_other, in the order of rating_oscillator_vote_series
//   30 + m    vote of member m of recommend_ma, in the order of rating_ma_member_vote_series
// Scratch: 13 * maxLength + 64 slots.

fn fused_role(k: i32) -> i32 {
  return param_i32(2u + u32(k));
}

// Returns whether some output column has a role from `first` to `last`.
fn fused_wants(first: i32, last: i32) -> bool {
  let n = param_i32(1u);
  for (var k = 0; k < n; k++) {
    let role = fused_role(k);
    if (role >= first && role <= last) {
      return true;
    }
  }
  return false;
}

// Writes `source` into every output column of role `role`, or its band into those of role
// `band_role`.
fn fused_emit(role: i32, band_role: i32, source: u32, start: u32, len: i32) {
  let n = param_i32(1u);
  for (var k = 0; k < n; k++) {
    let wanted = fused_role(k);
    if (wanted != role && wanted != band_role) {
      continue;
    }
    let out = output_column(u32(k)) + start;
    for (var i = 0; i < len; i++) {
      let value = ld_at(source, i);
      st_at(out, i, select(value, rating_band(value), wanted == band_role));
    }
  }
}

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  let high = input_column(0u) + start;
  let low = input_column(1u) + start;
  let close = input_column(2u) + start;
  let volume = input_column(3u) + start;
  let profile = param(0u);
  let scratch = scratch_of(s);
  let ma = scratch;
  let other = scratch + u32(len);
  let sum = scratch + u32(2 * len);
  let count = scratch + u32(3 * len);
  let vote = scratch + u32(4 * len);
  let work = scratch + u32(5 * len);
  let want_all = fused_wants(0, 0) || fused_wants(3, 3);
  let want_ma = want_all || fused_wants(1, 1) || fused_wants(4, 4);
  let want_other = want_all || fused_wants(2, 2) || fused_wants(5, 5);
  // A vote column joins the call only with a rating of its family, so each family runs
  // whenever one of its ratings is wanted and only then.
  if (want_ma) {
    rating_clear_votes(sum, count, len);
    for (var member = 0; member < 15; member++) {
      rating_ma_member_vote_series(member, high, low, close, volume, vote, len, profile, work);
      fused_emit(30 + member, -1, vote, start, len);
      rating_add_votes(vote, sum, count, len);
    }
    rating_mean_votes(sum, count, ma, len);
    fused_emit(1, 4, ma, start, len);
  }
  if (want_other) {
    rating_clear_votes(sum, count, len);
    for (var k = 0; k < 11; k++) {
      rating_oscillator_vote_series(k, high, low, close, vote, len, work);
      fused_emit(10 + k, -1, vote, start, len);
      rating_add_votes(vote, sum, count, len);
    }
    rating_mean_votes(sum, count, other, len);
    fused_emit(2, 5, other, start, len);
  }
  if (want_all) {
    for (var i = 0; i < len; i++) {
      st_at(ma, i, rating_combine(ld_at(ma, i), ld_at(other, i)));
    }
    fused_emit(0, 3, ma, start, len);
  }
}
