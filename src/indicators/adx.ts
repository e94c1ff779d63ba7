import { adx } from '../reference/adx.js';
import { period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'adx',
  title: 'Average directional index, with ADXR, +DI, -DI and DX',
  group: 'trend',
  description:
    'From bar 1, +DM = high - high[1] and -DM = low[1] - low where that move is the larger and positive, else 0, and ' +
    'the true range. Their Wilder averages give +DI and -DI = 100 * dm / tr from bar n; dx = 100 * |+DI - -DI| / ' +
    '(+DI + -DI) from bar n; adx = Wilder average of dx from bar 2n - 1; adxr = (adx + adx[n - 1]) / 2 from bar 3n - 2. ' +
    'DI is undefined where the true-range average is 0.',
  source: 'TA-Lib ADX, ADXR, PLUS_DI, MINUS_DI, DX (J. Welles Wilder); Pine ta.dmi under the tradingview conventions',
  inputs: ['high', 'low', 'close'],
  params: [period('period', 14, 2)],
  outputs: [
    { name: 'adx', description: 'average directional index, 0 to 100', scale: 'none' },
    { name: 'adxr', description: 'average directional movement rating, the mean of adx and adx n - 1 bars earlier', scale: 'none' },
    { name: 'plus_di', description: 'plus directional indicator, 0 to 100', scale: 'none' },
    { name: 'minus_di', description: 'minus directional indicator, 0 to 100', scale: 'none' },
    { name: 'dx', description: 'directional movement index, 0 to 100', scale: 'none' },
  ],
  lookback: ([n]) => n,
  outputLookback: ([n], output) => [2 * n - 1, 3 * n - 2, n, n, n][output],
  scratch: (_params, maxLength) => 3 * maxLength,
  reference: adx,
  notes: [
    'TA-Lib seeds its Wilder sums of DM and TR with bars 1 to n - 1 and takes one Wilder step at bar n; here that is the Wilder average seeded at bar n - 1 with bar 0 counted as 0, which gives the same DI up to rounding.',
    'TA-Lib tests TR and +DI + -DI against 1e-14; here only an exact 0 counts. Where the TR average is 0, DI and dx are undefined and adx skips the bar (undefined there, unchanged after); TA-Lib outputs 0 DI and repeats the previous dx and adx, and counts a 0 dx in the adx seed.',
    'TA-Lib requires a period of at least 2, as here.',
    'tradingview conventions (Pine ta.dmi): +DM and -DM pick with Pine\'s 1e-10 tolerant compares (up > down and up > 0); DM and TR are undefined on bar 0, so the averages start at bar n from the mean of bars 1 to n; DI = (100 * rma(dm)) / rma(tr); adx = 100 * rma(|+DI - -DI| / s) with s = +DI + -DI, or 1 when s = 0; dx = 100 * |+DI - -DI| / s. Lookbacks are the same as TA-Lib\'s.',
    'Pine\'s built-in DMI script wraps DI in fixnan (carrying the last value over a zero TR average); under tradingview conventions DI is undefined there, as the ratings define dmi.',
    'Pine has no ADXR; under tradingview conventions adxr is (adx + adx[n - 1]) / 2 of Pine\'s adx.',
    'Pine\'s ta.dmi takes separate DI and ADX lengths; here one period sets both, as in TA-Lib and the ratings\' dmi(14, 14).',
  ],
};
