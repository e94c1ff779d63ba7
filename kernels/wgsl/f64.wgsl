// IEEE-754 binary64 arithmetic for WGSL, built from 32-bit integer operations only.
//
// WGSL has no f64, and native f32 division and square root differ between vendors, so the
// kernels carry every double as its bit pattern in a vec2<u32>: x is the low word, y the high
// word (bit 31 sign, bits 30..20 biased exponent, bits 19..0 the top of the 52-bit fraction).
// array<vec2<u32>> therefore has the byte layout of a little-endian Float64Array, and a
// Float64Array can be uploaded as is. WGSL defines u32 arithmetic exactly (wrapping modulo
// 2^32), so every function below returns the same bits on every WebGPU device.
//
// Every arithmetic result is correctly rounded (round to nearest, ties to even), with gradual
// underflow (no flush to zero), IEEE signed zeros and infinities. Every NaN result is the
// default quiet NaN 0x7FF8000000000000, so NaN payloads are not propagated.
//
// Unsigned 64-bit integers use the same vec2<u32>(low word, high word) layout and the u64_
// prefix; 128-bit products are vec4<u32> from the lowest word (x) to the highest (w).
// Conditions combine with the non-short-circuit `&` and `|`, which need no branch.
//
// The intermediate format of add, mul, div and sqrt: a significand in a u64 with its leading 1
// at bit 62, so that bits 9..0 lie below the last bit a normal result keeps. Bit 9 is the
// rounding (half-ulp) bit, and bits 8..0 are sticky: they only record whether anything nonzero
// was shifted out. f64_round_pack turns (sign, biased exponent, significand) into a double.

// ---- Constants ---------------------------------------------------------------------------

const F64_POSITIVE_ZERO = vec2<u32>(0x00000000u, 0x00000000u);
const F64_NEGATIVE_ZERO = vec2<u32>(0x00000000u, 0x80000000u);
const F64_ONE = vec2<u32>(0x00000000u, 0x3FF00000u);
const F64_NEGATIVE_ONE = vec2<u32>(0x00000000u, 0xBFF00000u);
const F64_TWO = vec2<u32>(0x00000000u, 0x40000000u);
const F64_HALF = vec2<u32>(0x00000000u, 0x3FE00000u);
const F64_POSITIVE_INFINITY = vec2<u32>(0x00000000u, 0x7FF00000u);
const F64_NEGATIVE_INFINITY = vec2<u32>(0x00000000u, 0xFFF00000u);
// The default quiet NaN, the result of every operation that returns NaN.
const F64_NAN = vec2<u32>(0x00000000u, 0x7FF80000u);
// Largest finite double, (2 - 2^-52) * 2^1023.
const F64_MAX = vec2<u32>(0xFFFFFFFFu, 0x7FEFFFFFu);
// Smallest positive normal double, 2^-1022.
const F64_MIN_NORMAL = vec2<u32>(0x00000000u, 0x00100000u);
// Smallest positive subnormal double, 2^-1074.
const F64_MIN_SUBNORMAL = vec2<u32>(0x00000001u, 0x00000000u);
// Difference between 1 and the next double, 2^-52.
const F64_EPSILON = vec2<u32>(0x00000000u, 0x3CB00000u);

const F64_SIGN_BIT = 0x80000000u;
const F64_EXPONENT_BITS = 0x7FF00000u;
const F64_FRACTION_HIGH_BITS = 0x000FFFFFu;
// Bit 52 of the significand (the implicit leading 1 of normal doubles), in the high word.
const F64_HIDDEN_BIT = 0x00100000u;

// ---- Unsigned 64-bit integers: vec2<u32>(low word, high word) -----------------------------

fn u64_is_zero(a: vec2<u32>) -> bool {
  return (a.x | a.y) == 0u;
}

fn u64_lt(a: vec2<u32>, b: vec2<u32>) -> bool {
  return (a.y < b.y) | ((a.y == b.y) & (a.x < b.x));
}

