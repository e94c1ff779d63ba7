/**
 * Building blocks of the reference kernels, one whole series at a time. Every block follows
 * Pine's handling of undefined values: a NaN input gives a NaN output and leaves the state
 * untouched, so windows hold the last n defined values. kernels/as/lib.ts mirrors each block
 * operation for operation; the two must stay in step for the bit-identity contract.
 */

/**
 * Rolling sum of the last n defined values, with compensation (the machine TradingView's
 * `math.sum` was measured to run). While the window fills, each value is one compensated
 * add. Once it is full, each bar removes the oldest stored addend and adds the new value in
 * two compensated rounds, storing the realized addend so the later removal cancels exactly
 * what was added. `ring` needs n slots.
 */
export function sumSeries(src: Float64Array, dst: Float64Array, n: number, ring: Float64Array): void {
  let s = 0;
  let c = 0;
  let count = 0;
  let head = 0;
  for (let i = 0; i < src.length; i++) {
    const x = src[i];
    if (x !== x) {
      dst[i] = NaN;
      continue;
    }
    if (count < n) {
      const y = x - c;
      const t = s + y;
      c = t - s - y;
      s = t;
      ring[count] = y;
      count++;
      dst[i] = count === n ? s : NaN;
    } else {
      const y1 = -ring[head] - c;
      const t = s + y1;
      const e1 = t - s - y1;
      const y2 = x - e1;
      const u = t + y2;
      c = u - t - y2;
      s = u;
      ring[head] = y2;
      head = head + 1 === n ? 0 : head + 1;
      dst[i] = s;
    }
  }
}

/** Simple moving average: the rolling sum divided by n. `ring` needs n slots. */
export function smaSeries(src: Float64Array, dst: Float64Array, n: number, ring: Float64Array): void {
  sumSeries(src, dst, n, ring);
  for (let i = 0; i < dst.length; i++) dst[i] = dst[i] / n;
}

/**
 * Exponential moving average with alpha = 2 / (n + 1), seeded with the SMA of the first n
 * defined values (the same compensated sum as `sumSeries`), then prev + alpha * (x - prev).
 */
export function emaSeries(src: Float64Array, dst: Float64Array, n: number): void {
  smoothSeries(src, dst, n, 2 / (n + 1), false);
}

/** Wilder's moving average: seeded like `emaSeries`, then (prev * (n - 1) + x) / n. */
export function rmaSeries(src: Float64Array, dst: Float64Array, n: number): void {
  smoothSeries(src, dst, n, 0, true);
}

function smoothSeries(src: Float64Array, dst: Float64Array, n: number, alpha: number, wilder: boolean): void {
  let s = 0;
  let c = 0;
  let count = 0;
  let prev = NaN;
  const keep = n - 1;
  for (let i = 0; i < src.length; i++) {
    const x = src[i];
    if (x !== x) {
      dst[i] = NaN;
      continue;
    }
    if (count < n) {
      const y = x - c;
      const t = s + y;
      c = t - s - y;
      s = t;
      count++;
      if (count === n) {
        prev = s / n;
        dst[i] = prev;
      } else {
        dst[i] = NaN;
      }
    } else {
      prev = wilder ? (prev * keep + x) / n : prev + alpha * (x - prev);
      dst[i] = prev;
    }
  }
}

/**
 * Weighted moving average over the last n defined values, weights 1 (oldest) to n (newest),
 * summed oldest first and divided by n(n+1)/2. `ring` needs n slots.
 */
export function wmaSeries(src: Float64Array, dst: Float64Array, n: number, ring: Float64Array): void {
  const norm = (n * (n + 1)) / 2;
  let count = 0;
  let head = 0;
  for (let i = 0; i < src.length; i++) {
    const x = src[i];
    if (x !== x) {
      dst[i] = NaN;
      continue;
    }
    ring[head] = x;
    head = head + 1 === n ? 0 : head + 1;
    if (count < n) count++;
    if (count < n) {
      dst[i] = NaN;
      continue;
    }
    let sum = 0;
    let k = head;
    for (let w = 1; w <= n; w++) {
      sum += ring[k] * w;
      k = k + 1 === n ? 0 : k + 1;
    }
    dst[i] = sum / norm;
  }
}

/**
 * Highest defined value among the last n bars (bars, not defined values, as Pine's
 * `ta.highest`): undefined before bar n - 1 and when the window holds no defined value.
 */
export function highestSeries(src: Float64Array, dst: Float64Array, n: number): void {
  for (let i = 0; i < src.length; i++) {
    let m = NaN;
    if (i >= n - 1) {
      for (let j = i - n + 1; j <= i; j++) {
        const v = src[j];
        if (v > m || (m !== m && v === v)) m = v;
      }
    }
    dst[i] = m;
  }
}

