// rsi(n) of close; the mirror of src/reference/rsi.ts and the tradingview path of
// kernels/as/rsi.ts. params: n, ratings profile, conventions. Scratch: 2 * maxLength slots
// (gains, then losses).

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  let close = input_column(0u) + start;
  let out = output_column(0u) + start;
  let n = param_i32(0u);
  let gain = scratch_of(s);
  let loss = gain + u32(len);
  gain_loss_series(close, gain, loss, len);
  rma_series(gain, out, len, n);
  // The loss average overwrites the gain series, whose average is already in `out`.
  rma_series(loss, gain, len, n);
  if (f64_eq(param(2u), F64_ONE)) {
    // Pine: 100 - 100 / (1 + up / down), 100 when only the loss average is 0, 0 when only the
    // gain average is 0, undefined when both are.
    for (var i = 0; i < len; i++) {
      let up = ld_at(out, i);
      let down = ld_at(gain, i);
      if (f64_eq(down, F64_POSITIVE_ZERO)) {
        st_at(out, i, select(LIB_HUNDRED, F64_NAN, f64_eq(up, F64_POSITIVE_ZERO)));
      } else if (f64_eq(up, F64_POSITIVE_ZERO)) {
        st_at(out, i, F64_POSITIVE_ZERO);
      } else {
        st_at(out, i, f64_sub(LIB_HUNDRED, f64_div(LIB_HUNDRED, f64_add(F64_ONE, f64_div(up, down)))));
      }
    }
    return;
  }
  // TA-Lib: 100 * (gain / (gain + loss)), undefined when the sum is exactly 0.
  for (var i = 0; i < len; i++) {
    let average_gain = ld_at(out, i);
    let total = f64_add(average_gain, ld_at(gain, i));
    if (f64_eq(total, F64_POSITIVE_ZERO)) {
      st_at(out, i, F64_NAN);
    } else {
      st_at(out, i, f64_mul(LIB_HUNDRED, f64_div(average_gain, total)));
    }
  }
}
