// Percentage price oscillator: ((fast - slow) / slow) * 100 of two averages of close, 0
// (TA-Lib) or undefined (Pine) where the slow average is 0; the mirror of kernels/as/ppo.ts
// and src/reference/ppo.ts. params: fast, slow, maType, ratings profile, conventions.
// Scratch: maxLength + 2 * (slow + 1) + 2 * maxLength slots.

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  let out = output_column(0u) + start;
  let tv = is_trading_view(3u);
  let fast = scratch_of(s);
  two_averages(input_column(0u) + start, fast, out, len, param_i32(0u), param_i32(1u), param_i32(2u), tv, fast + u32(len));
  for (var i = 0; i < len; i++) {
    let slow = ld_at(out, i);
    if (f64_eq(slow, F64_POSITIVE_ZERO)) {
      st_at(out, i, select(F64_POSITIVE_ZERO, F64_NAN, tv));
    } else {
      st_at(out, i, f64_mul(f64_div(f64_sub(ld_at(fast, i), slow), slow), LIB_HUNDRED));
    }
  }
}
