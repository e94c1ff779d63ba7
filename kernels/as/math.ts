// Elementary functions: the mirror of src/reference/math.ts, operation for operation, so the
// wasm kernels return the reference's bits. The bit steps use reinterpret in place of the
// reference's typed-array views; both are exact.

const LN2_HI: f64 = 6.93147180369123816490e-1; // 0x3fe62e42_fee00000
const LN2_LO: f64 = 1.90821492927058770002e-10; // 0x3dea39ef_35793c76
const TWO54: f64 = 18014398509481984.0; // 2^54
const SMALLEST_NORMAL: f64 = 2.2250738585072014e-308; // 2^-1022

// Minimax coefficients from fdlibm e_log.c, as in the reference.
const LG1: f64 = 6.666666666666735130e-1; // 0x3fe55555_55555593
const LG2: f64 = 3.999999999940941908e-1; // 0x3fd99999_9997fa04
const LG3: f64 = 2.857142874366239149e-1; // 0x3fd24924_94229359
const LG4: f64 = 2.222219843214978396e-1; // 0x3fcc71c5_1d8e78af
const LG5: f64 = 1.818357216161805012e-1; // 0x3fc74664_96cb03de
const LG6: f64 = 1.531383769920937332e-1; // 0x3fc39a09_d078c69f
const LG7: f64 = 1.479819860511658591e-1; // 0x3fc2f112_df3e5244

/** Computes the natural logarithm of `x`, within 1 ulp (after fdlibm e_log.c, Sun Microsystems 1993, in one branch), as src/reference/math.ts does. */
export function log(x: f64): f64 {
  if (x != x) return NaN;
  if (x < 0) return NaN;
  if (x == 0) return -Infinity;
  if (x == Infinity) return Infinity;
  if (x == 1) return 0;

  let k: i32 = 0;
  if (x < SMALLEST_NORMAL) {
    x = x * TWO54;
    k = -54;
  }

  // Move m into [sqrt(2)/2, sqrt(2)), as the reference does on the high word.
  const bits = reinterpret<u64>(x);
  let high = <u32>(bits >>> 32) + (0x3ff00000 - 0x3fe6a09e);
  k = k + (<i32>(high >>> 20) - 0x3ff);
  high = (high & 0x000fffff) + 0x3fe6a09e;
  const m = reinterpret<f64>((<u64>high << 32) | (bits & 0xffffffff));

  const f = m - 1.0;
  const halfSquare = 0.5 * f * f;
  const s = f / (2.0 + f);
  const z = s * s;
  const w = z * z;
  const even = w * (LG2 + w * (LG4 + w * LG6));
  const odd = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = odd + even;
  const dk = <f64>k;
  return s * (halfSquare + r) + dk * LN2_LO - halfSquare + f + dk * LN2_HI;
}

/** Writes log(src[i]) to dst[i] for i < n, so tests can compare the wasm log with the reference. */
export function log_batch(src: usize, dst: usize, n: i32): void {
  for (let i: i32 = 0; i < n; i++) {
    store<f64>(dst + (<usize>i << 3), log(load<f64>(src + (<usize>i << 3))));
  }
}
