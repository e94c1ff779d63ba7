// Ultimate oscillator: 100 * (4 A1 + 2 A2 + A3) / 7, each A the sum of buying pressure over
// the sum of true range of its period; the mirror of kernels/as/ultosc.ts and
// src/reference/ultosc.ts. TA-Lib skips a period whose range sum is 0, Pine makes the bar
// undefined. params: p1, p2, p3, ratings profile, conventions. Scratch: 4 * maxLength + p3 slots.

const ULTOSC_FOUR = vec2<u32>(0x00000000u, 0x40100000u); // 4.0
const ULTOSC_SEVEN = vec2<u32>(0x00000000u, 0x401C0000u); // 7.0

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  let high = input_column(0u) + start;
  let low = input_column(1u) + start;
  let close = input_column(2u) + start;
  let out = output_column(0u) + start;
  let pine = is_trading_view(3u);
  let buying = scratch_of(s);
  let range = buying + u32(len);
  let sum_buying = buying + u32(2 * len);
  let sum_range = buying + u32(3 * len);
  let ring = buying + u32(4 * len);
  if (len > 0) {
    st_at(buying, 0, F64_NAN);
  }
  for (var i = 1; i < len; i++) {
    let previous = ld_at(close, i - 1);
    let l = ld_at(low, i);
    st_at(buying, i, f64_sub(ld_at(close, i), select(previous, l, f64_lt(l, previous))));
  }
  true_range_series(high, low, close, range, len);
  for (var i = 0; i < len; i++) {
    st_at(out, i, F64_POSITIVE_ZERO);
  }
  for (var k = 0; k < 3; k++) {
    var p = param_i32(2u);
    var weight = F64_ONE;
    if (k == 0) {
      p = param_i32(0u);
      weight = ULTOSC_FOUR;
    } else if (k == 1) {
      p = param_i32(1u);
      weight = F64_TWO;
    }
    for (var step = 0; step < 2; step++) {
      sum_series(select(range, buying, step == 0), select(sum_range, sum_buying, step == 0), len, p, ring);
    }
    // Trailing true ranges equal to 0, among the defined ones: a window of only zeros sums to 0.
    var zeros = 0;
    for (var i = 0; i < len; i++) {
      let x = ld_at(range, i);
      let defined = !f64_is_nan(x);
      if (f64_eq(x, F64_POSITIVE_ZERO)) {
        zeros++;
      } else if (defined) {
        zeros = 0;
      }
      let r = select(ld_at(sum_range, i), F64_POSITIVE_ZERO, zeros >= p && defined);
      let zero = f64_eq(r, F64_POSITIVE_ZERO);
      if (zero && !pine) {
        continue;
      }
      let average = select(f64_div(ld_at(sum_buying, i), r), F64_NAN, zero);
      if (k == 2) {
        st_at(out, i, f64_add(ld_at(out, i), average));
      } else {
        st_at(out, i, f64_add(ld_at(out, i), f64_mul(weight, average)));
      }
    }
  }
  for (var i = 0; i < len; i++) {
    if (pine) {
      st_at(out, i, f64_div(f64_mul(LIB_HUNDRED, ld_at(out, i)), ULTOSC_SEVEN));
    } else {
      st_at(out, i, f64_mul(LIB_HUNDRED, f64_div(ld_at(out, i), ULTOSC_SEVEN)));
    }
  }
}
