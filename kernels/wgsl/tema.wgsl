// tema(n) of close as TA-Lib computes it: 3 * e1 - 3 * e2 + e3, each e the ema(n) of the one
// before; the mirror of src/reference/tema.ts (kernels/as/tema.ts runs the same operations two
// series at a time). params: n, ratings profile, conventions. Scratch: 2 * maxLength slots.

const TEMA_THREE = vec2<u32>(0x00000000u, 0x40080000u); // 3.0

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  let out = output_column(0u) + start;
  let n = param_i32(0u);
  let first = scratch_of(s);
  let second = first + u32(len);
  // close -> first -> second -> out, from one call site to keep the shader small.
  for (var step = 0; step < 3; step++) {
    let src = select(select(second, first, step == 1), input_column(0u) + start, step == 0);
    let dst = select(select(out, second, step == 1), first, step == 0);
    ema_series(src, dst, len, n);
  }
  for (var i = 0; i < len; i++) {
    let value = f64_sub(f64_mul(TEMA_THREE, ld_at(first, i)), f64_mul(TEMA_THREE, ld_at(second, i)));
    st_at(out, i, f64_add(value, ld_at(out, i)));
  }
}
