import { stoch } from '../reference/stoch.js';
import { period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'stoch',
  title: 'Stochastic oscillator (slow)',
  group: 'momentum',
  description:
    'Raw stochastic 100 * (close - lowest low) / (highest high - lowest low) over k_period bars; K is its simple ' +
    'average over k_smooth bars and D the simple average of K over d_period bars. A zero range gives 0 (TA-Lib) ' +
    'or undefined (tradingview).',
  source: 'TA-Lib STOCH with SMA smoothing; Pine ta.stoch with ta.sma (TradingView Stochastic)',
  inputs: ['high', 'low', 'close'],
  params: [period('k_period', 14), period('k_smooth', 3), period('d_period', 3)],
  outputs: [
    { name: 'k', description: 'the smoothed stochastic, 0 to 100', scale: 'none' },
    { name: 'd', description: 'the average of K, 0 to 100', scale: 'none' },
  ],
  lookback: ([n, kSmooth, dPeriod], conventions) => n - 1 + kSmooth - 1 + (conventions === 'tradingview' ? 0 : dPeriod - 1),
  outputLookback: ([n, kSmooth, dPeriod], output, conventions) => n - 1 + kSmooth - 1 + (output === 0 && conventions === 'tradingview' ? 0 : dPeriod - 1),
  // The extremes of each bar and two block buffers. Later the averages' two suffix buffers, the
  // packed series and its output.
  scratch: ([n, kSmooth, dPeriod], maxLength) => Math.max(2 * maxLength + 4 * (n + 1), 2 * (Math.max(kSmooth, dPeriod) + 1) + 2 * maxLength),
  reference: stoch,
  notes: [
    'TA-Lib gives 0 on a zero range (highest high = lowest low); tradingview gives undefined, as Pine divides by 0, and its averages skip the undefined bars.',
    'TA-Lib starts K at the same bar as D (k_period + k_smooth + d_period - 3); tradingview starts K d_period - 1 bars earlier (bar 15 for 14,3,3), as Pine does.',
    'TA-Lib computes (close - lowest) / ((highest - lowest) / 100); tradingview computes 100 * (close - lowest) / (highest - lowest), as Pine; they differ in the last bits.',
    'The averages are TA-Lib\'s SMA by block sums under TA-Lib, Pine\'s compensated rolling sum under tradingview; TA-Lib checks a zero range exactly as here (diff != 0).',
  ],
};
