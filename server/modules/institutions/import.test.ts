import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinyinSortKey } from '../../../domain/rules/pinyin.ts';
import { countRows, createTestApp, DISTRICT, type TestApp, XUJING } from '../../../test/app.ts';
import { xlsxLike } from '../../platform/files/samples.ts';
import { readRows } from '../../platform/import/read.ts';
import { auditLog } from '../../platform/tables.ts';
import {
  buildInstitutionInput,
  creditCodeFor,
  csvText,
  IMPORT_HEADERS,
  importRowOf,
  multipartBody,
  SAMPLE_FILES,
} from './factories.ts';
import { institutions } from './tables.ts';

let t: TestApp;
let district: string;
const URL = '/api/v1/institutions/imports';

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('district', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
  await t.createUser('district-xj', 'district_officer', { kind: 'division', divisionCode: XUJING });
  district = await t.login('district');
});
afterAll(() => t.close());

const upload = (data: Buffer, name = 'institutions.csv', cookie = district, type = 'text/csv') => {
  const m = multipartBody(name, type, data);
  return t.app.inject({ method: 'POST', url: URL, headers: { cookie, ...m.headers }, payload: m.payload });
};
const commit = (id: string, cookie = district) => t.call('POST', `${URL}/${id}/commit`, { cookie });
/** Commit, run the job, and read the run back. */
async function commitAndRun(id: string) {
  const res = await commit(id);
  expect(res.statusCode).toBe(202);
  expect(res.json()).toMatchObject({ status: 'committing', jobId: expect.any(String) });
  await t.jobs.runDue();
  return (await t.call('GET', `${URL}/${id}`, { cookie: district })).json();
}
const rowsFrom = (n: number, base: number) =>
  Array.from({ length: n }, (_, i) =>
    importRowOf(
      buildInstitutionInput({ creditCode: creditCodeFor(base + i), name: `青浦区导入测试托育园${base + i}` }),
    ),
  );
const csv = (rows: string[][]) => Buffer.from(csvText([IMPORT_HEADERS, ...rows]));

async function readAll(data: Buffer, format: 'csv' | 'xlsx') {
  const out: string[][] = [];
  for await (const r of readRows(data, format)) out.push(r);
  return out;
}

