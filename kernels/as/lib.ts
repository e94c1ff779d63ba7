// Building blocks of the wasm kernels: the mirror of src/reference/lib.ts over raw pointers
// into the shared memory. Each output gets the floating-point operations of the reference in
// the same order. Only the schedule may differ (two outputs in the lanes of an f64x2 vector,
// several sums in one loop), and that changes no bit. A series is `len` float64 values from
// `src`; `ring` and `scratch` are memory the caller owns. No block allocates, so any number of
// instances can share one memory.

@inline export function ld(base: usize, i: i32): f64 {
  return load<f64>(base + (<usize>i << 3));
}

@inline export function st(base: usize, i: i32, v: f64): void {
  store<f64>(base + (<usize>i << 3), v);
}

/** Start of series `s` in the batch: the element index stored in `offsets`. */
@inline export function seriesStart(offsets: usize, s: i32): i32 {
  return load<i32>(offsets + (<usize>s << 2));
}

/** The column pointer `k` of a pointer table (inputs or outputs). */
@inline export function column(table: usize, k: i32): usize {
  return <usize>load<u32>(table + (<usize>k << 2));
}

@inline export function param(params: usize, k: i32): f64 {
  return load<f64>(params + (<usize>k << 3));
}

/** Byte size of k float64 slots. */
@inline export function slots(k: i32): usize {
  return <usize>k << 3;
}

/** Values i and i + 1 as the two lanes of a vector. */
@inline export function ldv(base: usize, i: i32): v128 {
  return v128.load(base + (<usize>i << 3));
}

@inline export function stv(base: usize, i: i32, v: v128): void {
  v128.store(base + (<usize>i << 3), v);
}

@inline function min32(a: i32, b: i32): i32 {
  return a < b ? a : b;
}

export function sumSeries(src: usize, dst: usize, len: i32, n: i32, ring: usize): void {
  let s: f64 = 0;
  let c: f64 = 0;
  let count: i32 = 0;
  let head: i32 = 0;
  for (let i: i32 = 0; i < len; i++) {
    const x = ld(src, i);
    if (x != x) {
      st(dst, i, NaN);
      continue;
    }
    if (count < n) {
      const y = x - c;
      const t = s + y;
      c = t - s - y;
      s = t;
      st(ring, count, y);
      count++;
      st(dst, i, count == n ? s : NaN);
    } else {
      const y1 = -ld(ring, head) - c;
      const t = s + y1;
      const e1 = t - s - y1;
      const y2 = x - e1;
      const u = t + y2;
      c = u - t - y2;
      s = u;
      st(ring, head, y2);
      head = head + 1 == n ? 0 : head + 1;
      st(dst, i, s);
    }
  }
}

export function smaSeries(src: usize, dst: usize, len: i32, n: i32, ring: usize): void {
  sumSeries(src, dst, len, n, ring);
  divideSeries(dst, len, <f64>n);
}

/** Divides each of dst[0, len) by `divisor`, two lanes at a time. */
export function divideSeries(dst: usize, len: i32, divisor: f64): void {
  const lanes = f64x2.splat(divisor);
  let i: i32 = 0;
  for (; i + 1 < len; i += 2) stv(dst, i, f64x2.div(ldv(dst, i), lanes));
  if (i < len) st(dst, i, ld(dst, i) / divisor);
}

export function emaSeries(src: usize, dst: usize, len: i32, n: i32): void {
  smoothSeries(src, dst, len, n, 2.0 / (<f64>n + 1.0), false);
}

export function rmaSeries(src: usize, dst: usize, len: i32, n: i32): void {
  smoothSeries(src, dst, len, n, 0, true);
}

function smoothSeries(src: usize, dst: usize, len: i32, n: i32, alpha: f64, wilder: bool): void {
  let s: f64 = 0;
  let c: f64 = 0;
  let count: i32 = 0;
  let prev: f64 = NaN;
  const fn = <f64>n;
  const keep = <f64>(n - 1);
  for (let i: i32 = 0; i < len; i++) {
    const x = ld(src, i);
    if (x != x) {
      st(dst, i, NaN);
      continue;
    }
    if (count < n) {
      const y = x - c;
      const t = s + y;
      c = t - s - y;
      s = t;
      count++;
      if (count == n) {
        prev = s / fn;
        st(dst, i, prev);
      } else {
        st(dst, i, NaN);
      }
    } else {
      prev = wilder ? (prev * keep + x) / fn : prev + alpha * (x - prev);
      st(dst, i, prev);
    }
  }
}

/** The average at the bar where `smoothSeed` completed its seed. */
export let seedValue: f64 = 0;

/**
 * Runs the seed phase of `smoothSeries` on src[0, len): NaN up to the bar where the n-th
 * defined value arrives, which gets the seed, the compensated sum / n. Returns the index of
 * that bar (len when the series has fewer than n defined values) and leaves the seed in
 * `seedValue`, so a caller can run the steady phase, prev + alpha * (x - prev) or Wilder's
 * form, from the next bar.
 */
