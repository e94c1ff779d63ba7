// cmo(n): 100 * (up - down) / (up + down) of the gains and losses; the mirror of
// src/reference/cmo.ts (kernels/as/cmo.ts runs TA-Lib's form two series at a time, with the
// same operations per series). TA-Lib averages with Wilder's smoothing, 0 when both are 0;
// Pine sums the last n, undefined when both sums are 0. params: n, ratings profile,
// conventions. Scratch: 2 * maxLength + n slots.

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  let close = input_column(0u) + start;
  let out = output_column(0u) + start;
  let n = param_i32(0u);
  let tv = is_trading_view(1u);
  let gain = scratch_of(s);
  let loss = gain + u32(len);
  let ring = gain + u32(2 * len);
  gain_loss_series(close, gain, loss, len);
  // The loss average overwrites the gain series, whose average is already in `out`. One call
  // site per block keeps the shader small.
  for (var step = 0; step < 2; step++) {
    let src = select(loss, gain, step == 0);
    let dst = select(gain, out, step == 0);
    if (tv) {
      sum_series(src, dst, len, n, ring);
    } else {
      rma_series(src, dst, len, n);
    }
  }
  for (var i = 0; i < len; i++) {
    let up = ld_at(out, i);
    let down = ld_at(gain, i);
    let total = f64_add(up, down);
    let zero = f64_eq(total, F64_POSITIVE_ZERO);
    if (tv) {
      let value = f64_div(f64_mul(LIB_HUNDRED, f64_sub(up, down)), total);
      st_at(out, i, select(value, F64_NAN, zero));
    } else {
      let value = f64_mul(LIB_HUNDRED, f64_div(f64_sub(up, down), total));
      st_at(out, i, select(value, F64_POSITIVE_ZERO, zero));
    }
  }
}
