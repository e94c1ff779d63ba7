// midpoint(n) of close, TA-Lib's MIDPOINT: (highest close + lowest close) / 2 over the last n
// bars; the mirror of src/reference/midpoint.ts. params: n, ratings profile, conventions.
// Scratch: maxLength + n + 1 of the spec's slots.

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  let close = input_column(0u) + start;
  mid_range_series(close, close, output_column(0u) + start, len, param_i32(0u), scratch_of(s));
}
