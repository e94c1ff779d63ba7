import { keltner } from '../reference/keltner.js';
import { multiplier, period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'keltner',
  title: 'Keltner channel',
  group: 'volatility',
  description:
    'middle = ema(close, n); upper and lower = middle +- mult * atr, with atr = rma(tr, atr_period) and tr = high - low ' +
    'on bar 0, then max(high - low, |high - close[1]|, |low - close[1]|). The middle starts at bar n - 1, the bands at ' +
    'bar max(n, atr_period) - 1.',
  source: 'TradingView\'s built-in Keltner Channels with the Average True Range band style (Pine ta.ema, ta.atr); TA-Lib has no such function',
  inputs: ['high', 'low', 'close'],
  params: [
    period('period', 20, 1, 'length of the ema of close'),
    multiplier('mult', 2, 'band width in atrs'),
    period('atr_period', 10, 1, 'length of the atr'),
  ],
  outputs: [
    { name: 'upper', description: 'middle + mult * atr', scale: 'price' },
    { name: 'middle', description: 'the ema of close', scale: 'price' },
    { name: 'lower', description: 'middle - mult * atr', scale: 'price' },
  ],
  lookback: ([n]) => n - 1,
  outputLookback: ([n, , m], output) => (output === 1 ? n - 1 : Math.max(n, m) - 1),
  scratch: (_params, maxLength) => maxLength,
  reference: keltner,
  notes: [
    'TA-Lib has no Keltner channel, so both conventions use TradingView\'s built-in: Pine\'s ta.atr, whose true range is high - low on bar 0, so the atr starts at bar atr_period - 1 (the atr indicator, as TA-Lib, starts at bar atr_period).',
    'Pine\'s ta.kc(src, n, mult, true) instead widens by ema(tr, n); with atr_period = n it differs only in using ema rather than rma.',
  ],
};
