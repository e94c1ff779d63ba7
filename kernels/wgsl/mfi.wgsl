// mfi(n): 100 * positive / (positive + negative) money flow over the last n bars, undefined
// where both are 0; the mirror of kernels/as/mfi.ts and src/reference/mfi.ts. params: n,
// ratings profile, conventions. Scratch: 4 * maxLength + 2 * (n + 1) slots.

const MFI_THREE = vec2<u32>(0x00000000u, 0x40080000u); // 3.0

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  let high = input_column(0u) + start;
  let low = input_column(1u) + start;
  let close = input_column(2u) + start;
  let volume = input_column(3u) + start;
  let out = output_column(0u) + start;
  let n = param_i32(0u);
  let positive = scratch_of(s);
  let negative = positive + u32(len);
  let work = positive + u32(2 * len);
  var previous = F64_POSITIVE_ZERO;
  for (var i = 0; i < len; i++) {
    let typical = f64_div(f64_add(f64_add(ld_at(high, i), ld_at(low, i)), ld_at(close, i)), MFI_THREE);
    let flow = f64_mul(typical, ld_at(volume, i));
    if (i == 0) {
      st_at(positive, i, F64_NAN);
      st_at(negative, i, F64_NAN);
    } else {
      let change = f64_sub(typical, previous);
      st_at(positive, i, select(F64_POSITIVE_ZERO, flow, f64_gt(change, F64_POSITIVE_ZERO)));
      st_at(negative, i, select(F64_POSITIVE_ZERO, flow, f64_lt(change, F64_POSITIVE_ZERO)));
    }
    previous = typical;
  }

  // The negative mean overwrites the positive flows, whose mean is already in `out`. One call
  // site keeps the shader small.
  for (var step = 0; step < 2; step++) {
    window_mean_series(select(negative, positive, step == 0), select(positive, out, step == 0), len, n, work);
  }
  for (var i = 0; i < len; i++) {
    let pos = ld_at(out, i);
    let total = f64_add(pos, ld_at(positive, i));
    let value = f64_mul(LIB_HUNDRED, f64_div(pos, total));
    st_at(out, i, select(value, F64_NAN, f64_eq(total, F64_POSITIVE_ZERO)));
  }
}
