/** The file-level parts of the import kit, without a database: format, encoding, headers, neutralising. */
import { PassThrough } from 'node:stream';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { csvCell, neutralize, writeExport } from '../export.ts';
import { mapHeaders } from './headers.ts';
import { detectFormat, readRows, textEncoding } from './read.ts';
import { readingOrder } from './zip-order.ts';

const collect = async (g: AsyncGenerator<string[]>) => {
  const out: string[][] = [];
  for await (const r of g) out.push(r);
  return out;
};

describe('file format from the bytes', () => {
  it.each([
    ['PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])],
    ['Windows executable', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0x90)])],
    ['ELF', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0])],
    ['PDF', Buffer.from('%PDF-1.4\n')],
    ['legacy .xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])],
    ['binary with NUL', Buffer.from('a,b\n\u0000\u0001')],
    ['empty', Buffer.alloc(0)],
  ])('%s is neither XLSX nor CSV', (_label, data) => {
    expect(detectFormat(data)).toBeUndefined();
  });

  it('a ZIP container is XLSX, text is CSV', () => {
    expect(detectFormat(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14]))).toBe('xlsx');
    expect(detectFormat(Buffer.from('名称,代码\r\n甲,1\r\n'))).toBe('csv');
  });
});

describe('CSV text encodings', () => {
  const text = '机构名称,街镇\r\n青浦区朱家角镇“小星星”托育园,朱家角镇\r\n';

  it('UTF-8 without a BOM', async () => {
    expect(textEncoding(Buffer.from(text))).toBe('utf-8');
    const rows = await collect(readRows(Buffer.from(text), 'csv'));
    expect(rows).toEqual([
      ['机构名称', '街镇'],
      ['青浦区朱家角镇“小星星”托育园', '朱家角镇'],
    ]);
  });

  it('UTF-8 with a BOM: the BOM is not part of the first header', async () => {
    const data = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    expect(textEncoding(data)).toBe('utf-8-bom');
    expect((await collect(readRows(data, 'csv')))[0]![0]).toBe('机构名称');
  });

  it('GB18030 (Excel on Chinese Windows) is detected and decoded', async () => {
    const data = iconv.encode(text, 'gb18030');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(data)).toThrow();
    expect(textEncoding(data)).toBe('gb18030');
    expect((await collect(readRows(data, 'csv')))[1]).toEqual(['青浦区朱家角镇“小星星”托育园', '朱家角镇']);
  });
});

describe('CSV read in chunks', () => {
  // 4,000 rows ≈ 160–200 KB: several 64 KB chunks, multi-byte characters cut at the chunk edges.
  const rows = Array.from({ length: 4_000 }, (_, i) => [
    `青浦区“分块”托育园${i}`,
    `朱家角镇${'镇'.repeat(i % 7)}`,
  ]);
  const text = rows.map((r) => r.join(',')).join('\r\n');

  it.each([
    ['UTF-8', Buffer.from(text)],
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
    ['GB18030', iconv.encode(text, 'gb18030')],
  ])('%s: every row whole, in order', async (_label, data) => {
    expect(data.length).toBeGreaterThan(2 * 64 * 1024);
    expect(await collect(readRows(data, 'csv'))).toEqual(rows);
  });

  it('a quoted cell with a line break across a chunk edge stays one cell', async () => {
    const pad = 'a'.repeat(64 * 1024 - 10);
    const data = Buffer.from(`${pad},"第一行\n第二行"\r\nx,y\r\n`);
    expect(await collect(readRows(data, 'csv'))).toEqual([
      [pad, '第一行\n第二行'],
      ['x', 'y'],
    ]);
  });
});

