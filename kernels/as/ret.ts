import { column, param, seriesStart } from './lib';
import { returnLanes } from './lib-rest';

/** ret(n) of close; the mirror of src/reference/ret.ts. Scratch: none. */
export function ret(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const close = column(inputs, 0);
  const out = column(outputs, 0);
  const n = <i32>param(params, 0);
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = <usize>start << 3;
    returnLanes(close + at, out + at, len, n);
  }
}
