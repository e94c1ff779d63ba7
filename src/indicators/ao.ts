import { ao } from '../reference/ao.js';
import { fastBelowSlow, period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'ao',
  title: 'Awesome oscillator',
  group: 'momentum',
  description:
    'sma(hl2, fast) - sma(hl2, slow) with hl2 = (high + low) / 2. Undefined before bar slow - 1. Requires fast < slow.',
  source: 'Bill Williams; TradingView\'s Awesome Oscillator (not in TA-Lib)',
  inputs: ['high', 'low'],
  params: [period('fast', 5, 1, 'fast SMA length in bars'), period('slow', 34, 2, 'slow SMA length in bars')],
  outputs: [{ name: 'value', description: 'the oscillator, in price units', scale: 'price' }],
  lookback: ([, slow]) => slow - 1,
  check: fastBelowSlow,
  scratch: ([, slow], maxLength) => 2 * maxLength + slow,
  reference: ao,
  notes: [
    'TA-Lib has no Awesome Oscillator; both conventions use Pine\'s sma (the compensated rolling sum of math.sum).',
  ],
};
