import { column, seriesStart } from './lib';
import { isTradingView } from './lib-momentum';
import { balanceOfPower } from './lib-rest';

/** bop; the mirror of src/reference/bop.ts, bar by bar over the whole batch. Scratch: none. */
export function bop(count: i32, offsets: usize, inputs: usize, outputs: usize, params: usize, scratch: usize): void {
  const tv = isTradingView(params, 0);
  const first = seriesStart(offsets, 0);
  const last = seriesStart(offsets, count);
  balanceOfPower(column(inputs, 0), column(inputs, 1), column(inputs, 2), column(inputs, 3), column(outputs, 0), first, last, tv);
}
