/**
 * `backfill` on the webgpu backend writes the same Parquet values as on the reference. The long
 * layout runs in several chunks, each released after it is written, and the wide layout in one.
 * The features include window kernels split over bars and fused ratings. Needs a WebGPU
 * adapter; see test/helpers/webgpu-kernels.ts for TA_BACKFILL_REQUIRE_WEBGPU.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as arrow from 'apache-arrow';
import * as parquet from 'parquet-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfill } from '../src/index.js';
import { countBitDifferences, requireSp500 } from './helpers/universe.js';
import { openWebGpu } from './helpers/webgpu-kernels.js';

const FEATURES = ['sma(20)', 'cci(20)', 'linearreg(14)', 'recommend_all', 'recommend_ma', 'rec_rsi'];

// Only probes for an adapter: backfill opens its own device.
const { backend: probe, adapterName } = await openWebGpu();
await probe?.close();

function readTable(file: string): arrow.Table {
  return arrow.tableFromIPC(parquet.readParquet(readFileSync(file)).intoIPCStream());
}

/** Copies the float64 columns of a table out of Arrow's chunks, by name. */
function floatColumns(table: arrow.Table): Map<string, Float64Array> {
  const columns = new Map<string, Float64Array>();
  for (const field of table.schema.fields) {
    if (!arrow.DataType.isFloat(field.type)) continue;
    const vector = table.getChild(field.name)!;
    columns.set(field.name, Float64Array.from({ length: vector.length }, (_, i) => vector.get(i) ?? NaN));
  }
  return columns;
}

describe.skipIf(probe === undefined)(`backfill on webgpu, ${adapterName}`, () => {
  let root: string;
  let input: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'ta-backfill-webgpu-backfill-'));
    // A folder of links to 7 symbols with their full histories: every 80th file in name order.
    input = join(root, 'input');
    mkdirSync(input);
    const source = requireSp500();
    const files = readdirSync(source)
      .filter((name) => name.endsWith('.parquet'))
      .sort()
      .filter((_, k) => k % 80 === 0);
    for (const file of files) symlinkSync(join(source, file), join(input, file));
  });

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  for (const layout of ['long', 'wide'] as const) {
    it(`writes the reference's values, ${layout} layout`, async () => {
      const expectedFile = join(root, `reference-${layout}.parquet`);
      const actualFile = join(root, `webgpu-${layout}.parquet`);
      // A budget of a few thousand bars, below one symbol's history, so the long layout runs,
      // writes and releases one symbol at a time.
      const memoryBudget = 2_000 * 8 * 40;
      await backfill({ input, output: expectedFile, layout, features: FEATURES, backend: 'reference', memoryBudget });
      const summary = await backfill({ input, output: actualFile, layout, features: FEATURES, backend: 'webgpu', memoryBudget });
      expect(summary.backend).toBe('webgpu');
      expect(summary.adapter).toBeDefined();
      const expected = floatColumns(readTable(expectedFile));
      const actual = floatColumns(readTable(actualFile));
      expect([...actual.keys()]).toEqual([...expected.keys()]);
      expect(actual.size).toBeGreaterThanOrEqual(FEATURES.length);
      for (const [name, values] of expected) {
        expect(actual.get(name)!.length, name).toBe(values.length);
        expect(countBitDifferences(actual.get(name)!, values).count, name).toBe(0);
      }
    }, 600_000);
  }
});
