// Blocks of kernels/as/lib.ts that more than one WGSL kernel needs and lib.wgsl does not
// provide, in the plain sequential order of src/reference/lib.ts. The x_ prefix keeps their
// names apart from lib.wgsl's.

// Hull moving average, wma(2 * wma(src, n / 2) - wma(src, n), floor(sqrt(n))) with Pine's wma:
// hmaSeries of src/reference/lib.ts, the three-wma path of kernels/as/lib.ts. Scratch: 3 * len
// slots.
fn x_hma_series(src: u32, dst: u32, len: i32, n: i32, scratch: u32) {
  let full = scratch;
  let work = scratch + u32(len);
  wma_series(src, dst, len, n / 2, work);
  wma_series(src, full, len, n, work);
  for (var i = 0; i < len; i++) {
    st_at(full, i, f64_sub(f64_mul(F64_TWO, ld_at(dst, i)), ld_at(full, i)));
  }
  wma_series(full, dst, len, isqrt(n), work);
}

// Pine's vwma, sma(close * volume, n) / sma(volume, n), undefined where the volume average is
// 0: vwmaSeries of src/reference/lib.ts. Both sums take the steps of sum_series bar by bar in
// one loop, as vwmaStep in kernels/as/lib.ts does, so no per-bar buffer is needed. Ring: 2 * n
// slots.
fn x_vwma_series(close: u32, volume: u32, out: u32, len: i32, n: i32, ring: u32) {
  let count_f = f64_from_i32(n);
  let ring_a = ring;
  let ring_b = ring_a + u32(n);
  var sum_a = rolling_sum_start();
  var sum_b = rolling_sum_start();
  for (var i = 0; i < len; i++) {
    let v = ld_at(volume, i);
    let a = f64_mul(ld_at(close, i), v);
    var average_a = F64_NAN;
    var average_b = F64_NAN;
    if (!f64_is_nan(a)) {
      rolling_sum_push(&sum_a, a, ring_a, n);
      if (sum_a.count == n) {
        average_a = f64_div(sum_a.sum, count_f);
      }
    }
    if (!f64_is_nan(v)) {
      rolling_sum_push(&sum_b, v, ring_b, n);
      if (sum_b.count == n) {
        average_b = f64_div(sum_b.sum, count_f);
      }
    }
    st_at(out, i, select(f64_div(average_a, average_b), F64_NAN, f64_eq(average_b, F64_POSITIVE_ZERO)));
  }
}
