// bullbear(n): bull power high - ema(close, n) and bear power low - ema(close, n); the mirror
// of kernels/as/bullbear.ts and src/reference/bullbear.ts. params: n, ratings profile,
// conventions. Scratch: none.

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  let high = input_column(0u) + start;
  let low = input_column(1u) + start;
  let bull = output_column(0u) + start;
  let bear = output_column(1u) + start;
  ema_series(input_column(2u) + start, bear, len, param_i32(0u));
  for (var i = 0; i < len; i++) {
    let average = ld_at(bear, i);
    st_at(bull, i, f64_sub(ld_at(high, i), average));
    st_at(bear, i, f64_sub(ld_at(low, i), average));
  }
}
