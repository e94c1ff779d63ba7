// Shared by the two passes of the fused ratings job (src/webgpu/fusion.ts):
// kernels/wgsl/fused/ratings-votes.wgsl computes the votes of the 26 members of the ratings,
// one lane per member, and kernels/wgsl/fused/ratings.wgsl combines them into the columns the
// run asks for.
//
// Inputs: high, low, close, volume. params: the ratings profile, the number n of output
// columns, then the role of each column:
//   0, 1, 2   recommend_all, recommend_ma, recommend_other
//   3, 4, 5   the band of recommend_all, recommend_ma, recommend_other
//   10 + k    vote k of recommend_other, in the order of rating_oscillator_vote_series
//   30 + m    vote of member m of recommend_ma, in the order of rating_ma_member_vote_series
//
// A series' scratch holds the 26 vote columns (members 0 to 14 are recommend_ma's, 15 to 25
// recommend_other's), then the work slots of each member: 4 * len + 53 for each of
// recommend_ma's, 8 * len + 64 for each oscillator. 174 * len + 1499 slots in all.

const FUSED_MEMBERS = 26;
const FUSED_MA_MEMBERS = 15;

fn fused_role(k: i32) -> i32 {
  return param_i32(2u + u32(k));
}

// Returns whether some output column has one of the roles `a` to `d`, or a role from `first`
// to `last`.
fn fused_wants(a: i32, b: i32, c: i32, d: i32, first: i32, last: i32) -> bool {
  let n = param_i32(1u);
  for (var k = 0; k < n; k++) {
    let role = fused_role(k);
    if (role == a || role == b || role == c || role == d || (role >= first && role <= last)) {
      return true;
    }
  }
  return false;
}

// Whether an output needs recommend_ma's members: recommend_all, recommend_ma, their bands or
// one of the members' votes.
fn fused_wants_ma() -> bool {
  return fused_wants(0, 1, 3, 4, 30, 30 + FUSED_MA_MEMBERS - 1);
}

// Whether an output needs the oscillators: recommend_all, recommend_other, their bands or one
// of the oscillators' votes.
fn fused_wants_other() -> bool {
  return fused_wants(0, 2, 3, 5, 10, 10 + FUSED_MEMBERS - FUSED_MA_MEMBERS - 1);
}

fn fused_vote_column(scratch: u32, member: i32, len: i32) -> u32 {
  return scratch + u32(member * len);
}

fn fused_member_work(scratch: u32, member: i32, len: i32) -> u32 {
  let ma_work = 4 * len + 53;
  let base = scratch + u32(FUSED_MEMBERS * len);
  if (member < FUSED_MA_MEMBERS) {
    return base + u32(member * ma_work);
  }
  return base + u32(FUSED_MA_MEMBERS * ma_work + (member - FUSED_MA_MEMBERS) * (8 * len + 64));
}
