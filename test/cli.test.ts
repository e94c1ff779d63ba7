import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as arrow from 'apache-arrow';
import * as parquet from 'parquet-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitFeatureList } from '../src/cli/format.js';
import { computeFeatures, REGISTRY } from '../src/index.js';
import { lookbackOfOutput } from '../src/registry/types.js';
import { countBitDifferences, REPO_ROOT, requireSp500 } from './helpers/universe.js';

const CLI = path.join(REPO_ROOT, 'dist', 'src', 'cli.js');

/** 20 real symbols: long histories, a dotted ticker, and the three newest listings. */
const SYMBOLS = [
  'A', 'AAPL', 'AMZN', 'BA', 'BRK.B', 'CARR', 'CAT', 'CVX', 'DIS', 'GE',
  'IBM', 'JPM', 'KO', 'MSFT', 'NVDA', 'OTIS', 'PFE', 'VTRS', 'XOM', 'ZION',
];
const FEATURES = 'sma(20),macd(12,26,9).signal,bbands(20,2.5),recommend_ma';
const COLUMNS = [
  'sma_20',
  'macd_signal_12_26_9',
  'bbands_upper_20_2p5',
  'bbands_middle_20_2p5',
  'bbands_lower_20_2p5',
  'recommend_ma',
];

interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

function runCli(args: string[]): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function readTable(file: string): arrow.Table {
  return arrow.tableFromIPC(parquet.readParquet(readFileSync(file)).intoIPCStream());
}

function writeTable(file: string, table: arrow.Table): void {
  writeFileSync(file, parquet.writeParquet(parquet.Table.fromIPCStream(arrow.tableToIPC(table, 'stream'))));
}

/** Returns a column's values as float64, nulls as NaN. */
function floats(table: arrow.Table, name: string): Float64Array {
  const vector = table.getChild(name);
  if (!vector) throw new Error(`no column ${name}`);
  return Float64Array.from({ length: vector.length }, (_, i) => vector.get(i) ?? NaN);
}

function int64s(table: arrow.Table, name: string): BigInt64Array {
  return table.getChild(name)!.toArray() as BigInt64Array;
}

/** Replaces one column of a table, keeping the column order. */
function withColumn(table: arrow.Table, name: string, vector: arrow.Vector): arrow.Table {
  return new arrow.Table(Object.fromEntries(table.schema.fields.map((f) => [f.name, f.name === name ? vector : table.getChild(f.name)!])));
}

function nanosecondVector(values: BigInt64Array): arrow.Vector {
  return arrow.makeVector({ type: new arrow.TimestampNanosecond(), data: values } as never);
}

