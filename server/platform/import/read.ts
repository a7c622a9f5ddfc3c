/**
 * Reading an uploaded table, streamed: XLSX (exceljs streaming reader, first worksheet) or CSV
 * (`CsvReader`, csv.ts), from a Buffer or a stream of bytes (the stored upload). The format comes from the bytes, never from the name or the declared type: a ZIP
 * container is XLSX, text without NUL bytes is CSV, anything else is refused. CSV text is UTF-8
 * with or without a BOM; bytes that are not valid UTF-8 are decoded as GB18030 (iconv-lite), which
 * is what Excel on a Chinese Windows writes.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { CsvReader } from './csv.ts';
import { readingOrder } from './zip-order.ts';

export type TableFormat = 'xlsx' | 'csv';
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

/** Magic numbers of common non-table files, so the answer can say what the file is not. */
const BINARY_MAGIC: Buffer[] = [
  Buffer.from([0x89, 0x50, 0x4e, 0x47]), // PNG
  Buffer.from([0xff, 0xd8, 0xff]), // JPEG
  Buffer.from('%PDF'),
  Buffer.from('MZ'), // Windows executable
  Buffer.from([0x7f, 0x45, 0x4c, 0x46]), // ELF
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), // legacy .xls (OLE2): save as .xlsx
];

/** The table format of the bytes, or undefined when they are neither XLSX nor CSV text. */
export function detectFormat(data: Buffer): TableFormat | undefined {
  if (data.length === 0) return undefined;
  if (data.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
  if (BINARY_MAGIC.some((m) => data.subarray(0, m.length).equals(m))) return undefined;
  const head = data.subarray(0, 64 * 1024);
  if (head.includes(0)) return undefined;
  // Control characters other than tab/CR/LF mean a binary file.
  for (const b of head) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return undefined;
  return 'csv';
}

type CellValue = ExcelJS.CellValue;

/** A cell as the text a person sees (numbers as typed, rich text joined, formulas by their result). */
export function cellText(v: CellValue | undefined): string {
  if (v == null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellText(v.result as CellValue);
    if ('text' in v) return String(v.text);
    if ('error' in v) return String(v.error);
  }
  return String(v);
}

function* byteChunks(data: Buffer): Generator<Buffer> {
  for (let i = 0; i < data.length; i += CHUNK) yield data.subarray(i, i + CHUNK);
}

/** The bytes of an input in chunks (a Buffer is cut into CHUNK-sized views, no copy). */
function chunksOf(input: TableInput): AsyncIterable<Buffer> | Iterable<Buffer> {
  return Buffer.isBuffer(input) ? byteChunks(input) : input;
}

/** The whole bytes of an input (an XLSX's directory is at its end; uploads are capped at 20 MiB). */
async function wholeBytes(input: TableInput): Promise<Buffer> {
  if (Buffer.isBuffer(input)) return input;
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function* xlsxRows(input: TableInput): AsyncGenerator<string[]> {
  const bytes = readingOrder(await wholeBytes(input));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(byteChunks(bytes)), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'emit',
  });
  // The entries come in reading order (zip-order.ts). Should a worksheet still come before
  // xl/workbook.xml (a ZIP that could not be reordered), ExcelJS 4.4's reader reads `model.sheets`
  // (and `properties`) before it has them: an empty model until the real one is parsed. And the first
  // sheet is the one stored as xl/worksheets/sheet1.xml, not the first one met.
  const internals = reader as unknown as {
    model?: { sheets: unknown[] };
    properties?: { model?: unknown };
    on(event: 'entry', listener: (e: { type: string; id?: string | number }) => void): void;
  };
  internals.model ??= { sheets: [] };
  internals.properties ??= {};
  let sheetNo = '';
  internals.on('entry', (e) => {
    if (e.type === 'worksheet') sheetNo = String(e.id);
  });
  for await (const sheet of reader) {
    if (sheetNo !== '1') {
      // Another sheet (the template's notes): read through, never left half-open (see above).
      for await (const _row of sheet);
      continue;
    }
    let next = 1;
    for await (const row of sheet) {
      // Blank rows are not emitted: keep the spreadsheet's row numbers by yielding empty rows.
      for (; next < row.number; next++) yield [];
      const values = row.values as CellValue[];
      const out: string[] = [];
      for (let i = 1; i < values.length; i++) out.push(cellText(values[i]).trim());
      next = row.number + 1;
      yield out;
    }
    // The first worksheet only, but the reader runs to its end: when a worksheet came before the
    // shared strings ExcelJS parks it in a temporary file and deletes the file once the next sheet is
    // asked for, so stopping early or skipping a sheet unread left a stream opening a deleted file.
  }
}

