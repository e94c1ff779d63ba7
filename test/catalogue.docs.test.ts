import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_PATH, renderCatalogue } from '../src/docs/catalogue.js';
import { PACKAGE_ROOT } from '../src/paths.js';
import { REGISTRY } from '../src/registry/index.js';

describe('docs/catalogue.md', () => {
  const page = renderCatalogue();

  it('matches the registry', () => {
    const committed = readFileSync(join(PACKAGE_ROOT, CATALOGUE_PATH), 'utf8');
    expect(committed === page, `${CATALOGUE_PATH} is out of date with the registry: run \`npm run docs:catalogue\``).toBe(true);
  });

  it.each(REGISTRY.map((spec) => spec.id))('has a section for %s', (id) => {
    expect(page).toContain(`### ${id}: `);
  });
});
