import { column, ld, param, seriesStart, slots, st } from './lib';

/** obv; the mirror of src/reference/obv.ts. The params are the ratings profile, then the conventions flag. Scratch: none. */
export function obv(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const closeIn = column(inputs, 0);
  const volumeIn = column(inputs, 1);
  const outAll = column(outputs, 0);
  const pine = param(params, 1) == 1;
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    if (len == 0) continue;
    const at = slots(start);
    const close = closeIn + at;
    const volume = volumeIn + at;
    const out = outAll + at;
    let total: f64 = pine ? 0 : ld(volume, 0);
    st(out, 0, total);
    for (let i: i32 = 1; i < len; i++) {
      if (ld(close, i) > ld(close, i - 1)) total = total + ld(volume, i);
      else if (ld(close, i) < ld(close, i - 1)) total = total - ld(volume, i);
      st(out, i, total);
    }
  }
}
