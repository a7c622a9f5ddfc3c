/**
 * Journey: the institution admin imports staff (issue 9). From the staff list to the import page, the
 * template downloaded (its headers are what the file is written with), a 2-row CSV with one bad ID
 * number reported by row and column, the fixed file committed, the person on the staff list.
 */
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { citizenIdCheckChar } from '../domain/rules/ids.ts';
import { csvText } from '../test/factories/inputs.ts';
import { consoleLogin, type Harness, shot, startHarness } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.stop();
});

const syntheticId = (birth: string) => {
  const first17 = `310118${birth}${String(randomInt(100, 999))}`;
  return first17 + citizenIdCheckChar(first17);
};

test('institution admin: template, a bad row reported, the good row committed and listed', async () => {
  const ctx = await h.browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  const page = await ctx.newPage();
  await consoleLogin(page, h.baseUrl, 'institution');
  await page.getByRole('button', { name: '退出登录' }).waitFor();
  const me = (await (await page.request.get(`${h.baseUrl}/api/v1/auth/me`)).json()) as {
    scope: { institutionId: string };
  };
  const inst = await page.request.get(`${h.baseUrl}/api/v1/institutions/${me.scope.institutionId}`);
  assert.equal(inst.status(), 200);
  const { creditCode } = (await inst.json()) as { creditCode: string };

  await page.goto(`${h.baseUrl}/admin/workforce/staff`);
  await page.getByRole('button', { name: '批量导入' }).click();
  await page.waitForURL(/\/admin\/workforce\/staff\/import$/);
  await page.getByText('导入从业人员及任职').first().waitFor();

  // The template: its first row is the headers the file is written with.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /下载模板/ }).click(),
  ]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile((await download.path())!)) as unknown as ExcelJS.Buffer);
  const headers = (wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1).map(String);
  assert.ok(headers.includes('证件号码 Document number'), headers.join('|'));
  assert.ok(headers.includes('机构统一社会信用代码 Institution credit code'));
  assert.ok(headers.includes('无犯罪记录证明日期 No-criminal-record certificate date'), headers.join('|'));

  const good = syntheticId('19950315');
  const bad = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
  const cells = (name: string, idNumber: string, mobile: string) =>
    headers.map((h) => {
      const zh = h.split(' ')[0];
      const v: Record<string, string> = {
        姓名: name,
        证件号码: idNumber,
        手机号码: mobile,
        学历: '大专',
        机构统一社会信用代码: creditCode,
        岗位: '保育人员',
        入职日期: '2026-03-01',
        // the pre-hire record checks (入职查询): both clear, before the start
        性侵违法犯罪信息查询结果: '无记录',
        性侵违法犯罪信息查询日期: '2026-02-20',
        性侵违法犯罪信息查询编号: `CX-${idNumber.slice(-6)}`,
        无犯罪记录证明结果: '无记录',
        无犯罪记录证明日期: '2026-02-18',
        无犯罪记录证明编号: `WF-${idNumber.slice(-6)}`,
      };
      return v[zh!] ?? '';
    });
  const file = (rows: string[][]) => ({
    name: '从业人员.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csvText([headers, ...rows])),
  });
  const goodRow = cells('导入旅程 周晓', good, '13812340001');
  const badRow = cells('导入旅程 吴错', bad, '13812340002');

  await page.locator('input[type=file]').setInputFiles(file([goodRow, badRow]));
  await page.getByText(/发现 1 处错误/).waitFor();
  await page.getByRole('cell', { name: '证件号码', exact: true }).waitFor();
  await page.getByRole('cell', { name: '3', exact: true }).waitFor(); // the spreadsheet row
  await shot(page, 'workforce-import-errors');

  await page.getByRole('button', { name: '导入其他文件' }).click();
  await page.locator('input[type=file]').setInputFiles(file([goodRow]));
  await page.getByText('预检通过：1 行可导入。').waitFor();
  await page.getByRole('button', { name: '提交导入' }).click();
  await page.getByText('导入完成：新增 1 项任职。').waitFor({ timeout: 30_000 });
  await shot(page, 'workforce-import-done');
  await page.getByRole('button', { name: '查看从业人员' }).click();
  await page.waitForURL(/\/admin\/workforce\/staff$/);
  await page.getByText('导入旅程 周晓').waitFor();
  assert.equal(await page.getByText('导入旅程 吴错').count(), 0);
  await shot(page, 'workforce-import-listed');
  await ctx.close();
});
