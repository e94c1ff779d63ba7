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
 * Calls `dense` on the defined values of `src` packed together (all of `src` when it has no
 * NaN), then spreads each output back to the bars, NaN where `src` is undefined. So a window
 * of n holds the last n defined values, as in the blocks above.
 */
function onDefinedValues(
  src: Float64Array,
  outputs: readonly Float64Array[],
  dense: (values: Float64Array, outputs: readonly Float64Array[]) => void,
): void {
  const len = src.length;
  let defined = 0;
  for (let i = 0; i < len; i++) if (src[i] === src[i]) defined++;
  if (defined === len) {
    dense(src, outputs);
    return;
  }
  const packed = new Float64Array(defined);
  for (let i = 0, j = 0; i < len; i++) if (src[i] === src[i]) packed[j++] = src[i];
  const packedOutputs = outputs.map(() => new Float64Array(defined));
  dense(packed, packedOutputs);
  outputs.forEach((out, k) => {
    const values = packedOutputs[k];
    for (let i = 0, j = 0; i < len; i++) out[i] = src[i] === src[i] ? values[j++] : NaN;
  });
}

/**
 * Creates the buffer for the suffix sums of one block of n. Slots 0 to n - 1 start as NaN, so
 * the windows of the first block are undefined. Slot n contains -0: the window that is exactly
 * one block adds it to its prefix, which leaves the prefix unchanged.
 */
function suffixBuffer(n: number): Float64Array {
  const buffer = new Float64Array(n + 1).fill(NaN);
  buffer[n] = -0;
  return buffer;
}

/*
 * The TA-Lib-convention windows below (windowMeanSeries, windowWmaSeries, windowBandsSeries)
 * sum by blocks of n values, as van Herk/Gil-Werman do for maxima. The window ending at offset
 * j of block b is the suffix of block b - 1 from offset j + 1, summed newest to oldest, plus
 * the prefix of block b up to j, summed oldest to newest. Each window sum adds only its own n
 * values, so no rounding error carries from one window to the next as in TA-Lib's running
 * sums, and a bar costs O(1) whatever n is. The wasm kernels compute both sums in one loop.
 */

/** Simple moving average, TA-Lib's SMA: the mean of the last n defined values, by block sums. */
export function windowMeanSeries(src: Float64Array, dst: Float64Array, n: number): void {
  onDefinedValues(src, [dst], (values, [out]) => denseWindowMean(values, out, n));
}

function denseWindowMean(src: Float64Array, dst: Float64Array, n: number): void {
  const len = src.length;
  const suffix = suffixBuffer(n);
  for (let start = 0; start < len; start += n) {
    const end = Math.min(start + n, len);
    let prefix = 0;
    for (let i = start; i < end; i++) {
      prefix += src[i];
      dst[i] = (suffix[i - start + 1] + prefix) / n;
    }
    if (end - start < n || end === len) continue;
    let sum = 0;
    for (let i = end - 1; i >= start; i--) {
      sum += src[i];
      suffix[i - start] = sum;
    }
  }
}

/**
 * Weighted moving average, TA-Lib's WMA: weights 1 (oldest) to n (newest) over the last n
 * defined values, divided by n(n+1)/2, by block sums. The window's share of block b weighs its
 * offset k <= j by n - j + k; moving to offset j + 1 adds n * x[j + 1] and takes off one of
 * each earlier value, the prefix sum, as TA-Lib's recurrence does, but restarting at every
 * block. The share of block b - 1 is its suffix from offset j + 1 weighted 1, 2, ... from that
 * offset, which the backward pass builds as a running sum of suffix sums.
 */
export function windowWmaSeries(src: Float64Array, dst: Float64Array, n: number): void {
  onDefinedValues(src, [dst], (values, [out]) => denseWindowWma(values, out, n));
}

function denseWindowWma(src: Float64Array, dst: Float64Array, n: number): void {
  const len = src.length;
  const norm = (n * (n + 1)) / 2;
  const suffix = suffixBuffer(n);
  for (let start = 0; start < len; start += n) {
    const end = Math.min(start + n, len);
    let sum = 0;
    let weighted = 0;
    for (let i = start; i < end; i++) {
      const x = src[i];
      weighted += n * x - sum;
      sum += x;
      dst[i] = (suffix[i - start + 1] + weighted) / norm;
    }
    if (end - start < n || end === len) continue;
    let tail = 0;
    let tailWeighted = 0;
    for (let i = end - 1; i >= start; i--) {
      tail += src[i];
      tailWeighted += tail;
      suffix[i - start] = tailWeighted;
    }
  }
}

/**
 * Bollinger bands, TA-Lib's BBANDS with an SMA: middle = the mean of the last n defined values
 * (bit for bit `windowMeanSeries`), upper and lower = middle +- mult * sd, with sd the
 * population standard deviation. The deviation comes from sums of d = x - a and d * d, where
 * the anchor a is the first value of the window's newer block, so a lies in the window: a flat
 * window has d = 0 throughout and sd exactly 0, and prices far from 0 lose no digits to
 * cancellation. sd = sqrt(n * sum(d * d) - sum(d)^2) / n, the radicand clamped at 0.
 */
