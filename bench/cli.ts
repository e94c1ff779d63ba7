/**
 * The CLI on a whole universe: read, compute and write times and peak RSS of one process per
 * run, for the long and the wide layout with the default features.
 *
 *   node dist/bench/cli.js [--data DIR] [--workers N]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BackfillSummary } from '../src/backfill.js';
import { PACKAGE_ROOT } from '../src/paths.js';

const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: resolve(PACKAGE_ROOT, '../shared/data/sp500-daily') },
    workers: { type: 'string' },
  },
});

const cli = join(PACKAGE_ROOT, 'dist', 'src', 'cli.js');
const out = mkdtempSync(join(tmpdir(), 'ta-backfill-bench-'));
const seconds = (ms: number) => (ms / 1000).toFixed(2);

console.log(`# ta-backfill CLI benchmark, ${new Date().toISOString().slice(0, 10)}`);
console.log(`# ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, Node ${process.version}; input ${args.data}\n`);
console.log('| layout | symbols | bars | features | workers | read s | compute s | write s | total s | compute share | peak RSS MiB | output MiB |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
try {
  for (const layout of ['long', 'wide']) {
    const extra = args.workers ? ['--workers', args.workers] : [];
    const stdout = execFileSync(process.execPath, [cli, args.data!, '-o', join(out, `${layout}.parquet`), '--layout', layout, '--json', '--no-progress', ...extra], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const s = JSON.parse(stdout) as BackfillSummary;
    const t = s.timings;
    console.log(
      `| ${layout} | ${s.symbols} | ${s.bars} | ${s.features.length} | ${s.workers} | ${seconds(t.read)} | ${seconds(t.compute)} | ${seconds(t.write)} | ${seconds(t.total)} | ${((100 * t.compute) / t.total).toFixed(1)}% | ${(s.peakRss / 2 ** 20).toFixed(0)} | ${(s.bytes / 2 ** 20).toFixed(1)} |`,
    );
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
