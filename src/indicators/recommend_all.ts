import { recommendAll } from '../reference/recommend_all.js';
import type { IndicatorSpec } from '../registry/types.js';
import { spec as recommendMa } from './recommend_ma.js';
import { recommendOtherScratch } from './recommend_other.js';

/** Scratch of recommend_ma, or recommend_other's beside one series of its values, whichever is larger. */
export function recommendAllScratch(maxLength: number): number {
  return Math.max(recommendMa.scratch([], maxLength), maxLength + recommendOtherScratch(maxLength));
}

export const spec: IndicatorSpec = {
  id: 'recommend_all',
  title: 'Overall technical rating',
  group: 'rating',
  description:
    '(recommend_ma + recommend_other) / 2 when both are defined, else whichever is defined, else null; ' +
    'from -1 (strong sell) to +1 (strong buy).',
  source: 'TradingView technical ratings (Recommend.All)',
  inputs: ['high', 'low', 'close'],
  optionalInputs: ['volume'],
  params: [],
  outputs: [{ name: 'value', description: 'the rating, a multiple of 1/330 (1/308 without volume) once all members vote', scale: 'none' }],
  // recommend_ma's SMA(10) and EMA(10) vote first.
  lookback: () => 9,
  scratch: (_params, maxLength) => recommendAllScratch(maxLength),
  reference: recommendAll,
  notes: [
    'Values within the first ~500 bars depend on the seed of EMA(200), MACD and the Wilder-smoothed oscillators.',
    'Ratings from unadjusted prices jump at splits; TradingView charts are split-adjusted.',
  ],
};