// Returns a + b modulo 2^64.
fn u64_add(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  let low = a.x + b.x;
  let carry = select(0u, 1u, low < a.x);
  return vec2<u32>(low, a.y + b.y + carry);
}

// Returns a - b modulo 2^64.
fn u64_sub(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  let borrow = select(0u, 1u, a.x < b.x);
  return vec2<u32>(a.x - b.x, a.y - b.y - borrow);
}

// Shifts left by n bits, 0 <= n < 64. WGSL takes a u32 shift amount modulo 32, so the word
// boundary is handled explicitly.
fn u64_shl(a: vec2<u32>, n: u32) -> vec2<u32> {
  let s = n & 31u;
  let carried = select(a.x >> (32u - s), 0u, s == 0u);
  let low = a.x << s;
  let high = (a.y << s) | carried;
  return select(vec2<u32>(low, high), vec2<u32>(0u, low), n >= 32u);
}

// Shifts right by n bits, 0 <= n < 64.
fn u64_shr(a: vec2<u32>, n: u32) -> vec2<u32> {
  let s = n & 31u;
  let carried = select(a.y << (32u - s), 0u, s == 0u);
  let high = a.y >> s;
  let low = (a.x >> s) | carried;
  return select(vec2<u32>(low, high), vec2<u32>(high, 0u), n >= 32u);
}

// Shifts right by any n and sets bit 0 of the result if any 1 bit was shifted out (the sticky
// bit of rounding), so that the result still tells an exact value from an inexact one.
fn u64_shr_sticky(a: vec2<u32>, n: u32) -> vec2<u32> {
  let clamped = min(n, 63u);
  let kept = u64_shr(a, clamped);
  let lost_within_63 = any(u64_shl(kept, clamped) != a);
  let lost = select(lost_within_63, !u64_is_zero(a), n >= 64u);
  let shifted = select(kept, vec2<u32>(0u, 0u), n >= 64u);
  return vec2<u32>(shifted.x | u32(lost), shifted.y);
}

// Returns the number of leading zero bits, 64 for zero.
fn u64_count_leading_zeros(a: vec2<u32>) -> u32 {
  return select(countLeadingZeros(a.y), 32u + countLeadingZeros(a.x), a.y == 0u);
}

// Returns the full 64-bit product of two u32. WGSL's u32 multiply keeps only the low 32 bits,
// so the operands are split into 16-bit halves, whose products fit in 32 bits.
fn u32_mul_wide(a: u32, b: u32) -> vec2<u32> {
  let a_low = a & 0xFFFFu;
  let a_high = a >> 16u;
  let b_low = b & 0xFFFFu;
  let b_high = b >> 16u;
  let low_low = a_low * b_low;
  let low_high = a_low * b_high;
  let high_low = a_high * b_low;
  let high_high = a_high * b_high;
  // Bits 16..47 of the product. At most (2^16 - 1)^2 + 2 * (2^16 - 1) = 2^32 - 1: no overflow.
  let middle = low_high + (low_low >> 16u) + (high_low & 0xFFFFu);
  let low = (middle << 16u) | (low_low & 0xFFFFu);
  let high = high_high + (high_low >> 16u) + (middle >> 16u);
  return vec2<u32>(low, high);
}

// Returns a * b modulo 2^64.
fn u64_mul_u32(a: vec2<u32>, b: u32) -> vec2<u32> {
  let low_product = u32_mul_wide(a.x, b);
  return vec2<u32>(low_product.x, low_product.y + a.y * b);
}

// Returns the full 128-bit product, as vec4<u32> from the lowest word to the highest.
fn u64_mul_wide(a: vec2<u32>, b: vec2<u32>) -> vec4<u32> {
  let low_low = u32_mul_wide(a.x, b.x);
  let low_high = u32_mul_wide(a.x, b.y);
  let high_low = u32_mul_wide(a.y, b.x);
  let high_high = u32_mul_wide(a.y, b.y);
  // Words 1 and 2: low_high + high of low_low fits in 64 bits, since
  // (2^32 - 1)^2 + 2^32 - 1 < 2^64. Adding high_low may carry into word 3.
  let partial = u64_add(low_high, vec2<u32>(low_low.y, 0u));
  let middle = u64_add(partial, high_low);
  let middle_carry = select(0u, 1u, u64_lt(middle, partial));
  let upper = u64_add(high_high, vec2<u32>(middle.y, middle_carry));
  return vec4<u32>(low_low.x, middle.x, upper.x, upper.y);
}

