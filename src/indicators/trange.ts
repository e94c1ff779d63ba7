import { trange } from '../reference/trange.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'trange',
  title: 'True range',
  group: 'volatility',
  description: 'max(high - low, |high - close[1]|, |low - close[1]|). Undefined on bar 0, which has no previous close.',
  source: 'TA-Lib TRANGE (J. Welles Wilder); Pine ta.tr',
  inputs: ['high', 'low', 'close'],
  params: [],
  outputs: [{ name: 'value', description: 'the true range, in price units', scale: 'price' }],
  lookback: () => 1,
  scratch: () => 0,
  reference: trange,
  notes: ['Pine\'s ta.tr (handle_na = false) is also undefined on bar 0, so both conventions agree.'],
};