export function smoothSeed(src: usize, dst: usize, len: i32, n: i32): i32 {
  let s: f64 = 0;
  let c: f64 = 0;
  let count: i32 = 0;
  for (let i: i32 = 0; i < len; i++) {
    const x = ld(src, i);
    if (x != x) {
      st(dst, i, NaN);
      continue;
    }
    const y = x - c;
    const t = s + y;
    c = t - s - y;
    s = t;
    count++;
    if (count == n) {
      seedValue = s / <f64>n;
      st(dst, i, seedValue);
      return i;
    }
    st(dst, i, NaN);
  }
  return len;
}

/** Index of the first defined value of src[0, len), or len. */
export function firstDefined(src: usize, len: i32): i32 {
  let i: i32 = 0;
  while (i < len && ld(src, i) != ld(src, i)) i++;
  return i;
}

/** Returns whether src[from, len) contains a NaN, checking two lanes at a time. */
export function hasNaN(src: usize, from: i32, len: i32): bool {
  let undefinedLanes = f64x2.splat(0);
  let i = from;
  for (; i + 1 < len; i += 2) {
    const v = ldv(src, i);
    undefinedLanes = v128.or(undefinedLanes, f64x2.ne(v, v));
  }
  if (i < len && ld(src, i) != ld(src, i)) return true;
  return v128.any_true(undefinedLanes);
}

/** Copies the defined values of src[0, len) to `packed`, in order; returns their count. */
export function packDefined(src: usize, len: i32, packed: usize): i32 {
  let j: i32 = 0;
  for (let i: i32 = 0; i < len; i++) {
    const x = ld(src, i);
    if (x == x) {
      st(packed, j, x);
      j++;
    }
  }
  return j;
}

/** Spreads `packed`, one value per defined value of src[0, len), back over dst: NaN where src is NaN. */
export function spreadDefined(src: usize, packed: usize, dst: usize, len: i32): void {
  let j: i32 = 0;
  for (let i: i32 = 0; i < len; i++) {
    const x = ld(src, i);
    if (x == x) {
      st(dst, i, ld(packed, j));
      j++;
    } else {
      st(dst, i, NaN);
    }
  }
}

/**
 * Pine's wma over the last n defined values, weights 1 (oldest) to n (newest), summed oldest
 * first from 0 and divided by n(n+1)/2: the arithmetic of src/reference/lib.ts, which keeps the
 * values in a ring. Here the values are contiguous: the series itself when it has no NaN after
 * its first defined value, else its defined values packed into `scratch` (2 * len slots).
 */
export function wmaSeries(src: usize, dst: usize, len: i32, n: i32, scratch: usize): void {
  const first = firstDefined(src, len);
  if (!hasNaN(src, first, len)) {
    fillNaN(dst, 0, first);
    denseWmaSeries(src + slots(first), dst + slots(first), len - first, n);
    return;
  }
  const packed = scratch;
  const packedOut = scratch + slots(len);
  const count = packDefined(src, len, packed);
  denseWmaSeries(packed, packedOut, count, n);
  spreadDefined(src, packedOut, dst, len);
}

/** Computes Pine's wma of src[0, len), which contains no NaN, four outputs at a time in two vectors of two. */
function denseWmaSeries(src: usize, dst: usize, len: i32, n: i32): void {
  const fn = <f64>n;
  const norm = (fn * (fn + 1.0)) / 2.0;
  const normLanes = f64x2.splat(norm);
  fillNaN(dst, 0, min32(n - 1, len));
  let i = n - 1;
  for (; i + 3 < len; i += 4) {
    // Lane k of the load at `oldest + w - 1` is the value of weight w in the window of output i + k.
    const oldest = src + slots(i - n + 1);
    let low = f64x2.splat(0);
    let high = f64x2.splat(0);
    for (let w: i32 = 1; w <= n; w++) {
      const weight = f64x2.splat(<f64>w);
      low = f64x2.add(low, f64x2.mul(ldv(oldest, w - 1), weight));
      high = f64x2.add(high, f64x2.mul(ldv(oldest, w + 1), weight));
    }
    stv(dst, i, f64x2.div(low, normLanes));
    stv(dst, i + 2, f64x2.div(high, normLanes));
  }
  for (; i < len; i++) {
    const oldest = src + slots(i - n + 1);
    let sum: f64 = 0;
    for (let w: i32 = 1; w <= n; w++) sum += ld(oldest, w - 1) * <f64>w;
    st(dst, i, sum / norm);
  }
}

/**
 * Sets up the two suffix buffers of a block-sum window (n + 1 slots each, at `buffers`): the
 * older one NaN so the windows of the first block are undefined, and slot n of both -0.
 */
