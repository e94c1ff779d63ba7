import { sma } from '../reference/sma.js';
import { period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'sma',
  title: 'Simple moving average',
  group: 'moving average',
  description: 'Mean of the last n closes. Each window is summed from its own n closes, so no error carries along the series.',
  source: 'TA-Lib SMA',
  inputs: ['close'],
  params: [period('period', 20)],
  outputs: [{ name: 'value', description: 'the average', scale: 'price' }],
  lookback: ([n]) => n - 1,
  // Two suffix buffers of n + 1, then the packed series and its output for series with gaps;
  // the tradingview path needs only the n-slot ring of the rolling sum.
  scratch: ([n], maxLength) => 2 * (n + 1) + 2 * maxLength,
  reference: sma,
  notes: [
    'TA-Lib keeps a plain running sum, whose rounding errors stay in it after the closes that caused them leave the window.',
    'Here each window sums only its own closes, as a suffix sum of one block of n closes plus a prefix sum of the next block (van Herk/Gil-Werman), which differs from TA-Lib in the last bits only.',
    'rec_sma and recommend_ma keep Pine\'s compensated rolling sum (TradingView\'s math.sum), whose exact ties the ratings follow.',
    'tradingview: Pine\'s ta.sma, the compensated rolling sum divided by n, as the ratings compute it; it differs from the talib value in the last bits only.',
  ],
};