// ---- Classification ----------------------------------------------------------------------

fn f64_is_nan(a: vec2<u32>) -> bool {
  let high = a.y & ~F64_SIGN_BIT;
  return (high > F64_EXPONENT_BITS) | ((high == F64_EXPONENT_BITS) & (a.x != 0u));
}

fn f64_is_infinite(a: vec2<u32>) -> bool {
  return ((a.y & ~F64_SIGN_BIT) == F64_EXPONENT_BITS) & (a.x == 0u);
}

// True for zeros, subnormals and normals; false for infinities and NaN.
fn f64_is_finite(a: vec2<u32>) -> bool {
  return (a.y & F64_EXPONENT_BITS) != F64_EXPONENT_BITS;
}

// True for +0 and -0.
fn f64_is_zero(a: vec2<u32>) -> bool {
  return ((a.y & ~F64_SIGN_BIT) | a.x) == 0u;
}

// Returns the sign bit, 1 for negative values, -0 and NaNs with the sign bit set.
fn f64_sign_bit(a: vec2<u32>) -> u32 {
  return a.y >> 31u;
}

// Returns the 11-bit biased exponent field, 0 for zeros and subnormals, 2047 for
// infinities and NaN.
fn f64_exponent_field(a: vec2<u32>) -> u32 {
  return (a.y >> 20u) & 0x7FFu;
}

// ---- Sign operations ---------------------------------------------------------------------

fn f64_abs(a: vec2<u32>) -> vec2<u32> {
  return vec2<u32>(a.x, a.y & ~F64_SIGN_BIT);
}

fn f64_neg(a: vec2<u32>) -> vec2<u32> {
  return vec2<u32>(a.x, a.y ^ F64_SIGN_BIT);
}

// ---- Unpacking and rounding --------------------------------------------------------------

// Returns the significand of a finite double: the fraction with the implicit leading 1 at
// bit 52 for normals, the bare fraction for zeros and subnormals.
fn f64_significand(a: vec2<u32>) -> vec2<u32> {
  let hidden = select(0u, F64_HIDDEN_BIT, f64_exponent_field(a) != 0u);
  return vec2<u32>(a.x, (a.y & F64_FRACTION_HIGH_BITS) | hidden);
}

// Returns the exponent that goes with f64_significand: |a| = significand * 2^(exponent - 1075).
// Subnormals share exponent 1 with the smallest normals.
fn f64_exponent(a: vec2<u32>) -> i32 {
  return max(i32(f64_exponent_field(a)), 1);
}

// A finite nonzero magnitude with its significand normalized: |a| = significand *
// 2^(exponent - 1075), with the leading 1 of significand at bit 52. The exponent is below 1
// for subnormal inputs.
struct F64Normalized {
  exponent: i32,
  significand: vec2<u32>,
}

// Normalizes a finite nonzero double; subnormals are shifted up to put their leading 1 at bit
// 52. Zero returns a meaningless value, so callers handle zeros first.
fn f64_unpack_normalized(a: vec2<u32>) -> F64Normalized {
  let significand = f64_significand(a);
  let is_subnormal = f64_exponent_field(a) == 0u;
  let shift = select(0u, u64_count_leading_zeros(significand) - 11u, is_subnormal);
  return F64Normalized(f64_exponent(a) - i32(shift), u64_shl(significand, shift));
}

