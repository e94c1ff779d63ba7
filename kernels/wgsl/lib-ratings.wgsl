// Votes of TradingView's oscillator rating (recommend_other), always with Pine's definitions:
// the mirror of src/reference/ratings-other.ts (which kernels/as/ratings-other.ts also
// mirrors) on u32 addresses, operation for operation. A vote is +1, 0, -1 or NaN while its
// guard is undefined. Each vote function takes `work`, a scratch address with at most
// 8 * len + 64 slots (otherWorkSlots of the wasm kernels), and writes dst[0, len). Repeated
// blocks run in short loops from one call site each, because on SwiftShader a pipeline's
// compile time grows with every call site.

const RATING_TWENTY = vec2<u32>(0x00000000u, 0x40340000u); // 20.0
const RATING_THIRTY = vec2<u32>(0x00000000u, 0x403E0000u); // 30.0
const RATING_SEVENTY = vec2<u32>(0x00000000u, 0x40518000u); // 70.0
const RATING_EIGHTY = vec2<u32>(0x00000000u, 0x40540000u); // 80.0
const RATING_MINUS_TWENTY = vec2<u32>(0x00000000u, 0xC0340000u); // -20.0
const RATING_MINUS_EIGHTY = vec2<u32>(0x00000000u, 0xC0540000u); // -80.0
const RATING_MINUS_HUNDRED = vec2<u32>(0x00000000u, 0xC0590000u); // -100.0
const RATING_FOUR = vec2<u32>(0x00000000u, 0x40100000u); // 4.0
const RATING_SEVEN = vec2<u32>(0x00000000u, 0x401C0000u); // 7.0
const RATING_CCI_SCALE = vec2<u32>(0xEB851EB8u, 0x3F8EB851u); // 0.015

// Pine's ta.rsi(close, 14) into dst: 100 when only the losses average 0, undefined when both
// do. Work: 2 * len slots; dst may be `work`.
fn rating_rsi_series(close: u32, dst: u32, len: i32, work: u32) {
  let up = work;
  let down = work + u32(len);
  gain_loss_series(close, up, down, len);
  for (var step = 0; step < 2; step++) {
    let series = select(down, up, step == 0);
    rma_series(series, series, len, 14);
  }
  for (var i = 0; i < len; i++) {
    let u = ld_at(up, i);
    let d = ld_at(down, i);
    if (f64_eq(d, F64_POSITIVE_ZERO)) {
      st_at(dst, i, select(F64_NAN, LIB_HUNDRED, f64_gt(u, F64_POSITIVE_ZERO)));
    } else {
      st_at(dst, i, f64_sub(LIB_HUNDRED, f64_div(LIB_HUNDRED, f64_add(F64_ONE, f64_div(u, d)))));
    }
  }
}

// Pine's ta.stoch: 100 * (src - lowest(low, n)) / (highest(high, n) - lowest(low, n)),
// undefined on a zero range. Work: 2 * len + n + 1 slots.
fn rating_stoch_raw_series(src: u32, high: u32, low: u32, dst: u32, len: i32, n: i32, work: u32) {
  let highest = work;
  let lowest = work + u32(len);
  let suffix = work + u32(2 * len);
  highest_series(high, highest, len, n, suffix);
  lowest_series(low, lowest, len, n, suffix);
  for (var i = 0; i < len; i++) {
    let range = f64_sub(ld_at(highest, i), ld_at(lowest, i));
    let value = f64_div(f64_mul(LIB_HUNDRED, f64_sub(ld_at(src, i), ld_at(lowest, i))), range);
    st_at(dst, i, select(value, F64_NAN, f64_eq(range, F64_POSITIVE_ZERO)));
  }
}

// Vote of an oscillator that buys below `low` while rising and sells above `high` while
// falling; undefined while x[1] is.
fn rating_turn_vote_series(x: u32, dst: u32, len: i32, low: vec2<u32>, high: vec2<u32>) {
  if (len > 0) {
    st_at(dst, 0, F64_NAN);
  }
  for (var i = 1; i < len; i++) {
    let now = ld_at(x, i);
    let before = ld_at(x, i - 1);
    var vote = F64_NAN;
    if (!f64_is_nan(before)) {
      vote = F64_POSITIVE_ZERO;
      if (less(now, low) && greater(now, before)) {
        vote = F64_ONE;
      } else if (greater(now, high) && less(now, before)) {
        vote = F64_NEGATIVE_ONE;
      }
    }
    st_at(dst, i, vote);
  }
}

