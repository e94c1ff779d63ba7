import { column, param, seriesStart } from './lib';
import { varianceLanes } from './lib-rest';

/** stddev(n, nbdev) of close; the mirror of src/reference/stddev.ts. Scratch: none. */
export function stddev(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const close = column(inputs, 0);
  const output = column(outputs, 0);
  const n = <i32>param(params, 0);
  const nbdev = param(params, 1);
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = <usize>start << 3;
    varianceLanes(close + at, output + at, len, n, true, nbdev);
  }
}
