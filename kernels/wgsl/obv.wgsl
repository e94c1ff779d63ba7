// On-balance volume; the mirror of kernels/as/obv.ts and src/reference/obv.ts. TA-Lib starts
// the total at bar 0's volume, Pine at 0. params: ratings profile, conventions. Scratch: none.

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  if (len == 0) {
    return;
  }
  let close = input_column(0u) + start;
  let volume = input_column(1u) + start;
  let out = output_column(0u) + start;
  var total = ld_at(volume, 0);
  if (is_trading_view(0u)) {
    total = F64_POSITIVE_ZERO;
  }
  st_at(out, 0, total);
  for (var i = 1; i < len; i++) {
    if (f64_gt(ld_at(close, i), ld_at(close, i - 1))) {
      total = f64_add(total, ld_at(volume, i));
    } else if (f64_lt(ld_at(close, i), ld_at(close, i - 1))) {
      total = f64_sub(total, ld_at(volume, i));
    }
    st_at(out, i, total);
  }
}