export function windowBandsSeries(
  src: Float64Array,
  upper: Float64Array,
  middle: Float64Array,
  lower: Float64Array,
  n: number,
  mult: number,
): void {
  onDefinedValues(src, [upper, middle, lower], (values, [up, mid, low]) => denseWindowBands(values, up, mid, low, n, mult));
}

function denseWindowBands(
  src: Float64Array,
  upper: Float64Array,
  middle: Float64Array,
  lower: Float64Array,
  n: number,
  mult: number,
): void {
  const len = src.length;
  const suffix = suffixBuffer(n);
  const shiftedSuffix = suffixBuffer(n);
  const squaresSuffix = suffixBuffer(n);
  for (let start = 0; start < len; start += n) {
    const end = Math.min(start + n, len);
    const anchor = src[start];
    let prefix = 0;
    let shifted = 0;
    let squares = 0;
    for (let i = start; i < end; i++) {
      const k = i - start + 1;
      const x = src[i];
      const d = x - anchor;
      prefix += x;
      shifted += d;
      squares += d * d;
      const sum = suffix[k] + prefix;
      const sumShifted = shiftedSuffix[k] + shifted;
      const sumSquares = squaresSuffix[k] + squares;
      const mean = sum / n;
      const radicand = n * sumSquares - sumShifted * sumShifted;
      const width = mult * (Math.sqrt(radicand < 0 ? 0 : radicand) / n);
      middle[i] = mean;
      upper[i] = mean + width;
      lower[i] = mean - width;
    }
    if (end - start < n || end === len) continue;
    // The suffix sums serve the windows of the next block, so they take its anchor.
    const nextAnchor = src[end];
    let tail = 0;
    let tailShifted = 0;
    let tailSquares = 0;
    for (let i = end - 1; i >= start; i--) {
      const x = src[i];
      const d = x - nextAnchor;
      tail += x;
      tailShifted += d;
      tailSquares += d * d;
      suffix[i - start] = tail;
      shiftedSuffix[i - start] = tailShifted;
      squaresSuffix[i - start] = tailSquares;
    }
  }
}

/**
 * Highest defined value among the last n bars (bars, not defined values, as Pine's
 * `ta.highest`): undefined before bar n - 1 and when the window has no defined value.
 *
 * Blocks of n bars (van Herk/Gil-Werman): the window ending at offset j of a block is the
 * larger of the previous block's suffix maximum from offset j + 1 and this block's prefix
 * maximum up to j, so a bar costs three comparisons whatever n is. Every comparison keeps the
 * older value on a tie, so the result is the window's first maximum, the value a scan from the
 * oldest bar finds (this matters only for -0 and +0). An undefined bar counts as -Infinity.
 */
export function highestSeries(src: Float64Array, dst: Float64Array, n: number): void {
  const len = src.length;
  // Slot n stays -Infinity, so the window that is exactly one block takes the prefix alone.
  const suffix = new Float64Array(n + 1).fill(-Infinity);
  let lastDefined = -n - 1;
  for (let start = 0; start < len; start += n) {
    const end = Math.min(start + n, len);
    let prefix = -Infinity;
    for (let i = start; i < end; i++) {
      const v = src[i];
      if (v === v) {
        lastDefined = i;
        if (prefix < v) prefix = v;
      }
      const older = suffix[i - start + 1];
      const max = older < prefix ? prefix : older;
      dst[i] = i >= n - 1 && lastDefined > i - n ? max : NaN;
    }
    let max = -Infinity;
    for (let i = end - 1; i >= start; i--) {
      const v = src[i];
      if (v === v && !(v < max)) max = v;
      suffix[i - start] = max;
    }
  }
}

/** Lowest defined value among the last n bars; the mirror of `highestSeries`, +Infinity for undefined bars. */
export function lowestSeries(src: Float64Array, dst: Float64Array, n: number): void {
  const len = src.length;
  const suffix = new Float64Array(n + 1).fill(Infinity);
  let lastDefined = -n - 1;
  for (let start = 0; start < len; start += n) {
    const end = Math.min(start + n, len);
    let prefix = Infinity;
    for (let i = start; i < end; i++) {
      const v = src[i];
      if (v === v) {
        lastDefined = i;
        if (v < prefix) prefix = v;
      }
      const older = suffix[i - start + 1];
      const min = prefix < older ? prefix : older;
      dst[i] = i >= n - 1 && lastDefined > i - n ? min : NaN;
    }
    let min = Infinity;
    for (let i = end - 1; i >= start; i--) {
      const v = src[i];
      if (v === v && !(min < v)) min = v;
      suffix[i - start] = min;
    }
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
