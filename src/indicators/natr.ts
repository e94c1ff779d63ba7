import { natr } from '../reference/natr.js';
import { period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'natr',
  title: 'Normalized average true range',
  group: 'volatility',
  description:
    '(atr(n) / close) * 100, with atr as the atr indicator: true range from bar 1, seeded at bar n with the mean of ' +
    'TR[1..n], then Wilder\'s smoothing. Undefined before bar n and where close is 0.',
  source: 'TA-Lib NATR',
  inputs: ['high', 'low', 'close'],
  params: [period('period', 14)],
  outputs: [{ name: 'value', description: 'the average true range in percent of the close', scale: 'none' }],
  lookback: ([n]) => n,
  scratch: (_params, maxLength) => maxLength,
  reference: natr,
  notes: [
    'TA-Lib returns 0 where the close is within 1e-14 of 0; here only an exact 0 counts, and it gives undefined, since the ratio has no value.',
    'TA-Lib seeds with a plain sum; the compensated sum here changes the values in the last bits only.',
    'Pine has no built-in natr, so both conventions use TA-Lib\'s definition.',
  ],
};
