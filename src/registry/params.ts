import type { ParamSpec } from './types.js';

/** A window length in bars. */
export function period(name: string, defaultValue: number, min = 1, description = 'window length in bars'): ParamSpec {
  return { name, kind: 'int', default: defaultValue, min, max: 100_000, description };
}

/** A real-valued multiplier. */
export function multiplier(name: string, defaultValue: number, description: string): ParamSpec {
  return { name, kind: 'float', default: defaultValue, min: 0, max: 1000, description };
}

/** Checks that the fast period, the first parameter, is below the slow one, the second. */
export function fastBelowSlow([fast, slow]: readonly number[]): { parameter: string; message: string } | undefined {
  if (fast < slow) return undefined;
  return { parameter: 'fast', message: `fast (${fast}) must be less than slow (${slow}). Use a shorter fast period or a longer slow one.` };
}
