// trima(n) of close: TA-Lib's SMA of an SMA, of lengths (n + 1) / 2 twice for odd n and n / 2
// then n / 2 + 1 for even n; the mirror of kernels/as/trima.ts and src/reference/trima.ts.
// params: n, ratings profile, conventions. Scratch: maxLength slots for the inner mean, then
// the 2 * (b + 1) + 2 * maxLength of window_mean_series, b the longer half.

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  let n = param_i32(0u);
  var a = n / 2;
  var b = n / 2 + 1;
  if (n % 2 == 1) {
    a = (n + 1) / 2;
    b = (n + 1) / 2;
  }
  let inner = scratch_of(s);
  let work = inner + u32(len);
  window_mean_series(input_column(0u) + start, inner, len, a, work);
  window_mean_series(inner, output_column(0u) + start, len, b, work);
}
