/**
 * Writes a universe of Parquet files in the compact exact format of universe-file.ts, for the
 * GPU machine, and checks that reading it back gives every value bit for bit.
 *   node dist/bench/gpu/pack-universe.js DATA_DIR OUTPUT_FILE
 */
import { writeFileSync } from 'node:fs';
import { readUniverse } from '../../src/io/read.js';
import { decodeBars, encodeBars, UNIVERSE_FIELDS, type BarColumns, type UniverseField } from './universe-file.js';

const [data, output] = process.argv.slice(2);
if (data === undefined || output === undefined) {
  process.stderr.write('usage: node dist/bench/gpu/pack-universe.js DATA_DIR OUTPUT_FILE\n');
  process.exit(2);
}

const universe = await readUniverse(data, { adjust: 'none', requiredFields: [...UNIVERSE_FIELDS], optionalFields: [] });
const fields = Object.fromEntries(UNIVERSE_FIELDS.map((f) => [f, universe.fields[f]!])) as Record<UniverseField, Float64Array>;
const bars: BarColumns = { symbols: universe.symbols, offsets: universe.offsets, fields };
const file = encodeBars(bars);

const back = decodeBars(file);
for (const field of UNIVERSE_FIELDS) {
  const expected = new BigUint64Array(fields[field].buffer, fields[field].byteOffset, fields[field].length);
  const actual = new BigUint64Array(back.fields[field].buffer);
  const differing = expected.findIndex((bits, i) => bits !== actual[i]);
  if (expected.length !== actual.length || differing >= 0) {
    throw new Error(`the encoded ${field} column does not read back exactly (first difference at bar ${differing})`);
  }
}
writeFileSync(output, file);
process.stderr.write(`${universe.symbols.length} symbols, ${universe.offsets[universe.symbols.length]} bars: ${(file.length / 1048576).toFixed(1)} MiB in ${output}\n`);
