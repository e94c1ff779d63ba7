import { bullbear } from '../reference/bullbear.js';
import { period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'bullbear',
  title: 'Bull and bear power',
  group: 'momentum',
  description:
    'bull = high - ema(close, n), bear = low - ema(close, n), with the EMA seeded by the mean of the first n closes. ' +
    'Undefined before bar n - 1.',
  source: 'Alexander Elder; TradingView\'s Bull Bear Power (not in TA-Lib)',
  inputs: ['high', 'low', 'close'],
  params: [period('period', 13)],
  outputs: [
    { name: 'bull', description: 'bull power, high - EMA, in price units', scale: 'price' },
    { name: 'bear', description: 'bear power, low - EMA, in price units', scale: 'price' },
  ],
  lookback: ([n]) => n - 1,
  scratch: () => 0,
  reference: bullbear,
  notes: [
    'TA-Lib has no bull and bear power; both conventions use Pine\'s ta.ema, whose seed is the same as TA-Lib\'s EMA.',
  ],
};