function initSuffixBuffers(buffers: usize, n: i32): void {
  for (let j: i32 = 0; j < n; j++) st(buffers, j, NaN);
  st(buffers, n, -0.0);
  st(buffers + slots(n + 1), n, -0.0);
}

/**
 * TA-Lib's SMA by block sums; the mirror of src/reference/lib.ts, which explains the method.
 * Scratch: 2 * (n + 1) + 2 * len slots.
 */
export function windowMeanSeries(src: usize, dst: usize, len: i32, n: i32, scratch: usize): void {
  if (denseWindowMean(src, dst, len, n, scratch)) return;
  const packed = scratch + slots(2 * (n + 1));
  const packedOut = packed + slots(len);
  const count = packDefined(src, len, packed);
  denseWindowMean(packed, packedOut, count, n, scratch);
  spreadDefined(src, packedOut, dst, len);
}

/**
 * Computes the window means of src[0, len); returns false when it met a NaN, whose windows
 * are then wrong. A block runs its prefix forward and, for the next block, its suffix backward
 * in one loop. Each turn takes two offsets, so that their sums share one f64x2 division. The
 * two suffix buffers swap roles from block to block.
 */
function denseWindowMean(src: usize, dst: usize, len: i32, n: i32, buffers: usize): bool {
  const fn = <f64>n;
  const count = f64x2.splat(fn);
  let older = buffers;
  let newer = buffers + slots(n + 1);
  initSuffixBuffers(buffers, n);
  let defined = true;
  for (let start: i32 = 0; start < len; start += n) {
    const x = src + slots(start);
    const out = dst + slots(start);
    const m = min32(n, len - start);
    let prefix: f64 = 0;
    if (m == n && start + n < len) {
      let tail: f64 = 0;
      let j: i32 = 0;
      for (; j + 1 < n; j += 2) {
        prefix += ld(x, j);
        const first = ld(older, j + 1) + prefix;
        prefix += ld(x, j + 1);
        const second = ld(older, j + 2) + prefix;
        stv(out, j, f64x2.div(f64x2.replace_lane(f64x2.splat(first), 1, second), count));
        tail += ld(x, n - 1 - j);
        st(newer, n - 1 - j, tail);
        tail += ld(x, n - 2 - j);
        st(newer, n - 2 - j, tail);
      }
      if (j < n) {
        prefix += ld(x, j);
        st(out, j, (ld(older, j + 1) + prefix) / fn);
        tail += ld(x, 0);
        st(newer, 0, tail);
      }
    } else {
      for (let j: i32 = 0; j < m; j++) {
        prefix += ld(x, j);
        st(out, j, (ld(older, j + 1) + prefix) / fn);
      }
    }
    if (prefix != prefix) defined = false;
    const swap = older;
    older = newer;
    newer = swap;
  }
  return defined;
}

/** TA-Lib's WMA by block sums; see src/reference/lib.ts. Scratch: 2 * (n + 1) + 2 * len slots. */
export function windowWmaSeries(src: usize, dst: usize, len: i32, n: i32, scratch: usize): void {
  if (denseWindowWma(src, dst, len, n, scratch)) return;
  const packed = scratch + slots(2 * (n + 1));
  const packedOut = packed + slots(len);
  const count = packDefined(src, len, packed);
  denseWindowWma(packed, packedOut, count, n, scratch);
  spreadDefined(src, packedOut, dst, len);
}

function denseWindowWma(src: usize, dst: usize, len: i32, n: i32, buffers: usize): bool {
  const fn = <f64>n;
  const norm = (fn * (fn + 1.0)) / 2.0;
  const normLanes = f64x2.splat(norm);
  let older = buffers;
  let newer = buffers + slots(n + 1);
  initSuffixBuffers(buffers, n);
  let defined = true;
  for (let start: i32 = 0; start < len; start += n) {
    const x = src + slots(start);
    const out = dst + slots(start);
    const m = min32(n, len - start);
    let sum: f64 = 0;
    let weighted: f64 = 0;
    if (m == n && start + n < len) {
      let tail: f64 = 0;
      let tailWeighted: f64 = 0;
      let j: i32 = 0;
      for (; j + 1 < n; j += 2) {
        const v = ld(x, j);
        weighted += fn * v - sum;
        sum += v;
        const first = ld(older, j + 1) + weighted;
        const w = ld(x, j + 1);
        weighted += fn * w - sum;
        sum += w;
        const second = ld(older, j + 2) + weighted;
        stv(out, j, f64x2.div(f64x2.replace_lane(f64x2.splat(first), 1, second), normLanes));
        tail += ld(x, n - 1 - j);
        tailWeighted += tail;
        st(newer, n - 1 - j, tailWeighted);
        tail += ld(x, n - 2 - j);
        tailWeighted += tail;
        st(newer, n - 2 - j, tailWeighted);
      }
      if (j < n) {
        const v = ld(x, j);
        weighted += fn * v - sum;
        sum += v;
        st(out, j, (ld(older, j + 1) + weighted) / norm);
        tail += ld(x, 0);
        tailWeighted += tail;
        st(newer, 0, tailWeighted);
      }
    } else {
      for (let j: i32 = 0; j < m; j++) {
        const v = ld(x, j);
        weighted += fn * v - sum;
        sum += v;
        st(out, j, (ld(older, j + 1) + weighted) / norm);
      }
    }
    if (sum != sum) defined = false;
    const swap = older;
    older = newer;
    newer = swap;
  }
  return defined;
}