// +1 when a exceeds b and -1 when it falls short, with Pine's tolerant compares, else 0; NaN
// while `guard` is undefined.
fn rating_direction_vote(a: vec2<u32>, b: vec2<u32>, guard: vec2<u32>) -> vec2<u32> {
  if (f64_is_nan(guard)) {
    return F64_NAN;
  }
  if (greater(a, b)) {
    return F64_ONE;
  }
  if (less(a, b)) {
    return F64_NEGATIVE_ONE;
  }
  return F64_POSITIVE_ZERO;
}

// Vote of K and D: buy when both are below 20 and K > D, sell when both are above 80 and K < D.
fn rating_cross_vote(k: vec2<u32>, d: vec2<u32>) -> vec2<u32> {
  if (less(k, RATING_TWENTY) && less(d, RATING_TWENTY) && greater(k, d)) {
    return F64_ONE;
  }
  if (greater(k, RATING_EIGHTY) && greater(d, RATING_EIGHTY) && less(k, d)) {
    return F64_NEGATIVE_ONE;
  }
  return F64_POSITIVE_ZERO;
}

// RSI(14) turning below 30 or above 70. Work: 2 * len slots.
fn rating_rsi_vote_series(close: u32, dst: u32, len: i32, work: u32) {
  rating_rsi_series(close, work, len, work);
  rating_turn_vote_series(work, dst, len, RATING_THIRTY, RATING_SEVENTY);
}

// Stochastic 14, 3, 3: K = sma(stoch, 3), D = sma(K, 3); undefined while D[1] is. Work:
// 5 * len + 18 slots.
fn rating_stoch_vote_series(high: u32, low: u32, close: u32, dst: u32, len: i32, work: u32) {
  let raw = work;
  let k = work + u32(len);
  let d = work + u32(2 * len);
  let rest = work + u32(3 * len);
  let ring = rest + u32(2 * len + 15);
  rating_stoch_raw_series(close, high, low, raw, len, 14, rest);
  for (var step = 0; step < 2; step++) {
    sma_series(select(k, raw, step == 0), select(d, k, step == 0), len, 3, ring);
  }
  if (len > 0) {
    st_at(dst, 0, F64_NAN);
  }
  for (var i = 1; i < len; i++) {
    if (f64_is_nan(ld_at(d, i - 1))) {
      st_at(dst, i, F64_NAN);
    } else {
      st_at(dst, i, rating_cross_vote(ld_at(k, i), ld_at(d, i)));
    }
  }
}

// CCI(20) of close: (close - sma) / (0.015 * dev), dev the mean absolute deviation of the last
// 20 closes from that sma, summed newest first as Pine's ta.dev; undefined when dev is 0. Work:
// len + 20 slots.
fn rating_cci_series(close: u32, dst: u32, len: i32, work: u32) {
  let mean = work;
  let count = f64_from_i32(20);
  sma_series(close, mean, len, 20, work + u32(len));
  for (var i = 0; i < len; i++) {
    let m = ld_at(mean, i);
    if (f64_is_nan(m) || i < 19) {
      st_at(dst, i, F64_NAN);
      continue;
    }
    var sum = F64_POSITIVE_ZERO;
    for (var j = 0; j < 20; j++) {
      sum = f64_add(sum, f64_abs(f64_sub(ld_at(close, i - j), m)));
    }
    let dev = f64_div(sum, count);
    let value = f64_div(f64_sub(ld_at(close, i), m), f64_mul(RATING_CCI_SCALE, dev));
    st_at(dst, i, select(value, F64_NAN, f64_eq(dev, F64_POSITIVE_ZERO)));
  }
}

// CCI(20) turning below -100 or above 100. Work: 2 * len + 20 slots.
fn rating_cci_vote_series(close: u32, dst: u32, len: i32, work: u32) {
  let cci = work;
  rating_cci_series(close, cci, len, work + u32(len));
  rating_turn_vote_series(cci, dst, len, RATING_MINUS_HUNDRED, LIB_HUNDRED);
}

