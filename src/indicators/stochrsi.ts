import { stochrsi } from '../reference/stochrsi.js';
import { period } from '../registry/params.js';
import type { Conventions, IndicatorSpec } from '../registry/types.js';

/**
 * First defined bar of K (output 0) or D (output 1). Under tradingview, highest and lowest see
 * partial windows of the RSI, so the first stochastic needs a bar at stoch_period - 1 and two
 * RSI values (bar rsi_period + 1). A stoch_period of 1 has a zero range at every bar, which
 * leaves K and D undefined throughout under tradingview.
 */
function outputLookback([rsiN, stochN, kSmooth, dPeriod]: readonly number[], output: number, conventions?: Conventions): number {
  if (conventions !== 'tradingview') return rsiN + stochN - 1 + kSmooth - 1 + dPeriod - 1;
  const k = Math.max(stochN - 1, rsiN + 1) + kSmooth - 1;
  return output === 0 ? k : k + dPeriod - 1;
}

export const spec: IndicatorSpec = {
  id: 'stochrsi',
  title: 'Stochastic RSI',
  group: 'momentum',
  description:
    'r = RSI(close, rsi_period); K = sma(100 * (r - lowest r) / (highest r - lowest r) over stoch_period bars, k_smooth); ' +
    'D = sma(K, d_period). A zero range of r gives 0 (TA-Lib) or undefined (tradingview).',
  source: 'TA-Lib STOCHRSI (k_smooth 1) and STOCH of TA-Lib RSI (k_smooth > 1); TradingView Stoch RSI (Pine)',
  inputs: ['close'],
  params: [
    period('rsi_period', 14),
    period('stoch_period', 14),
    period('k_smooth', 3, 1, 'smoothing of K in bars; 1 gives TA-Lib\'s STOCHRSI fast K'),
    period('d_period', 3),
  ],
  outputs: [
    { name: 'k', description: 'the smoothed stochastic of the RSI, 0 to 100', scale: 'none' },
    { name: 'd', description: 'the average of K, 0 to 100', scale: 'none' },
  ],
  lookback: (params, conventions) => outputLookback(params, 0, conventions),
  outputLookback,
  // The RSI averages of four series, the raw stochastic, then the extremes and block buffers of
  // the stochastic, later the averages' scratch.
  scratch: ([, stochN, kSmooth, dPeriod], maxLength) =>
    16 + maxLength + Math.max(2 * maxLength + 4 * (stochN + 1), 2 * (Math.max(kSmooth, dPeriod) + 1) + 2 * maxLength),
  reference: stochrsi,
  notes: [
    'Defaults are TradingView\'s Stoch RSI 3,3,14,14. TA-Lib\'s STOCHRSI has no K smoothing: it equals k_smooth = 1 here (its fastk_period is stoch_period, its fastd_period d_period); with k_smooth > 1 the TA-Lib convention is TA-Lib STOCH(k_period = stoch_period, slowk = k_smooth, slowd = d_period) of TA-Lib\'s RSI.',
    'TA-Lib starts the stochastic once stoch_period RSI values exist and both lines at the full lookback (bar 31 for 14,14,3,3); tradingview lets highest and lowest see partial windows of the RSI, as Pine does, so K starts at bar 17 and D at 19 (final from 29 and 31).',
    'TA-Lib gives 0 on a zero range of the RSI and an RSI of 0 when gains and losses are both 0; tradingview gives undefined for both, the RSI being Pine\'s 100 - 100 / (1 + up / down) with 100 when only the losses are 0.',
    'TA-Lib\'s RSI gives 0 when gains + losses are within 1e-14 of 0; here only an exact 0 counts.',
  ],
};
