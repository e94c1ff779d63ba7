import { emaSeries, fillNaN } from './lib.js';

/**
 * macd(fast, slow, signal) of close. talib: TA-Lib's seeding, the fast EMA starts at bar
 * slow - fast, so both EMAs' first values land on bar slow - 1, and every output starts at the
 * signal's first bar. tradingview: Pine's ta.macd, both EMAs seeded from bar 0 and the MACD line
 * defined from bar slow - 1. Either way the signal is the EMA of the MACD line seeded with the
 * mean of its first `signal` values. Requires fast < slow.
 */
export function macd(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const close = inputs[0];
  const [line, signalLine, hist] = outputs;
  const [fast, slow, signal] = params;
  const pine = params[params.length - 1] === 1;
  const len = close.length;
  const slowEma = new Float64Array(len);

  const skip = pine ? 0 : slow - fast;
  fillNaN(line, 0, skip < len ? skip : len);
  if (skip < len) emaSeries(close.subarray(skip), line.subarray(skip), fast);
  emaSeries(close, slowEma, slow);
  for (let i = 0; i < len; i++) line[i] = line[i] - slowEma[i];

  emaSeries(line, signalLine, signal);
  for (let i = 0; i < len; i++) hist[i] = line[i] - signalLine[i];
  if (pine) return;

  // TA-Lib outputs the MACD line only from the signal's first bar.
  const first = slow - 1 + (signal - 1);
  fillNaN(line, 0, first < len ? first : len);
}