// dmi(14, 14) and its vote: buy when adx > 20, rising and +DI > -DI, sell likewise with
// +DI < -DI; undefined while adx is. Work: 5 * len slots.
fn rating_adx_vote_series(high: u32, low: u32, close: u32, dst: u32, len: i32, work: u32) {
  let plus = work;
  let minus = work + u32(len);
  let adx = work + u32(2 * len);
  let tr = work + u32(3 * len);
  let spread = work + u32(4 * len);
  directional_movement_series(high, low, plus, minus, len, true);
  true_range_series(high, low, close, tr, len);
  for (var step = 0; step < 3; step++) {
    let series = select(select(tr, minus, step == 1), plus, step == 0);
    rma_series(series, series, len, 14);
  }
  for (var i = 0; i < len; i++) {
    let range = ld_at(tr, i);
    let undefined_range = f64_eq(range, F64_POSITIVE_ZERO);
    let p = select(f64_div(f64_mul(LIB_HUNDRED, ld_at(plus, i)), range), F64_NAN, undefined_range);
    let m = select(f64_div(f64_mul(LIB_HUNDRED, ld_at(minus, i)), range), F64_NAN, undefined_range);
    st_at(plus, i, p);
    st_at(minus, i, m);
    let s = f64_add(p, m);
    st_at(spread, i, f64_div(f64_abs(f64_sub(p, m)), select(s, F64_ONE, f64_eq(s, F64_POSITIVE_ZERO))));
  }
  rma_series(spread, adx, len, 14);
  for (var i = 0; i < len; i++) {
    st_at(adx, i, f64_mul(LIB_HUNDRED, ld_at(adx, i)));
  }

  for (var i = 0; i < len; i++) {
    let a = ld_at(adx, i);
    var vote = F64_NAN;
    if (!f64_is_nan(a)) {
      vote = F64_POSITIVE_ZERO;
      let strong = greater(a, RATING_TWENTY) && i > 0 && greater(a, ld_at(adx, i - 1));
      if (strong && greater(ld_at(plus, i), ld_at(minus, i))) {
        vote = F64_ONE;
      } else if (strong && less(ld_at(plus, i), ld_at(minus, i))) {
        vote = F64_NEGATIVE_ONE;
      }
    }
    st_at(dst, i, vote);
  }
}

// Awesome Oscillator sma(hl2, 5) - sma(hl2, 34) and its vote: buy on an exact zero-line cross
// up, or above zero with a rising ao after a dip; sell on the mirror; undefined while ao[1] is.
// Work: 3 * len + 34 slots.
fn rating_ao_vote_series(high: u32, low: u32, dst: u32, len: i32, work: u32) {
  let ao = work;
  let hl2 = work + u32(len);
  let slow = work + u32(2 * len);
  let ring = work + u32(3 * len);
  for (var i = 0; i < len; i++) {
    st_at(hl2, i, f64_div(f64_add(ld_at(high, i), ld_at(low, i)), F64_TWO));
  }
  for (var step = 0; step < 2; step++) {
    sma_series(hl2, select(slow, ao, step == 0), len, select(34, 5, step == 0), ring);
  }
  for (var i = 0; i < len; i++) {
    st_at(ao, i, f64_sub(ld_at(ao, i), ld_at(slow, i)));
  }

  if (len > 0) {
    st_at(dst, 0, F64_NAN);
  }
  for (var i = 1; i < len; i++) {
    let a = ld_at(ao, i);
    let a1 = ld_at(ao, i - 1);
    var a2 = F64_NAN;
    if (i > 1) {
      a2 = ld_at(ao, i - 2);
    }
    var vote = F64_NAN;
    if (!f64_is_nan(a1)) {
      vote = F64_POSITIVE_ZERO;
      let cross_up = f64_gt(a, F64_POSITIVE_ZERO) && f64_le(a1, F64_POSITIVE_ZERO);
      let rising = greater(a, F64_POSITIVE_ZERO) && greater(a1, F64_POSITIVE_ZERO) && greater(a, a1) && greater(a2, a1);
      let cross_down = f64_lt(a, F64_POSITIVE_ZERO) && f64_ge(a1, F64_POSITIVE_ZERO);
      let falling = less(a, F64_POSITIVE_ZERO) && less(a1, F64_POSITIVE_ZERO) && less(a, a1) && less(a2, a1);
      if (cross_up || rising) {
        vote = F64_ONE;
      } else if (cross_down || falling) {
        vote = F64_NEGATIVE_ONE;
      }
    }
    st_at(dst, i, vote);
  }
}

