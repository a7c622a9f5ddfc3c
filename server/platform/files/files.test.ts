/** The pure parts of the file kit: kinds by magic bytes, the purpose table, metadata stripping, names. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_TYPES } from '../../../domain/contracts/institution.ts';
import { checkFile } from './check.ts';
import { detectKind, isExecutable, KINDS } from './kinds.ts';
import { contentDisposition, sanitizeFileName } from './names.ts';
import { PURPOSES } from './purposes.ts';
import { buildJpeg, buildPng, exifGpsPayload, pngChunk, SAMPLES, xlsxLike } from './samples.ts';
import { localFileStorage, memoryFileStorage, newStorageKey } from './storage.ts';
import { MalformedImageError, stripJpeg, stripPng } from './strip.ts';

async function realXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('机构').addRow(['机构名称', '街镇']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const gb18030Csv = Buffer.from([0xbb, 0xfa, 0xb9, 0xb9, 0x2c, 0x61, 0x0d, 0x0a]); // 机构,a in GB18030

describe('kinds by magic bytes', () => {
  it.each([
    ['PDF', SAMPLES.pdf, 'pdf'],
    ['JPEG', SAMPLES.jpeg, 'jpeg'],
    ['PNG', SAMPLES.png, 'png'],
    ['XLSX-shaped ZIP', xlsxLike(), 'xlsx'],
    ['CSV UTF-8 with BOM', SAMPLES.csv, 'csv'],
    ['CSV GB18030', gb18030Csv, 'csv'],
    ['a plain ZIP', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]), undefined],
    ['ELF', SAMPLES.elf, undefined],
    ['PE (MZ)', SAMPLES.pe, undefined],
    ['shell script', SAMPLES.script, undefined],
    ['binary noise with NUL', Buffer.from([1, 2, 0, 3]), undefined],
    ['empty', Buffer.alloc(0), undefined],
  ])('%s → %s', (_label, data, kind) => {
    expect(detectKind(data)).toBe(kind);
  });

  it('a workbook written by ExcelJS is XLSX', async () => {
    expect(detectKind(await realXlsx())).toBe('xlsx');
  });

  it.each([
    ['ELF', SAMPLES.elf],
    ['PE', SAMPLES.pe],
    ['script', SAMPLES.script],
    ['script after a UTF-8 BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), SAMPLES.script])],
  ])('%s is an executable', (_label, data) => {
    expect(isExecutable(data)).toBe(true);
  });
});

describe('checkFile: purposes decide kinds and size', () => {
  it('the web accepts the same types for filing documents as the purpose', () => {
    expect(PURPOSES.institution_document.kinds.map((k) => KINDS[k].contentType)).toEqual([...DOCUMENT_TYPES]);
  });

  const raw = (fileName: string, declaredType: string, data: Buffer) => ({
    field: 'file',
    fileName,
    declaredType,
    data,
  });
  const ruleOf = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      const err = e as { code: string; options: { errors?: { rule: string; field: string }[] } };
      return err.options.errors?.[0]?.rule ?? err.code;
    }
    return 'accepted';
  };

  it.each([
    ['institution_document', 'a.pdf', 'application/pdf', SAMPLES.pdf, 'accepted'],
    ['institution_document', 'a.csv', 'text/csv', SAMPLES.csv, 'file.unsupported_type'],
    ['import', 'a.csv', 'text/csv', SAMPLES.csv, 'accepted'],
    ['import', 'a.csv', 'application/vnd.ms-excel', SAMPLES.csv, 'accepted'],
    ['import', 'a.xlsx', 'application/octet-stream', xlsxLike(), 'accepted'],
    ['import', 'a.pdf', 'application/pdf', SAMPLES.pdf, 'file.unsupported_type'],
    ['institution_document', 'setup.pdf', 'application/pdf', SAMPLES.elf, 'file.executable'],
    ['import', 'data.csv', 'text/csv', SAMPLES.script, 'file.executable'],
    ['institution_document', 'a.png', 'image/png', SAMPLES.pdf, 'file.type_mismatch'],
    ['institution_document', 'a.pdf', 'image/png', SAMPLES.pdf, 'file.type_mismatch'],
    ['institution_document', 'a.pdf', 'application/pdf', Buffer.alloc(0), 'file.empty'],
    [
      'institution_document',
      'a.png',
      'image/png',
      Buffer.from([...SAMPLES.png.subarray(0, 20)]),
      'file.malformed',
    ],
    [
      'institution_document',
      'a.pdf',
      'application/pdf',
      Buffer.concat([SAMPLES.pdf, Buffer.alloc(10 * 1024 * 1024)]),
      'payload.too_large',
    ],
  ] as const)('%s: %s declared %s → %s', (purpose, name, type, data, expected) => {
    expect(ruleOf(() => checkFile(purpose, raw(name, type, data)))).toBe(expected);
  });
});

describe('metadata stripping', () => {
  it('removes an Exif GPS block (APP1) and XMP from a JPEG, keeps the scan', () => {
    const xmp = Buffer.from('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>XMP-SECRET</x:xmpmeta>', 'latin1');
    const jpeg = buildJpeg([
      { marker: 0xe1, payload: exifGpsPayload() },
      { marker: 0xe1, payload: xmp },
      { marker: 0xfe, payload: Buffer.from('COMMENT-SECRET') },
      { marker: 0xe2, payload: Buffer.from('ICC_PROFILE\0keep') },
    ]);
    expect(jpeg.includes('GPS-MARKER')).toBe(true);
    const out = stripJpeg(jpeg);
    for (const secret of ['Exif', 'GPS-MARKER', 'XMP-SECRET', 'COMMENT-SECRET'])
      expect(out.includes(secret)).toBe(false);
    expect(out.includes('ICC_PROFILE')).toBe(true);
    expect(out.subarray(-7).equals(jpeg.subarray(-7))).toBe(true); // scan data and EOI untouched
    expect(stripJpeg(SAMPLES.jpeg).equals(SAMPLES.jpeg)).toBe(true);
  });

  it('removes eXIf, tEXt, iTXt, zTXt and tIME chunks from a PNG', () => {
    const png = buildPng([
      pngChunk('eXIf', exifGpsPayload().subarray(6)),
      pngChunk('tEXt', Buffer.from('Author\0TEXT-SECRET', 'latin1')),
      pngChunk('iTXt', Buffer.from('XML:com.adobe.xmp\0\0\0\0\0ITXT-SECRET', 'latin1')),
      pngChunk('zTXt', Buffer.from('Comment\0\0xx', 'latin1')),
      pngChunk('tIME', Buffer.from([7, 234, 12, 4, 8, 0, 0])),
    ]);
    const out = stripPng(png);
    expect(out.equals(SAMPLES.png)).toBe(true);
    expect(out.includes('GPS-MARKER')).toBe(false);
  });

  it('refuses what it cannot walk', () => {
    expect(() => stripJpeg(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x02, 0x02, 1, 2]))).toThrow(
      MalformedImageError,
    );
    expect(() => stripPng(SAMPLES.png.subarray(0, SAMPLES.png.length - 12))).toThrow(MalformedImageError);
  });
});

describe('file names', () => {
  it.each([
    ['营业执照.pdf', '营业执照.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\windows\\system32\\x.pdf', 'x.pdf'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['a\u2066b\u2069c\u200e.pdf', 'abc.pdf'],
    ['tab\tnew\nline\u0000.pdf', 'tabnewline.pdf'],
    ['lone\ud800.pdf', 'lone.pdf'],
    ['...', 'file'],
    ['.hidden.pdf', 'hidden.pdf'],
    ['a"b<c>.pdf', 'a_b_c_.pdf'],
  ])('%j → %j', (raw, clean) => {
    expect(sanitizeFileName(raw)).toBe(clean);
  });

  it('is length-limited and keeps the extension', () => {
    const name = sanitizeFileName(`${'长'.repeat(300)}.pdf`);
    expect([...name]).toHaveLength(120);
    expect(name.endsWith('.pdf')).toBe(true);
  });

  it('Content-Disposition: ASCII fallback and RFC 5987 filename*', () => {
    expect(contentDisposition("营业执照 (副本)'1.pdf")).toBe(
      `attachment; filename="____ (__)'1.pdf"; filename*=UTF-8''%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7%20%28%E5%89%AF%E6%9C%AC%29%271.pdf`,
    );
  });
});

describe('storage', () => {
  it('local: put, get, delete under a random key; no overwrite; keys that are not ours are refused', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'tuoyu-files-'));
    try {
      const storage = localFileStorage(root);
      const key = newStorageKey();
      await storage.put(key, SAMPLES.pdf);
      expect((await storage.get(key))?.equals(SAMPLES.pdf)).toBe(true);
      expect(readdirSync(path.join(root, key.slice(0, 2)))).toEqual([key]);
      await expect(storage.put(key, SAMPLES.png)).rejects.toThrow();
      await expect(storage.get('../../etc/passwd')).rejects.toThrow('invalid storage key');
      await storage.delete(key);
      expect(await storage.get(key)).toBeUndefined();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('memory: the same contract', async () => {
    const storage = memoryFileStorage();
    const key = newStorageKey();
    expect(await storage.get(key)).toBeUndefined();
    await storage.put(key, SAMPLES.png);
    expect((await storage.get(key))?.equals(SAMPLES.png)).toBe(true);
    await storage.delete(key);
    expect(await storage.get(key)).toBeUndefined();
    await expect(storage.put('x/../y', SAMPLES.png)).rejects.toThrow('invalid storage key');
  });
});