/**
 * TA-Lib's BBANDS by block sums; see src/reference/lib.ts. Scratch: 6 * (n + 1) + 4 * len
 * slots.
 */
export function windowBandsSeries(src: usize, upper: usize, middle: usize, lower: usize, len: i32, n: i32, mult: f64, scratch: usize): void {
  if (denseWindowBands(src, upper, middle, lower, len, n, mult, scratch)) return;
  const packed = scratch + slots(6 * (n + 1));
  const packedUpper = packed + slots(len);
  const packedMiddle = packedUpper + slots(len);
  const packedLower = packedMiddle + slots(len);
  const count = packDefined(src, len, packed);
  denseWindowBands(packed, packedUpper, packedMiddle, packedLower, count, n, mult, scratch);
  spreadDefined(src, packedUpper, upper, len);
  spreadDefined(src, packedMiddle, middle, len);
  spreadDefined(src, packedLower, lower, len);
}

/**
 * Bands of src[0, len); returns false when it met a NaN. Like `denseWindowMean`, with the sums
 * of x, d and d * d; two offsets per turn share the f64x2 operations of `bandLanes`. The three
 * pairs of suffix buffers sit side by side: sums, shifted sums, squares.
 */
function denseWindowBands(src: usize, upper: usize, middle: usize, lower: usize, len: i32, n: i32, mult: f64, buffers: usize): bool {
  const stride = slots(2 * (n + 1));
  initSuffixBuffers(buffers, n);
  initSuffixBuffers(buffers + stride, n);
  initSuffixBuffers(buffers + 2 * stride, n);
  let older = buffers;
  let newer = buffers + slots(n + 1);
  let defined = true;
  for (let start: i32 = 0; start < len; start += n) {
    const x = src + slots(start);
    const at = slots(start);
    const m = min32(n, len - start);
    const anchor = ld(x, 0);
    let prefix: f64 = 0;
    let shifted: f64 = 0;
    let squares: f64 = 0;
    let j: i32 = 0;
    if (m == n && start + n < len) {
      const nextAnchor = ld(x, n);
      let tail: f64 = 0;
      let tailShifted: f64 = 0;
      let tailSquares: f64 = 0;
      for (; j + 1 < n; j += 2) {
        const v = ld(x, j);
        const d = v - anchor;
        prefix += v;
        shifted += d;
        squares += d * d;
        const w = ld(x, j + 1);
        const e = w - anchor;
        const prefixes = f64x2.replace_lane(f64x2.splat(prefix), 1, prefix + w);
        const shifts = f64x2.replace_lane(f64x2.splat(shifted), 1, shifted + e);
        const squareSums = f64x2.replace_lane(f64x2.splat(squares), 1, squares + e * e);
        prefix = f64x2.extract_lane(prefixes, 1);
        shifted = f64x2.extract_lane(shifts, 1);
        squares = f64x2.extract_lane(squareSums, 1);
        bandLanes(
          f64x2.add(ldv(older, j + 1), prefixes),
          f64x2.add(ldv(older + stride, j + 1), shifts),
          f64x2.add(ldv(older + 2 * stride, j + 1), squareSums),
          upper + at,
          middle + at,
          lower + at,
          j,
          n,
          mult,
        );
        for (let k = n - 1 - j; k >= n - 2 - j; k--) {
          const u = ld(x, k);
          const f = u - nextAnchor;
          tail += u;
          tailShifted += f;
          tailSquares += f * f;
          st(newer, k, tail);
          st(newer + stride, k, tailShifted);
          st(newer + 2 * stride, k, tailSquares);
        }
      }
      if (j < n) {
        const u = ld(x, 0);
        const f = u - nextAnchor;
        st(newer, 0, tail + u);
        st(newer + stride, 0, tailShifted + f);
        st(newer + 2 * stride, 0, tailSquares + f * f);
      }
    }
    for (; j < m; j++) {
      const v = ld(x, j);
      const d = v - anchor;
      prefix += v;
      shifted += d;
      squares += d * d;
      bandAt(ld(older, j + 1) + prefix, ld(older + stride, j + 1) + shifted, ld(older + 2 * stride, j + 1) + squares, upper + at, middle + at, lower + at, j, n, mult);
    }
    if (prefix != prefix) defined = false;
    const swap = older;
    older = newer;
    newer = swap;
  }
  return defined;
}