describe('headers', () => {
  const columns = [
    { field: 'name', zh: '机构名称', en: 'Name', required: true, example: '', noteZh: '', noteEn: '' },
    { field: 'phone', zh: '联系电话', en: 'Phone', required: false, example: '', noteZh: '', noteEn: '' },
  ];
  it('matches zh, en or both, ignoring case and spaces; the report column is ignored', () => {
    expect(mapHeaders(['机构名称 Name', 'PHONE', '错误 Errors'], columns).errors).toEqual([]);
    expect(mapHeaders([' 机构名称 ', '联系电话'], columns).byIndex.map((c) => c?.field)).toEqual([
      'name',
      'phone',
    ]);
  });
  it('lists missing required, unknown and duplicate columns', () => {
    const { errors } = mapHeaders(['电话号码', 'Phone', '联系电话'], columns);
    expect(errors.map((e) => e.rule)).toEqual([
      'import.missing_headers',
      'import.unknown_headers',
      'import.duplicate_headers',
    ]);
    expect(errors[0]!.message_zh).toContain('机构名称 Name');
    expect(errors[1]!.message_en).toContain('电话号码');
  });
});

describe('formula injection', () => {
  it.each(['=1+2', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])('%j gets a leading apostrophe', (v) => {
    expect(neutralize(v)).toBe(`'${v}`);
  });
  it('numbers and plain text are left alone; CSV quotes what needs quoting', () => {
    expect(neutralize(-5)).toBe(-5);
    expect(neutralize('青浦')).toBe('青浦');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('a,b')).toBe('"a,b"');
  });
  it('a streamed XLSX reads back with the neutralised texts', async () => {
    async function* pages() {
      yield [{ v: '=cmd|" /C calc"!A0' }, { v: 'ok' }];
      yield [{ v: '@x' }];
    }
    const { body, rows } = await writeExport(
      { sheetName: 's', columns: [{ header: 'h', value: (r: { v: string }) => r.v }] },
      pages(),
      'xlsx',
    );
    expect(rows).toBe(3);
    expect(await collect(readRows(body, 'xlsx'))).toEqual([['h'], [`'=cmd|" /C calc"!A0`], ['ok'], ["'@x"]]);
  });
});

