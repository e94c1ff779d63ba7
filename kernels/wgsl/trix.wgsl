// TRIX: the one-bar rate of change in percent, (x / x[1] - 1) * 100, of the triple EMA of
// close, 0 where the earlier EMA is 0; the mirror of src/reference/trix.ts (kernels/as/trix.ts
// runs the same operations two series at a time). params: n, ratings profile, conventions.
// Scratch: maxLength slots.

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  let out = output_column(0u) + start;
  let n = param_i32(0u);
  let tmp = scratch_of(s);
  // close -> out -> tmp -> out, from one call site to keep the shader small.
  for (var step = 0; step < 3; step++) {
    let src = select(select(tmp, out, step == 1), input_column(0u) + start, step == 0);
    let dst = select(out, tmp, step == 1);
    ema_series(src, dst, len, n);
  }
  // Newest first, so out[i - 1] still contains the EMA when out[i] is replaced.
  for (var i = len - 1; i >= 1; i--) {
    let prev = ld_at(out, i - 1);
    let value = f64_mul(f64_sub(f64_div(ld_at(out, i), prev), F64_ONE), LIB_HUNDRED);
    st_at(out, i, select(value, F64_POSITIVE_ZERO, f64_eq(prev, F64_POSITIVE_ZERO)));
  }
  if (len > 0) {
    st_at(out, 0, F64_NAN);
  }
}
