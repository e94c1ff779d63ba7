import { ad } from '../reference/ad.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'ad',
  title: 'Chaikin accumulation/distribution line',
  group: 'volume',
  description:
    'A running total from bar 0 of ((close - low) - (high - close)) / (high - low) * volume; a bar with high - low not ' +
    'positive adds nothing.',
  source: 'TA-Lib AD (Marc Chaikin)',
  inputs: ['high', 'low', 'close', 'volume'],
  params: [],
  outputs: [{ name: 'value', description: 'the running total, in volume units', scale: 'volume' }],
  lookback: () => 0,
  scratch: () => 0,
  reference: ad,
  notes: [
    'tradingview conventions (Pine ta.accdist): each term is ((2 * close - low - high) / (high - low)) * volume, a last-bit difference, and only high == low adds nothing (a bar with high < low adds its term).',
    'The total depends on where the series starts; a symbol with more history has another level.',
  ],
};