// Rounds (-1)^sign * significand * 2^(exponent - 1085) to the nearest double, ties to even, and
// returns its bits. Requires significand < 2^63, and significand >= 2^62 unless exponent <= 1
// (a subnormal-scale value, which is then held unnormalized at exponent 1). Results below
// the normal range round to subnormals or zero, results too large for a double to infinity.
fn f64_round_pack(sign: u32, exponent: i32, significand: vec2<u32>) -> vec2<u32> {
  var e = exponent;
  var sig = significand;
  if (e < 1) {
    // Below the normal range: denormalize to the subnormal scale, keeping a sticky bit.
    sig = u64_shr_sticky(sig, u32(1 - e));
    e = 1;
  }

  let round_bits = sig.x & 0x3FFu;
  sig = u64_shr(u64_add(sig, vec2<u32>(0x200u, 0u)), 10u);
  if (round_bits == 0x200u) {
    // Exactly halfway: of the truncated value and its successor, clearing the last bit
    // leaves the even one.
    sig.x = sig.x & ~1u;
  }

  // sig is now at most 2^53. Its bit 52 (or the bit 53 that rounding up can carry into) adds
  // to the exponent field in the addition below, so a significand that rounded up to 2^53
  // moves to the next binade, and a subnormal that rounded up to 2^52 becomes normal.
  let biased_exponent = e - 1 + i32(sig.y >> 20u);
  let sign_word = sign << 31u;
  if (biased_exponent >= 0x7FF) {
    return vec2<u32>(0u, sign_word | F64_EXPONENT_BITS);
  }
  let bits = u64_add(vec2<u32>(0u, u32(e - 1) << 20u), sig);
  return vec2<u32>(bits.x, bits.y | sign_word);
}

// ---- Addition and subtraction ------------------------------------------------------------

fn f64_add(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  if (!f64_is_finite(a) | !f64_is_finite(b)) {
    let opposite_infinities = f64_is_infinite(a) & f64_is_infinite(b) & (((a.y ^ b.y) >> 31u) != 0u);
    if (f64_is_nan(a) | f64_is_nan(b) | opposite_infinities) {
      return F64_NAN;
    }
    return select(b, a, f64_is_infinite(a));
  }

  // Order the operands by magnitude, so that only the smaller one is shifted and a
  // subtraction never goes negative.
  let swap = u64_lt(f64_abs(a), f64_abs(b));
  let larger = select(a, b, swap);
  let smaller = select(b, a, swap);
  let exponent = f64_exponent(larger);
  let distance = u32(exponent - f64_exponent(smaller));
  let larger_sig = u64_shl(f64_significand(larger), 10u);
  let smaller_sig = u64_shr_sticky(u64_shl(f64_significand(smaller), 10u), distance);

  let subtract = ((a.y ^ b.y) >> 31u) != 0u;
  if (subtract & all(larger_sig == smaller_sig)) {
    // x + (-x) is +0 in round to nearest, even for x = 0.
    return F64_POSITIVE_ZERO;
  }
  var sig = select(u64_add(larger_sig, smaller_sig), u64_sub(larger_sig, smaller_sig), subtract);
  var e = exponent;

  // Normalize to the leading 1 at bit 62. A sum carries at most one bit (to bit 63); a
  // difference can cancel any number of leading bits. Both shifts keep the value, and
  // f64_round_pack denormalizes again where e drops below 1.
  if (sig.y >= 0x80000000u) {
    sig = u64_shr_sticky(sig, 1u);
    e = e + 1;
  } else {
    let shift = u64_count_leading_zeros(sig) - 1u;
    sig = u64_shl(sig, shift);
    e = e - i32(shift);
  }
  return f64_round_pack(f64_sign_bit(larger), e, sig);
}

fn f64_sub(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  return f64_add(a, f64_neg(b));
}

// ---- Multiplication ----------------------------------------------------------------------