/** Lowest defined value among the last n bars; the mirror of `highestSeries`. */
export function lowestSeries(src: Float64Array, dst: Float64Array, n: number): void {
  for (let i = 0; i < src.length; i++) {
    let m = NaN;
    if (i >= n - 1) {
      for (let j = i - n + 1; j <= i; j++) {
        const v = src[j];
        if (v < m || (m !== m && v === v)) m = v;
      }
    }
    dst[i] = m;
  }
}

/** True range: max(high - low, |high - close[1]|, |low - close[1]|); undefined on bar 0. */
export function trueRangeSeries(high: Float64Array, low: Float64Array, close: Float64Array, dst: Float64Array): void {
  if (dst.length > 0) dst[0] = NaN;
  for (let i = 1; i < dst.length; i++) {
    const prevClose = close[i - 1];
    let tr = high[i] - low[i];
    const up = Math.abs(high[i] - prevClose);
    if (up > tr) tr = up;
    const down = Math.abs(low[i] - prevClose);
    if (down > tr) tr = down;
    dst[i] = tr;
  }
}

/** Fill `dst` with NaN from `from` (inclusive) to `to` (exclusive). */
export function fillNaN(dst: Float64Array, from: number, to: number): void {
  for (let i = from; i < to; i++) dst[i] = NaN;
}

/**
 * Pine's tolerant comparison a > b: true when a exceeds b by more than 1e-10, false when
 * either operand is undefined. TradingView's ratings compare this way, so values that differ
 * only by rounding noise, such as RSI readings 1e-14 apart on an unchanged close, are equal.
 */
export function greater(a: number, b: number): boolean {
  return a - b > 1e-10;
}

/** Pine's tolerant comparison a < b: b exceeds a by more than 1e-10; false when undefined. */
export function less(a: number, b: number): boolean {
  return b - a > 1e-10;
}

/** Floor of the square root of a non-negative integer, exact: the float estimate is corrected in integers. */
export function isqrt(n: number): number {
  let r = Math.floor(Math.sqrt(n));
  while (r * r > n) r--;
  while ((r + 1) * (r + 1) <= n) r++;
  return r;
}

/**
 * Hull moving average, Pine's `ta.hma`: wma(2 * wma(x, floor(n/2)) - wma(x, n), floor(sqrt(n))).
 * Needs n >= 2. `tmp` needs one slot per bar of `src`, `ring` n slots.
 */
export function hmaSeries(src: Float64Array, dst: Float64Array, n: number, tmp: Float64Array, ring: Float64Array): void {
  const len = src.length;
  const full = tmp.subarray(0, len);
  wmaSeries(src, dst, Math.floor(n / 2), ring);
  wmaSeries(src, full, n, ring);
  for (let i = 0; i < len; i++) full[i] = 2 * dst[i] - full[i];
  wmaSeries(full, dst, isqrt(n), ring);
}

/**
 * Volume-weighted moving average, Pine's `ta.vwma`: sma(x * volume, n) / sma(volume, n),
 * undefined where the volume average is 0. `tmp` needs one slot per bar of `src`, `ring` n slots.
 */
export function vwmaSeries(src: Float64Array, volume: Float64Array, dst: Float64Array, n: number, tmp: Float64Array, ring: Float64Array): void {
  const len = src.length;
  const work = tmp.subarray(0, len);
  for (let i = 0; i < len; i++) work[i] = src[i] * volume[i];
  smaSeries(work, dst, n, ring);
  smaSeries(volume, work, n, ring);
  for (let i = 0; i < len; i++) {
    const averageVolume = work[i];
    dst[i] = averageVolume === 0 ? NaN : dst[i] / averageVolume;
  }
}

/**
 * Midpoint of the highest high and the lowest low of the last n bars, (highest + lowest) / 2:
 * the donchian line of Pine's Ichimoku. `tmp` needs one slot per bar of `high`.
 */
export function donchianSeries(high: Float64Array, low: Float64Array, dst: Float64Array, n: number, tmp: Float64Array): void {
  const len = high.length;
  const lowest = tmp.subarray(0, len);
  highestSeries(high, dst, n);
  lowestSeries(low, lowest, n);
  for (let i = 0; i < len; i++) dst[i] = (dst[i] + lowest[i]) / 2;
}

/**
 * Upward and downward changes from the previous bar: gain = max(x - x[1], 0) and
 * loss = max(x[1] - x, 0). Undefined on bar 0 and where either bar is undefined, as Pine's
 * `ta.change` propagates undefined values.
 */
export function gainLossSeries(src: Float64Array, gain: Float64Array, loss: Float64Array): void {
  if (src.length > 0) {
    gain[0] = NaN;
    loss[0] = NaN;
  }
  for (let i = 1; i < src.length; i++) {
    const change = src[i] - src[i - 1];
    if (change !== change) {
      gain[i] = NaN;
      loss[i] = NaN;
    } else {
      gain[i] = change > 0 ? change : 0;
      loss[i] = change < 0 ? -change : 0;
    }
  }
}
