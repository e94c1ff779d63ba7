import { isTradingView, twoAverages } from './lib-momentum.js';

/**
 * Percentage price oscillator: ((fast - slow) / slow) * 100 of two averages of close. A zero
 * slow average gives 0 (TA-Lib) or undefined (Pine).
 */
export function ppo(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const close = inputs[0];
  const out = outputs[0];
  const [fastN, slowN, maType] = params;
  const tv = isTradingView(params);
  const fast = new Float64Array(close.length);
  twoAverages(close, fast, out, fastN, slowN, maType, tv);
  for (let i = 0; i < close.length; i++) {
    const slow = out[i];
    if (slow === 0) out[i] = tv ? NaN : 0;
    else out[i] = ((fast[i] - slow) / slow) * 100;
  }
}