/**
 * The bands of offsets j and j + 1 from their window sums of x, d and d * d: mean = sum / n,
 * radicand = n * sum(d * d) - sum(d)^2 clamped at 0 (pmax(r, 0) is r < 0 ? 0 : r, NaN kept),
 * width = mult * (sqrt(radicand) / n).
 */
@inline function bandLanes(sums: v128, shifts: v128, squareSums: v128, upper: usize, middle: usize, lower: usize, j: i32, n: i32, mult: f64): void {
  const count = f64x2.splat(<f64>n);
  const mean = f64x2.div(sums, count);
  const radicand = f64x2.pmax(f64x2.sub(f64x2.mul(count, squareSums), f64x2.mul(shifts, shifts)), f64x2.splat(0));
  const width = f64x2.mul(f64x2.splat(mult), f64x2.div(f64x2.sqrt(radicand), count));
  stv(middle, j, mean);
  stv(upper, j, f64x2.add(mean, width));
  stv(lower, j, f64x2.sub(mean, width));
}

/** `bandLanes` for offset j alone. */
@inline function bandAt(sum: f64, shifted: f64, squares: f64, upper: usize, middle: usize, lower: usize, j: i32, n: i32, mult: f64): void {
  const fn = <f64>n;
  const mean = sum / fn;
  const radicand = fn * squares - shifted * shifted;
  const width = mult * (Math.sqrt(radicand < 0 ? 0 : radicand) / fn);
  st(middle, j, mean);
  st(upper, j, mean + width);
  st(lower, j, mean - width);
}

/**
 * Writes lanes[i] = (high[i], -low[i]), NaN as -Infinity, for `donchianLanes`, which then
 * finds the highest high and lowest low in one pass of lane-wise maxima (-max(-low) = min(low)
 * exactly, ties included). Returns true when some high or low is NaN.
 */
export function highLowLanes(high: usize, low: usize, len: i32, lanes: usize): bool {
  const minusInfinity = f64x2.splat(-Infinity);
  const negateLow = f64x2(0.0, -0.0);
  let undefinedLanes = f64x2.splat(0);
  for (let i: i32 = 0; i < len; i++) {
    const pair = v128.xor(v128.load64_lane(low + slots(i), v128.load64_zero(high + slots(i)), 1), negateLow);
    const defined = f64x2.eq(pair, pair);
    undefinedLanes = v128.or(undefinedLanes, v128.not(defined));
    v128.store(lanes + (<usize>i << 4), v128.bitselect(pair, minusInfinity, defined));
  }
  return v128.any_true(undefinedLanes);
}

/**
 * (highest high + lowest low) / 2 over the last n bars from the lanes of `highLowLanes`: the
 * van Herk/Gil-Werman blocks of highestSeries and lowestSeries in src/reference/lib.ts, with
 * f64x2.pmax(a, b) = a < b ? b : a keeping the older value on ties as they do. Leaves windows
 * without a defined high or low to `clearUndefinedWindows`. Buffers: 4 * (n + 1) slots.
 */
export function donchianLanes(lanes: usize, dst: usize, len: i32, n: i32, buffers: usize): void {
  const minusInfinity = f64x2.splat(-Infinity);
  let older = buffers;
  let newer = buffers + (<usize>(n + 1) << 4);
  for (let j: i32 = 0; j <= n; j++) v128.store(older + (<usize>j << 4), minusInfinity);
  v128.store(newer + (<usize>n << 4), minusInfinity);
  for (let start: i32 = 0; start < len; start += n) {
    const x = lanes + (<usize>start << 4);
    const out = dst + slots(start);
    const m = min32(n, len - start);
    let prefix = minusInfinity;
    if (m == n && start + n < len) {
      let tail = minusInfinity;
      for (let j: i32 = 0; j < n; j++) {
        prefix = f64x2.pmax(prefix, v128.load(x + (<usize>j << 4)));
        const extremes = f64x2.pmax(v128.load(older + (<usize>(j + 1) << 4)), prefix);
        st(out, j, (f64x2.extract_lane(extremes, 0) - f64x2.extract_lane(extremes, 1)) / 2.0);
        const k = n - 1 - j;
        tail = f64x2.pmax(v128.load(x + (<usize>k << 4)), tail);
        v128.store(newer + (<usize>k << 4), tail);
      }
    } else {
      for (let j: i32 = 0; j < m; j++) {
        prefix = f64x2.pmax(prefix, v128.load(x + (<usize>j << 4)));
        const extremes = f64x2.pmax(v128.load(older + (<usize>(j + 1) << 4)), prefix);
        st(out, j, (f64x2.extract_lane(extremes, 0) - f64x2.extract_lane(extremes, 1)) / 2.0);
      }
    }
    const swap = older;
    older = newer;
    newer = swap;
  }
  fillNaN(dst, 0, min32(n - 1, len));
}

