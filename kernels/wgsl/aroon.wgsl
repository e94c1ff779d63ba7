// aroon(n): up, down and osc over the last n + 1 bars, as TA-Lib computes them, the most
// recent bar winning ties; the mirror of src/reference/aroon.ts and of the window scan in
// kernels/as/aroon.ts. params: n, ratings profile, conventions. Scratch: none used.

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  let high = input_column(0u) + start;
  let low = input_column(1u) + start;
  let up = output_column(0u) + start;
  let down = output_column(1u) + start;
  let osc = output_column(2u) + start;
  let n = param_i32(0u);
  let factor = f64_div(LIB_HUNDRED, f64_from_i32(n));
  for (var i = 0; i < len; i++) {
    if (i < n) {
      st_at(up, i, F64_NAN);
      st_at(down, i, F64_NAN);
      st_at(osc, i, F64_NAN);
      continue;
    }
    var highest = i - n;
    var lowest = i - n;
    for (var j = i - n + 1; j <= i; j++) {
      if (f64_ge(ld_at(high, j), ld_at(high, highest))) {
        highest = j;
      }
      if (f64_le(ld_at(low, j), ld_at(low, lowest))) {
        lowest = j;
      }
    }
    st_at(up, i, f64_mul(factor, f64_from_i32(n - (i - highest))));
    st_at(down, i, f64_mul(factor, f64_from_i32(n - (i - lowest))));
    st_at(osc, i, f64_mul(factor, f64_from_i32(highest - lowest)));
  }
}
