import { tema } from '../reference/tema.js';
import { period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'tema',
  title: 'Triple exponential moving average',
  group: 'moving average',
  description:
    '3 * e1 - 3 * e2 + e3, with e1 = ema(close, n), e2 = ema(e1, n), e3 = ema(e2, n), each seeded with the mean of its ' +
    'first n defined values. Undefined before bar 3 * (n - 1).',
  source: 'TA-Lib TEMA (Patrick Mulloy, 1994)',
  inputs: ['close'],
  params: [period('period', 30, 2)],
  outputs: [{ name: 'value', description: 'the average', scale: 'price' }],
  lookback: ([n]) => 3 * (n - 1),
  scratch: (_params, maxLength) => 2 * maxLength,
  reference: tema,
  notes: [
    'TA-Lib seeds each ema with a plain sum; the compensated sum here changes the values in the last bits only.',
    'Pine has no built-in tema; TradingView\'s TEMA script computes the same combination with ta.ema, so both conventions agree.',
  ],
};
