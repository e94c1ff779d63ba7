// roc(n) of close; the mirror of kernels/as/roc.ts and src/reference/roc.ts. TA-Lib: (close /
// close[n] - 1) * 100, 0 where close[n] is 0. Pine: 100 * (close - close[n]) / close[n],
// undefined where close[n] is 0. params: n, ratings profile, conventions. Split over bars
// (lane_bars). Scratch: none.

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  let close = input_column(0u) + start;
  let out = output_column(0u) + start;
  let n = param_i32(0u);
  let tv = is_trading_view(1u);
  let bars = lane_bars(len);
  for (var i = bars.x; i < bars.y; i++) {
    if (i < n) {
      st_at(out, i, F64_NAN);
      continue;
    }
    let prev = ld_at(close, i - n);
    let zero = f64_eq(prev, F64_POSITIVE_ZERO);
    if (tv) {
      let value = f64_div(f64_mul(LIB_HUNDRED, f64_sub(ld_at(close, i), prev)), prev);
      st_at(out, i, select(value, F64_NAN, zero));
    } else {
      let value = f64_mul(f64_sub(f64_div(ld_at(close, i), prev), F64_ONE), LIB_HUNDRED);
      st_at(out, i, select(value, F64_POSITIVE_ZERO, zero));
    }
  }
}