describe('institutions import: refused files, nothing written', () => {
  // The files kit's checks come first (one upload path for every module): they answer 400 file.*.
  it.each([
    ['a PNG', 'photo.png', 'image/png', SAMPLE_FILES.png, 'file.unsupported_type'],
    [
      'a renamed executable',
      'institutions.xlsx',
      'application/vnd.ms-excel',
      Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]),
      'file.executable',
    ],
    [
      'a damaged XLSX',
      'institutions.xlsx',
      'application/octet-stream',
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 7)]),
      'file.unsupported_type',
    ],
  ])('%s → 400 naming the file (zh and en), no run stored', async (_label, name, type, data, code) => {
    const before = await countRows(t, 'import_runs');
    const res = await upload(data, name, district, type);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.errors).toMatchObject([{ field: 'file', rule: code }]);
    expect(body.errors[0].message_zh).toMatch(/[\u4e00-\u9fff]/);
    expect(body.errors[0].message_en).toMatch(/^[\x20-\x7e]+$/);
    expect(await countRows(t, 'import_runs')).toBe(before);
  });

  it('an XLSX container whose workbook cannot be read → 415 import.unsupported_type, no run stored', async () => {
    const before = await countRows(t, 'import_runs');
    const res = await upload(xlsxLike(), 'institutions.xlsx', district, 'application/octet-stream');
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'import.unsupported_type', errors: [{ field: 'file' }] });
    expect(res.json().errors[0].message_zh).toContain('XLSX');
    expect(await countRows(t, 'import_runs')).toBe(before);
  });

  it('a second file part → 400 file.too_many; a file over 20 MiB → 413; nothing stored', async () => {
    const before = await countRows(t, 'import_runs');
    const b = '----tuoyu-two';
    const part = (n: number) =>
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="a${n}.csv"\r\nContent-Type: text/csv\r\n\r\n${IMPORT_HEADERS.join(',')}\r\n`;
    const two = await t.app.inject({
      method: 'POST',
      url: URL,
      headers: { cookie: district, 'content-type': `multipart/form-data; boundary=${b}` },
      payload: `${part(1)}${part(2)}--${b}--\r\n`,
    });
    expect(two.statusCode).toBe(400);
    expect(two.json().errors).toMatchObject([{ rule: 'file.too_many' }]);
    const big = await upload(Buffer.alloc(20 * 1024 * 1024 + 10, 0x41));
    expect(big.statusCode).toBe(413);
    expect(await countRows(t, 'import_runs')).toBe(before);
  });

  it('wrong headers → 400 listing the missing and the unknown columns', async () => {
    const headers = IMPORT_HEADERS.filter((h) => h !== '负责人' && h !== '地址').concat(['园长电话']);
    const res = await upload(Buffer.from(csvText([headers, ['x']])));
    expect(res.statusCode).toBe(400);
    const errors = res.json().errors as { rule: string; message_zh: string; message_en: string }[];
    expect(errors.map((e) => e.rule)).toEqual(['import.missing_headers', 'import.unknown_headers']);
    expect(errors[0]!.message_zh).toContain('地址 Address');
    expect(errors[0]!.message_zh).toContain('负责人 Director');
    expect(errors[1]!.message_en).toContain('园长电话');
  });
});

describe('institutions import: dry run, report, commit', () => {
  it('10,000 rows of which 37 are bad: exactly those rows and columns reported; commit refused, nothing written', async () => {
    const rows = rowsFrom(10_000, 30_000_000);
    const expected: string[] = [];
    const breakers: [number, string, (r: string[]) => void][] = [
      [0, '统一社会信用代码', (r) => (r[0] = `${r[0]!.slice(0, 17)}${r[0]!.endsWith('0') ? '1' : '0'}`)],
      [2, '类型', (r) => (r[2] = '托管班')],
      [4, '普惠', (r) => (r[4] = '也许')],
      [7, '街镇', (r) => (r[7] = '不存在镇')],
      [10, '联系电话', (r) => (r[10] = '请来电咨询')],
    ];
    for (let k = 0; k < 37; k++) {
      const index = 11 + k * 269;
      const [, column, breakIt] = breakers[k % breakers.length]!;
      breakIt(rows[index]!);
      expected.push(`${index + 2}:${column}`);
    }
    const before = await countRows(t, 'institutions');
    const res = await upload(csv(rows));
    expect(res.statusCode).toBe(201);
    const run = res.json();
    expect(run).toMatchObject({ status: 'invalid', totalRows: 10_000, validRows: 9_963, errorCount: 37 });
    expect(run.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual(expected);

    const report = await t.call('GET', `${URL}/${run.id}/errors`, { cookie: district });
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toContain('spreadsheetml');
    const sheet = await readAll(report.rawPayload, 'xlsx');
    expect(sheet[0]!.at(-1)).toBe('错误 Errors');
    const flagged = sheet.flatMap((r, i) => (i > 0 && r[IMPORT_HEADERS.length] ? [i + 1] : []));
    expect(flagged).toEqual(expected.map((e) => Number(e.split(':')[0])));

    const refused = await commit(run.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('import.has_errors');
    expect(await countRows(t, 'institutions')).toBe(before);
  });

  it('a clean file commits in batches with progress; importing it again adds nothing', async () => {
    const data = csv(rowsFrom(1_234, 40_000_000));
    const before = await countRows(t, 'institutions');
    const first = (await upload(data)).json();
    expect(first).toMatchObject({ status: 'checked', totalRows: 1_234, errorCount: 0, existingRows: 0 });
    const done = await commitAndRun(first.id);
    expect(done).toMatchObject({ status: 'committed', doneRows: 1_234, insertedRows: 1_234 });
    const job = (await t.call('GET', `/api/v1/jobs/${done.jobId}`, { cookie: district })).json();
    expect(job).toMatchObject({ status: 'succeeded', progress: { done: 1_234, total: 1_234 } });
    expect(await countRows(t, 'institutions')).toBe(before + 1_234);
    const [one] = await t.database.db
      .select()
      .from(institutions)
      .where(eq(institutions.creditCode, creditCodeFor(40_000_000)));
    expect(one).toMatchObject({ status: 'draft', name: '青浦区导入测试托育园40000000', feeHourlyFen: 6_000 });
    // Imported rows carry the portal's pinyin sort key like rows written through the service.
    expect(one?.namePinyin).toBe(pinyinSortKey('青浦区导入测试托育园40000000'));
    const batches = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'institutions.import'));
    expect(batches).toHaveLength(2);

    expect((await commit(first.id)).statusCode).toBe(409);
    const again = (await upload(data)).json();
    expect(again).toMatchObject({ status: 'checked', existingRows: 1_234 });
    expect(await commitAndRun(again.id)).toMatchObject({ status: 'committed', insertedRows: 0 });
    expect(await countRows(t, 'institutions')).toBe(before + 1_234);
  });

  it('a GB18030 CSV and a UTF-8 CSV with a BOM are read correctly', async () => {
    const [gbRow] = rowsFrom(1, 50_000_000);
    const [bomRow] = rowsFrom(1, 50_000_001);
    const gb = (await upload(iconv.encode(csvText([IMPORT_HEADERS, gbRow!]), 'gb18030'))).json();
    const bom = (await upload(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), csv([bomRow!])]))).json();
    for (const run of [gb, bom]) {
      expect(run).toMatchObject({ status: 'checked', totalRows: 1, errorCount: 0 });
      expect((await commitAndRun(run.id)).insertedRows).toBe(1);
    }
    const [row] = await t.database.db
      .select()
      .from(institutions)
      .where(eq(institutions.creditCode, creditCodeFor(50_000_000)));
    expect(row?.name).toBe('青浦区导入测试托育园50000000');
    expect(row?.townCode).toBe('310118102');
  });

  it('the template: headers, an example row that passes the dry run, a notes sheet', async () => {
    const res = await t.call('GET', `${URL}/template`, { cookie: district });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['托育机构', '填写说明 Notes']);
    expect(wb.worksheets[0]!.getRow(1).getCell(1).value).toBe('统一社会信用代码 Credit code');
    const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const run = (await upload(res.rawPayload, 'template.xlsx', district, xlsxType)).json();
    expect(run).toMatchObject({ status: 'checked', format: 'xlsx', totalRows: 1, errorCount: 0 });
  });

  it('a town outside the caller’s scope is a row error; duplicates in one file too', async () => {
    const xj = await t.login('district-xj');
    const rows = rowsFrom(2, 60_000_000);
    const res = (await upload(csv(rows), 'x.csv', xj)).json();
    expect(res.errors.map((e: { row: number; rule: string }) => `${e.row}:${e.rule}`)).toEqual([
      '2:scope',
      '3:scope',
    ]);
    const dup = (await upload(csv([...rows, rows[0]!]))).json();
    expect(dup.errors).toMatchObject([{ row: 4, column: '统一社会信用代码', rule: 'import.duplicate_key' }]);
  });

  it('another account cannot see or commit someone else’s run; a town officer may not import', async () => {
    const run = (await upload(csv(rowsFrom(1, 70_000_000)))).json();
    const other = await t.login('district-xj');
    expect((await t.call('GET', `${URL}/${run.id}`, { cookie: other })).statusCode).toBe(404);
    expect((await commit(run.id, other)).statusCode).toBe(404);
    await t.createUser('town', 'town_officer', { kind: 'division', divisionCode: XUJING });
    expect((await t.call('GET', `${URL}/template`, { cookie: await t.login('town') })).statusCode).toBe(403);
  });
});
