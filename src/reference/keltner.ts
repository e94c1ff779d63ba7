import { emaSeries, rmaSeries, trueRangeSeries } from './lib.js';

/**
 * Keltner channel as TradingView's built-in with the ATR band: middle = ema(close, n), band =
 * mult * rma(tr, m), where tr takes high - low on bar 0 (Pine's ta.tr(true)), as ta.atr(m) does.
 */
export function keltner(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const [high, low, close] = inputs;
  const [upper, middle, lower] = outputs;
  const [n, mult, m] = params;
  const range = new Float64Array(close.length);
  trueRangeSeries(high, low, close, range);
  if (close.length > 0) range[0] = high[0] - low[0];
  rmaSeries(range, range, m);
  emaSeries(close, middle, n);
  for (let i = 0; i < close.length; i++) {
    const width = mult * range[i];
    upper[i] = middle[i] + width;
    lower[i] = middle[i] - width;
  }
}
