// Absolute price oscillator: the fast minus the slow average of close (SMA or EMA by maType);
// the mirror of kernels/as/apo.ts and src/reference/apo.ts. params: fast, slow, maType,
// ratings profile, conventions. Scratch: maxLength + 2 * (slow + 1) + 2 * maxLength slots.

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  let out = output_column(0u) + start;
  let fast = scratch_of(s);
  two_averages(input_column(0u) + start, fast, out, len, param_i32(0u), param_i32(1u), param_i32(2u), is_trading_view(3u), fast + u32(len));
  for (var i = 0; i < len; i++) {
    st_at(out, i, f64_sub(ld_at(fast, i), ld_at(out, i)));
  }
}
