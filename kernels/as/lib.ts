// Building blocks of the wasm kernels: the mirror of src/reference/lib.ts, one operation for
// one operation, over raw pointers into the shared memory. A series is `len` float64 values
// from `src`; `ring` is scratch the caller owns. No block allocates, so any number of
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
  const fn = <f64>n;
  for (let i: i32 = 0; i < len; i++) st(dst, i, ld(dst, i) / fn);
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

export function wmaSeries(src: usize, dst: usize, len: i32, n: i32, ring: usize): void {
  const norm = (<f64>n * (<f64>n + 1.0)) / 2.0;
  let count: i32 = 0;
  let head: i32 = 0;
  for (let i: i32 = 0; i < len; i++) {
    const x = ld(src, i);
    if (x != x) {
      st(dst, i, NaN);
      continue;
    }
    st(ring, head, x);
    head = head + 1 == n ? 0 : head + 1;
    if (count < n) count++;
    if (count < n) {
      st(dst, i, NaN);
      continue;
    }
    let sum: f64 = 0;
    let k = head;
    for (let w: i32 = 1; w <= n; w++) {
      sum += ld(ring, k) * <f64>w;
      k = k + 1 == n ? 0 : k + 1;
    }
    st(dst, i, sum / norm);
  }
}

export function highestSeries(src: usize, dst: usize, len: i32, n: i32): void {
  for (let i: i32 = 0; i < len; i++) {
    let m: f64 = NaN;
    if (i >= n - 1) {
      for (let j = i - n + 1; j <= i; j++) {
        const v = ld(src, j);
        if (v > m || (m != m && v == v)) m = v;
      }
    }
    st(dst, i, m);
  }
}

export function lowestSeries(src: usize, dst: usize, len: i32, n: i32): void {
  for (let i: i32 = 0; i < len; i++) {
    let m: f64 = NaN;
    if (i >= n - 1) {
      for (let j = i - n + 1; j <= i; j++) {
        const v = ld(src, j);
        if (v < m || (m != m && v == v)) m = v;
      }
    }
    st(dst, i, m);
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

/** Hull moving average; `tmp` needs `len` slots, `ring` n slots. */
export function hmaSeries(src: usize, dst: usize, len: i32, n: i32, tmp: usize, ring: usize): void {
  wmaSeries(src, dst, len, n / 2, ring);
  wmaSeries(src, tmp, len, n, ring);
  for (let i: i32 = 0; i < len; i++) st(tmp, i, 2.0 * ld(dst, i) - ld(tmp, i));
  wmaSeries(tmp, dst, len, isqrt(n), ring);
}

/** Volume-weighted moving average; `tmp` needs `len` slots, `ring` n slots. */
export function vwmaSeries(src: usize, volume: usize, dst: usize, len: i32, n: i32, tmp: usize, ring: usize): void {
  for (let i: i32 = 0; i < len; i++) st(tmp, i, ld(src, i) * ld(volume, i));
  smaSeries(tmp, dst, len, n, ring);
  smaSeries(volume, tmp, len, n, ring);
  for (let i: i32 = 0; i < len; i++) {
    const averageVolume = ld(tmp, i);
    st(dst, i, averageVolume == 0 ? NaN : ld(dst, i) / averageVolume);
  }
}

/** (highest high + lowest low) / 2 over the last n bars; `tmp` needs `len` slots. */
export function donchianSeries(high: usize, low: usize, dst: usize, len: i32, n: i32, tmp: usize): void {
  highestSeries(high, dst, len, n);
  lowestSeries(low, tmp, len, n);
  for (let i: i32 = 0; i < len; i++) st(dst, i, (ld(dst, i) + ld(tmp, i)) / 2.0);
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
