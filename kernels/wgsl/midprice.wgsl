// midprice(n), TA-Lib's MIDPRICE: (highest high + lowest low) / 2 over the last n bars; the
// mirror of src/reference/midprice.ts. params: n, ratings profile, conventions. Scratch:
// maxLength + n + 1 of the spec's slots.

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  mid_range_series(input_column(0u) + start, input_column(1u) + start, output_column(0u) + start, len, param_i32(0u), scratch_of(s));
}
