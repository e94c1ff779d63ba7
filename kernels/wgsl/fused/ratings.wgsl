// Second pass of the fused ratings job: from the 26 vote columns that
// kernels/wgsl/fused/ratings-votes.wgsl left in the series' scratch, every output column the
// run asks for, bar by bar: recommend_ma and recommend_other as the means of their members'
// defined votes (added in the members' order, as the reference does), recommend_all, the
// bands and the votes themselves. Layout, inputs and params: kernels/wgsl/lib-fused.wgsl.

// The mean of the defined votes of members `first` to `last - 1` at bar i; NaN when none is
// defined.
fn fused_mean(scratch: u32, first: i32, last: i32, len: i32, i: i32) -> vec2<u32> {
  var sum = F64_POSITIVE_ZERO;
  var count = F64_POSITIVE_ZERO;
  for (var member = first; member < last; member++) {
    let v = ld_at(fused_vote_column(scratch, member, len), i);
    if (!f64_is_nan(v)) {
      sum = f64_add(sum, v);
      count = f64_add(count, F64_ONE);
    }
  }
  return select(F64_NAN, f64_div(sum, count), f64_gt(count, F64_POSITIVE_ZERO));
}

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  let scratch = scratch_of(s);
  let n = param_i32(1u);
  let want_ma = fused_wants_ma();
  let want_other = fused_wants_other();
  for (var i = 0; i < len; i++) {
    var ratings = array<vec2<u32>, 3>(F64_NAN, F64_NAN, F64_NAN);
    if (want_ma) {
      ratings[1] = fused_mean(scratch, 0, FUSED_MA_MEMBERS, len, i);
    }
    if (want_other) {
      ratings[2] = fused_mean(scratch, FUSED_MA_MEMBERS, FUSED_MEMBERS, len, i);
    }
    ratings[0] = rating_combine(ratings[1], ratings[2]);
    for (var k = 0; k < n; k++) {
      let role = fused_role(k);
      var value: vec2<u32>;
      if (role >= 30) {
        value = ld_at(fused_vote_column(scratch, role - 30, len), i);
      } else if (role >= 10) {
        value = ld_at(fused_vote_column(scratch, FUSED_MA_MEMBERS + role - 10, len), i);
      } else if (role >= 3) {
        value = rating_band(ratings[role - 3]);
      } else {
        value = ratings[role];
      }
      st_at(output_column(u32(k)) + start, i, value);
    }
  }
}