/** Sets NaN where the last n bars hold no defined high or no defined low. */
export function clearUndefinedWindows(high: usize, low: usize, dst: usize, len: i32, n: i32): void {
  let lastHigh = -n - 1;
  let lastLow = -n - 1;
  for (let i: i32 = 0; i < len; i++) {
    if (ld(high, i) == ld(high, i)) lastHigh = i;
    if (ld(low, i) == ld(low, i)) lastLow = i;
    if (lastHigh <= i - n || lastLow <= i - n) st(dst, i, NaN);
  }
}

export function trueRangeSeries(high: usize, low: usize, close: usize, dst: usize, len: i32): void {
  if (len > 0) st(dst, 0, NaN);
  for (let i: i32 = 1; i < len; i++) {
    const prevClose = ld(close, i - 1);
    let tr = ld(high, i) - ld(low, i);
    const up = Math.abs(ld(high, i) - prevClose);
    if (up > tr) tr = up;
    const down = Math.abs(ld(low, i) - prevClose);
    if (down > tr) tr = down;
    st(dst, i, tr);
  }
}

export function fillNaN(dst: usize, from: i32, to: i32): void {
  for (let i = from; i < to; i++) st(dst, i, NaN);
}

/** Pine's tolerant a > b (see src/reference/lib.ts); false when either operand is NaN. */
@inline export function greater(a: f64, b: f64): bool {
  return a - b > 1e-10;
}

/** Pine's tolerant a < b; false when either operand is NaN. */
@inline export function less(a: f64, b: f64): bool {
  return b - a > 1e-10;
}

/** Exact floor of the square root of a non-negative integer. */
export function isqrt(n: i32): i32 {
  let r = <i32>Math.floor(Math.sqrt(<f64>n));
  while (r * r > n) r--;
  while ((r + 1) * (r + 1) <= n) r++;
  return r;
}

/**
 * Hull moving average; scratch: 3 * len slots. A series without NaN after its first defined
 * value takes `denseHmaSeries`; one with gaps runs the three wmaSeries on its defined values.
 * Infinite prices can make a difference 2 * wma(n / 2) - wma(n) NaN, which the outer wmaSeries
 * skips, so such a series takes the wmaSeries too.
 */
export function hmaSeries(src: usize, dst: usize, len: i32, n: i32, scratch: usize): void {
  const first = firstDefined(src, len);
  if (!hasNaN(src, first, len)) {
    fillNaN(dst, 0, first);
    if (denseHmaSeries(src + slots(first), dst + slots(first), len - first, n, scratch)) return;
  }
  const full = scratch;
  const work = scratch + slots(len);
  wmaSeries(src, dst, len, n / 2, work);
  wmaSeries(src, full, len, n, work);
  for (let i: i32 = 0; i < len; i++) st(full, i, 2.0 * ld(dst, i) - ld(full, i));
  wmaSeries(full, dst, len, isqrt(n), work);
}

/**
 * Computes hma of src[0, len), which contains no NaN, with the operations of hmaSeries. One
 * pass over each window sums both wma(x, n) and wma(x, n / 2); the half-length sum starts at
 * the window's (n - n / 2 + 1)-th value, so each sum still runs oldest first from 0. Eight
 * outputs go at a time. `diff` needs len slots. Returns false, with dst unfinished, when a
 * difference is NaN: the outer wma must then skip it as a missing value.
 */
