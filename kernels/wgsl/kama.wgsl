// kama(n) of close, TA-Lib's KAMA (fast 2, slow 30); the mirror of src/reference/kama.ts
// (kernels/as/kama.ts runs the same operations two series at a time). params: n, ratings
// profile, conventions. Scratch: none (the spec reserves maxLength slots for the wasm kernel).

fn run_series(s: u32) {
  let start = series_start(s);
  let len = i32(series_length(s));
  kama_series(input_column(0u) + start, output_column(0u) + start, len, param_i32(0u));
}
