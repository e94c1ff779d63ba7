import { column, param, seriesStart, slots } from './lib';
import { kamaConstants, kamaPair } from './lib-rest';

/**
 * kama(n) of close; the mirror of src/reference/kama.ts. The recurrence runs two series at a
 * time. Scratch: maxLength slots.
 */
export function kama(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const close = column(inputs, 0);
  const out = column(outputs, 0);
  const n = <i32>param(params, 0);
  let pendingAt: usize = 0;
  let pendingLen: i32 = -1;
  for (let s: i32 = 0; s < count; s++) {
    const start = seriesStart(offsets, s);
    const len = seriesStart(offsets, s + 1) - start;
    const at = slots(start);
    kamaConstants(close + at, out + at, len, n, scratch);
    if (pendingLen < 0) {
      pendingAt = at;
      pendingLen = len;
      continue;
    }
    kamaPair(close + pendingAt, out + pendingAt, pendingLen, close + at, out + at, len, n);
    pendingLen = -1;
  }
  if (pendingLen >= 0) kamaPair(close + pendingAt, out + pendingAt, pendingLen, close + pendingAt, out + pendingAt, pendingLen, n);
}