fn f64_mul(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  let sign = f64_sign_bit(a) ^ f64_sign_bit(b);
  let a_zero = f64_is_zero(a);
  let b_zero = f64_is_zero(b);
  if (!f64_is_finite(a) | !f64_is_finite(b) | a_zero | b_zero) {
    let a_infinite = f64_is_infinite(a);
    let b_infinite = f64_is_infinite(b);
    let infinity_times_zero = (a_infinite & b_zero) | (a_zero & b_infinite);
    if (f64_is_nan(a) | f64_is_nan(b) | infinity_times_zero) {
      return F64_NAN;
    }
    if (a_infinite | b_infinite) {
      return vec2<u32>(0u, (sign << 31u) | F64_EXPONENT_BITS);
    }
    return vec2<u32>(0u, sign << 31u);
  }

  let x = f64_unpack_normalized(a);
  let y = f64_unpack_normalized(b);
  // Both significands shifted to bit 63 make a product in [2^126, 2^128), so its high word
  // pair has the leading 1 at bit 62 or 63, and the low pair only adds a sticky bit.
  let product = u64_mul_wide(u64_shl(x.significand, 11u), u64_shl(y.significand, 11u));
  let inexact = (product.x | product.y) != 0u;
  var sig = vec2<u32>(product.z | u32(inexact), product.w);
  var e = x.exponent + y.exponent - 1023;
  if (sig.y >= 0x80000000u) {
    sig = u64_shr_sticky(sig, 1u);
    e = e + 1;
  }
  return f64_round_pack(sign, e, sig);
}

// ---- Division ----------------------------------------------------------------------------

fn f64_div(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  let sign = f64_sign_bit(a) ^ f64_sign_bit(b);
  let a_zero = f64_is_zero(a);
  let b_zero = f64_is_zero(b);
  if (!f64_is_finite(a) | !f64_is_finite(b) | a_zero | b_zero) {
    let a_infinite = f64_is_infinite(a);
    let b_infinite = f64_is_infinite(b);
    let invalid = (a_infinite & b_infinite) | (a_zero & b_zero);
    if (f64_is_nan(a) | f64_is_nan(b) | invalid) {
      return F64_NAN;
    }
    if (a_infinite | b_zero) {
      return vec2<u32>(0u, (sign << 31u) | F64_EXPONENT_BITS);
    }
    return vec2<u32>(0u, sign << 31u);
  }

  let x = f64_unpack_normalized(a);
  let y = f64_unpack_normalized(b);
  let divisor = y.significand;
  var e = x.exponent - y.exponent + 1023;
  // Make the quotient of the significands fall in [1, 2); its integer bit is then 1.
  var remainder = x.significand;
  if (u64_lt(remainder, divisor)) {
    remainder = u64_shl(remainder, 1u);
    e = e - 1;
  }
  remainder = u64_sub(remainder, divisor);
  var quotient = vec2<u32>(1u, 0u);

  // Long division in radix 2^11, five digits: 55 fraction bits, two more than the 52 of the
  // result and its rounding bit. Each digit is estimated from the high words alone. With
  // R = remainder << 11 < divisor * 2^11 and D = divisor in [2^52, 2^53), so that D.y is in
  // [2^20, 2^21), the estimate R.y / (D.y + 1) never exceeds the true digit floor(R / D) and
  // falls short of it by less than (2^11 + 1) / D.y < 1, so one conditional correction
  // makes it exact. u32 division is exact in WGSL.
  let divisor_high_bound = divisor.y + 1u;
  for (var digit_index = 0u; digit_index < 5u; digit_index++) {
    remainder = u64_shl(remainder, 11u);
    var digit = remainder.y / divisor_high_bound;
    remainder = u64_sub(remainder, u64_mul_u32(divisor, digit));
    let short_by_one = !u64_lt(remainder, divisor);
    remainder = select(remainder, u64_sub(remainder, divisor), short_by_one);
    digit = digit + u32(short_by_one);
    quotient = u64_shl(quotient, 11u);
    quotient.x = quotient.x | digit;
  }

  // quotient has its leading 1 at bit 55; a nonzero remainder becomes the sticky bit.
  var sig = u64_shl(quotient, 7u);
  sig.x = sig.x | u32(!u64_is_zero(remainder));
  return f64_round_pack(sign, e, sig);
}

// ---- Square root -------------------------------------------------------------------------

