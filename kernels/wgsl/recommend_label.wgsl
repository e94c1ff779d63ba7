// recommend_label: the band (-2 to 2) of recommend_all (rating 0), recommend_ma (1) or
// recommend_other (2); the mirror of src/reference/recommend_label.ts. Each rating runs at
// most once, from one call site, which keeps the shader small. params: rating, ratings
// profile, conventions. Scratch: as recommend_all.

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  let high = input_column(0u) + start;
  let low = input_column(1u) + start;
  let close = input_column(2u) + start;
  let out = output_column(0u) + start;
  let rating = param_i32(0u);
  let scratch = scratch_of(s);
  if (rating != 2) {
    rating_recommend_ma_series(high, low, close, input_column(3u) + start, out, len, param(1u), scratch);
  }
  if (rating != 1) {
    // recommend_all keeps recommend_ma in `out` and puts recommend_other beside it in scratch.
    let other = select(scratch, out, rating == 2);
    let work = select(scratch + u32(len), scratch, rating == 2);
    rating_recommend_other_series(high, low, close, other, len, work);
    if (rating != 2) {
      for (var i = 0; i < len; i++) {
        st_at(out, i, rating_combine(ld_at(out, i), ld_at(other, i)));
      }
    }
  }
  for (var i = 0; i < len; i++) {
    st_at(out, i, rating_band(ld_at(out, i)));
  }
}
