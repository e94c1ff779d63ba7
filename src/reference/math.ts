// Elementary functions owned by the project, built from +, -, *, /, compares and exact bit
// manipulation only, so that every backend can run the same operations in the same order and
// return the same bits. `Math.log` and friends differ between runtimes and are not used.

// One float64 seen as two 32-bit words. The high word contains the sign, the biased exponent and
// the top 20 bits of the fraction. Its index depends on the platform's byte order.
const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

// ln 2 split in two: LN2_HI has its low 21 bits zero, so k * LN2_HI is exact for every k here.
const LN2_HI = 6.93147180369123816490e-1; // 0x3fe62e42_fee00000
const LN2_LO = 1.90821492927058770002e-10; // 0x3dea39ef_35793c76
const TWO54 = 18014398509481984; // 2^54, lifts a subnormal into the normal range
const SMALLEST_NORMAL = 2.2250738585072014e-308; // 2^-1022

// Minimax coefficients of R(s) = (ln((1 + s) / (1 - s)) - 2s) / s ~ LG1 s^2 + ... + LG7 s^14
// on |s| <= 0.1716, from fdlibm e_log.c, which bounds the fit's error by 2^-58.45.
const LG1 = 6.666666666666735130e-1; // 0x3fe55555_55555593
const LG2 = 3.999999999940941908e-1; // 0x3fd99999_9997fa04
const LG3 = 2.857142874366239149e-1; // 0x3fd24924_94229359
const LG4 = 2.222219843214978396e-1; // 0x3fcc71c5_1d8e78af
const LG5 = 1.818357216161805012e-1; // 0x3fc74664_96cb03de
const LG6 = 1.531383769920937332e-1; // 0x3fc39a09_d078c69f
const LG7 = 1.479819860511658591e-1; // 0x3fc2f112_df3e5244

/**
 * Computes the natural logarithm of `x`, within 1 ulp (after fdlibm e_log.c, Sun Microsystems 1993, in one branch).
 * x = 2^k * m with m in about [sqrt(2)/2, sqrt(2)). With f = m - 1 and s = f / (2 + f),
 * ln m = f - f^2/2 + s * (f^2/2 + R(s)), and k * ln 2 is added as a high and a low part.
 * ln(1) = +0, ln(+-0) = -Infinity, ln(x < 0) = NaN, ln(+Infinity) = +Infinity, ln(NaN) = NaN.
 * kernels/as/math.ts repeats these operations one for one.
 */
export function log(x: number): number {
  if (x !== x) return NaN;
  if (x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  if (x === 1) return 0;

  let k = 0;
  if (x < SMALLEST_NORMAL) {
    x = x * TWO54;
    k = -54;
  }

  // Move m into about [sqrt(2)/2, sqrt(2)). Adding 0x3ff00000 - 0x3fe6a09e (0x3fe6a09e is the high
  // word of sqrt(2)/2) carries into the exponent when the top 20 fraction bits reach sqrt(2)'s.
  scratch[0] = x;
  let high = words[HIGH] + (0x3ff00000 - 0x3fe6a09e);
  k = k + ((high >>> 20) - 0x3ff);
  high = (high & 0x000fffff) + 0x3fe6a09e;
  words[HIGH] = high;
  const m = scratch[0];

  const f = m - 1;
  const halfSquare = 0.5 * f * f;
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  // Even and odd coefficients summed apart, as fdlibm does, to shorten the dependency chain.
  const even = w * (LG2 + w * (LG4 + w * LG6));
  const odd = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = odd + even;
  const dk = k;
  return s * (halfSquare + r) + dk * LN2_LO - halfSquare + f + dk * LN2_HI;
}
