// Accumulation/distribution line: the running total of money flow volume; the mirror of
// kernels/as/ad.ts and src/reference/ad.ts. params: ratings profile, conventions. Scratch: none.

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  let out = output_column(0u) + start;
  money_flow_volume_series(input_column(0u) + start, input_column(1u) + start, input_column(2u) + start, input_column(3u) + start, out, len, is_trading_view(0u));
  cumulative_series(out, out, len);
}