function denseHmaSeries(src: usize, dst: usize, len: i32, n: i32, diff: usize): bool {
  const half = n / 2;
  const root = isqrt(n);
  const normFull = (<f64>n * (<f64>n + 1.0)) / 2.0;
  const normHalf = (<f64>half * (<f64>half + 1.0)) / 2.0;
  const two = f64x2.splat(2);
  const fullLanes = f64x2.splat(normFull);
  const halfLanes = f64x2.splat(normHalf);
  let i = n - 1;
  for (; i + 7 < len; i += 8) {
    // Lane k of the load at `oldest + w - 1 + 2j` is the value of weight w for output i + 2j + k.
    const oldest = src + slots(i - n + 1);
    let full0 = f64x2.splat(0);
    let full1 = f64x2.splat(0);
    let full2 = f64x2.splat(0);
    let full3 = f64x2.splat(0);
    let half0 = f64x2.splat(0);
    let half1 = f64x2.splat(0);
    let half2 = f64x2.splat(0);
    let half3 = f64x2.splat(0);

    let w: i32 = 1;
    for (; w <= n - half; w++) {
      const weight = f64x2.splat(<f64>w);
      full0 = f64x2.add(full0, f64x2.mul(ldv(oldest, w - 1), weight));
      full1 = f64x2.add(full1, f64x2.mul(ldv(oldest, w + 1), weight));
      full2 = f64x2.add(full2, f64x2.mul(ldv(oldest, w + 3), weight));
      full3 = f64x2.add(full3, f64x2.mul(ldv(oldest, w + 5), weight));
    }

    for (; w <= n; w++) {
      const weight = f64x2.splat(<f64>w);
      const halfWeight = f64x2.splat(<f64>(w - n + half));
      const a = ldv(oldest, w - 1);
      const b = ldv(oldest, w + 1);
      const c = ldv(oldest, w + 3);
      const d = ldv(oldest, w + 5);
      full0 = f64x2.add(full0, f64x2.mul(a, weight));
      full1 = f64x2.add(full1, f64x2.mul(b, weight));
      full2 = f64x2.add(full2, f64x2.mul(c, weight));
      full3 = f64x2.add(full3, f64x2.mul(d, weight));
      half0 = f64x2.add(half0, f64x2.mul(a, halfWeight));
      half1 = f64x2.add(half1, f64x2.mul(b, halfWeight));
      half2 = f64x2.add(half2, f64x2.mul(c, halfWeight));
      half3 = f64x2.add(half3, f64x2.mul(d, halfWeight));
    }

    stv(diff, i, f64x2.sub(f64x2.mul(two, f64x2.div(half0, halfLanes)), f64x2.div(full0, fullLanes)));
    stv(diff, i + 2, f64x2.sub(f64x2.mul(two, f64x2.div(half1, halfLanes)), f64x2.div(full1, fullLanes)));
    stv(diff, i + 4, f64x2.sub(f64x2.mul(two, f64x2.div(half2, halfLanes)), f64x2.div(full2, fullLanes)));
    stv(diff, i + 6, f64x2.sub(f64x2.mul(two, f64x2.div(half3, halfLanes)), f64x2.div(full3, fullLanes)));
  }
  for (; i < len; i++) {
    const oldest = src + slots(i - n + 1);
    let full: f64 = 0;
    let halfSum: f64 = 0;
    for (let w: i32 = 1; w <= n; w++) {
      const v = ld(oldest, w - 1);
      full += v * <f64>w;
      if (w > n - half) halfSum += v * <f64>(w - n + half);
    }
    st(diff, i, 2.0 * (halfSum / normHalf) - full / normFull);
  }

  // The outer wma starts at the root-th difference, bar n - 1 + root - 1.
  const start = n - 1;
  if (start < len && hasNaN(diff, start, len)) return false;
  fillNaN(dst, 0, min32(start + root - 1, len));
  if (start < len) denseWmaSeries(diff + slots(start), dst + slots(start), len - start, root);
  return true;
}

/**
 * State of vwma's two `sumSeries` machines, lane A for x * volume and lane B for volume: sums,
 * compensations, defined values seen (up to n) and ring heads. 48 bytes.
 */
@unmanaged export class VwmaState {
  sumA: f64;
  sumB: f64;
  errorA: f64;
  errorB: f64;
  countA: i32;
  countB: i32;
  headA: i32;
  headB: i32;
}

/** Float64 slots of a `VwmaState`. */
export const VWMA_STATE_SLOTS: i32 = 6;

export function resetVwma(state: VwmaState): void {
  state.sumA = 0;
  state.sumB = 0;
  state.errorA = 0;
  state.errorB = 0;
  state.countA = 0;
  state.countB = 0;
  state.headA = 0;
  state.headB = 0;
}

/**
 * Advances vwma by one bar in any case: each defined value takes the scalar step of
 * `sumSeries` in its own machine. Returns vwma, NaN while either average is undefined or the
 * volume average is 0. Ring: 2 * n slots, the first n for lane A.
 */
export function vwmaStep(state: VwmaState, a: f64, v: f64, ring: usize, n: i32): f64 {
  const base = changetype<usize>(state);
  const averageA = a == a ? vwmaLaneStep(base, 0, a, ring, n) : NaN;
  const averageB = v == v ? vwmaLaneStep(base, 1, v, ring + slots(n), n) : NaN;
  return averageB == 0 ? NaN : averageA / averageB;
}

/**
 * The scalar step of `sumSeries` in lane `lane` (0 for A, 1 for B) of the `VwmaState` at
 * `state`: adds x, the lane's next defined value, to its window of n values in `ring`. Returns
 * the lane's average once n values are in, NaN before.
 */
