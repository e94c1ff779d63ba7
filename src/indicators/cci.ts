import { cci } from '../reference/cci.js';
import { period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'cci',
  title: 'Commodity channel index',
  group: 'momentum',
  description:
    '(x - sma(x, n)) / (0.015 * mean absolute deviation of x from that sma over n bars). x is the typical price ' +
    '(high + low + close) / 3 under TA-Lib and the close under tradingview. A flat window gives 0 (TA-Lib) or ' +
    'undefined (tradingview).',
  source: 'TA-Lib CCI; Pine ta.cci(close, n) as TradingView\'s technical ratings use it',
  inputs: ['high', 'low', 'close'],
  params: [period('period', 20)],
  outputs: [{ name: 'value', description: 'the index', scale: 'none' }],
  lookback: ([n]) => n - 1,
  scratch: ([n], maxLength) => maxLength + n,
  reference: cci,
  notes: [
    'Source: TA-Lib uses the typical price (high + low + close) / 3; tradingview uses the close, as the ratings\' CCI(20) does. Both read high and low, so a bar missing either is skipped under both conventions.',
    'TA-Lib gives 0 when the deviation is 0 or the price equals its mean; tradingview gives undefined when the deviation is 0 (Pine divides by 0) and 0 when only the price equals its mean.',
    'TA-Lib sums its window in ring-buffer order; here each window is summed oldest first, which differs in the last bits. Tradingview takes the mean from Pine\'s compensated sma and sums the deviation newest first, as ta.dev does.',
  ],
};
