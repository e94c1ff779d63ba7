// Stochastic RSI: the stochastic of the RSI over stochN bars, averaged over kSmooth (K) and
// K's average over dPeriod (D); the mirror of src/reference/stochrsi.ts (kernels/as/stochrsi.ts
// fuses the two Wilder averages, with the same operations). params: rsiN, stochN, kSmooth,
// dPeriod, ratings profile, conventions. Scratch: 3 * maxLength + 2 * (max(kSmooth, dPeriod) +
// 1) slots of the spec's.

// Pine's RSI of the averages: 100 without losses, 0 without gains, undefined without either.
fn stochrsi_pine_rsi(up: vec2<u32>, down: vec2<u32>) -> vec2<u32> {
  if (f64_eq(down, F64_POSITIVE_ZERO)) {
    return select(LIB_HUNDRED, F64_NAN, f64_eq(up, F64_POSITIVE_ZERO));
  }
  if (f64_eq(up, F64_POSITIVE_ZERO)) {
    return F64_POSITIVE_ZERO;
  }
  return f64_sub(LIB_HUNDRED, f64_div(LIB_HUNDRED, f64_add(F64_ONE, f64_div(up, down))));
}

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  let k = output_column(0u) + start;
  let d = output_column(1u) + start;
  let rsi_n = param_i32(0u);
  let stoch_n = param_i32(1u);
  let k_smooth = param_i32(2u);
  let d_period = param_i32(3u);
  let tv = is_trading_view(4u);
  // The gains and losses and their averages live in the K and D columns, the raw stochastic
  // later in D; the RSI, then the averages' work, in scratch.
  let r = scratch_of(s);
  let work = r + u32(len);
  gain_loss_series(input_column(0u) + start, k, d, len);
  // One call site per block, here and below, to keep the shader small.
  for (var step = 0; step < 2; step++) {
    let series = select(d, k, step == 0);
    rma_series(series, series, len, rsi_n);
  }
  for (var i = 0; i < len; i++) {
    let up = ld_at(k, i);
    let down = ld_at(d, i);
    if (tv) {
      st_at(r, i, stochrsi_pine_rsi(up, down));
    } else {
      let total = f64_add(up, down);
      let value = f64_mul(LIB_HUNDRED, f64_div(up, total));
      st_at(r, i, select(value, F64_POSITIVE_ZERO, f64_eq(total, F64_POSITIVE_ZERO)));
    }
  }
  let raw = d;
  stoch_series(r, r, r, raw, len, stoch_n, tv);
  if (!tv) {
    fill_nan(raw, 0, min_i32(rsi_n + stoch_n - 1, len));
  }
  // K from the raw values in D, then D from K.
  for (var step = 0; step < 2; step++) {
    let first = step == 0;
    average_series(select(k, raw, first), select(d, k, first), len, select(d_period, k_smooth, first), tv, work);
  }
  if (!tv) {
    fill_nan(k, 0, min_i32(rsi_n + stoch_n - 1 + k_smooth - 1 + d_period - 1, len));
  }
}
