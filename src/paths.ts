import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: the nearest folder above this module that contains package.json. */
function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('ta-backfill: package.json not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}

export const PACKAGE_ROOT = findPackageRoot();

/** The compiled AssemblyScript kernels, built by `npm install` (`npm run build:wasm`). */
export const WASM_KERNELS = join(PACKAGE_ROOT, 'kernels', 'generated', 'kernels.wasm');

/**
 * The compiled worker script. Workers need JavaScript, so when this module runs from the
 * TypeScript sources (under vitest) the worker still comes from the build in dist/.
 */
export function compiledModule(relativeToSrc: string): string {
  const here = fileURLToPath(import.meta.url);
  const base = here.endsWith('.ts') ? join(PACKAGE_ROOT, 'dist', 'src') : dirname(here);
  return join(base, relativeToSrc);
}
