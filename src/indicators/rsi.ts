import { rsi } from '../reference/rsi.js';
import { period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'rsi',
  title: 'Relative strength index',
  group: 'momentum',
  description:
    'Changes from bar 1; gains and losses are averaged with Wilder\'s smoothing, seeded at bar n with the mean of ' +
    'the first n, then (prev * (n - 1) + x) / n; the value is 100 * (gain / (gain + loss)). Undefined before bar n ' +
    'and where both averages are 0 (no change in the window).',
  source: 'TA-Lib RSI (classic, not Metastock); Wilder (1978)',
  inputs: ['close'],
  params: [period('period', 14)],
  outputs: [{ name: 'value', description: 'the index, 0 to 100', scale: 'none' }],
  lookback: ([n]) => n,
  // The tradingview path keeps the gains and losses of one series; the talib path needs none.
  scratch: (_params, maxLength) => 2 * maxLength,
  reference: rsi,
  notes: [
    'TA-Lib returns 0 when gain + loss is within 1e-14 of 0; here only an exact 0 counts, and it gives undefined, as in Pine, since 0/0 has no value.',
    'TA-Lib seeds the averages with plain sums; the compensated sum here changes them in the last bits only.',
    'Pine computes 100 - 100 / (1 + gain / loss), which equals the TA-Lib form up to rounding; this follows TA-Lib.',
    'tradingview: Pine\'s ta.rsi, 100 - 100 / (1 + gain / loss) on the same averages: 100 when only the loss average is 0, 0 when only the gain average is 0, undefined when both are; it differs from the talib value in the last bits only, and the first value is at bar n under both.',
    'TA-Lib requires a period of at least 2; period 1 is accepted here and gives 100 on a rise, 0 on a fall and undefined on no change.',
  ],
};
