import { log } from './math.js';

/**
 * logret(n) of close: the log return over n bars, ln(close / close[n]), computed as
 * log(close / close[n]) with the project's log. Undefined before bar n and where the ratio is
 * not positive (a zero or negative close) or close[n] is 0.
 */
export function logret(inputs: readonly Float64Array[], params: readonly number[], outputs: readonly Float64Array[]): void {
  const close = inputs[0];
  const out = outputs[0];
  const n = params[0];
  for (let i = 0; i < close.length; i++) {
    if (i < n) {
      out[i] = NaN;
      continue;
    }
    const base = close[i - n];
    const ratio = close[i] / base;
    out[i] = base === 0 || !(ratio > 0) ? NaN : log(ratio);
  }
}
