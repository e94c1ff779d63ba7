// recommend_ma: the mean of the defined votes of the 15 moving-average members of
// TradingView's rating (14 without volume); the mirror of src/reference/recommend_ma.ts.
// params: ratings profile, conventions. Scratch: 7 * maxLength + 53 slots of the spec's.

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  rating_recommend_ma_series(input_column(0u) + start, input_column(1u) + start, input_column(2u) + start, input_column(3u) + start, output_column(0u) + start, len, param(0u), scratch_of(s));
}
