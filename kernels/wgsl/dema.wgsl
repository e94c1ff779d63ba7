// dema(n) of close as TA-Lib computes it: 2 * ema(close, n) - ema(ema(close, n), n); the
// mirror of src/reference/dema.ts (kernels/as/dema.ts runs the same operations two series at
// a time). params: n, ratings profile, conventions. Scratch: maxLength slots.

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  let out = output_column(0u) + start;
  let n = param_i32(0u);
  let first = scratch_of(s);
  // ema(close), then its ema into `out`, from one call site to keep the shader small.
  for (var step = 0; step < 2; step++) {
    ema_series(select(first, input_column(0u) + start, step == 0), select(out, first, step == 0), len, n);
  }
  for (var i = 0; i < len; i++) {
    st_at(out, i, f64_sub(f64_mul(F64_TWO, ld_at(first, i)), ld_at(out, i)));
  }
}
