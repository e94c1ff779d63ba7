import { cmo } from '../reference/cmo.js';
import { period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'cmo',
  title: 'Chande momentum oscillator',
  group: 'momentum',
  description:
    '100 * (up - down) / (up + down), where up and down are the gains and losses of the close over n bars: Wilder ' +
    'averages (TA-Lib) or plain sums (tradingview). No change in the window gives 0 (TA-Lib) or undefined (tradingview).',
  source: 'TA-Lib CMO; Pine ta.cmo',
  inputs: ['close'],
  params: [period('period', 14)],
  outputs: [{ name: 'value', description: 'the oscillator, -100 to 100', scale: 'none' }],
  lookback: ([n]) => n,
  // Gains, losses and the ring of the rolling sum.
  scratch: ([n], maxLength) => 2 * maxLength + n,
  reference: cmo,
  notes: [
    'TA-Lib smooths gains and losses with Wilder\'s average seeded by the mean of the first n, as in its RSI; tradingview takes the rolling sums of the last n (Pine\'s compensated math.sum), as ta.cmo does. The two differ after the first value.',
    'TA-Lib gives 0 when up + down is within 1e-14 of 0; here only an exact 0 counts. Tradingview gives undefined there, as Pine divides by 0.',
  ],
};
