// Elementary functions on binary64 bit patterns: the mirror of src/reference/math.ts (and of
// kernels/as/math.ts), operation for operation in the arithmetic of f64.wgsl, so the WGSL
// kernels return the reference's bits. The exponent steps work on the high word, as the
// reference does through its typed-array views; both are exact.

const MATH_LN2_HI = vec2<u32>(0xFEE00000u, 0x3FE62E42u); // 6.93147180369123816490e-1
const MATH_LN2_LO = vec2<u32>(0x35793C76u, 0x3DEA39EFu); // 1.90821492927058770002e-10
const MATH_TWO54 = vec2<u32>(0x00000000u, 0x43500000u); // 2^54

// Minimax coefficients from fdlibm e_log.c, as in the reference.
const MATH_LG1 = vec2<u32>(0x55555593u, 0x3FE55555u); // 6.666666666666735130e-1
const MATH_LG2 = vec2<u32>(0x9997FA04u, 0x3FD99999u); // 3.999999999940941908e-1
const MATH_LG3 = vec2<u32>(0x94229359u, 0x3FD24924u); // 2.857142874366239149e-1
const MATH_LG4 = vec2<u32>(0x1D8E78AFu, 0x3FCC71C5u); // 2.222219843214978396e-1
const MATH_LG5 = vec2<u32>(0x96CB03DEu, 0x3FC74664u); // 1.818357216161805012e-1
const MATH_LG6 = vec2<u32>(0xD078C69Fu, 0x3FC39A09u); // 1.531383769920937332e-1
const MATH_LG7 = vec2<u32>(0xDF3E5244u, 0x3FC2F112u); // 1.479819860511658591e-1

// Computes the natural logarithm of x within 1 ulp (after fdlibm e_log.c, Sun Microsystems
// 1993, in one branch), as src/reference/math.ts does. ln(1) = +0, ln(+-0) = -Infinity,
// ln(x < 0) = NaN, ln(+Infinity) = +Infinity, ln(NaN) = NaN.
fn f64_log(argument: vec2<u32>) -> vec2<u32> {
  var x = argument;
  if (f64_is_nan(x)) {
    return F64_NAN;
  }
  if (f64_lt(x, F64_POSITIVE_ZERO)) {
    return F64_NAN;
  }
  if (f64_eq(x, F64_POSITIVE_ZERO)) {
    return F64_NEGATIVE_INFINITY;
  }
  if (f64_eq(x, F64_POSITIVE_INFINITY)) {
    return F64_POSITIVE_INFINITY;
  }
  if (f64_eq(x, F64_ONE)) {
    return F64_POSITIVE_ZERO;
  }

  var k: i32 = 0;
  if (f64_lt(x, F64_MIN_NORMAL)) {
    x = f64_mul(x, MATH_TWO54);
    k = -54;
  }

  // Move m into about [sqrt(2)/2, sqrt(2)): 0x3fe6a09e is the high word of sqrt(2)/2, and the
  // sum carries into the exponent when the top 20 fraction bits reach sqrt(2)'s. x is
  // positive and normal here, so the high word cannot wrap.
  var high = x.y + (0x3FF00000u - 0x3FE6A09Eu);
  k = k + (i32(high >> 20u) - 0x3FF);
  high = (high & 0x000FFFFFu) + 0x3FE6A09Eu;
  let m = vec2<u32>(x.x, high);

  let f = f64_sub(m, F64_ONE);
  let half_square = f64_mul(f64_mul(F64_HALF, f), f);
  let s = f64_div(f, f64_add(F64_TWO, f));
  let z = f64_mul(s, s);
  let w = f64_mul(z, z);
  // Even and odd coefficients summed apart, as fdlibm and the reference do.
  let even = f64_mul(w, f64_add(MATH_LG2, f64_mul(w, f64_add(MATH_LG4, f64_mul(w, MATH_LG6)))));
  let odd = f64_mul(z, f64_add(MATH_LG1, f64_mul(w, f64_add(MATH_LG3, f64_mul(w, f64_add(MATH_LG5, f64_mul(w, MATH_LG7)))))));
  let r = f64_add(odd, even);
  let dk = f64_from_i32(k);
  // s * (halfSquare + r) + dk * LN2_LO - halfSquare + f + dk * LN2_HI, left to right.
  var result = f64_mul(s, f64_add(half_square, r));
  result = f64_add(result, f64_mul(dk, MATH_LN2_LO));
  result = f64_sub(result, half_square);
  result = f64_add(result, f);
  return f64_add(result, f64_mul(dk, MATH_LN2_HI));
}
