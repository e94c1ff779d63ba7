import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReferenceBackend } from '../src/backends/reference.js';
import { WasmBackend } from '../src/backends/wasm.js';
import { computeColumns, type FeatureColumn } from '../src/engine/compute.js';
import { readUniverse } from '../src/io/read.js';
import type { Universe } from '../src/io/types.js';
import { REGISTRY } from '../src/registry/index.js';
import { planFeatures } from '../src/registry/request.js';
import { describeDifference, requireSp500 } from './helpers/universe.js';

/** Every indicator at its defaults, plus other parameter sets, including period 1. */
const REQUESTS = [
  ...REGISTRY.map((spec) => spec.id),
  'sma(1)',
  'sma(200)',
  'ema(1)',
  'ema(50)',
  'wma(5)',
  'hma(16)',
  'vwma(5)',
  'rsi(2)',
  'macd(5,35,5)',
  'bbands(10,1.5)',
  'atr(1)',
  'ichimoku(7,22,44)',
  'rec_sma(200)',
  'rec_ema(100)',
];

describe('bit-identity on the S&P 500 universe', () => {
  let universe: Universe;
  const reference = new Map<number, FeatureColumn[]>();

  beforeAll(async () => {
    universe = await readUniverse(requireSp500(), {
      adjust: 'none',
      requiredFields: ['open', 'high', 'low', 'close', 'volume'],
      optionalFields: [],
    });
    for (const profile of [0, 1] as const) {
      reference.set(profile, await computeColumns(universe, planFeatures(REQUESTS), createReferenceBackend(), { ratingsProfile: profile }));
    }
  });

  it('covers the whole universe and catalogue', () => {
    expect(universe.symbols.length).toBe(504);
    expect(universe.offsets[504]).toBe(2_402_891);
    const ids = new Set(planFeatures(REQUESTS).map((i) => i.spec.id));
    expect(ids.size).toBe(REGISTRY.length);
  });

  for (const workers of [1, 2, 3]) {
    for (const profile of [0, 1] as const) {
      it(`wasm with ${workers} worker(s), ratings profile ${profile}`, async () => {
        const backend = new WasmBackend(workers);
        try {
          const columns = await computeColumns(universe, planFeatures(REQUESTS), backend, { ratingsProfile: profile });
          const expected = reference.get(profile)!;
          expect(columns.map((c) => c.name)).toEqual(expected.map((c) => c.name));
          const differences = columns.map((c, k) => describeDifference(universe, c, expected[k])).filter((d) => d !== '');
          expect(differences).toEqual([]);
        } finally {
          await backend.close();
        }
      });
    }
  }

  afterAll(() => reference.clear());
});
