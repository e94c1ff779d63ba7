import { describe, expect, it } from 'vitest';
import { spec } from '../src/indicators/sma.js';
import { runReference, runWasmDirect } from './helpers/direct.js';

describe('sma', () => {
  it('hand-derived values and lookback', () => {
    const close = Float64Array.from([1, 2, 3, 4, 5, 6]);
    const [[out]] = runReference(spec, [3], [[close]]);
    expect(Array.from(out)).toEqual([NaN, NaN, 2, 3, 4, 5]);
    const [[wasm]] = runWasmDirect(spec, [3], [[close]]);
    expect(Array.from(wasm)).toEqual([NaN, NaN, 2, 3, 4, 5]);
  });
});
