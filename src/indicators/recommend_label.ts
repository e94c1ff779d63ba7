import { recommendLabel } from '../reference/recommend_label.js';
import type { IndicatorSpec } from '../registry/types.js';
import { recommendAllScratch } from './recommend_all.js';

export const spec: IndicatorSpec = {
  id: 'recommend_label',
  title: 'Band of a technical rating',
  group: 'rating',
  description:
    'The band of recommend_all (rating 0), recommend_ma (1) or recommend_other (2) as a number: ' +
    '-2 Strong Sell (< -0.5), -1 Sell ([-0.5, -0.1)), 0 Neutral ([-0.1, 0.1]), 1 Buy ((0.1, 0.5]), ' +
    '2 Strong Buy (> 0.5); an edge belongs to the milder band, so exactly 0.5 is Buy. Null where the rating is.',
  source: 'TradingView technical ratings (the screener\'s rating labels)',
  inputs: ['high', 'low', 'close'],
  optionalInputs: ['volume'],
  params: [
    {
      name: 'rating',
      kind: 'int',
      default: 0,
      min: 0,
      max: 2,
      description: 'the rating to band: 0 recommend_all, 1 recommend_ma, 2 recommend_other',
    },
  ],
  outputs: [{ name: 'value', description: 'the band: -2 strong sell, -1 sell, 0 neutral, 1 buy, 2 strong buy', scale: 'none' }],
  // recommend_ma starts at bar 9, recommend_other at bar 11.
  lookback: ([rating]) => (rating === 2 ? 11 : 9),
  scratch: (_params, maxLength) => recommendAllScratch(maxLength),
  reference: recommendLabel,
};