fn f64_sqrt(a: vec2<u32>) -> vec2<u32> {
  if (f64_is_zero(a)) {
    // sqrt(-0) is -0.
    return a;
  }
  if (f64_is_nan(a) | (f64_sign_bit(a) != 0u)) {
    return F64_NAN;
  }
  if (f64_is_infinite(a)) {
    return a;
  }

  // a = significand * 2^k with k = exponent - 1075. Make k even so that it halves exactly,
  // which leaves the significand in [2^52, 2^54).
  let x = f64_unpack_normalized(a);
  let odd_power = (x.exponent & 1) == 0;
  let radicand = u64_shl(x.significand, u32(odd_power));
  let half_power = (x.exponent - 1075 - i32(odd_power)) >> 1u;

  // Digit-by-digit square root of radicand * 2^54, one root bit per step: root ends in
  // [2^53, 2^54), with remainder = radicand * 2^54 - root^2 <= 2 * root. The radicand's 54
  // bits enter two at a time from the top of `pending`, in steps 1 to 27; later steps bring
  // in zeros.
  //
  // Steps 1 to 30 run in u32: before step k the root has k - 1 bits and the remainder is at
  // most 2 * root < 2^k, so the shifted remainder stays below 2^(k + 2) <= 2^32.
  var pending = u64_shl(radicand, 10u);
  var remainder_low = 0u;
  var root_low = 0u;
  for (var step = 0u; step < 30u; step++) {
    remainder_low = (remainder_low << 2u) | (pending.y >> 30u);
    pending = u64_shl(pending, 2u);
    let trial = (root_low << 2u) | 1u;
    let bit_is_one = remainder_low >= trial;
    remainder_low = select(remainder_low, remainder_low - trial, bit_is_one);
    root_low = (root_low << 1u) | u32(bit_is_one);
  }

  // Steps 31 to 54 in u64, with only zeros left to bring in.
  var remainder = vec2<u32>(remainder_low, 0u);
  var root = vec2<u32>(root_low, 0u);
  for (var step = 30u; step < 54u; step++) {
    remainder = u64_shl(remainder, 2u);
    var trial = u64_shl(root, 2u);
    trial.x = trial.x | 1u;
    let bit_is_one = !u64_lt(remainder, trial);
    remainder = select(remainder, u64_sub(remainder, trial), bit_is_one);
    root = u64_shl(root, 1u);
    root.x = root.x | u32(bit_is_one);
  }

  // sqrt(a) = root * 2^(k/2 - 27), exactly when the remainder is zero. In the intermediate
  // format (leading 1 at bit 62) that is (root << 9) * 2^(e - 1085) with e = k/2 + 1049.
  var sig = u64_shl(root, 9u);
  sig.x = sig.x | u32(!u64_is_zero(remainder));
  return f64_round_pack(0u, half_power + 1049, sig);
}

// ---- Comparisons (IEEE: NaN is unordered, -0 == +0) --------------------------------------

fn f64_eq(a: vec2<u32>, b: vec2<u32>) -> bool {
  let same_bits = all(a == b);
  let both_zero = f64_is_zero(a) & f64_is_zero(b);
  return !f64_is_nan(a) & !f64_is_nan(b) & (same_bits | both_zero);
}

// Not equal, true when either operand is NaN (JavaScript's !==).
fn f64_ne(a: vec2<u32>, b: vec2<u32>) -> bool {
  return !f64_eq(a, b);
}

fn f64_lt(a: vec2<u32>, b: vec2<u32>) -> bool {
  let ordered = !f64_is_nan(a) & !f64_is_nan(b);
  let a_negative = f64_sign_bit(a) != 0u;
  let b_negative = f64_sign_bit(b) != 0u;
  let both_zero = f64_is_zero(a) & f64_is_zero(b);
  // Same signs: compare the bit patterns as integers, reversed for negatives. Different
  // signs: the negative one is smaller unless both are zeros.
  let same_sign_lt = select(u64_lt(a, b), u64_lt(b, a), a_negative);
  let different_sign_lt = a_negative & !both_zero;
  return ordered & select(same_sign_lt, different_sign_lt, a_negative != b_negative);
}

fn f64_le(a: vec2<u32>, b: vec2<u32>) -> bool {
  return f64_lt(a, b) | f64_eq(a, b);
}

