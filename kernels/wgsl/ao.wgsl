// Awesome oscillator: sma(median price, fast) - sma(median price, slow) with Pine's sma; the
// mirror of kernels/as/ao.ts and src/reference/ao.ts. params: fast, slow, ratings profile,
// conventions. Scratch: 2 * maxLength + slow slots.

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  let high = input_column(0u) + start;
  let low = input_column(1u) + start;
  let out = output_column(0u) + start;
  let median = scratch_of(s);
  let slow_average = median + u32(len);
  let ring = median + u32(2 * len);
  for (var i = 0; i < len; i++) {
    st_at(median, i, f64_div(f64_add(ld_at(high, i), ld_at(low, i)), F64_TWO));
  }
  // One call site for both averages keeps the shader small.
  for (var step = 0; step < 2; step++) {
    sma_series(median, select(slow_average, out, step == 0), len, param_i32(u32(step)), ring);
  }
  for (var i = 0; i < len; i++) {
    st_at(out, i, f64_sub(ld_at(out, i), ld_at(slow_average, i)));
  }
}
