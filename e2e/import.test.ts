/** Journey: the district officer imports institutions from a spreadsheet (report → fix → commit → progress). */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  buildInstitutionInput,
  creditCodeFor,
  csvText,
  IMPORT_HEADERS,
  importRowOf,
} from '../server/modules/institutions/factories.ts';
import { consoleLogin, type Harness, shot, startHarness } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.stop();
});

const rows = Array.from({ length: 3 }, (_, i) =>
  importRowOf(
    buildInstitutionInput({
      creditCode: creditCodeFor(81_000_000 + i),
      name: `青浦区导入演示托育园${i + 1}`,
    }),
  ),
);
const file = (data: string[][]) => ({
  name: '机构名录.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(csvText([IMPORT_HEADERS, ...data])),
});

test('district officer: a bad row is reported, the fixed file is committed with progress', async () => {
  const page = await h.browser.newPage({ viewport: { width: 1366, height: 900 } });
  await consoleLogin(page, h.baseUrl, 'district');
  await page.getByRole('button', { name: '退出登录' }).waitFor();
  await page.goto(`${h.baseUrl}/admin/institutions`);
  await page.getByRole('button', { name: '批量导入' }).click();
  await page.getByText('批量导入托育机构').waitFor();
  await shot(page, 'import-start');

  const bad = rows.map((r) => [...r]);
  bad[1]![10] = '请来电咨询';
  await page.locator('input[type=file]').setInputFiles(file(bad));
  await page.getByText(/发现 1 处错误/).waitFor();
  await page.getByRole('cell', { name: '联系电话' }).waitFor();
  assert.equal(await page.getByRole('row').count(), 2); // header + the one error
  await shot(page, 'import-errors');

  await page.getByRole('button', { name: '导入其他文件' }).click();
  await page.locator('input[type=file]').setInputFiles(file(rows));
  await page.getByText('预检通过：3 行可导入。').waitFor();
  await shot(page, 'import-clean');
  await page.getByRole('button', { name: '提交导入' }).click();
  await page.getByText(/导入完成：新增 3 家机构/).waitFor({ timeout: 30_000 });
  await shot(page, 'import-done');
  await page.getByRole('button', { name: '返回机构名录' }).click();
  await page.waitForURL(/\/admin\/institutions$/);
  await page.goto(`${h.baseUrl}/admin/institutions?q=${encodeURIComponent('导入演示')}`);
  await page.getByText('青浦区导入演示托育园1').waitFor();
  assert.equal(await page.getByText(/青浦区导入演示托育园\d/).count(), 3);
  await page.close();
});
