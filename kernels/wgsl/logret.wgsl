// logret(n) of close: log(close / close[n]) with the project log of math.wgsl, undefined where
// close[n] is 0 or the ratio is not positive; the mirror of kernels/as/logret.ts and
// src/reference/logret.ts. params: n, ratings profile, conventions. Split over bars
// (lane_bars). Scratch: none.

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  let close = input_column(0u) + start;
  let out = output_column(0u) + start;
  let n = param_i32(0u);
  let bars = lane_bars(len);
  for (var i = bars.x; i < bars.y; i++) {
    if (i < n) {
      st_at(out, i, F64_NAN);
      continue;
    }
    let base = ld_at(close, i - n);
    let ratio = f64_div(ld_at(close, i), base);
    if (f64_eq(base, F64_POSITIVE_ZERO) || !f64_gt(ratio, F64_POSITIVE_ZERO)) {
      st_at(out, i, F64_NAN);
    } else {
      st_at(out, i, f64_log(ratio));
    }
  }
}
