import { recommendOther } from '../reference/recommend_other.js';
import type { IndicatorSpec } from '../registry/types.js';

/** Float64 slots of the oscillator rating's scratch: vote tally, count and vote, then the work of one vote. */
export function recommendOtherScratch(maxLength: number): number {
  return 3 * maxLength + 8 * maxLength + 64;
}

export const spec: IndicatorSpec = {
  id: 'recommend_other',
  title: 'Oscillator technical rating',
  group: 'rating',
  description:
    'Mean of the defined votes of 11 oscillators: rec_rsi, rec_stoch, rec_cci, rec_adx, rec_ao, rec_mom, rec_macd, ' +
    'rec_stochrsi, rec_wr, rec_bbpower and rec_uo; from -1 (all sell) to +1 (all buy), null while no vote is defined.',
  source: 'TradingView technical ratings (Recommend.Other), with Pine\'s definitions of every oscillator',
  inputs: ['high', 'low', 'close'],
  params: [],
  outputs: [{ name: 'value', description: 'the rating, a multiple of 1/11 once all members vote', scale: 'none' }],
  // Momentum(10) votes first.
  lookback: () => 11,
  scratch: (_params, maxLength) => recommendOtherScratch(maxLength),
  reference: recommendOther,
  notes: [
    'MACD, ADX, RSI and the EMA(50) trend depend on their seed for a few hundred bars, so early values can differ from a screener that has seen longer history.',
  ],
};