let root: string;
let universeDir: string;
const inputs = new Map<string, arrow.Table>();

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first.`);
  const data = requireSp500();
  root = mkdtempSync(path.join(os.tmpdir(), 'ta-backfill-cli-'));
  universeDir = path.join(root, 'universe');
  mkdirSync(universeDir);
  for (const symbol of SYMBOLS) {
    copyFileSync(path.join(data, `${symbol}.parquet`), path.join(universeDir, `${symbol}.parquet`));
    inputs.set(symbol, readTable(path.join(universeDir, `${symbol}.parquet`)));
  }
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('run, long layout', () => {
  let output: string;
  let result: CliResult;
  let table: arrow.Table;
  let expected: arrow.Table;
  const totalBars = () => [...inputs.values()].reduce((sum, t) => sum + t.numRows, 0);

  beforeAll(async () => {
    output = path.join(root, 'long.parquet');
    result = runCli([universeDir, '-o', output, '-f', FEATURES, '--no-progress']);
    table = readTable(output);
    expected = await computeFeatures(inputs, splitFeatureList(FEATURES), { backend: 'reference' });
  });

  it('exits 0', () => {
    expect(result.stderr).not.toMatch(/error/);
    expect(result.status).toBe(0);
  });

  it('prints nothing on stdout', () => {
    expect(result.stdout).toBe('');
  });

  it('prints the summary on stderr', () => {
    expect(result.stderr).toContain(`wrote ${output}`);
    expect(result.stderr).toContain(`symbols 20, bars ${totalBars()}, features 6`);
    expect(result.stderr).toMatch(/backend wasm \(auto: .*\), workers \d+/);
    expect(result.stderr).toMatch(/read \d+\.\d\d s, compute \d+\.\d\d s, write \d+\.\d\d s/);
  });

  it('columns in order', () => {
    expect(table.schema.fields.map((f) => f.name)).toEqual(['symbol', 'timestamp', ...COLUMNS]);
    for (const name of COLUMNS) expect(String(table.getChild(name)!.type), name).toBe('Float64');
  });

  it('one row per input bar', () => {
    expect(table.numRows).toBe(totalBars());
  });

  it('sorted by symbol then time', () => {
    const symbols = table.getChild('symbol')!.toArray() as string[];
    const times = int64s(table, 'timestamp');
    for (let i = 1; i < table.numRows; i++) {
      const order = symbols[i - 1] < symbols[i] || (symbols[i - 1] === symbols[i] && times[i - 1] < times[i]);
      if (!order) expect.fail(`rows ${i - 1} and ${i} out of order: ${symbols[i - 1]} ${times[i - 1]}, ${symbols[i]} ${times[i]}`);
    }
    expect([...new Set(symbols)]).toEqual([...SYMBOLS].sort());
  });

  it('timestamp type and values', () => {
    expect(String(table.getChild('timestamp')!.type)).toBe('Timestamp<NANOSECOND>');
    const symbols = table.getChild('symbol')!.toArray() as string[];
    const times = int64s(table, 'timestamp');
    for (const symbol of SYMBOLS) {
      const first = symbols.indexOf(symbol);
      const input = int64s(inputs.get(symbol)!, 'timestamp');
      expect(times.slice(first, first + input.length), symbol).toEqual(input);
    }
  });

  it('values equal the API reference', () => {
    for (const name of COLUMNS) {
      const { count, first } = countBitDifferences(floats(table, name), floats(expected, name));
      expect(count, `${name}, first at row ${first}`).toBe(0);
    }
  });

  it('values are not all null', () => {
    for (const name of COLUMNS) {
      expect(table.getChild(name)!.nullCount, name).toBeLessThan(table.numRows / 2);
    }
  });

  it('sma_20 null before bar 19', () => {
    const symbols = table.getChild('symbol')!.toArray() as string[];
    const sma = table.getChild('sma_20')!;
    for (const symbol of SYMBOLS) {
      const first = symbols.indexOf(symbol);
      for (let bar = 0; bar < 19; bar++) expect(sma.get(first + bar), `${symbol} bar ${bar}`).toBeNull();
      const close = floats(inputs.get(symbol)!, 'close');
      let sum = 0;
      for (let bar = 0; bar < 20; bar++) sum += close[bar];
      expect(sma.get(first + 19), symbol).toBeCloseTo(sum / 20, 9);
    }
  });

  it('--json prints the summary', () => {
    const jsonOutput = path.join(root, 'long-json.parquet');
    const run = runCli([universeDir, '-o', jsonOutput, '-f', 'sma(5)', '--no-progress', '--json']);
    expect(run.status).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.output).toBe(jsonOutput);
    expect(summary.symbols).toBe(20);
    expect(summary.bars).toBe(totalBars());
    expect(summary.rows).toBe(totalBars());
    expect(summary.features).toEqual(['sma_5']);
    expect(summary.backend).toBe('wasm');
    expect(summary.workers).toBeGreaterThanOrEqual(1);
    expect(summary.layout).toBe('long');
    for (const phase of ['read', 'compute', 'write', 'total']) expect(typeof summary.timings[phase], phase).toBe('number');
    expect(run.stderr).toContain(`symbols 20, bars ${totalBars()}, features 1`);
  });
});

describe('run, wide layout', () => {
  let result: CliResult;
  let wide: arrow.Table;
  let long: arrow.Table;
  const features = ['sma_20', 'macd_signal_12_26_9'];

  beforeAll(() => {
    const output = path.join(root, 'wide.parquet');
    result = runCli([universeDir, '-o', output, '-f', 'sma(20),macd.signal', '--layout', 'wide', '--no-progress']);
    wide = readTable(output);
    const longOutput = path.join(root, 'wide-long.parquet');
    runCli([universeDir, '-o', longOutput, '-f', 'sma(20),macd.signal', '--no-progress']);
    long = readTable(longOutput);
  });

  it('exits 0', () => {
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
  });

  it('one column per symbol and feature', () => {
    const expected = [...SYMBOLS].sort().flatMap((symbol) => features.map((feature) => `('${symbol}', '${feature}')`));
    expect(wide.schema.fields.map((f) => f.name)).toEqual(['timestamp', ...expected]);
  });

  it('one row per union timestamp', () => {
    const union = new Set<bigint>();
    for (const table of inputs.values()) for (const time of int64s(table, 'timestamp')) union.add(time);
    const sorted = BigInt64Array.from(union).sort();
    expect(String(wide.getChild('timestamp')!.type)).toBe('Timestamp<NANOSECOND>');
    expect(int64s(wide, 'timestamp')).toEqual(sorted);
  });

  it('values match the long layout', () => {
    const rowOf = new Map<bigint, number>();
    int64s(wide, 'timestamp').forEach((time, row) => rowOf.set(time, row));
    const symbols = long.getChild('symbol')!.toArray() as string[];
    const times = int64s(long, 'timestamp');
    for (const feature of features) {
      const longValues = floats(long, feature);
      for (const symbol of SYMBOLS) {
        const column = floats(wide, `('${symbol}', '${feature}')`);
        const expected = new Float64Array(wide.numRows).fill(NaN);
        for (let i = symbols.indexOf(symbol); i < symbols.length && symbols[i] === symbol; i++) {
          expected[rowOf.get(times[i])!] = longValues[i];
        }
        expect(countBitDifferences(column, expected).count, `${symbol} ${feature}`).toBe(0);
      }
    }
  });

  it('null where a symbol has no bar', () => {
    // VTRS starts on 2020-11-16, years after the first row.
    const vtrs = wide.getChild("('VTRS', 'sma_20')")!;
    const firstVtrs = int64s(inputs.get('VTRS')!, 'timestamp')[0];
    const firstRow = int64s(wide, 'timestamp').indexOf(firstVtrs);
    expect(firstRow).toBeGreaterThan(4000);
    for (let row = 0; row < firstRow + 19; row++) {
      if (vtrs.get(row) !== null) expect.fail(`VTRS sma_20 defined at row ${row}, before its 20th bar`);
    }
    expect(vtrs.get(firstRow + 19)).not.toBeNull();
    expect(vtrs.nullCount).toBe(firstRow + 19);
  });
});

describe('backends agree', () => {
  const runs = new Map<string, arrow.Table>();
  const variants: [string, string[]][] = [
    ['reference', ['--backend', 'reference']],
    ['wasm, 1 worker', ['--backend', 'wasm', '--workers', '1']],
    ['wasm, 3 workers', ['--backend', 'wasm', '--workers', '3']],
  ];

  beforeAll(() => {
    variants.forEach(([label, args], k) => {
      const output = path.join(root, `backend-${k}.parquet`);
      const result = runCli([universeDir, '-o', output, '--no-progress', ...args]);
      if (result.status !== 0) throw new Error(`${label} failed: ${result.stderr}`);
      runs.set(label, readTable(output));
    });
  });

  it('default features are written', () => {
    const names = runs.get('reference')!.schema.fields.map((f) => f.name);
    expect(names.length).toBeGreaterThan(20);
    expect(names).toContain('recommend_ma');
  });

  for (const [label] of variants.slice(1)) {
    it(`${label} equals reference`, () => {
      const reference = runs.get('reference')!;
      const other = runs.get(label)!;
      expect(other.schema.fields.map((f) => f.name)).toEqual(reference.schema.fields.map((f) => f.name));
      for (const field of reference.schema.fields.slice(2)) {
        expect(other.getChild(field.name)!.nullCount, field.name).toBe(reference.getChild(field.name)!.nullCount);
        const { count, first } = countBitDifferences(floats(other, field.name), floats(reference, field.name));
        expect(count, `${field.name}, first at row ${first}`).toBe(0);
      }
    });
  }
});

describe('run in chunks', () => {
  it('--memory-budget 1 gives the same file contents', () => {
    const whole = path.join(root, 'chunks-whole.parquet');
    const chunked = path.join(root, 'chunks-1mib.parquet');
    const args = ['-f', 'sma(20),macd,atr(14)', '--no-progress'];
    const first = runCli([universeDir, '-o', whole, ...args]);
    const second = runCli([universeDir, '-o', chunked, '--memory-budget', '1', ...args]);
    expect(first.status, first.stderr).toBe(0);
    expect(second.status, second.stderr).toBe(0);

    const expected = readTable(whole);
    const actual = readTable(chunked);
    expect(actual.schema.fields.map((f) => `${f.name}: ${f.type}`)).toEqual(expected.schema.fields.map((f) => `${f.name}: ${f.type}`));
    expect(actual.numRows).toBe(expected.numRows);
    expect(actual.getChild('symbol')!.toArray()).toEqual(expected.getChild('symbol')!.toArray());
    expect(int64s(actual, 'timestamp')).toEqual(int64s(expected, 'timestamp'));
    for (const field of expected.schema.fields.slice(2)) {
      const { count, first: at } = countBitDifferences(floats(actual, field.name), floats(expected, field.name));
      expect(count, `${field.name}, first at row ${at}`).toBe(0);
    }
  });
});

describe('interrupted run', () => {
  it('SIGTERM leaves no output', async () => {
    const folder = mkdtempSync(path.join(root, 'out-'));
    const output = path.join(folder, 'features.parquet');
    // The whole S&P 500 universe with one worker runs for several seconds after the temporary file appears.
    const child = spawn(process.execPath, [CLI, requireSp500(), '-o', output, '--workers', '1', '--no-progress']);
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

    let temporary: string | undefined;
    while (temporary === undefined && child.exitCode === null) {
      temporary = readdirSync(folder).find((name) => name.startsWith('.features.parquet.tmp-'));
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(temporary, 'the run ended before its temporary file appeared').toBeDefined();
    child.kill('SIGTERM');

    expect(await exited).toBe(143);
    expect(stderr).toContain('interrupted by SIGTERM');
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe('bad input', () => {
  let cases: string;
  const bad = (name: string) => path.join(cases, name);

  /** Creates a folder with MSFT as given and AAPL changed by `change`. */
  function variant(name: string, change: (aapl: arrow.Table) => arrow.Table): void {
    const dir = bad(name);
    mkdirSync(dir);
    copyFileSync(path.join(universeDir, 'MSFT.parquet'), path.join(dir, 'MSFT.parquet'));
    writeTable(path.join(dir, 'AAPL.parquet'), change(inputs.get('AAPL')!));
  }

  beforeAll(() => {
    cases = path.join(root, 'bad');
    mkdirSync(cases);
    mkdirSync(bad('empty'));
    mkdirSync(bad('corrupt'));
    copyFileSync(path.join(universeDir, 'MSFT.parquet'), path.join(bad('corrupt'), 'MSFT.parquet'));
    copyFileSync(path.join(universeDir, 'AAPL.parquet'), path.join(bad('corrupt'), 'AAPL.parquet'));
    writeFileSync(path.join(bad('corrupt'), 'X.parquet'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) & 255)));

    variant('no-close', (t) => t.select(['timestamp', 'open', 'high', 'low', 'volume']));
    variant('unsorted', (t) => {
      const times = int64s(t, 'timestamp').slice();
      [times[100], times[101]] = [times[101], times[100]];
      return withColumn(t, 'timestamp', nanosecondVector(times));
    });
    variant('duplicate', (t) => {
      const times = int64s(t, 'timestamp').slice();
      times[101] = times[100];
      return withColumn(t, 'timestamp', nanosecondVector(times));
    });
    variant('string-close', (t) => withColumn(t, 'close', arrow.vectorFromArray(Array.from(floats(t, 'close'), String), new arrow.Utf8())));
    variant('no-adjusted', (t) => t.select(['timestamp', 'open', 'high', 'low', 'close', 'volume']));
  });

  const good = () => universeDir;
  const errorCases: { name: string; input: () => string; args?: string[]; messages: RegExp[] }[] = [
    { name: 'nonexistent input', input: () => bad('missing'), messages: [/does not exist/, /bad[/\\]missing/] },
    { name: 'empty folder', input: () => bad('empty'), messages: [/no Parquet files/, /bad[/\\]empty/] },
    { name: 'corrupt file', input: () => bad('corrupt'), messages: [/X\.parquet/, /Parquet/] },
    { name: 'missing close column', input: () => bad('no-close'), messages: [/AAPL\.parquet/, /no close column/] },
    { name: 'unsorted timestamps', input: () => bad('unsorted'), args: ['--json'], messages: [/AAPL\.parquet/, /timestamp/, /row 101/, /earlier than row 100/] },
    { name: 'duplicate timestamps', input: () => bad('duplicate'), messages: [/AAPL\.parquet/, /timestamp/, /row 101/, /duplicates row 100/] },
    { name: 'close as strings', input: () => bad('string-close'), messages: [/AAPL\.parquet/, /close/, /Utf8/] },
    { name: 'unknown feature', input: good, args: ['-f', 'foo(3)'], messages: [/Unknown feature "foo\(3\)": there is no indicator "foo"/, /ta-backfill features/] },
    { name: 'sma(0)', input: good, args: ['-f', 'sma(0)', '--json'], messages: [/sma\(0\)/, /period/, /between 1 and/] },
    { name: 'sma(2.5)', input: good, args: ['-f', 'sma(2.5)'], messages: [/sma\(2\.5\)/, /period/, /integer/] },
    { name: 'sma(x)', input: good, args: ['-f', 'sma(x)'], messages: [/sma\(x\)/, /period/, /number/] },
    { name: 'macd(26,12,9)', input: good, args: ['-f', 'macd(26,12,9)'], messages: [/macd\(26,12,9\)/, /fast/, /slow/] },
    { name: 'too many parameters', input: good, args: ['-f', 'sma(5,6)'], messages: [/sma\(5,6\)/, /1 parameter/] },
    { name: 'unknown output', input: good, args: ['-f', 'macd.foo'], messages: [/macd\.foo/, /"foo"/, /signal/] },
    { name: 'adjust all without adjusted close', input: () => bad('no-adjusted'), args: ['--adjust', 'all'], messages: [/--adjust all/, /AAPL\.parquet/, /adjusted close/] },
    { name: 'workers 0', input: good, args: ['--workers', '0'], messages: [/--workers/, /"0"/] },
    { name: 'workers with reference', input: good, args: ['--backend', 'reference', '--workers', '2'], messages: [/--workers 2/, /reference/] },
    { name: 'unknown layout', input: good, args: ['--layout', 'diagonal'], messages: [/--layout/, /diagonal/] },
  ];

  for (const { name, input, args = [], messages } of errorCases) {
    it(name, () => {
      const folder = mkdtempSync(path.join(root, 'out-'));
      const output = path.join(folder, 'features.parquet');
      const result = runCli([input(), '-o', output, '--no-progress', ...args]);
      expect(result.status).not.toBe(0);
      expect(result.stdout).toBe('');
      for (const message of messages) expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/unexpected error|\n\s+at /);
      expect(readdirSync(folder)).toEqual([]);
    });
  }

  it('--columns maps a renamed close', async () => {
    const dir = bad('renamed');
    mkdirSync(dir);
    const aapl = inputs.get('AAPL')!;
    const renamed = new arrow.Table(Object.fromEntries(aapl.schema.fields.map((f) => [f.name === 'close' ? 'Last' : f.name, aapl.getChild(f.name)!])));
    writeTable(path.join(dir, 'AAPL.parquet'), renamed);
    const output = path.join(root, 'renamed.parquet');

    const unmapped = runCli([dir, '-o', output, '-f', 'sma(20)', '--no-progress']);
    expect(unmapped.status).not.toBe(0);
    expect(unmapped.stderr).toMatch(/no close column/);
    expect(unmapped.stderr).toMatch(/--columns close=NAME/);

    const mapped = runCli([dir, '-o', output, '-f', 'sma(20)', '--columns', 'close=last', '--no-progress']);
    expect(mapped.status, mapped.stderr).toBe(0);
    const table = readTable(output);
    const expected = await computeFeatures({ AAPL: aapl }, ['sma(20)'], { backend: 'reference' });
    expect(table.numRows).toBe(aapl.numRows);
    expect(countBitDifferences(floats(table, 'sma_20'), floats(expected, 'sma_20')).count).toBe(0);
  });

  it('output folder missing', () => {
    const output = path.join(root, 'no-such-folder', 'features.parquet');
    const result = runCli([universeDir, '-o', output, '--no-progress']);
    expect(result.status).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/no-such-folder/);
    expect(result.stderr).toMatch(/does not exist/);
    expect(existsSync(path.dirname(output))).toBe(false);
  });

  it('existing output survives a failure', () => {
    const folder = mkdtempSync(path.join(root, 'out-'));
    const output = path.join(folder, 'features.parquet');
    const previous = Buffer.from('the previous run\n');
    writeFileSync(output, previous);
    for (const input of [bad('unsorted'), bad('corrupt')]) {
      const result = runCli([input, '-o', output, '--no-progress']);
      expect(result.status, input).not.toBe(0);
      expect(readFileSync(output).equals(previous), input).toBe(true);
      expect(readdirSync(folder), input).toEqual(['features.parquet']);
    }
  });
});

describe('features command', () => {
  it('lists every indicator', () => {
    const result = runCli(['features']);
    expect(result.status).toBe(0);
    for (const spec of REGISTRY) {
      const defaults = spec.params.map((p) => p.default);
      const signature = spec.params.length ? `${spec.id}(${spec.params.map((p) => p.name).join(', ')})` : spec.id;
      const block = result.stdout.split('\n\n').find((b) => b.startsWith(signature + ' '));
      expect(block, spec.id).toBeDefined();
      for (const p of spec.params) {
        expect(block, `${spec.id} ${p.name}`).toContain(`${p.name}: ${p.kind}, default ${p.default}, ${p.min} to ${p.max}`);
      }
      if (spec.outputs.length > 1) {
        expect(block, spec.id).toContain(`outputs: ${spec.outputs.map((o) => o.name).join(', ')}`);
      }
      expect(block, spec.id).toContain(`lookback with the defaults: ${spec.lookback(defaults)} bars`);
      spec.outputs.forEach((output, k) => {
        const lookback = lookbackOfOutput(spec, defaults, k);
        if (lookback !== spec.lookback(defaults)) expect(block, `${spec.id}.${output.name}`).toContain(`${output.name} ${lookback}`);
      });
    }
  });

  it('--json parses', () => {
    const result = runCli(['features', '--json']);
    expect(result.status).toBe(0);
    type Entry = { id: string; params: { name: string; default: number; min: number; max: number }[]; outputs: { name: string; lookback: number }[]; lookback: number };
    const list = JSON.parse(result.stdout) as Entry[];
    expect(list.map((entry) => entry.id)).toEqual(REGISTRY.map((spec) => spec.id));
    const macd = list.find((entry) => entry.id === 'macd')!;
    expect(macd.params.map((p) => [p.name, p.default, p.min, p.max])).toEqual([['fast', 12, 1, 100000], ['slow', 26, 2, 100000], ['signal', 9, 1, 100000]]);
    expect(macd.outputs.map((o) => o.name)).toEqual(['macd', 'signal', 'hist']);
    expect(macd.lookback).toBe(33);
    const ichimoku = list.find((entry) => entry.id === 'ichimoku')!;
    expect(ichimoku.lookback).toBe(8);
    expect(ichimoku.outputs.map((o) => [o.name, o.lookback])).toEqual([['conversion', 8], ['base', 25], ['lead1', 25], ['lead2', 51]]);
  });
});

describe('demo command', () => {
  const results = new Map<string, CliResult>();
  const folder = (name: string) => path.join(root, name);

  function universeFiles(dir: string): Map<string, Buffer> {
    const universe = path.join(dir, 'universe');
    return new Map(readdirSync(universe).sort().map((name) => [name, readFileSync(path.join(universe, name))]));
  }

  beforeAll(() => {
    for (const [name, seed] of [['demo-1', 5], ['demo-2', 5], ['demo-3', 6]] as const) {
      results.set(name, runCli(['demo', folder(name), '--symbols', '3', '--bars', '300', '--seed', String(seed), '--no-progress']));
    }
  });

  it('exits 0 with a summary', () => {
    for (const [name, result] of results) {
      expect(result.status, `${name}: ${result.stderr}`).toBe(0);
      expect(result.stderr, name).toContain('generated 3 symbols');
      expect(result.stderr, name).toContain('symbols 3');
      expect(result.stdout, name).toBe('');
    }
  });

  it('writes the features', () => {
    const features = readTable(path.join(folder('demo-1'), 'features.parquet'));
    expect(features.numRows).toBeGreaterThan(300);
    expect(features.schema.fields.map((f) => f.name)).toContain('recommend_ma');
  });

  it('same seed, same universe', () => {
    const a = universeFiles(folder('demo-1'));
    const b = universeFiles(folder('demo-2'));
    expect(a.size).toBe(3);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [name, bytes] of a) expect(bytes.equals(b.get(name)!), name).toBe(true);
  });

  it('another seed, another universe', () => {
    const a = universeFiles(folder('demo-1'));
    const c = universeFiles(folder('demo-3'));
    expect([...a].some(([name, bytes]) => !bytes.equals(c.get(name) ?? Buffer.alloc(0)))).toBe(true);
  });
});
