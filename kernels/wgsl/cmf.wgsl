// cmf(n): the n-bar sum of Pine's money flow volume over the n-bar sum of volume, undefined
// where the volume sum is 0; the mirror of kernels/as/cmf.ts and src/reference/cmf.ts. params:
// n, ratings profile, conventions. Scratch: 2 * maxLength + n slots.

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  let volume = input_column(3u) + start;
  let out = output_column(0u) + start;
  let n = param_i32(0u);
  let flow = scratch_of(s);
  let volume_sum = flow + u32(len);
  let ring = flow + u32(2 * len);
  money_flow_volume_series(input_column(0u) + start, input_column(1u) + start, input_column(2u) + start, volume, flow, len, true);
  // One call site for both sums keeps the shader small.
  for (var step = 0; step < 2; step++) {
    sum_series(select(volume, flow, step == 0), select(volume_sum, out, step == 0), len, n, ring);
  }
  for (var i = 0; i < len; i++) {
    let total = ld_at(volume_sum, i);
    st_at(out, i, select(f64_div(ld_at(out, i), total), F64_NAN, f64_eq(total, F64_POSITIVE_ZERO)));
  }
}
