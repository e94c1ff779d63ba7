import { apo } from '../reference/apo.js';
import { fastBelowSlow, period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'apo',
  title: 'Absolute price oscillator',
  group: 'momentum',
  description:
    'fast average - slow average of close; the averages are simple (ma_type 0, TA-Lib\'s default) or exponential (ma_type 1).',
  source: 'TA-Lib APO; TradingView Price Oscillator (Pine ta.sma, ta.ema)',
  inputs: ['close'],
  params: [
    period('fast', 12, 2),
    period('slow', 26, 2),
    { name: 'ma_type', kind: 'int', default: 0, min: 0, max: 1, description: 'averages: 0 = simple, 1 = exponential' },
  ],
  outputs: [{ name: 'value', description: 'the difference of the averages', scale: 'price' }],
  lookback: ([, slow]) => slow - 1,
  check: fastBelowSlow,
  // The fast average, then the averages' scratch.
  scratch: ([, slow], maxLength) => maxLength + 2 * (slow + 1) + 2 * maxLength,
  reference: apo,
  notes: [
    'With EMAs both conventions agree: TA-Lib\'s APO and PPO seed each EMA with the mean of its own first closes, as Pine does (unlike TA-Lib\'s MACD).',
    'The SMAs are TA-Lib\'s by block sums under TA-Lib and Pine\'s compensated rolling sum under tradingview; they differ in the last bits only.',
    'TA-Lib swaps fast and slow when fast > slow; here fast must be less than slow.',
  ],
};
