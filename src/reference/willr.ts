import { isTradingView, willrSeries } from './lib-momentum.js';

/** Williams %R of high, low, close over n bars. */
export function willr(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const [high, low, close] = inputs;
  willrSeries(close, high, low, outputs[0], params[0], isTradingView(params));
}
