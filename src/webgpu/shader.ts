/**
 * Assembles the WGSL module of an indicator as the kernel ABI (kernels/wgsl/abi.wgsl) defines
 * it: f64.wgsl, math.wgsl, lib.wgsl, the other lib-*.wgsl files in name order, abi.wgsl, then
 * kernels/wgsl/<id>.wgsl. A missing math.wgsl or lib-*.wgsl is skipped.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';

export const WGSL_KERNEL_DIRECTORY = join(PACKAGE_ROOT, 'kernels', 'wgsl');

/** Files of the kernel directory that are shared blocks, not indicator kernels. */
const SHARED_FILES = new Set(['f64.wgsl', 'math.wgsl', 'lib.wgsl', 'abi.wgsl']);

/** Returns the path of the WGSL kernel of indicator `id`. */
export function wgslKernelPath(id: string, directory: string = WGSL_KERNEL_DIRECTORY): string {
  return join(directory, `${id}.wgsl`);
}

/** Returns whether indicator `id` has a WGSL kernel. */
export function hasWgslKernel(id: string, directory: string = WGSL_KERNEL_DIRECTORY): boolean {
  return existsSync(wgslKernelPath(id, directory));
}

/** Lists the indicator ids that have a WGSL kernel, sorted. */
export function listWgslKernels(directory: string = WGSL_KERNEL_DIRECTORY): string[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith('.wgsl') && !SHARED_FILES.has(name) && !name.startsWith('lib-'))
    .map((name) => name.slice(0, -'.wgsl'.length))
    .sort();
}

/** One part of an assembled module: the file it came from and its text. */
export interface ShaderPart {
  file: string;
  source: string;
}

/** The assembled module of one indicator, with a key that changes whenever any part does. */
export interface AssembledShader {
  id: string;
  code: string;
  parts: ShaderPart[];
  /** SHA-256 of the module text: everything baked into the pipeline. */
  key: string;
}

/**
 * Reads and concatenates the module of indicator `id`. Throws when the kernel file is missing;
 * callers check `hasWgslKernel` first to give a message in their own terms.
 */
export function assembleShader(id: string, directory: string = WGSL_KERNEL_DIRECTORY): AssembledShader {
  const libraries = readdirSync(directory)
    .filter((name) => name.startsWith('lib-') && name.endsWith('.wgsl'))
    .sort();
  const files = ['f64.wgsl', 'math.wgsl', 'lib.wgsl', ...libraries, 'abi.wgsl'].filter(
    (name) => name === 'f64.wgsl' || name === 'lib.wgsl' || name === 'abi.wgsl' || existsSync(join(directory, name)),
  );
  const parts = [...files, `${id}.wgsl`].map((file) => ({ file, source: readFileSync(join(directory, file), 'utf8') }));
  const code = parts.map((part) => `// ---- ${part.file}\n${part.source}`).join('\n');
  return { id, code, parts, key: createHash('sha256').update(code).digest('hex') };
}

/**
 * Maps a line of the assembled module to its file and line there, so a compiler message can
 * name the file a kernel author edits.
 */
export function locateLine(shader: AssembledShader, line: number): { file: string; line: number } {
  let first = 1;
  for (const part of shader.parts) {
    // One banner line, then the file's lines; parts are joined by a newline.
    const length = part.source.split('\n').length;
    if (line <= first + length) return { file: part.file, line: Math.max(1, line - first) };
    first += length + 1;
  }
  return { file: `${shader.id}.wgsl`, line };
}
