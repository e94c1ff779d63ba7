import { column, ld, ldv, param, seriesStart, st, stv } from './lib';
import { LANES_ATR, runLanes } from './lanes';

/**
 * natr(n); the mirror of src/reference/natr.ts. Its true range and Wilder average are TA-Lib's
 * atr, which `runLanes` computes two series at a time. Then (atr / close) * 100, NaN where close
 * is 0, runs over the whole batch two bars at a time. Scratch: none.
 */
export function natr(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const close = column(inputs, 2);
  const out = column(outputs, 0);
  runLanes(LANES_ATR, count, offsets, inputs, out, <i32>param(params, 0));
  if (count <= 0) return;
  // Series are contiguous, so the bars of the batch are [offsets[0], offsets[count]).
  const first = seriesStart(offsets, 0);
  const end = seriesStart(offsets, count);
  const hundred = f64x2.splat(100.0);
  const zero = f64x2.splat(0);
  const undefinedValue = f64x2.splat(NaN);
  let i = first;
  for (; i + 1 < end; i += 2) {
    const c = ldv(close, i);
    const value = f64x2.mul(f64x2.div(ldv(out, i), c), hundred);
    stv(out, i, v128.bitselect(undefinedValue, value, f64x2.eq(c, zero)));
  }
  if (i < end) {
    const c = ld(close, i);
    st(out, i, c == 0 ? NaN : (ld(out, i) / c) * 100.0);
  }
}
