import { bbands } from '../reference/bbands.js';
import { multiplier, period } from '../registry/params.js';
import type { IndicatorSpec } from '../registry/types.js';

export const spec: IndicatorSpec = {
  id: 'bbands',
  title: 'Bollinger bands',
  group: 'volatility',
  description:
    'middle = sma(close, n); upper and lower = middle +- mult * sd, where sd is the population standard deviation ' +
    'of the last n closes (0 on a flat window). Undefined before bar n - 1.',
  source: 'TA-Lib BBANDS with an SMA middle band and equal up and down deviations (John Bollinger)',
  inputs: ['close'],
  params: [period('period', 20), multiplier('mult', 2, 'band width in standard deviations')],
  outputs: [
    { name: 'upper', description: 'middle band plus mult standard deviations', scale: 'price' },
    { name: 'middle', description: 'the simple moving average', scale: 'price' },
    { name: 'lower', description: 'middle band minus mult standard deviations', scale: 'price' },
  ],
  lookback: ([n]) => n - 1,
  // Two suffix buffers of n + 1 for each of three sums, then the packed series and its three outputs;
  // the tradingview path needs only the n-slot ring of the rolling sums.
  scratch: ([n], maxLength) => 6 * (n + 1) + 4 * maxLength,
  reference: bbands,
  notes: [
    'TA-Lib takes separate up and down deviations and a moving-average type; this takes one multiplier for both and always uses the SMA, as TA-Lib does by default.',
    'TA-Lib computes the variance as the mean of squares minus the squared mean and returns 0 below 1e-14.',
    'Here sd = sqrt(n * sum(d^2) - sum(d)^2) / n, with d the deviation of each close from a close inside the window (the first of the window\'s newer block), which is exactly 0 on a flat window and loses no digits to prices far from 0.',
    'TA-Lib keeps running sums over the whole series, whose drift leaves its bands off by up to 3.5e-7 of the price on flat or nearly flat windows (measured on the daily bars of 24 S&P 500 symbols); here each window sums only its own closes, by blocks of n as in sma.',
    'The middle band is this package\'s sma bit for bit, which differs from TA-Lib\'s in the last bits only.',
    'TA-Lib requires a period of at least 2; period 1 is accepted here and gives three bands equal to the close.',
    'tradingview: Pine\'s ta.bb, middle = sum(close, n) / n and sd = sqrt(max(0, sum(close^2, n) / n - middle^2)), both sums by the compensated rolling sum of math.sum; the middle band is the tradingview sma bit for bit, and the deviation loses digits to cancellation on prices far from 0, so a flat window may get a small nonzero width.',
  ],
};
