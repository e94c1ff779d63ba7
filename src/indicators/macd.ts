import { macd } from '../reference/macd.js';
import { fastBelowSlow, period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'macd',
  title: 'Moving average convergence/divergence',
  group: 'momentum',
  description:
    'macd = ema(close, fast) - ema(close, slow), with the fast EMA seeded on the `fast` closes ending at bar ' +
    'slow - 1 so both EMAs start there; signal = ema(macd, signal) seeded with the mean of its first `signal` ' +
    'values; hist = macd - signal. All three are undefined before bar (slow - 1) + (signal - 1). Requires fast < slow.',
  source: 'TA-Lib MACD (Gerald Appel)',
  inputs: ['close'],
  params: [
    period('fast', 12, 1, 'fast EMA length in bars'),
    period('slow', 26, 2, 'slow EMA length in bars'),
    period('signal', 9, 1, 'signal EMA length in bars'),
  ],
  outputs: [
    { name: 'macd', description: 'fast EMA minus slow EMA', scale: 'price' },
    { name: 'signal', description: 'EMA of the MACD line', scale: 'price' },
    { name: 'hist', description: 'MACD line minus signal', scale: 'price' },
  ],
  lookback: ([, slow, signal], conventions) => (conventions === 'tradingview' ? slow - 1 : slow - 1 + (signal - 1)),
  // Pine's MACD line starts with the slow EMA. The signal and hist need `signal` values of the line under both conventions.
  outputLookback: ([, slow, signal], output, conventions) => (output === 0 && conventions === 'tradingview' ? slow - 1 : slow - 1 + (signal - 1)),
  check: fastBelowSlow,
  // The tradingview path keeps the slow EMA of one series; the talib path needs none.
  scratch: (_params, maxLength) => maxLength,
  reference: macd,
  notes: [
    'TA-Lib silently swaps fast and slow when fast > slow; here fast >= slow is rejected, so a feature name never describes other parameters than the ones computed.',
    'TA-Lib seeds each EMA with a plain sum; the compensated sum here changes the values in the last bits only.',
    'TA-Lib 0.4 accepts a signal period of 1, but its EMA lookback rejects 1 and returns -1, which shifts its outputs one bar early and starts them on an unset value; here signal 1 is valid and the signal line follows the MACD line.',
    'Pine seeds the fast EMA from bar 0 and outputs the MACD line from bar slow - 1, so its values differ from these until the seed has decayed; this follows TA-Lib.',
    'tradingview: Pine\'s ta.macd, the fast EMA seeded with the mean of the first `fast` closes (its first value at bar fast - 1), the MACD line defined from bar slow - 1, the signal and hist from bar (slow - 1) + (signal - 1).',
  ],
};
