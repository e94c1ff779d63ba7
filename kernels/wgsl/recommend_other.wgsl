// recommend_other: the mean of the defined votes of the 11 oscillators of TradingView's
// rating, NaN while none is defined; the mirror of src/reference/recommend_other.ts through
// lib-ratings.wgsl. params: ratings profile, conventions (neither changes the rating).
// Scratch: 3 * maxLength + 8 * maxLength + 64 slots.

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  rating_recommend_other_series(input_column(0u) + start, input_column(1u) + start, input_column(2u) + start, output_column(0u) + start, len, scratch_of(s));
}