/** A ZIP of deflated entries in the order given — to control what a reader meets first. */
function zipOf(entries: [string, string][]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const raw = Buffer.from(text);
    const data = deflateRawSync(raw);
    const fileName = Buffer.from(name);
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += 30 + fileName.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

describe('XLSX entry order', () => {
  const sheet = (strings: number[]) =>
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${strings
      .map((s, j) => `<c r="${String.fromCharCode(65 + j)}1" t="s"><v>${s}</v></c>`)
      .join('')}</row></sheetData></worksheet>`;
  const ns = 'http://schemas.openxmlformats.org/';
  const parts: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0"?><Types xmlns="${ns}package/2006/content-types"/>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="${ns}package/2006/relationships"><Relationship Id="rId1" Type="${ns}officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${ns}officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>`,
    'xl/sharedStrings.xml': `<?xml version="1.0"?><sst xmlns="${ns}spreadsheetml/2006/main" count="3" uniqueCount="3"><si><t>名称</t></si><si><t>代码</t></si><si><t>填写说明</t></si></sst>`,
    'xl/worksheets/sheet1.xml': sheet([0, 1]),
    'xl/worksheets/sheet2.xml': sheet([2]),
    'xl/workbook.xml': `<?xml version="1.0"?><workbook xmlns="${ns}spreadsheetml/2006/main" xmlns:r="${ns}officeDocument/2006/relationships"><sheets><sheet name="数据" sheetId="1" r:id="rId1"/><sheet name="说明" sheetId="2" r:id="rId2"/></sheets></workbook>`,
  };
  const zip = (order: string[]) => zipOf(order.map((name) => [name, parts[name]!]));

  // ExcelJS's writer sometimes stores the worksheets before xl/workbook.xml; its reader then failed
  // (a template upload answered 415 about once in 300 runs).
  it.each([
    [
      'the worksheets before the workbook, the notes sheet first',
      ['xl/worksheets/sheet2.xml', 'xl/worksheets/sheet1.xml', 'xl/workbook.xml'],
    ],
    ['the workbook first', ['xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']],
    [
      'the worksheets before the shared strings',
      ['xl/worksheets/sheet2.xml', 'xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', 'xl/workbook.xml'],
    ],
  ])('%s: the rows of the first sheet', async (_label, order) => {
    const head = ['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml'].filter(
      (p) => !order.includes(p),
    );
    const body = zip([...head, ...order]);
    expect(detectFormat(body)).toBe('xlsx');
    expect(await collect(readRows(body, 'xlsx'))).toEqual([['名称', '代码']]);
  });

  /** Entry names in stored order (the central directory's entries by their local header offset). */
  const localNames = (z: Buffer) => {
    const eocd = z.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const found: [number, string][] = [];
    for (let p = z.readUInt32LE(eocd + 16), i = 0; i < z.readUInt16LE(eocd + 10); i++) {
      const n = z.readUInt16LE(p + 28);
      expect(z.readUInt32LE(z.readUInt32LE(p + 42))).toBe(0x04034b50); // a local header is there
      found.push([z.readUInt32LE(p + 42), z.toString('utf8', p + 46, p + 46 + n)]);
      p += 46 + n + z.readUInt16LE(p + 30) + z.readUInt16LE(p + 32);
    }
    return found.sort((a, b) => a[0] - b[0]).map(([, name]) => name);
  };

  // On ExcelJS's deferred path (a worksheet before the shared strings) its ZIP iteration sometimes
  // ended early: the first sheet read as empty about once in 400 reads. The entries are reordered so
  // that path is not taken.
  it('a worksheet before the shared strings is moved after them, bytes unchanged, the directory patched', async () => {
    const order = [
      '[Content_Types].xml',
      'xl/_rels/workbook.xml.rels',
      'xl/worksheets/sheet2.xml',
      'xl/worksheets/sheet1.xml',
      'xl/sharedStrings.xml',
      'xl/workbook.xml',
    ];
    const body = zip(order);
    const fixed = readingOrder(body);
    expect(localNames(body)).toEqual(order);
    expect(localNames(fixed)).toEqual([
      '[Content_Types].xml',
      'xl/_rels/workbook.xml.rels',
      'xl/sharedStrings.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet2.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    expect(fixed.length).toBe(body.length);
    // The central directory points at the moved entries: a reader that goes by it (JSZip) finds them.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fixed as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['数据', '说明']);
    expect(wb.worksheets[0]!.getRow(1).values).toEqual([undefined, '名称', '代码']);
    for (let i = 0; i < 50; i++) expect(await collect(readRows(body, 'xlsx'))).toEqual([['名称', '代码']]);
  });

  it('a ZIP already in reading order, or one that is not understood, is left as it is', () => {
    const ordered = zip(['xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml']);
    expect(readingOrder(ordered)).toBe(ordered);
    const cut = zip(['xl/worksheets/sheet1.xml', 'xl/workbook.xml']).subarray(0, 60);
    expect(readingOrder(cut)).toBe(cut);
    const garbage = Buffer.from('PK\x03\x04 not really a zip');
    expect(readingOrder(garbage)).toBe(garbage);
  });

  it("ExcelJS's own streamed workbooks (data descriptors) read back whole after reordering", async () => {
    for (let i = 0; i < 20; i++) {
      const chunks: Buffer[] = [];
      const sink = new PassThrough();
      sink.on('data', (c: Buffer) => chunks.push(c));
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: true });
      const data = wb.addWorksheet('数据');
      data.addRow(['名称', '代码']).commit();
      for (let r = 0; r < 200; r++) data.addRow([`机构${r}`, `C${r}`]).commit();
      data.commit();
      wb.addWorksheet('说明').addRow(['填写说明']).commit();
      await wb.commit();
      const body = Buffer.concat(chunks);
      const rows = await collect(readRows(body, 'xlsx'));
      expect(rows.length).toBe(201);
      expect(rows[200]).toEqual(['机构199', 'C199']);
      const fixed = readingOrder(body);
      const names = localNames(fixed);
      expect(names.indexOf('xl/sharedStrings.xml')).toBeGreaterThanOrEqual(0);
      expect(names.indexOf('xl/sharedStrings.xml')).toBeLessThan(names.indexOf('xl/worksheets/sheet1.xml'));
      expect(names.indexOf('xl/workbook.xml')).toBeLessThan(names.indexOf('xl/worksheets/sheet1.xml'));
    }
  });
});
