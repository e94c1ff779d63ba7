/**
 * Writes docs/catalogue.md from the indicator registry. Run after changing any registry entry:
 *
 *   npm run docs:catalogue
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CATALOGUE_PATH, renderCatalogue } from '../src/docs/catalogue.js';
import { PACKAGE_ROOT } from '../src/paths.js';

const target = join(PACKAGE_ROOT, CATALOGUE_PATH);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, renderCatalogue());
console.log(`wrote ${CATALOGUE_PATH}`);
