import { column, param, seriesStart } from './lib';
import { varianceLanes } from './lib-rest';

/** var(n) of close; the mirror of src/reference/var.ts. Scratch: none. */
function variance(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const close = column(inputs, 0);
  const out = column(outputs, 0);
  const n = <i32>param(params, 0);
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = <usize>start << 3;
    varianceLanes(close + at, out + at, len, n, false, 1);
  }
}

export { variance as var };
