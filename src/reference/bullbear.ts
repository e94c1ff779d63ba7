import { emaSeries } from './lib.js';

/** Bull and bear power (Elder): bull = high - ema(close, n), bear = low - ema(close, n), from bar n - 1. */
export function bullbear(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const [high, low, close] = inputs;
  const [bull, bear] = outputs;
  emaSeries(close, bear, params[0]);
  for (let i = 0; i < high.length; i++) {
    const average = bear[i];
    bull[i] = high[i] - average;
    bear[i] = low[i] - average;
  }
}
