import { bop } from '../reference/bop.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'bop',
  title: 'Balance of power',
  group: 'momentum',
  description: '(close - open) / (high - low) of each bar. A zero range gives 0 (TA-Lib) or undefined (tradingview).',
  source: 'TA-Lib BOP; TradingView Balance of Power (Pine)',
  inputs: ['open', 'high', 'low', 'close'],
  params: [],
  outputs: [{ name: 'value', description: 'the balance, -1 to 1 on consistent bars', scale: 'none' }],
  lookback: () => 0,
  scratch: () => 0,
  reference: bop,
  notes: [
    'TA-Lib gives 0 when high - low is within 1e-14 of 0 or negative; here 0 when it is exactly 0 or negative. Tradingview gives undefined on a zero range, as Pine divides by 0, and divides by a negative range as it is.',
  ],
};
