/** The file-level parts of the import kit, without a database: format, encoding, headers, neutralising. */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { csvCell, neutralize, writeExport } from '../export.ts';
import { mapHeaders } from './headers.ts';
import { detectFormat, readRows, textEncoding } from './read.ts';

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
