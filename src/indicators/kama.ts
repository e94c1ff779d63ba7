import { kama } from '../reference/kama.js';
import { period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'kama',
  title: "Kaufman's adaptive moving average",
  group: 'moving average',
  description:
    'From bar n, er = |close - close[n]| / (sum of the last n |close - close[1]|), or 1 where that sum does not exceed ' +
    'the change. Then sc = (er * (2/3 - 2/31) + 2/31)^2 and kama = (close - prev) * sc + prev, with prev = close[n - 1] ' +
    'at bar n. Undefined before bar n.',
  source: 'TA-Lib KAMA (Perry Kaufman; fast 2, slow 30 bars)',
  inputs: ['close'],
  params: [period('period', 30, 2)],
  outputs: [{ name: 'value', description: 'the average', scale: 'price' }],
  lookback: ([n]) => n,
  scratch: (_params, maxLength) => maxLength,
  reference: kama,
  notes: [
    'TA-Lib keeps the volatility sum as a running sum and takes er = 1 when it is within 1e-14 of 0; here each window sums its own n changes, so a flat window gives exactly 0, and only an exact 0 counts.',
    'Pine has no built-in kama, so both conventions use TA-Lib\'s definition.',
  ],
};