// Momentum(10) = close - close[10]: buy while rising, sell while falling; undefined while
// mom[1] is. Work: none.
fn rating_mom_vote_series(close: u32, dst: u32, len: i32) {
  for (var i = 0; i < len; i++) {
    var now = F64_NAN;
    if (i >= 10) {
      now = f64_sub(ld_at(close, i), ld_at(close, i - 10));
    }
    var before = F64_NAN;
    if (i >= 11) {
      before = f64_sub(ld_at(close, i - 1), ld_at(close, i - 11));
    }
    st_at(dst, i, rating_direction_vote(now, before, before));
  }
}

// MACD 12, 26, 9: buy when macd > signal, sell when below; undefined while the signal is.
// Work: 2 * len slots.
fn rating_macd_vote_series(close: u32, dst: u32, len: i32, work: u32) {
  let macd = work;
  let slow = work + u32(len);
  // ema(close, 12) and ema(close, 26), their difference, then its ema(9) into `slow`.
  for (var step = 0; step < 3; step++) {
    let n = select(select(9, 26, step == 1), 12, step == 0);
    ema_series(select(close, macd, step == 2), select(slow, macd, step == 0), len, n);
    if (step == 1) {
      for (var i = 0; i < len; i++) {
        st_at(macd, i, f64_sub(ld_at(macd, i), ld_at(slow, i)));
      }
    }
  }
  for (var i = 0; i < len; i++) {
    let signal = ld_at(slow, i);
    st_at(dst, i, rating_direction_vote(ld_at(macd, i), signal, signal));
  }
}

// Stoch RSI 3, 3, 14, 14: K = sma(stoch(rsi, rsi, rsi, 14), 3), D = sma(K, 3); buy in a
// downtrend and sell in an uptrend of ema(close, 50); undefined while that ema is. Work:
// 7 * len + 18 slots.
fn rating_stoch_rsi_vote_series(close: u32, dst: u32, len: i32, work: u32) {
  let rsi = work;
  let raw = work + u32(len);
  let k = work + u32(2 * len);
  let d = work + u32(3 * len);
  let trend = work + u32(4 * len);
  let rest = work + u32(5 * len);
  let ring = rest + u32(2 * len + 15);
  // The RSI needs two series; its second is free again for the raw stochastic.
  rating_rsi_series(close, rsi, len, rsi);
  rating_stoch_raw_series(rsi, rsi, rsi, raw, len, 14, rest);
  for (var step = 0; step < 2; step++) {
    sma_series(select(k, raw, step == 0), select(d, k, step == 0), len, 3, ring);
  }
  ema_series(close, trend, len, 50);
  for (var i = 0; i < len; i++) {
    let t = ld_at(trend, i);
    var vote = F64_NAN;
    if (!f64_is_nan(t)) {
      vote = F64_POSITIVE_ZERO;
      let c = ld_at(close, i);
      let ki = ld_at(k, i);
      let di = ld_at(d, i);
      if (less(c, t) && less(ki, RATING_TWENTY) && less(di, RATING_TWENTY) && greater(ki, di)) {
        vote = F64_ONE;
      } else if (greater(c, t) && greater(ki, RATING_EIGHTY) && greater(di, RATING_EIGHTY) && less(ki, di)) {
        vote = F64_NEGATIVE_ONE;
      }
    }
    st_at(dst, i, vote);
  }
}

