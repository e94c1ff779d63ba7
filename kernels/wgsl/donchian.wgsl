// Donchian channel: highest high, their midpoint and lowest low of the last n bars; the mirror
// of kernels/as/donchian.ts and src/reference/donchian.ts. params: n, ratings profile,
// conventions. Scratch: n + 1 slots.

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  let upper = output_column(0u) + start;
  let middle = output_column(1u) + start;
  let lower = output_column(2u) + start;
  let n = param_i32(0u);
  highest_series(input_column(0u) + start, upper, len, n, scratch_of(s));
  lowest_series(input_column(1u) + start, lower, len, n, scratch_of(s));
  for (var i = 0; i < len; i++) {
    st_at(middle, i, f64_div(f64_add(ld_at(upper, i), ld_at(lower, i)), F64_TWO));
  }
}
