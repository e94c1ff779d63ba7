import { willr } from '../reference/willr.js';
import { period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'willr',
  title: 'Williams %R',
  group: 'momentum',
  description:
    '100 * (close - highest high) / (highest high - lowest low) over the last n bars, -100 to 0. A zero range gives ' +
    '0 (TA-Lib) or undefined (tradingview).',
  source: 'TA-Lib WILLR; Pine ta.wpr',
  inputs: ['high', 'low', 'close'],
  params: [period('period', 14)],
  outputs: [{ name: 'value', description: 'the oscillator, -100 to 0', scale: 'none' }],
  lookback: ([n]) => n - 1,
  // The extremes of each bar, then two block buffers.
  scratch: ([n], maxLength) => 2 * maxLength + 4 * (n + 1),
  reference: willr,
  notes: [
    'TA-Lib gives 0 on a zero range; tradingview gives undefined, as Pine divides by 0.',
    'TA-Lib computes (highest - close) / ((highest - lowest) / -100); tradingview computes 100 * (close - highest) / (highest - lowest), as Pine; they differ in the last bits.',
  ],
};
