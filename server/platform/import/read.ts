/**
 * Reading an uploaded table, streamed: XLSX (exceljs streaming reader, first worksheet) or CSV
 * (csv-parse). The format comes from the bytes, never from the name or the declared type: a ZIP
 * container is XLSX, text without NUL bytes is CSV, anything else is refused. CSV text is UTF-8
 * with or without a BOM; bytes that are not valid UTF-8 are decoded as GB18030 (iconv-lite), which
 * is what Excel on a Chinese Windows writes.
 */
import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

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

async function* xlsxRows(data: Buffer): AsyncGenerator<string[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(byteChunks(data)), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  for await (const sheet of reader) {
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
    return; // the first worksheet only (a template's notes sheet comes after it)
  }
}

/** Input bytes per decoded chunk: csv-parse gets small strings, so it never holds the whole file's records. */
const CHUNK = 64 * 1024;

/** The text encoding of CSV bytes (checked without decoding: `isUtf8` scans the bytes in place). */
export function textEncoding(data: Buffer): TextEncoding {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return 'utf-8-bom';
  return isUtf8(data) ? 'utf-8' : 'gb18030';
}

/** The decoded text in chunks (a streaming decoder, so a character split between chunks stays whole). */
function* textChunks(data: Buffer): Generator<string> {
  const encoding = textEncoding(data);
  const start = encoding === 'utf-8-bom' ? 3 : 0;
  if (encoding === 'gb18030') {
    const decoder = iconv.getDecoder('gb18030');
    for (let i = start; i < data.length; i += CHUNK) yield decoder.write(data.subarray(i, i + CHUNK));
    const rest = decoder.end();
    if (rest) yield rest;
    return;
  }
  const decoder = new TextDecoder('utf-8');
  for (let i = start; i < data.length; i += CHUNK)
    yield decoder.decode(data.subarray(i, i + CHUNK), { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

async function* csvRows(data: Buffer): AsyncGenerator<string[]> {
  // One whole-file string would make csv-parse emit every record at once (all rows in memory).
  const parser = Readable.from(textChunks(data)).pipe(
    parse({ relax_column_count: true, skip_empty_lines: false, bom: true, trim: true }),
  );
  for await (const record of parser) yield record as string[];
}

/** The rows of the table (row 1 = headers), each as trimmed cell texts; the spreadsheet's row numbering. */
export function readRows(data: Buffer, format: TableFormat): AsyncGenerator<string[]> {
  return format === 'xlsx' ? xlsxRows(data) : csvRows(data);
}
