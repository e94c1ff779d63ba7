import { ema } from '../reference/ema.js';
import { period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'ema',
  title: 'Exponential moving average',
  group: 'moving average',
  description:
    'Seeded at bar n - 1 with the mean of the first n closes, then prev + alpha * (close - prev) with ' +
    'alpha = 2 / (n + 1). Undefined before bar n - 1.',
  source: 'TA-Lib EMA (classic seeding); the seed sum is the compensated sum of sma',
  inputs: ['close'],
  params: [period('period', 20)],
  outputs: [{ name: 'value', description: 'the average', scale: 'price' }],
  lookback: ([n]) => n - 1,
  scratch: () => 0,
  reference: ema,
  notes: [
    'TA-Lib seeds with a plain sum of the first n closes; the compensated sum here changes the seed, and the values that follow from it, in the last bits only.',
    'TA-Lib requires a period of at least 2; period 1 is accepted here and follows the close up to rounding.',
    'tradingview: the same under both conventions; Pine\'s ta.ema is also seeded with the sma of the first n closes (the compensated sum used here) and then steps prev + alpha * (close - prev).',
  ],
};
