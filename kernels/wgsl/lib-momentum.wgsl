// Building blocks of the momentum kernels: the mirror of kernels/as/lib-momentum.ts and
// src/reference/lib-momentum.ts on u32 addresses, operation for operation.

// -100.0, the scale of TA-Lib's Williams %R.
const MOMENTUM_MINUS_HUNDRED = vec2<u32>(0x00000000u, 0xC0590000u);

// Returns whether the conventions flag, after `count` indicator parameters and the ratings
// profile, selects TradingView.
fn is_trading_view(count: u32) -> bool {
  return f64_eq(param(count + 1u), F64_ONE);
}

// Highest defined value of src[i - n + 1, i], oldest first, keeping the older value on a tie;
// NaN when the window has no defined value.
fn window_highest(src: u32, i: i32, n: i32) -> vec2<u32> {
  var m = F64_NAN;
  for (var j = i - n + 1; j <= i; j++) {
    let v = ld_at(src, j);
    if (!f64_is_nan(v) && (f64_is_nan(m) || f64_gt(v, m))) {
      m = v;
    }
  }
  return m;
}

// Lowest defined value of src[i - n + 1, i]; the mirror of `window_highest`.
fn window_lowest(src: u32, i: i32, n: i32) -> vec2<u32> {
  var m = F64_NAN;
  for (var j = i - n + 1; j <= i; j++) {
    let v = ld_at(src, j);
    if (!f64_is_nan(v) && (f64_is_nan(m) || f64_lt(v, m))) {
      m = v;
    }
  }
  return m;
}

// Raw stochastic: TA-Lib's (src - lowest) / ((highest - lowest) / 100), 0 on a zero range, or
// Pine's 100 * (src - lowest) / (highest - lowest), undefined on a zero range.
fn stoch_series(src: u32, high: u32, low: u32, dst: u32, len: i32, n: i32, tv: bool) {
  for (var i = 0; i < len; i++) {
    if (i < n - 1) {
      st_at(dst, i, F64_NAN);
      continue;
    }
    let hh = window_highest(high, i, n);
    let ll = window_lowest(low, i, n);
    if (tv) {
      let range = f64_sub(hh, ll);
      let value = f64_div(f64_mul(LIB_HUNDRED, f64_sub(ld_at(src, i), ll)), range);
      st_at(dst, i, select(value, F64_NAN, f64_eq(range, F64_POSITIVE_ZERO)));
    } else {
      let diff = f64_div(f64_sub(hh, ll), LIB_HUNDRED);
      let value = f64_div(f64_sub(ld_at(src, i), ll), diff);
      st_at(dst, i, select(value, F64_POSITIVE_ZERO, f64_eq(diff, F64_POSITIVE_ZERO)));
    }
  }
}

// Williams %R: TA-Lib's (highest - close) / ((highest - lowest) / -100), 0 on a zero range, or
// Pine's 100 * (close - highest) / (highest - lowest), undefined on a zero range, at bars
// [first, end). Each bar reads only its own window.
fn willr_bars(close: u32, high: u32, low: u32, dst: u32, first: i32, end: i32, n: i32, tv: bool) {
  for (var i = first; i < end; i++) {
    if (i < n - 1) {
      st_at(dst, i, F64_NAN);
      continue;
    }
    let hh = window_highest(high, i, n);
    let ll = window_lowest(low, i, n);
    if (tv) {
      let range = f64_sub(hh, ll);
      let value = f64_div(f64_mul(LIB_HUNDRED, f64_sub(ld_at(close, i), hh)), range);
      st_at(dst, i, select(value, F64_NAN, f64_eq(range, F64_POSITIVE_ZERO)));
    } else {
      let diff = f64_div(f64_sub(hh, ll), MOMENTUM_MINUS_HUNDRED);
      let value = f64_div(f64_sub(hh, ld_at(close, i)), diff);
      st_at(dst, i, select(value, F64_POSITIVE_ZERO, f64_eq(diff, F64_POSITIVE_ZERO)));
    }
  }
}

// TA-Lib's SMA or Pine's sma of a derived series. Scratch: 2 * (n + 1) + 2 * len slots.
fn average_series(src: u32, dst: u32, len: i32, n: i32, tv: bool, scratch: u32) {
  if (tv) {
    sma_series(src, dst, len, n, scratch);
  } else {
    window_mean_series(src, dst, len, n, scratch);
  }
}

// Computes the fast and slow averages of APO and PPO: SMA (`ma_type` 0) or EMA (1). Scratch:
// 2 * (slow_n + 1) + 2 * len slots. The loop gives each average one call site, because on
// SwiftShader a pipeline's compile time grows with every call site.
fn two_averages(src: u32, fast: u32, slow: u32, len: i32, fast_n: i32, slow_n: i32, ma_type: i32, tv: bool, scratch: u32) {
  for (var k = 0; k < 2; k++) {
    let dst = select(slow, fast, k == 0);
    let n = select(slow_n, fast_n, k == 0);
    if (ma_type == 1) {
      ema_series(src, dst, len, n);
    } else {
      average_series(src, dst, len, n, tv, scratch);
    }
  }
}
