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
  var sum_a = F64_POSITIVE_ZERO;
  var sum_b = F64_POSITIVE_ZERO;
  var error_a = F64_POSITIVE_ZERO;
  var error_b = F64_POSITIVE_ZERO;
  var count_a = 0;
  var count_b = 0;
  var head_a = 0;
  var head_b = 0;
  for (var i = 0; i < len; i++) {
    let v = ld_at(volume, i);
    let a = f64_mul(ld_at(close, i), v);
    var average_a = F64_NAN;
    var average_b = F64_NAN;
    if (!f64_is_nan(a)) {
      if (count_a < n) {
        let y = f64_sub(a, error_a);
        let t = f64_add(sum_a, y);
        error_a = f64_sub(f64_sub(t, sum_a), y);
        sum_a = t;
        st_at(ring_a, count_a, y);
        count_a++;
      } else {
        let y1 = f64_sub(f64_neg(ld_at(ring_a, head_a)), error_a);
        let t = f64_add(sum_a, y1);
        let e1 = f64_sub(f64_sub(t, sum_a), y1);
        let y2 = f64_sub(a, e1);
        let u = f64_add(t, y2);
        error_a = f64_sub(f64_sub(u, t), y2);
        sum_a = u;
        st_at(ring_a, head_a, y2);
        head_a = select(head_a + 1, 0, head_a + 1 == n);
      }
      if (count_a == n) {
        average_a = f64_div(sum_a, count_f);
      }
    }
    if (!f64_is_nan(v)) {
      if (count_b < n) {
        let y = f64_sub(v, error_b);
        let t = f64_add(sum_b, y);
        error_b = f64_sub(f64_sub(t, sum_b), y);
        sum_b = t;
        st_at(ring_b, count_b, y);
        count_b++;
      } else {
        let y1 = f64_sub(f64_neg(ld_at(ring_b, head_b)), error_b);
        let t = f64_add(sum_b, y1);
        let e1 = f64_sub(f64_sub(t, sum_b), y1);
        let y2 = f64_sub(v, e1);
        let u = f64_add(t, y2);
        error_b = f64_sub(f64_sub(u, t), y2);
        sum_b = u;
        st_at(ring_b, head_b, y2);
        head_b = select(head_b + 1, 0, head_b + 1 == n);
      }
      if (count_b == n) {
        average_b = f64_div(sum_b, count_f);
      }
    }
    st_at(out, i, select(f64_div(average_a, average_b), F64_NAN, f64_eq(average_b, F64_POSITIVE_ZERO)));
  }
}
