// ichimoku(conversion, base, lead) lines, undisplaced: the midpoints of the highest high and
// lowest low over each window, and lead1 = (conversion + base) / 2; the mirror of
// src/reference/ichimoku.ts (kernels/as/ichimoku.ts finds the same extremes in vector lanes).
// params: conversion, base, lead, ratings profile, conventions. Scratch: maxLength + longest
// window + 1 slots of the spec's.

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  let high = input_column(0u) + start;
  let low = input_column(1u) + start;
  let conversion_line = output_column(0u) + start;
  let base_line = output_column(1u) + start;
  let lead1 = output_column(2u) + start;
  let lead2 = output_column(3u) + start;
  let scratch = scratch_of(s);
  mid_range_series(high, low, conversion_line, len, param_i32(0u), scratch);
  mid_range_series(high, low, base_line, len, param_i32(1u), scratch);
  mid_range_series(high, low, lead2, len, param_i32(2u), scratch);
  for (var i = 0; i < len; i++) {
    st_at(lead1, i, f64_div(f64_add(ld_at(conversion_line, i), ld_at(base_line, i)), F64_TWO));
  }
}
