import { recEma } from '../reference/rec_ema.js';
import { period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'rec_ema',
  title: 'EMA vote of the moving-average rating',
  group: 'rating',
  description:
    'sign(close - ema(close, n)) with exact compares: +1 above, -1 below, 0 equal; null while the EMA is. ' +
    'The EMA is Pine\'s: alpha = 2/(n+1), seeded with the SMA of the first n closes.',
  source: 'TradingView technical ratings (Recommend.MA member); Pine ta.ema',
  inputs: ['close'],
  params: [period('period', 20)],
  outputs: [{ name: 'value', description: 'the vote: +1 buy, 0 neutral, -1 sell', scale: 'none' }],
  lookback: ([n]) => n - 1,
  scratch: () => 0,
  reference: recEma,
  notes: [
    'recommend_ma uses lengths 10, 20, 30, 50, 100 and 200.',
    'The EMA depends on its seed for a few hundred bars, so early votes can differ from a screener that has seen longer history.',
  ],
};