/** Input bytes per decoded chunk: the CSV reader gets small strings and holds only the current record. */
const CHUNK = 64 * 1024;

/** An uploaded table: the whole bytes, or a stream of them (the stored upload, never held whole). */
export type TableInput = Buffer | AsyncIterable<Buffer>;

/** The text encoding of CSV bytes (checked without decoding: `isUtf8` scans the bytes in place). */
export function textEncoding(data: Buffer): TextEncoding {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return 'utf-8-bom';
  return isUtf8(data) ? 'utf-8' : 'gb18030';
}

/**
 * The decoded text in chunks (streaming decoders, so a character split between chunks stays whole).
 * A Buffer's encoding is decided on all its bytes. A stream's is decided at its first chunk holding a
 * byte above 0x7F (ASCII reads the same in UTF-8 and GB18030): valid UTF-8 there means UTF-8,
 * otherwise GB18030; a UTF-8 stream that turns invalid later is an error (not silently garbled).
 */
async function* textChunks(input: TableInput): AsyncGenerator<string> {
  let encoding: TextEncoding | undefined = Buffer.isBuffer(input) ? textEncoding(input) : undefined;
  let utf8: TextDecoder | undefined;
  let gb: ReturnType<typeof iconv.getDecoder> | undefined;
  let first = true;
  for await (let chunk of chunksOf(input)) {
    if (first) {
      first = false;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
        encoding = 'utf-8-bom';
        chunk = chunk.subarray(3);
      }
    }
    if (encoding === undefined) {
      if (isAscii(chunk)) {
        yield chunk.toString('latin1');
        continue;
      }
      utf8 = new TextDecoder('utf-8', { fatal: true });
      try {
        const text = utf8.decode(chunk, { stream: true });
        encoding = 'utf-8';
        yield text;
        continue;
      } catch {
        encoding = 'gb18030';
        utf8 = undefined;
      }
    }
    if (encoding === 'gb18030') {
      gb ??= iconv.getDecoder('gb18030');
      yield gb.write(chunk);
    } else {
      utf8 ??= new TextDecoder('utf-8', { fatal: !Buffer.isBuffer(input) });
      yield utf8.decode(chunk, { stream: true });
    }
  }
  const rest = gb ? gb.end() : utf8?.decode();
  if (rest) yield rest;
}

async function* csvRows(input: TableInput): AsyncGenerator<string[]> {
  const reader = new CsvReader();
  for await (const text of textChunks(input)) yield* reader.push(text);
  yield* reader.end();
}

/** The rows of the table (row 1 = headers), each as trimmed cell texts; the spreadsheet's row numbering. */
export function readRows(input: TableInput, format: TableFormat): AsyncGenerator<string[]> {
  return format === 'xlsx' ? xlsxRows(input) : csvRows(input);
}

/**
 * Open a table for one pass: its format from the first bytes (at most 64 KiB read ahead) and its
 * rows. A stream is read once, chunk by chunk; for CSV nothing but the look-ahead is buffered, an
 * XLSX is held whole while read (a ZIP's directory is at its end; see zip-order.ts).
 */
export async function openTable(input: TableInput): Promise<{
  format: TableFormat | undefined;
  rows: () => AsyncGenerator<string[]>;
  /** Release the stream (e.g. close the stored file) when the rows are not read to the end. */
  close: () => Promise<void>;
}> {
  if (Buffer.isBuffer(input)) {
    const format = detectFormat(input);
    return { format, rows: () => readRows(input, format ?? 'csv'), close: async () => {} };
  }
  const it = input[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < CHUNK) {
    const next = await it.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    size += next.value.length;
  }
  const format = detectFormat(head.length === 1 ? head[0]! : Buffer.concat(head));
  async function* all(): AsyncGenerator<Buffer> {
    yield* head;
    head.length = 0;
    if (done) return;
    for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
    done = true;
  }
  const close = async () => {
    if (done) return;
    done = true;
    await it.return?.();
  };
  return { format, rows: () => readRows(all(), format ?? 'csv'), close };
}