// Williams %R(14) = 100 * (close - highest) / (highest - lowest), undefined on a zero range,
// turning below -80 or above -20. Work: 3 * len + 15 slots.
fn rating_wr_vote_series(high: u32, low: u32, close: u32, dst: u32, len: i32, work: u32) {
  let wr = work;
  let highest = work + u32(len);
  let lowest = work + u32(2 * len);
  let suffix = work + u32(3 * len);
  highest_series(high, highest, len, 14, suffix);
  lowest_series(low, lowest, len, 14, suffix);
  for (var i = 0; i < len; i++) {
    let range = f64_sub(ld_at(highest, i), ld_at(lowest, i));
    let value = f64_div(f64_mul(LIB_HUNDRED, f64_sub(ld_at(close, i), ld_at(highest, i))), range);
    st_at(wr, i, select(value, F64_NAN, f64_eq(range, F64_POSITIVE_ZERO)));
  }
  rating_turn_vote_series(wr, dst, len, RATING_MINUS_EIGHTY, RATING_MINUS_TWENTY);
}

// Bull/Bear Power(13) against ema(close, 13): buy in an uptrend with bear < 0 and rising, sell
// in a downtrend with bull > 0 and falling; undefined while ema(close, 50) is. Work: 2 * len
// slots.
fn rating_bb_power_vote_series(high: u32, low: u32, close: u32, dst: u32, len: i32, work: u32) {
  let ema = work;
  let trend = work + u32(len);
  for (var step = 0; step < 2; step++) {
    ema_series(close, select(trend, ema, step == 0), len, select(50, 13, step == 0));
  }
  for (var i = 0; i < len; i++) {
    let t = ld_at(trend, i);
    var vote = F64_NAN;
    if (!f64_is_nan(t)) {
      vote = F64_POSITIVE_ZERO;
      let c = ld_at(close, i);
      let bear = f64_sub(ld_at(low, i), ld_at(ema, i));
      let bull = f64_sub(ld_at(high, i), ld_at(ema, i));
      var bear_before = F64_NAN;
      var bull_before = F64_NAN;
      if (i > 0) {
        bear_before = f64_sub(ld_at(low, i - 1), ld_at(ema, i - 1));
        bull_before = f64_sub(ld_at(high, i - 1), ld_at(ema, i - 1));
      }
      if (greater(c, t) && less(bear, F64_POSITIVE_ZERO) && greater(bear, bear_before)) {
        vote = F64_ONE;
      } else if (less(c, t) && greater(bull, F64_POSITIVE_ZERO) && less(bull, bull_before)) {
        vote = F64_NEGATIVE_ONE;
      }
    }
    st_at(dst, i, vote);
  }
}

// Ultimate Oscillator 7, 14, 28 into dst: 100 * (4 * A7 + 2 * A14 + A28) / 7, each A a sum of
// buying pressure over a sum of true range, undefined on a zero sum. Work: 4 * len + 28 slots.
fn rating_uo_series(high: u32, low: u32, close: u32, dst: u32, len: i32, work: u32) {
  let bp = work;
  let tr = work + u32(len);
  let bp_sum = work + u32(2 * len);
  let tr_sum = work + u32(3 * len);
  let ring = work + u32(4 * len);
  for (var i = 0; i < len; i++) {
    var before = F64_NAN;
    if (i > 0) {
      before = ld_at(close, i - 1);
    }
    let l = ld_at(low, i);
    let h = ld_at(high, i);
    var tmin = F64_NAN;
    if (!(f64_is_nan(l) || f64_is_nan(before))) {
      tmin = select(before, l, f64_lt(l, before));
    }
    var tmax = F64_NAN;
    if (!(f64_is_nan(h) || f64_is_nan(before))) {
      tmax = select(before, h, f64_gt(h, before));
    }
    st_at(bp, i, f64_sub(ld_at(close, i), tmin));
    st_at(tr, i, f64_sub(tmax, tmin));
  }
  for (var i = 0; i < len; i++) {
    st_at(dst, i, F64_POSITIVE_ZERO);
  }
  for (var j = 0; j < 3; j++) {
    var period = 28;
    var weight = F64_ONE;
    if (j == 0) {
      period = 7;
      weight = RATING_FOUR;
    } else if (j == 1) {
      period = 14;
      weight = F64_TWO;
    }
    for (var step = 0; step < 2; step++) {
      sum_series(select(tr, bp, step == 0), select(tr_sum, bp_sum, step == 0), len, period, ring);
    }
    for (var i = 0; i < len; i++) {
      let range_sum = ld_at(tr_sum, i);
      let average = select(f64_div(ld_at(bp_sum, i), range_sum), F64_NAN, f64_eq(range_sum, F64_POSITIVE_ZERO));
      let weighted = f64_mul(weight, average);
      st_at(dst, i, select(f64_add(ld_at(dst, i), weighted), weighted, j == 0));
    }
  }
  for (var i = 0; i < len; i++) {
    st_at(dst, i, f64_div(f64_mul(LIB_HUNDRED, ld_at(dst, i)), RATING_SEVEN));
  }
}

