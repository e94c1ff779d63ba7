import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_PATH, renderCatalogue } from '../src/docs/catalogue.js';
import { PACKAGE_ROOT } from '../src/paths.js';
import { REGISTRY } from '../src/registry/index.js';
import { columnName } from '../src/registry/request.js';
import { lookbackOfOutput } from '../src/registry/types.js';

describe('docs/catalogue.md', () => {
  const page = renderCatalogue();

  it('matches the registry', () => {
    const committed = readFileSync(join(PACKAGE_ROOT, CATALOGUE_PATH), 'utf8');
    expect(committed === page, `${CATALOGUE_PATH} is out of date with the registry: run \`npm run docs:catalogue\``).toBe(true);
  });

  it('shows tradingview lookbacks where different', () => {
    const rows: string[] = [];
    for (const spec of REGISTRY) {
      const defaults = spec.params.map((p) => p.default);
      spec.outputs.forEach((output, k) => {
        const talib = lookbackOfOutput(spec, defaults, k);
        const tradingview = lookbackOfOutput(spec, defaults, k, 'tradingview');
        const lookback = talib === tradingview ? `${talib}` : `${talib} (tradingview ${tradingview})`;
        rows.push(`| ${output.name} | \`${columnName(spec, defaults, k)}\` | ${lookback} |`);
      });
    }
    expect(rows.filter((row) => !page.includes(row))).toEqual([]);
  });

  it('shows the macd line under tradingview', () => {
    expect(page).toContain('| macd | `macd_macd_12_26_9` | 33 (tradingview 25) |');
  });

  it.each(REGISTRY.map((spec) => spec.id))('has a section for %s', (id) => {
    expect(page).toContain(`### ${id}: `);
  });
});
