/** The streaming CSV reader and the streamed table input: cells, line ends, encodings, chunk edges, no buffering. */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { csvCell } from '../export.ts';
import { CsvError, CsvReader } from './csv.ts';
import { openTable, readRows } from './read.ts';

/** Read `text` pushed in pieces cut at `cuts` (positions), the way a stream hands it over. */
function readIn(text: string, cuts: number[] = []): string[][] {
  const r = new CsvReader();
  const out: string[][] = [];
  let from = 0;
  for (const c of [...cuts].sort((a, b) => a - b)) {
    out.push(...r.push(text.slice(from, c)));
    from = c;
  }
  out.push(...r.push(text.slice(from)));
  out.push(...r.end());
  return out;
}

const collect = async (g: AsyncGenerator<string[]>) => {
  const out: string[][] = [];
  for await (const r of g) out.push(r);
  return out;
};

/** A stream of the bytes in chunks of `size` (a generator: nothing is produced before it is asked for). */
async function* streamOf(data: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

describe('CsvReader', () => {
  it('quoted cells hold commas, doubled quotes and line breaks', () => {
    expect(readIn('a,"b,c","say ""hi""","line 1\nline 2\r\nline 3"\n')).toEqual([
      ['a', 'b,c', 'say "hi"', 'line 1\nline 2\r\nline 3'],
    ]);
  });

  it('records end at LF, CRLF or a lone CR; a trailing line end adds no record', () => {
    expect(readIn('a,b\r\nc,d\ne,f\rg,h\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
    expect(readIn('a,b')).toEqual([['a', 'b']]);
    expect(readIn('a,')).toEqual([['a', '']]);
    expect(readIn('')).toEqual([]);
  });

  it('a blank line is one empty cell (the scan skips it but counts the row)', () => {
    expect(readIn('h\r\n\r\nx\r\n')).toEqual([['h'], [''], ['x']]);
  });

  it('trims outside quotes, keeps spaces inside them', () => {
    expect(readIn('  a  ,  " b "  , c\t\n')).toEqual([['a', ' b ', 'c']]);
  });

  it('a quote inside an unquoted cell is text; text after a closing quote is kept', () => {
    expect(readIn('5" screen,"ab"c\n')).toEqual([['5" screen', 'abc']]);
  });

  it('a quote left open at the end is an error', () => {
    expect(() => readIn('a,"b\n')).toThrow(CsvError);
  });

  it('the same records whatever the chunk edges (every cut of a tricky text)', () => {
    const text = 'x,"a""b",\r\n"多\r\n行",""\r"",y\r\n';
    const whole = readIn(text);
    expect(whole).toEqual([
      ['x', 'a"b', ''],
      ['多\r\n行', ''],
      ['', 'y'],
    ]);
    for (let i = 0; i <= text.length; i++)
      for (let j = i; j <= text.length; j++) expect(readIn(text, [i, j])).toEqual(whole);
  });

  it('reads back any table the export writes, in any chunking (property)', () => {
    const cell = fc
      .array(fc.constantFrom('a', '托', '育', ',', '"', '\n', '\r\n', ' x', '=', '1'), { maxLength: 6 })
      .map((p) => p.join('').trim());
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        (rows, cuts) => {
          const text = `${rows.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')).join('\r\n')}\r\n`;
          expect(
            readIn(
              text,
              cuts.map((c) => c % (text.length + 1)),
            ),
          ).toEqual(rows);
        },
      ),
      { numRuns: 300 },
    );
    // The export's own cell writer reads back too.
    expect(readIn(`${['a,b', '多"行\n', '=1'].map((c) => csvCell(c)).join(',')}\n`)).toEqual([
      ['a,b', '多"行\n', "'=1"],
    ]);
  });
});

describe('a streamed table (the stored upload, read in chunks)', () => {
  const text = '机构名称,街镇\r\n青浦区朱家角镇“小星星”托育园,"朱家角镇\n（多行）"\r\n';

  it.each([
    ['UTF-8', Buffer.from(text)],
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
    ['GB18030', iconv.encode(text, 'gb18030')],
  ])('%s in 7-byte chunks reads like the whole bytes', async (_label, data) => {
    const table = await openTable(streamOf(data, 7));
    expect(table.format).toBe('csv');
    const rows = await collect(table.rows());
    expect(rows).toEqual([
      ['机构名称', '街镇'],
      ['青浦区朱家角镇“小星星”托育园', '朱家角镇\n（多行）'],
    ]);
    expect(rows).toEqual(await collect(readRows(data, 'csv')));
  });

  it('GB18030 after a long ASCII start is still detected (decided at the first non-ASCII chunk)', async () => {
    const ascii = `code,name\r\n${Array.from({ length: 5000 }, (_, i) => `${i},plain${i}`).join('\r\n')}\r\n`;
    const data = iconv.encode(`${ascii}9999,托育园\r\n`, 'gb18030');
    expect(data.length).toBeGreaterThan(64 * 1024);
    const rows = await collect((await openTable(streamOf(data, 4096))).rows());
    expect(rows.at(-1)).toEqual(['9999', '托育园']);
    expect(rows).toHaveLength(5002);
  });

  it('a stream that is not a table is refused from its first bytes', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(100_000, 1)]);
    expect((await openTable(streamOf(png, 1000))).format).toBeUndefined();
  });

  it('a stream read only in part is released (the stored file is closed when the scan stops early)', async () => {
    let closed = false;
    async function* source(): AsyncGenerator<Buffer> {
      try {
        for (let i = 0; i < 1000; i++) yield Buffer.from(`${'a,b\r\n'.repeat(5000)}`);
      } finally {
        closed = true;
      }
    }
    const table = await openTable(source());
    const rows = table.rows();
    expect((await rows.next()).value).toEqual(['a', 'b']);
    expect(closed).toBe(false);
    await table.close();
    expect(closed).toBe(true);
  });

  it('a large input is not buffered: bytes read stay within a few chunks of the rows handed on', async () => {
    // ≈ 24 MB produced lazily; the reader may run ahead of the consumer by its look-ahead and a chunk.
    const ROWS = 300_000;
    const CHUNK = 64 * 1024;
    let produced = 0;
    let consumedBytes = 0;
    async function* source(): AsyncGenerator<Buffer> {
      let buf = '';
      for (let i = 0; i <= ROWS; i++) {
        buf +=
          i === 0
            ? '序号,名称,备注\r\n'
            : `${i},青浦区测试托育园${i},"第一行\n第二行 ${'x'.repeat(i % 40)}"\r\n`;
        if (buf.length >= CHUNK / 3) {
          const b = Buffer.from(buf);
          produced += b.length;
          buf = '';
          yield b;
        }
      }
      const b = Buffer.from(buf);
      produced += b.length;
      yield b;
    }
    let maxAhead = 0;
    let n = 0;
    for await (const row of (await openTable(source())).rows()) {
      n += 1;
      consumedBytes += Buffer.byteLength(row.join(',')) + (n === 1 ? 2 : 4);
      maxAhead = Math.max(maxAhead, produced - consumedBytes);
    }
    expect(n).toBe(ROWS + 1);
    expect(produced).toBeGreaterThan(20_000_000);
    // Whole-file buffering would put the reader ≈ 24 MB ahead; streaming keeps it under 256 KiB.
    expect(maxAhead).toBeLessThan(256 * 1024);
  });
});
