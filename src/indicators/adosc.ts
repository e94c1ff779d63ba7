import { adosc } from '../reference/adosc.js';
import { period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'adosc',
  title: 'Chaikin oscillator',
  group: 'volume',
  description:
    'ema(ad, fast) - ema(ad, slow) of the accumulation/distribution line; both EMAs start at bar 0\'s ad and step ' +
    'k * ad + (1 - k) * ema with k = 2 / (n + 1). Undefined before bar max(fast, slow) - 1.',
  source: 'TA-Lib ADOSC (Marc Chaikin)',
  inputs: ['high', 'low', 'close', 'volume'],
  params: [period('fast', 3, 2, 'fast EMA length in bars'), period('slow', 10, 2, 'slow EMA length in bars')],
  outputs: [{ name: 'value', description: 'the oscillator, in volume units', scale: 'volume' }],
  lookback: ([fast, slow]) => (fast > slow ? fast : slow) - 1,
  scratch: (_params, maxLength) => 2 * maxLength,
  reference: adosc,
  notes: [
    'TA-Lib seeds both EMAs with bar 0\'s ad, so the values depend on the start of the series for a few times the slow period.',
    'tradingview conventions (Pine\'s Chaikin Oscillator, ta.ema(ta.accdist, fast) - ta.ema(ta.accdist, slow)): Pine\'s accdist terms, and each EMA seeded with the mean of its first n values, then prev + k * (ad - prev); the lookback is the same.',
    'TA-Lib requires periods of at least 2, as here; like TA-Lib, fast > slow is accepted and computes ema(fast) - ema(slow) as given.',
  ],
};
