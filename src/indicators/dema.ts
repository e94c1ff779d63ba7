import { dema } from '../reference/dema.js';
import { period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'dema',
  title: 'Double exponential moving average',
  group: 'moving average',
  description:
    '2 * e1 - e2, with e1 = ema(close, n) and e2 = ema(e1, n), each ema seeded with the mean of its first n defined ' +
    'values. Undefined before bar 2 * (n - 1).',
  source: 'TA-Lib DEMA (Patrick Mulloy, 1994)',
  inputs: ['close'],
  params: [period('period', 30, 2)],
  outputs: [{ name: 'value', description: 'the average', scale: 'price' }],
  lookback: ([n]) => 2 * (n - 1),
  scratch: (_params, maxLength) => maxLength,
  reference: dema,
  notes: [
    'TA-Lib seeds each ema with a plain sum; the compensated sum here changes the values in the last bits only.',
    'Pine has no built-in dema; TradingView\'s DEMA script computes the same 2 * e1 - e2 with ta.ema, so both conventions agree.',
  ],
};
