import { column, ld, seriesStart, st } from './lib';
import { isTradingView } from './lib-momentum';

/** bop; the mirror of src/reference/bop.ts. Scratch: none. */
export function bop(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const opens = column(inputs, 0);
  const highs = column(inputs, 1);
  const lows = column(inputs, 2);
  const closes = column(inputs, 3);
  const outs = column(outputs, 0);
  const tv = isTradingView(params, 0);
  const first = seriesStart(offsets, 0);
  const last = seriesStart(offsets, count);
  for (let i = first; i < last; i++) {
    const range = ld(highs, i) - ld(lows, i);
    if (tv) st(outs, i, range == 0 ? NaN : (ld(closes, i) - ld(opens, i)) / range);
    else st(outs, i, range <= 0 ? 0.0 : (ld(closes, i) - ld(opens, i)) / range);
  }
}
