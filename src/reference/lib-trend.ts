/**
 * Building blocks of the trend and volume indicators (adx, aroon, mfi, ultosc, obv, ad, adosc,
 * cmf), one whole series at a time. kernels/as/lib-trend.ts mirrors each block operation for
 * operation. Inputs arrive compacted (no NaN in high, low, close or volume).
 */

import { greater } from './lib.js';

/**
 * Directional movement from bar 1: up = high - high[1], down = low[1] - low. TA-Lib's rule
 * (`pine` false): -DM = down when down > 0 and up < down, else +DM = up when up > 0 and
 * up > down. Pine's rule (`pine` true): +DM = up when up > down and up > 0 with the 1e-10
 * tolerant compares, -DM likewise. The other one is 0. Bar 0 gets 0 for TA-Lib, which seeds
 * its Wilder sums as if bar 0 added nothing, and NaN for Pine, whose `ta.change` is undefined there.
 */
export function directionalMovementSeries(
  high: Float64Array,
  low: Float64Array,
  plus: Float64Array,
  minus: Float64Array,
  pine: boolean,
): void {
  const len = high.length;
  if (len > 0) {
    plus[0] = pine ? NaN : 0;
    minus[0] = pine ? NaN : 0;
  }
  for (let i = 1; i < len; i++) {
    const up = high[i] - high[i - 1];
    const down = low[i - 1] - low[i];
    let p = 0;
    let m = 0;
    if (pine) {
      if (greater(up, down) && greater(up, 0)) p = up;
      if (greater(down, up) && greater(down, 0)) m = down;
    } else if (down > 0 && up < down) {
      m = down;
    } else if (up > 0 && up > down) {
      p = up;
    }
    plus[i] = p;
    minus[i] = m;
  }
}

/**
 * Money flow volume of each bar: TA-Lib's AD term ((close - low) - (high - close)) / (high - low)
 * * volume (`pine` false), or Pine's ((2 * close - low - high) / (high - low)) * volume
 * (`pine` true). TA-Lib skips a bar whose high - low is not positive, so its term is 0;
 * Pine's `ta.accdist` gives 0 when high == low.
 */
export function moneyFlowVolumeSeries(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  volume: Float64Array,
  dst: Float64Array,
  pine: boolean,
): void {
  for (let i = 0; i < high.length; i++) {
    const h = high[i];
    const l = low[i];
    const c = close[i];
    const range = h - l;
    if (pine) {
      dst[i] = range === 0 ? 0 : ((2 * c - l - h) / range) * volume[i];
    } else {
      dst[i] = range > 0 ? ((c - l - (h - c)) / range) * volume[i] : 0;
    }
  }
}

/** Running total of `src` from bar 0, plain additions in bar order (as TA-Lib's AD and Pine's `ta.cum`). */
export function cumulativeSeries(src: Float64Array, dst: Float64Array): void {
  let total = 0;
  for (let i = 0; i < src.length; i++) {
    total = total + src[i];
    dst[i] = total;
  }
}
