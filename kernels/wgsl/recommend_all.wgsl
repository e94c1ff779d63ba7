// recommend_all: (recommend_ma + recommend_other) / 2 where both are defined, else whichever
// is; the mirror of src/reference/recommend_all.ts. params: ratings profile, conventions.
// Scratch: the larger of 7 * maxLength + 53 and 12 * maxLength + 64 slots.

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  rating_recommend_all_series(input_column(0u) + start, input_column(1u) + start, input_column(2u) + start, input_column(3u) + start, output_column(0u) + start, len, param(0u), scratch_of(s));
}
