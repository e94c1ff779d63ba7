/**
 * A compact, exact file format for the bars of a universe, so that the real S&P 500 universe
 * fits in the files that travel to a GPU machine with nothing installed (no Parquet reader
 * there). Only what the kernels read travels: symbols, offsets and the open, high, low, close
 * and volume columns.
 *
 * Prices are decimals such as 133.45. Each column of each symbol stores the integers
 * round(x * 10^d) for the smallest d that gives back every value exactly as m / 10^d: both m
 * and 10^d (d <= 15) are exact doubles, so the correctly rounded division returns the double
 * nearest to the decimal, which is the value a CSV parser stored. The encoder checks the round
 * trip bit for bit and stores a column's raw float64 bits when no d works. Integers travel as
 * zigzag varints of their differences, and the whole file is Brotli-compressed.
 */
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';

export const UNIVERSE_FIELDS = ['open', 'high', 'low', 'close', 'volume'] as const;
export type UniverseField = (typeof UNIVERSE_FIELDS)[number];

export interface BarColumns {
  symbols: string[];
  offsets: Int32Array;
  fields: Record<UniverseField, Float64Array>;
}

const MAGIC = 'TABARS1\n';
const MAX_DECIMALS = 15;
/** Marks a column stored as raw float64 bits in place of its decimal exponent. */
const RAW_COLUMN = 255;

class ByteWriter {
  private buffer = new Uint8Array(1 << 20);
  private length = 0;

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + bytes));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }

  byte(value: number): void {
    this.reserve(1);
    this.buffer[this.length++] = value;
  }

  /** Writes a non-negative integer below 2^53 as a little-endian base-128 varint. */
  varint(value: number): void {
    this.reserve(8);
    while (value >= 128) {
      this.buffer[this.length++] = (value % 128) | 128;
      value = Math.floor(value / 128);
    }
    this.buffer[this.length++] = value;
  }

  /** Writes a signed integer of magnitude below 2^52 in zigzag form. */
  signed(value: number): void {
    this.varint(value < 0 ? -2 * value - 1 : 2 * value);
  }

  bytes(data: Uint8Array): void {
    this.reserve(data.length);
    this.buffer.set(data, this.length);
    this.length += data.length;
  }

  result(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}

class ByteReader {
  private position = 0;

  constructor(private readonly data: Uint8Array) {}

  byte(): number {
    if (this.position >= this.data.length) throw new Error('universe file is truncated');
    return this.data[this.position++];
  }

  varint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const b = this.byte();
      value += (b & 127) * scale;
      if (b < 128) return value;
      scale *= 128;
    }
  }

  signed(): number {
    const z = this.varint();
    return z % 2 === 1 ? -(z + 1) / 2 : z / 2;
  }

  bytes(count: number): Uint8Array {
    if (this.position + count > this.data.length) throw new Error('universe file is truncated');
    // A copy with its own buffer: Buffer.prototype.slice would return a view of a shared pool.
    const out = Uint8Array.from(this.data.subarray(this.position, this.position + count));
    this.position += count;
    return out;
  }
}

/** Returns the smallest d whose integers m = round(x * 10^d) all give back x as m / 10^d, or -1. */
function decimalsOf(values: Float64Array): number {
  for (let d = 0; d <= MAX_DECIMALS; d++) {
    const scale = 10 ** d;
    let exact = true;
    for (const x of values) {
      const m = Math.round(x * scale);
      if (!Number.isSafeInteger(m) || m / scale !== x || Object.is(x, -0)) {
        exact = false;
        break;
      }
    }
    if (exact) return d;
  }
  return -1;
}

/** Encodes the columns; throws when a symbol name is not plain ASCII. */
export function encodeBars(bars: BarColumns): Uint8Array {
  const out = new ByteWriter();
  out.bytes(new TextEncoder().encode(MAGIC));
  out.varint(bars.symbols.length);
  for (let s = 0; s < bars.symbols.length; s++) {
    const name = new TextEncoder().encode(bars.symbols[s]);
    out.varint(name.length);
    out.bytes(name);
    out.varint(bars.offsets[s + 1] - bars.offsets[s]);
  }
  for (const field of UNIVERSE_FIELDS) {
    const column = bars.fields[field];
    for (let s = 0; s < bars.symbols.length; s++) {
      const values = column.subarray(bars.offsets[s], bars.offsets[s + 1]);
      const d = decimalsOf(values);
      if (d < 0) {
        out.byte(RAW_COLUMN);
        out.bytes(new Uint8Array(Float64Array.from(values).buffer));
        continue;
      }
      out.byte(d);
      const scale = 10 ** d;
      let previous = 0;
      for (const x of values) {
        const m = Math.round(x * scale);
        out.signed(m - previous);
        previous = m;
      }
    }
  }
  return brotliCompressSync(out.result(), {
    params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_LGWIN]: 24 },
  });
}

export function decodeBars(file: Uint8Array): BarColumns {
  const input = new ByteReader(brotliDecompressSync(file));
  const magic = new TextDecoder().decode(input.bytes(MAGIC.length));
  if (magic !== MAGIC) throw new Error('not a universe file: its header is missing');
  const count = input.varint();
  const symbols: string[] = [];
  const offsets = new Int32Array(count + 1);
  for (let s = 0; s < count; s++) {
    symbols.push(new TextDecoder().decode(input.bytes(input.varint())));
    offsets[s + 1] = offsets[s] + input.varint();
  }
  const bars = offsets[count];
  const fields = {} as Record<UniverseField, Float64Array>;
  for (const field of UNIVERSE_FIELDS) {
    const column = new Float64Array(bars);
    for (let s = 0; s < count; s++) {
      const d = input.byte();
      const start = offsets[s];
      const length = offsets[s + 1] - start;
      if (d === RAW_COLUMN) {
        column.set(new Float64Array(input.bytes(8 * length).buffer), start);
        continue;
      }
      const scale = 10 ** d;
      let m = 0;
      for (let i = 0; i < length; i++) {
        m += input.signed();
        column[start + i] = m / scale;
      }
    }
    fields[field] = column;
  }
  return { symbols, offsets, fields };
}
