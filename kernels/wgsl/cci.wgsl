// cci(n); the mirror of kernels/as/cci.ts and src/reference/cci.ts. TA-Lib: the typical price
// against its n-bar mean, over 0.015 times the mean absolute deviation, 0 when either is 0.
// Pine: close against sma(close, n), undefined on a zero deviation. Split over bars
// (lane_bars) under TA-Lib's conventions, where each bar reads only its own window; Pine's sma
// runs through the series, so under Pine's lane 0 computes every bar. params: n, ratings
// profile, conventions. Scratch: n slots (the ring of Pine's sma).

const CCI_SCALE = vec2<u32>(0xEB851EB8u, 0x3F8EB851u); // 0.015
const CCI_THREE = vec2<u32>(0x00000000u, 0x40080000u); // 3.0

fn cci_typical(high: u32, low: u32, close: u32, j: i32) -> vec2<u32> {
  return f64_div(f64_add(f64_add(ld_at(high, j), ld_at(low, j)), ld_at(close, j)), CCI_THREE);
}

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  let high = input_column(0u) + start;
  let low = input_column(1u) + start;
  let close = input_column(2u) + start;
  let out = output_column(0u) + start;
  let n = param_i32(0u);
  let count = f64_from_i32(n);
  if (is_trading_view(1u)) {
    if (lane() != 0u) {
      return;
    }
    sma_series(close, out, len, n, scratch_of(s));
    for (var i = 0; i < len; i++) {
      let mean = ld_at(out, i);
      if (f64_is_nan(mean)) {
        continue;
      }
      var sum = F64_POSITIVE_ZERO;
      for (var j = 0; j < n; j++) {
        sum = f64_add(sum, f64_abs(f64_sub(ld_at(close, i - j), mean)));
      }
      let dev = f64_div(sum, count);
      let value = f64_div(f64_sub(ld_at(close, i), mean), f64_mul(CCI_SCALE, dev));
      st_at(out, i, select(value, F64_NAN, f64_eq(dev, F64_POSITIVE_ZERO)));
    }
    return;
  }
  let bars = lane_bars(len);
  for (var i = bars.x; i < bars.y; i++) {
    if (i < n - 1) {
      st_at(out, i, F64_NAN);
      continue;
    }
    var sum = F64_POSITIVE_ZERO;
    for (var j = i - n + 1; j <= i; j++) {
      sum = f64_add(sum, cci_typical(high, low, close, j));
    }
    let mean = f64_div(sum, count);
    var deviation = F64_POSITIVE_ZERO;
    for (var j = i - n + 1; j <= i; j++) {
      deviation = f64_add(deviation, f64_abs(f64_sub(cci_typical(high, low, close, j), mean)));
    }
    let last = f64_sub(cci_typical(high, low, close, i), mean);
    if (f64_ne(last, F64_POSITIVE_ZERO) && f64_ne(deviation, F64_POSITIVE_ZERO)) {
      st_at(out, i, f64_div(last, f64_mul(CCI_SCALE, f64_div(deviation, count))));
    } else {
      st_at(out, i, F64_POSITIVE_ZERO);
    }
  }
}
