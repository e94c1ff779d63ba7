import { column, ld, param, seriesStart, slots, st } from './lib';
import { directionalMovementLanes, trueRangeLanes } from './lib-sums';

/**
 * adx(n) with adxr, plus_di, minus_di, dx; the mirror of src/reference/adx.ts. The params end
 * with the conventions flag. Scratch: 3 slots per bar.
 */
export function adx(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const high = column(inputs, 0);
  const low = column(inputs, 1);
  const close = column(inputs, 2);
  const adxOut = column(outputs, 0);
  const adxrOut = column(outputs, 1);
  const plusOut = column(outputs, 2);
  const minusOut = column(outputs, 3);
  const dxOut = column(outputs, 4);
  const n = <i32>param(params, 0);
  const pine = param(params, 2) == 1;
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = slots(start);
    const movement = scratch;
    const range = scratch + slots(2 * len);
    directionalMovementLanes(high + at, low + at, movement, len, pine);
    trueRangeLanes(high + at, low + at, close + at, range, len);
    if (len > 0) st(range, 0, pine ? NaN : 0);
    adxSeries(movement, range, adxOut + at, adxrOut + at, plusOut + at, minusOut + at, dxOut + at, len, n, pine);
  }
}

/**
 * Runs the reference's passes that follow +DM, -DM (the lanes of `movements`, one vector per
 * bar) and the true range (`ranges`) as one pass over the bars. Each `rmaSeries` of the
 * reference (of +DM and -DM, of the true range, of dx or Pine's ratio) moves one bar at a time,
 * so here the four move together and their chains of operations overlap. +DM and -DM are never
 * NaN after bar 0, because directionalMovementSeries gives 0 where a comparison fails. So their
 * two averages fill in step and share the lanes of one vector. adxr reads the adx written lag
 * bars earlier.
 */
function adxSeries(
  movements: usize, ranges: usize,
  adxOut: usize, adxrOut: usize, plusOut: usize, minusOut: usize, dxOut: usize,
  len: i32, n: i32, pine: bool,
): void {
  const fn = <f64>n;
  const keep = <f64>(n - 1);
  const count = f64x2.splat(fn);
  const keepLanes = f64x2.splat(keep);
  const hundred = f64x2.splat(100.0);
  let movementSum = f64x2.splat(0);
  let movementError = f64x2.splat(0);
  let movementAverage = f64x2.splat(NaN);
  let movementCount: i32 = 0;
  let rangeSum: f64 = 0;
  let rangeError: f64 = 0;
  let rangeAverage: f64 = NaN;
  let rangeCount: i32 = 0;
  let adxSum: f64 = 0;
  let adxError: f64 = 0;
  let adxAverage: f64 = NaN;
  let adxCount: i32 = 0;
  const lag = n - 1;
  for (let i: i32 = 0; i < len; i++) {
    const movement = v128.load(movements + (<usize>i << 4));
    const range = ld(ranges, i);

    // Wilder's averages of rmaSeries: a NaN input gives NaN and leaves the machine as it is.
    let movementOut = f64x2.splat(NaN);
    if (!(pine && i == 0)) {
      if (movementCount < n) {
        const y = f64x2.sub(movement, movementError);
        const t = f64x2.add(movementSum, y);
        movementError = f64x2.sub(f64x2.sub(t, movementSum), y);
        movementSum = t;
        movementCount++;
        if (movementCount == n) {
          movementAverage = f64x2.div(movementSum, count);
          movementOut = movementAverage;
        }
      } else {
        movementAverage = f64x2.div(f64x2.add(f64x2.mul(movementAverage, keepLanes), movement), count);
        movementOut = movementAverage;
      }
    }
    let rangeOut: f64 = NaN;
    if (range == range) {
      if (rangeCount < n) {
        const y = range - rangeError;
        const t = rangeSum + y;
        rangeError = t - rangeSum - y;
        rangeSum = t;
        rangeCount++;
        if (rangeCount == n) {
          rangeAverage = rangeSum / fn;
          rangeOut = rangeAverage;
        }
      } else {
        rangeAverage = (rangeAverage * keep + range) / fn;
        rangeOut = rangeAverage;
      }
    }

    let p: f64 = NaN;
    let m: f64 = NaN;
    if (i >= n && rangeOut != 0) {
      const divisor = f64x2.splat(rangeOut);
      const di = pine ? f64x2.div(f64x2.mul(hundred, movementOut), divisor) : f64x2.mul(hundred, f64x2.div(movementOut, divisor));
      p = f64x2.extract_lane(di, 0);
      m = f64x2.extract_lane(di, 1);
    }
    st(plusOut, i, p);
    st(minusOut, i, m);
    const sum = p + m;
    const spread = Math.abs(p - m);
    let x: f64;
    if (pine) {
      x = spread / (sum == 0 ? 1.0 : sum);
      st(dxOut, i, 100.0 * x);
    } else {
      x = sum == 0 ? NaN : 100.0 * (spread / sum);
      st(dxOut, i, x);
    }

    let average: f64 = NaN;
    if (x == x) {
      if (adxCount < n) {
        const y = x - adxError;
        const t = adxSum + y;
        adxError = t - adxSum - y;
        adxSum = t;
        adxCount++;
        if (adxCount == n) {
          adxAverage = adxSum / fn;
          average = adxAverage;
        }
      } else {
        adxAverage = (adxAverage * keep + x) / fn;
        average = adxAverage;
      }
    }
    const value = pine ? 100.0 * average : average;
    st(adxOut, i, value);
    st(adxrOut, i, i >= lag ? (value + ld(adxOut, i - lag)) / 2.0 : NaN);
  }
}
