// Balance of power, (close - open) / (high - low); the mirror of kernels/as/bop.ts and
// src/reference/bop.ts. TA-Lib gives 0 unless high - low > 0, Pine NaN on a zero range. params:
// ratings profile, conventions. Split over bars (lane_bars). Scratch: none.

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  let open = input_column(0u) + start;
  let high = input_column(1u) + start;
  let low = input_column(2u) + start;
  let close = input_column(3u) + start;
  let out = output_column(0u) + start;
  let tv = is_trading_view(0u);
  let bars = lane_bars(len);
  for (var i = bars.x; i < bars.y; i++) {
    let range = f64_sub(ld_at(high, i), ld_at(low, i));
    let value = f64_div(f64_sub(ld_at(close, i), ld_at(open, i)), range);
    if (tv) {
      st_at(out, i, select(value, F64_NAN, f64_eq(range, F64_POSITIVE_ZERO)));
    } else {
      st_at(out, i, select(value, F64_POSITIVE_ZERO, f64_le(range, F64_POSITIVE_ZERO)));
    }
  }
}
