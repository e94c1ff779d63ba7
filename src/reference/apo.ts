import { isTradingView, twoAverages } from './lib-momentum.js';

/** Absolute price oscillator: fast average - slow average of close (SMA or EMA by `maType`). */
export function apo(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const close = inputs[0];
  const out = outputs[0];
  const [fastN, slowN, maType] = params;
  const fast = new Float64Array(close.length);
  twoAverages(close, fast, out, fastN, slowN, maType, isTradingView(params));
  for (let i = 0; i < close.length; i++) out[i] = fast[i] - out[i];
}
