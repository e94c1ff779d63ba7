import type { ParamSpec } from './types.js';

/** A window length in bars. */
export function period(name: string, defaultValue: number, min = 1, description = 'window length in bars'): ParamSpec {
  return { name, kind: 'int', default: defaultValue, min, max: 100_000, description };
}

/** A real-valued multiplier. */
export function multiplier(name: string, defaultValue: number, description: string): ParamSpec {
  return { name, kind: 'float', default: defaultValue, min: 0, max: 1000, description };
}
