import { recSma } from '../reference/rec_sma.js';
import { period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'rec_sma',
  title: 'SMA vote of the moving-average rating',
  group: 'rating',
  description:
    'sign(close - sma(close, n)) with exact compares: +1 above, -1 below, 0 equal; null while the SMA is. ' +
    'The SMA is Pine\'s, kept as a compensated rolling sum so exact ties resolve as on TradingView.',
  source: 'TradingView technical ratings (Recommend.MA member); Pine ta.sma',
  inputs: ['close'],
  params: [period('period', 20)],
  outputs: [{ name: 'value', description: 'the vote: +1 buy, 0 neutral, -1 sell', scale: 'none' }],
  lookback: ([n]) => n - 1,
  scratch: ([n]) => n,
  reference: recSma,
  notes: ['recommend_ma uses lengths 10, 20, 30, 50, 100 and 200.'],
};