@inline function vwmaLaneStep(state: usize, lane: usize, x: f64, ring: usize, n: i32): f64 {
  // Each field of lane B follows the same field of lane A.
  const sumAt = state + offsetof<VwmaState>('sumA') + (lane << 3);
  const errorAt = state + offsetof<VwmaState>('errorA') + (lane << 3);
  const countAt = state + offsetof<VwmaState>('countA') + (lane << 2);
  const headAt = state + offsetof<VwmaState>('headA') + (lane << 2);
  let s = load<f64>(sumAt);
  let c = load<f64>(errorAt);
  const count = load<i32>(countAt);
  if (count < n) {
    const y = x - c;
    const t = s + y;
    c = t - s - y;
    s = t;
    st(ring, count, y);
    store<i32>(countAt, count + 1);
  } else {
    const head = load<i32>(headAt);
    const y1 = -ld(ring, head) - c;
    const t = s + y1;
    const e1 = t - s - y1;
    const y2 = x - e1;
    const u = t + y2;
    c = u - t - y2;
    s = u;
    st(ring, head, y2);
    store<i32>(headAt, head + 1 == n ? 0 : head + 1);
  }
  store<f64>(sumAt, s);
  store<f64>(errorAt, c);
  return count + 1 >= n ? s / <f64>n : NaN;
}

/**
 * Pine's vwma, sma(x * volume, n) / sma(volume, n), undefined where the volume average is 0:
 * the two `sumSeries` machines in the lanes of a vector. Where both values are defined and
 * both windows are full, one vector step advances both machines. Elsewhere, on the first bars
 * and on bars where only one value is defined, `vwmaStep` takes the scalar steps. Ring:
 * 2 * n + VWMA_STATE_SLOTS slots.
 */
export function vwmaSeries(src: usize, volume: usize, dst: usize, len: i32, n: i32, ring: usize): void {
  const state = changetype<VwmaState>(ring + slots(2 * n));
  resetVwma(state);
  const count = f64x2.splat(<f64>n);
  const ringB = ring + slots(n);
  // The vector steps keep the state in locals; it goes through `state` around scalar steps.
  let sums = f64x2.splat(0);
  let errors = f64x2.splat(0);
  let headA: i32 = 0;
  let headB: i32 = 0;
  let full = false;
  for (let i: i32 = 0; i < len; i++) {
    const v = ld(volume, i);
    const a = ld(src, i) * v;
    if (full && a == a && v == v) {
      const oldest = v128.load64_lane(ringB + slots(headB), v128.load64_zero(ring + slots(headA)), 1);
      const y1 = f64x2.sub(f64x2.neg(oldest), errors);
      const t = f64x2.add(sums, y1);
      const e1 = f64x2.sub(f64x2.sub(t, sums), y1);
      const y2 = f64x2.sub(f64x2.replace_lane(f64x2.splat(a), 1, v), e1);
      const u = f64x2.add(t, y2);
      errors = f64x2.sub(f64x2.sub(u, t), y2);
      sums = u;
      v128.store64_lane(ring + slots(headA), y2, 0);
      v128.store64_lane(ringB + slots(headB), y2, 1);
      headA = headA + 1 == n ? 0 : headA + 1;
      headB = headB + 1 == n ? 0 : headB + 1;
      const means = f64x2.div(sums, count);
      const averageVolume = f64x2.extract_lane(means, 1);
      st(dst, i, averageVolume == 0 ? NaN : f64x2.extract_lane(means, 0) / averageVolume);
      continue;
    }
    saveVwma(state, sums, errors, headA, headB);
    st(dst, i, vwmaStep(state, a, v, ring, n));
    sums = f64x2.replace_lane(f64x2.splat(state.sumA), 1, state.sumB);
    errors = f64x2.replace_lane(f64x2.splat(state.errorA), 1, state.errorB);
    headA = state.headA;
    headB = state.headB;
    full = state.countA == n && state.countB == n;
  }
}

/** Stores the lane state of vector steps in `state`. */
@inline export function saveVwma(state: VwmaState, sums: v128, errors: v128, headA: i32, headB: i32): void {
  state.sumA = f64x2.extract_lane(sums, 0);
  state.sumB = f64x2.extract_lane(sums, 1);
  state.errorA = f64x2.extract_lane(errors, 0);
  state.errorB = f64x2.extract_lane(errors, 1);
  state.headA = headA;
  state.headB = headB;
}

/** (highest high + lowest low) / 2 over the last n bars; scratch: 2 * len + 4 * (n + 1) slots. */
export function donchianSeries(high: usize, low: usize, dst: usize, len: i32, n: i32, scratch: usize): void {
  const lanes = scratch;
  const buffers = scratch + slots(2 * len);
  const gaps = highLowLanes(high, low, len, lanes);
  donchianLanes(lanes, dst, len, n, buffers);
  if (gaps) clearUndefinedWindows(high, low, dst, len, n);
}

/** Upward and downward changes from the previous bar, undefined on bar 0. */
export function gainLossSeries(src: usize, gain: usize, loss: usize, len: i32): void {
  if (len > 0) {
    st(gain, 0, NaN);
    st(loss, 0, NaN);
  }
  for (let i: i32 = 1; i < len; i++) {
    const change = ld(src, i) - ld(src, i - 1);
    if (change != change) {
      st(gain, i, NaN);
      st(loss, i, NaN);
    } else {
      st(gain, i, change > 0 ? change : 0);
      st(loss, i, change < 0 ? -change : 0);
    }
  }
}
