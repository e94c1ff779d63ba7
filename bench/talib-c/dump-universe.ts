/**
 * Writes a universe in the binary layout catalogue.c reads: int32 series count, then per
 * series an int32 length and that many float64 each of open, high, low, close and volume.
 * The universe is read as the kernel benchmark reads it, so both time the same bars.
 *
 *   npx tsx bench/talib-c/dump-universe.ts DATA_DIR OUT_FILE
 */
import { writeFileSync } from 'node:fs';
import { readUniverse } from '../../src/io/read.js';
import type { Field } from '../../src/io/types.js';

const FIELDS: Field[] = ['open', 'high', 'low', 'close', 'volume'];

const [data, out] = process.argv.slice(2);
if (!data || !out) {
  console.error('usage: dump-universe.ts DATA_DIR OUT_FILE');
  process.exit(2);
}
const universe = await readUniverse(data, { adjust: 'none', requiredFields: FIELDS, optionalFields: [] });
const parts: Buffer[] = [Buffer.from(Int32Array.of(universe.symbols.length).buffer)];
for (let s = 0; s < universe.symbols.length; s++) {
  const start = universe.offsets[s];
  const end = universe.offsets[s + 1];
  parts.push(Buffer.from(Int32Array.of(end - start).buffer));
  // slice() copies, so each buffer contains only this series.
  for (const f of FIELDS) parts.push(Buffer.from(universe.fields[f]!.slice(start, end).buffer));
}
writeFileSync(out, Buffer.concat(parts));
