// rec_ichimoku: the Ichimoku 9, 26, 52 vote of the rating under the ratings profile (0
// screener, 1 pine_v3); the mirror of src/reference/rec_ichimoku.ts. params: ratings profile,
// conventions. Scratch: 4 * maxLength + 53 slots of the spec's.

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  rating_ichimoku_vote_series(input_column(0u) + start, input_column(1u) + start, input_column(2u) + start, output_column(0u) + start, len, param(0u), scratch_of(s));
}
