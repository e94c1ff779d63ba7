import { atr } from '../reference/atr.js';
import { period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'atr',
  title: 'Average true range',
  group: 'volatility',
  description:
    'True range = max(high - low, |high - close[1]|, |low - close[1]|) from bar 1; the first ATR, at bar n, is the ' +
    'mean of TR[1..n], then (prev * (n - 1) + tr) / n. Undefined before bar n.',
  source: 'TA-Lib ATR (J. Welles Wilder)',
  inputs: ['high', 'low', 'close'],
  params: [period('period', 14)],
  outputs: [{ name: 'value', description: 'the average true range, in price units', scale: 'price' }],
  lookback: ([n], conventions) => (conventions === 'tradingview' ? n - 1 : n),
  // The tradingview path keeps the true range of one series; the talib path needs none.
  scratch: (_params, maxLength) => maxLength,
  reference: atr,
  notes: [
    'TA-Lib seeds with a plain sum; the compensated sum here changes the values in the last bits only.',
    'Pine\'s ta.atr takes high - low as the true range of bar 0 and starts at bar n - 1, so its values differ from these until the seed has decayed; this follows TA-Lib.',
    'tradingview: Pine\'s ta.atr, rma(tr, n) with the true range of bar 0 taken as high - low, so the first value, the mean of TR[0..n-1], is at bar n - 1, one bar before the talib value.',
  ],
};
