// stoch(n, kSmooth, dPeriod); the mirror of kernels/as/stoch.ts and src/reference/stoch.ts.
// The raw stochastic goes to the d column, which the second average then overwrites. params:
// n, kSmooth, dPeriod, ratings profile, conventions. Scratch: 2 * (max(kSmooth, dPeriod) + 1) +
// 2 * maxLength slots.

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  let high = input_column(0u) + start;
  let low = input_column(1u) + start;
  let close = input_column(2u) + start;
  let out_k = output_column(0u) + start;
  let out_d = output_column(1u) + start;
  let n = param_i32(0u);
  let k_smooth = param_i32(1u);
  let d_period = param_i32(2u);
  let tv = is_trading_view(3u);
  let lookback = n - 1 + k_smooth - 1 + d_period - 1;
  let scratch = scratch_of(s);
  stoch_series(close, high, low, out_d, len, n, tv);
  // K from the raw values, then D from K, from one call site to keep the shader small.
  for (var step = 0; step < 2; step++) {
    let first = step == 0;
    average_series(select(out_k, out_d, first), select(out_d, out_k, first), len, select(d_period, k_smooth, first), tv, scratch);
  }
  if (!tv) {
    fill_nan(out_k, 0, min_i32(lookback, len));
  }
}