// Buy when uo > 70, sell when uo < 30; undefined while uo is. Work: 4 * len + 28 slots.
fn rating_uo_vote_series(high: u32, low: u32, close: u32, dst: u32, len: i32, work: u32) {
  rating_uo_series(high, low, close, dst, len, work);
  for (var i = 0; i < len; i++) {
    let uo = ld_at(dst, i);
    var vote = F64_NAN;
    if (!f64_is_nan(uo)) {
      vote = F64_POSITIVE_ZERO;
      if (greater(uo, RATING_SEVENTY)) {
        vote = F64_ONE;
      } else if (less(uo, RATING_THIRTY)) {
        vote = F64_NEGATIVE_ONE;
      }
    }
    st_at(dst, i, vote);
  }
}

// Vote `which` of recommend_other (0 rsi, 1 stoch, 2 cci, 3 adx, 4 ao, 5 mom, 6 macd,
// 7 stochrsi, 8 wr, 9 bbpower, 10 uo) of every bar into dst. Work: 8 * len + 64 slots.
fn rating_oscillator_vote_series(which: i32, high: u32, low: u32, close: u32, dst: u32, len: i32, work: u32) {
  switch (which) {
    case 0: { rating_rsi_vote_series(close, dst, len, work); }
    case 1: { rating_stoch_vote_series(high, low, close, dst, len, work); }
    case 2: { rating_cci_vote_series(close, dst, len, work); }
    case 3: { rating_adx_vote_series(high, low, close, dst, len, work); }
    case 4: { rating_ao_vote_series(high, low, dst, len, work); }
    case 5: { rating_mom_vote_series(close, dst, len); }
    case 6: { rating_macd_vote_series(close, dst, len, work); }
    case 7: { rating_stoch_rsi_vote_series(close, dst, len, work); }
    case 8: { rating_wr_vote_series(high, low, close, dst, len, work); }
    case 9: { rating_bb_power_vote_series(high, low, close, dst, len, work); }
    default: { rating_uo_vote_series(high, low, close, dst, len, work); }
  }
}

// recommend_other: the mean of the defined votes of the 11 oscillators; NaN when none is
// defined. Scratch: 3 * len + 8 * len + 64 slots.
fn rating_recommend_other_series(high: u32, low: u32, close: u32, dst: u32, len: i32, scratch: u32) {
  let sum = scratch;
  let count = scratch + u32(len);
  let vote = scratch + u32(2 * len);
  let work = scratch + u32(3 * len);
  rating_clear_votes(sum, count, len);
  for (var k = 0; k < 11; k++) {
    rating_oscillator_vote_series(k, high, low, close, vote, len, work);
    rating_add_votes(vote, sum, count, len);
  }
  rating_mean_votes(sum, count, dst, len);
}

// ---- Moving-average rating (recommend_ma): the mirror of src/reference/ratings.ts ----------

const RATING_MINUS_HALF = vec2<u32>(0x00000000u, 0xBFE00000u); // -0.5
const RATING_MINUS_TENTH = vec2<u32>(0x9999999Au, 0xBFB99999u); // -0.1
const RATING_TENTH = vec2<u32>(0x9999999Au, 0x3FB99999u); // 0.1
const RATING_MINUS_TWO = vec2<u32>(0x00000000u, 0xC0000000u); // -2.0

