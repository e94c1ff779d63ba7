import { stochf } from '../reference/stochf.js';
import { period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'stochf',
  title: 'Stochastic oscillator (fast)',
  group: 'momentum',
  description:
    'K is the raw stochastic 100 * (close - lowest low) / (highest high - lowest low) over fastk_period bars; D is ' +
    'the simple average of K over fastd_period bars. A zero range gives 0 (TA-Lib) or undefined (tradingview).',
  source: 'TA-Lib STOCHF with SMA smoothing; Pine ta.stoch with ta.sma',
  inputs: ['high', 'low', 'close'],
  params: [period('fastk_period', 5), period('fastd_period', 3)],
  outputs: [
    { name: 'k', description: 'the raw stochastic, 0 to 100', scale: 'none' },
    { name: 'd', description: 'the average of K, 0 to 100', scale: 'none' },
  ],
  lookback: ([n, dPeriod], conventions) => n - 1 + (conventions === 'tradingview' ? 0 : dPeriod - 1),
  outputLookback: ([n, dPeriod], output, conventions) => n - 1 + (output === 0 && conventions === 'tradingview' ? 0 : dPeriod - 1),
  // The extremes of each bar and two block buffers, later the average's scratch.
  scratch: ([n, dPeriod], maxLength) => Math.max(2 * maxLength + 4 * (n + 1), 2 * (dPeriod + 1) + 2 * maxLength),
  reference: stochf,
  notes: [
    'TA-Lib gives 0 on a zero range; tradingview gives undefined, as Pine divides by 0, and D skips the undefined bars.',
    'TA-Lib starts K at the same bar as D (fastk_period + fastd_period - 2); tradingview starts K at fastk_period - 1, as Pine does.',
    'TA-Lib computes (close - lowest) / ((highest - lowest) / 100); tradingview computes 100 * (close - lowest) / (highest - lowest), as Pine.',
  ],
};
