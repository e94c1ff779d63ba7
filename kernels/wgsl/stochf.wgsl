// stochf(n, dPeriod); the mirror of kernels/as/stochf.ts and src/reference/stochf.ts. params:
// n, dPeriod, ratings profile, conventions. Scratch: 2 * (dPeriod + 1) + 2 * maxLength slots.

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  let high = input_column(0u) + start;
  let low = input_column(1u) + start;
  let close = input_column(2u) + start;
  let out_k = output_column(0u) + start;
  let out_d = output_column(1u) + start;
  let n = param_i32(0u);
  let d_period = param_i32(1u);
  let tv = is_trading_view(2u);
  let lookback = n - 1 + d_period - 1;
  stoch_series(close, high, low, out_k, len, n, tv);
  average_series(out_k, out_d, len, d_period, tv, scratch_of(s));
  if (!tv) {
    fill_nan(out_k, 0, min_i32(lookback, len));
  }
}