// Vote of close against a moving average, exact compares: 1 above, -1 below, 0 equal, NaN
// when either operand is undefined.
fn rating_ma_vote(close: vec2<u32>, ma: vec2<u32>) -> vec2<u32> {
  if (f64_gt(close, ma)) {
    return F64_ONE;
  }
  if (f64_lt(close, ma)) {
    return F64_NEGATIVE_ONE;
  }
  if (f64_eq(close, ma)) {
    return F64_POSITIVE_ZERO;
  }
  return F64_NAN;
}

// Replaces each value of `ma` by the vote of close against it.
fn rating_ma_vote_in_place(close: u32, ma: u32, len: i32) {
  for (var i = 0; i < len; i++) {
    st_at(ma, i, rating_ma_vote(ld_at(close, i), ld_at(ma, i)));
  }
}

// Ichimoku 9, 26, 52 vote with undisplaced lines, by the screener rule (profile 0) or
// pine_v3's (profile 1); undefined while lead2 or close is. conv, base and lead2 come from
// mid_range_series, which gives the values of ichimokuLines in src/reference/ratings.ts: both
// take each window's first extreme and leave a window without a defined high or low undefined.
// Work: 4 * len + 53 slots.
fn rating_ichimoku_vote_series(high: u32, low: u32, close: u32, dst: u32, len: i32, profile: vec2<u32>, work: u32) {
  let conv = work;
  let base = work + u32(len);
  let lead2 = work + u32(2 * len);
  let rest = work + u32(3 * len);
  mid_range_series(high, low, conv, len, 9, rest);
  mid_range_series(high, low, base, len, 26, rest);
  mid_range_series(high, low, lead2, len, 52, rest);
  let pine_v3 = f64_eq(profile, F64_ONE);
  for (var i = 0; i < len; i++) {
    let c = ld_at(close, i);
    let l2_now = ld_at(lead2, i);
    if (f64_is_nan(l2_now) || f64_is_nan(c)) {
      st_at(dst, i, F64_NAN);
      continue;
    }
    let conv_now = ld_at(conv, i);
    let base_now = ld_at(base, i);
    var buy: bool;
    var sell: bool;
    if (pine_v3) {
      var l1 = F64_NAN;
      var l2 = F64_NAN;
      if (i >= 26) {
        l1 = f64_div(f64_add(ld_at(conv, i - 26), ld_at(base, i - 26)), F64_TWO);
        l2 = ld_at(lead2, i - 26);
      }
      buy = greater(l1, l2) && greater(base_now, l1) && greater(conv_now, base_now) && greater(c, conv_now);
      sell = less(l1, l2) && less(base_now, l1) && less(conv_now, base_now) && less(c, conv_now);
    } else {
      let lead1 = f64_div(f64_add(conv_now, base_now), F64_TWO);
      var previous_close = F64_NAN;
      if (i > 0) {
        previous_close = ld_at(close, i - 1);
      }
      buy = greater(lead1, l2_now) && greater(c, lead1) && less(c, base_now) && less(previous_close, conv_now) && greater(c, conv_now);
      sell = greater(l2_now, lead1) && less(c, l2_now) && greater(c, base_now) && greater(previous_close, conv_now) && less(c, conv_now);
    }
    var vote = F64_POSITIVE_ZERO;
    if (buy) {
      vote = F64_ONE;
    } else if (sell) {
      vote = F64_NEGATIVE_ONE;
    }
    st_at(dst, i, vote);
  }
}

// Adds each defined vote to `sum` and counts it in `count`.
fn rating_add_votes(vote: u32, sum: u32, count: u32, len: i32) {
  for (var i = 0; i < len; i++) {
    let v = ld_at(vote, i);
    if (f64_is_nan(v)) {
      continue;
    }
    st_at(sum, i, f64_add(ld_at(sum, i), v));
    st_at(count, i, f64_add(ld_at(count, i), F64_ONE));
  }
}

