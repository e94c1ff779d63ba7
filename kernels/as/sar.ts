import { column, ld, param, seriesStart, st } from './lib';
import { sarPair } from './lib-rest';

/**
 * Parabolic SAR, mirroring src/reference/sar.ts: TA-Lib's SAR under the talib conventions (last
 * param 0) and Pine's ta.sar under tradingview (1). Scratch: none.
 */
export function sar(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const highs = column(inputs, 0);
  const lows = column(inputs, 1);
  const closes = column(inputs, 2);
  const output = column(outputs, 0);
  const acceleration = param(params, 0);
  const maximum = param(params, 1);
  const conventions = <i32>param(params, 3);
  // TA-Lib's SAR runs two series at a time, so a series waits in `pendingAt` for its partner.
  let pendingAt: usize = 0;
  let pendingLen: i32 = 0;
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = <usize>start << 3;
    const out = output + at;
    if (len > 0) st(out, 0, NaN);
    if (len < 2) continue;
    if (conventions == 1) {
      pineSar(highs + at, lows + at, closes + at, out, len, acceleration, maximum);
    } else if (pendingLen == 0) {
      pendingAt = at;
      pendingLen = len;
    } else {
      sarPair(highs + pendingAt, lows + pendingAt, output + pendingAt, pendingLen, highs + at, lows + at, out, len, acceleration, maximum);
      pendingLen = 0;
    }
  }
  if (pendingLen > 0) talibSar(highs + pendingAt, lows + pendingAt, output + pendingAt, pendingLen, acceleration, maximum);
}

function talibSar(high: usize, low: usize, out: usize, len: i32, acceleration: f64, maximum: f64): void {
  const step = acceleration > maximum ? maximum : acceleration;
  let af = step;
  const up = ld(high, 1) - ld(high, 0);
  const down = ld(low, 0) - ld(low, 1);
  let isLong = !(down > 0 && up < down);
  let ep = isLong ? ld(high, 1) : ld(low, 1);
  let sar = isLong ? ld(low, 0) : ld(high, 0);
  let newLow = ld(low, 1);
  let newHigh = ld(high, 1);
  for (let i: i32 = 1; i < len; i++) {
    const prevLow = newLow;
    const prevHigh = newHigh;
    newLow = ld(low, i);
    newHigh = ld(high, i);
    if (isLong) {
      if (newLow <= sar) {
        isLong = false;
        sar = ep;
        if (sar < prevHigh) sar = prevHigh;
        if (sar < newHigh) sar = newHigh;
        st(out, i, sar);
        af = step;
        ep = newLow;
        sar = sar + af * (ep - sar);
        if (sar < prevHigh) sar = prevHigh;
        if (sar < newHigh) sar = newHigh;
      } else {
        st(out, i, sar);
        if (newHigh > ep) {
          ep = newHigh;
          af += step;
          if (af > maximum) af = maximum;
        }
        sar = sar + af * (ep - sar);
        if (sar > prevLow) sar = prevLow;
        if (sar > newLow) sar = newLow;
      }
    } else if (newHigh >= sar) {
      isLong = true;
      sar = ep;
      if (sar > prevLow) sar = prevLow;
      if (sar > newLow) sar = newLow;
      st(out, i, sar);
      af = step;
      ep = newHigh;
      sar = sar + af * (ep - sar);
      if (sar > prevLow) sar = prevLow;
      if (sar > newLow) sar = newLow;
    } else {
      st(out, i, sar);
      if (newLow < ep) {
        ep = newLow;
        af += step;
        if (af > maximum) af = maximum;
      }
      sar = sar + af * (ep - sar);
      if (sar < prevHigh) sar = prevHigh;
      if (sar < newHigh) sar = newHigh;
    }
  }
}

function pineSar(high: usize, low: usize, close: usize, out: usize, len: i32, acceleration: f64, maximum: f64): void {
  let isBelow = ld(close, 1) > ld(close, 0);
  let extreme = isBelow ? ld(high, 1) : ld(low, 1);
  let result = isBelow ? ld(low, 0) : ld(high, 0);
  let af = acceleration;
  for (let i: i32 = 1; i < len; i++) {
    const h = ld(high, i);
    const l = ld(low, i);
    let firstTrendBar = i == 1;
    result = result + af * (extreme - result);
    if (isBelow) {
      if (result > l) {
        firstTrendBar = true;
        isBelow = false;
        result = h < extreme ? extreme : h;
        extreme = l;
        af = acceleration;
      }
    } else if (result < h) {
      firstTrendBar = true;
      isBelow = true;
      result = extreme < l ? extreme : l;
      extreme = h;
      af = acceleration;
    }
    if (!firstTrendBar) {
      if (isBelow) {
        if (h > extreme) {
          extreme = h;
          const next = af + acceleration;
          af = next < maximum ? next : maximum;
        }
      } else if (l < extreme) {
        extreme = l;
        const next = af + acceleration;
        af = next < maximum ? next : maximum;
      }
    }
    if (isBelow) {
      if (ld(low, i - 1) < result) result = ld(low, i - 1);
      if (i > 1 && ld(low, i - 2) < result) result = ld(low, i - 2);
    } else {
      if (ld(high, i - 1) > result) result = ld(high, i - 1);
      if (i > 1 && ld(high, i - 2) > result) result = ld(high, i - 2);
    }
    st(out, i, result);
  }
}