fn f64_gt(a: vec2<u32>, b: vec2<u32>) -> bool {
  return f64_lt(b, a);
}

fn f64_ge(a: vec2<u32>, b: vec2<u32>) -> bool {
  return f64_le(b, a);
}

// ---- Minimum and maximum -----------------------------------------------------------------
//
// The reference TypeScript writes min and max as explicit compares, and which operand a
// compare returns on a tie (-0 vs +0) or on NaN decides the bits. Each function here is one
// such expression; pick the one the reference writes, with its operands in the same order.

// a > b ? a : b. Returns b when the operands are equal (so max(+0, -0) is -0) or unordered.
fn f64_max(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  return select(b, a, f64_gt(a, b));
}

// b > a ? b : a, the running-maximum form `if (b > a) a = b`. Returns a when the operands
// are equal or unordered.
fn f64_max_keep_first(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  return select(a, b, f64_gt(b, a));
}

// a < b ? a : b. Returns b when the operands are equal or unordered.
fn f64_min(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  return select(b, a, f64_lt(a, b));
}

// b < a ? b : a, the running-minimum form `if (b < a) a = b`. Returns a when the operands
// are equal or unordered.
fn f64_min_keep_first(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  return select(a, b, f64_lt(b, a));
}

// JavaScript's Math.max: NaN if either operand is NaN, and +0 is greater than -0.
fn f64_math_max(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  if (f64_is_nan(a) | f64_is_nan(b)) {
    return F64_NAN;
  }
  if (f64_is_zero(a) & f64_is_zero(b)) {
    // -0 only when both are -0.
    return vec2<u32>(0u, a.y & b.y);
  }
  return f64_max(a, b);
}

// JavaScript's Math.min: NaN if either operand is NaN, and -0 is less than +0.
fn f64_math_min(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  if (f64_is_nan(a) | f64_is_nan(b)) {
    return F64_NAN;
  }
  if (f64_is_zero(a) & f64_is_zero(b)) {
    // -0 when either is -0.
    return vec2<u32>(0u, a.y | b.y);
  }
  return f64_min(a, b);
}

// ---- Integer conversions -----------------------------------------------------------------

// Exact: every u32 is a double. 0 becomes +0.
fn f64_from_u32(v: u32) -> vec2<u32> {
  if (v == 0u) {
    return F64_POSITIVE_ZERO;
  }
  let shift = countLeadingZeros(v);
  // Drop the leading 1 (moved to bit 31): the rest is the fraction, aligned to bit 31.
  let fraction = (v << shift) << 1u;
  let exponent_field = 1023u + 31u - shift;
  return vec2<u32>(fraction << 20u, (exponent_field << 20u) | (fraction >> 12u));
}

// Exact: every i32 is a double. 0 becomes +0.
fn f64_from_i32(v: i32) -> vec2<u32> {
  let negative = v < 0;
  // The magnitude in u32 arithmetic, which also holds 2^31 for v = -2^31.
  let magnitude = select(bitcast<u32>(v), 0u - bitcast<u32>(v), negative);
  let bits = f64_from_u32(magnitude);
  return vec2<u32>(bits.x, bits.y | select(0u, F64_SIGN_BIT, negative));
}

// Truncates toward zero, for indices and counts. Saturates outside the i32 range
// (-infinity and values <= -2^31 give -2^31; +infinity and values >= 2^31 give 2^31 - 1) and
// returns 0 for NaN, as WGSL's own f32-to-i32 conversion does.
fn f64_to_i32(a: vec2<u32>) -> i32 {
  if (f64_is_nan(a)) {
    return 0;
  }
  let negative = f64_sign_bit(a) != 0u;
  let power = i32(f64_exponent_field(a)) - 1023;
  if (power < 0) {
    return 0;
  }
  if (power >= 31) {
    return select(2147483647, -2147483647 - 1, negative);
  }
  // |a| < 2^31: the integer part is the significand without its 52 - power fraction bits.
  let magnitude = i32(u64_shr(f64_significand(a), u32(52 - power)).x);
  return select(magnitude, -magnitude, negative);
}