// Vote of member `member` of recommend_ma into `vote`, members in the reference's order: sma
// and ema of 10, 20, 30, 50, 100 and 200 (0 to 11), Ichimoku (12), VWMA(20) (13), HMA(9) (14).
// Work: 4 * len + 53 slots.
fn rating_ma_member_vote_series(member: i32, high: u32, low: u32, close: u32, volume: u32, vote: u32, len: i32, profile: vec2<u32>, work: u32) {
  if (member < 12) {
    var lengths = array<i32, 6>(10, 20, 30, 50, 100, 200);
    let n = lengths[member / 2];
    if (member % 2 == 0) {
      sma_series(close, vote, len, n, work);
    } else {
      ema_series(close, vote, len, n);
    }
    rating_ma_vote_in_place(close, vote, len);
  } else if (member == 12) {
    rating_ichimoku_vote_series(high, low, close, vote, len, profile, work);
  } else if (member == 13) {
    x_vwma_series(close, volume, vote, len, 20, work);
    rating_ma_vote_in_place(close, vote, len);
  } else {
    x_hma_series(close, vote, len, 9, work);
    rating_ma_vote_in_place(close, vote, len);
  }
}

// Sets `sum` and `count` to 0 before a rating adds its members' votes.
fn rating_clear_votes(sum: u32, count: u32, len: i32) {
  for (var i = 0; i < len; i++) {
    st_at(sum, i, F64_POSITIVE_ZERO);
    st_at(count, i, F64_POSITIVE_ZERO);
  }
}

// The mean of the added votes into dst, NaN where none was defined. The votes are integers, so
// the sum is exact and the one division rounds the mean.
fn rating_mean_votes(sum: u32, count: u32, dst: u32, len: i32) {
  for (var i = 0; i < len; i++) {
    let c = ld_at(count, i);
    st_at(dst, i, select(F64_NAN, f64_div(ld_at(sum, i), c), f64_gt(c, F64_POSITIVE_ZERO)));
  }
}

// recommend_ma: the mean of the defined votes of its 15 members; NaN when no vote is defined.
// One call site per average keeps the shader small. Scratch: 7 * len + 53 slots.
fn rating_recommend_ma_series(high: u32, low: u32, close: u32, volume: u32, dst: u32, len: i32, profile: vec2<u32>, scratch: u32) {
  let sum = scratch;
  let count = scratch + u32(len);
  let vote = scratch + u32(2 * len);
  let work = scratch + u32(3 * len);
  rating_clear_votes(sum, count, len);
  for (var member = 0; member < 15; member++) {
    rating_ma_member_vote_series(member, high, low, close, volume, vote, len, profile, work);
    rating_add_votes(vote, sum, count, len);
  }
  rating_mean_votes(sum, count, dst, len);
}

// (ma + other) / 2 when both are defined, else whichever is, else NaN.
fn rating_combine(ma: vec2<u32>, other: vec2<u32>) -> vec2<u32> {
  if (f64_is_nan(ma)) {
    return other;
  }
  if (f64_is_nan(other)) {
    return ma;
  }
  return f64_div(f64_add(ma, other), F64_TWO);
}

// recommend_all: recommend_ma into dst, recommend_other beside it, then their combination.
// Scratch: the larger of 7 * len + 53 and len + 11 * len + 64 slots.
fn rating_recommend_all_series(high: u32, low: u32, close: u32, volume: u32, dst: u32, len: i32, profile: vec2<u32>, scratch: u32) {
  rating_recommend_ma_series(high, low, close, volume, dst, len, profile, scratch);
  let other = scratch;
  rating_recommend_other_series(high, low, close, other, len, scratch + u32(len));
  for (var i = 0; i < len; i++) {
    st_at(dst, i, rating_combine(ld_at(dst, i), ld_at(other, i)));
  }
}

// Band of a rating, exact compares: -2 below -0.5, -1 below -0.1, 0 up to 0.1, 1 up to 0.5,
// else 2; NaN stays NaN.
fn rating_band(rating: vec2<u32>) -> vec2<u32> {
  if (f64_is_nan(rating)) {
    return F64_NAN;
  }
  if (f64_lt(rating, RATING_MINUS_HALF)) {
    return RATING_MINUS_TWO;
  }
  if (f64_lt(rating, RATING_MINUS_TENTH)) {
    return F64_NEGATIVE_ONE;
  }
  if (f64_le(rating, RATING_TENTH)) {
    return F64_POSITIVE_ZERO;
  }
  if (f64_le(rating, F64_HALF)) {
    return F64_ONE;
  }
  return F64_TWO;
}
