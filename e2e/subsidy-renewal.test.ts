/**
 * The childcare subsidy's yearly renewal (年度复核, ADR 0027) in a real browser on the demo district: the
 * district officer opens this year's renewals (the demo opened them already: nothing new, the counts
 * stay), the page says the procedure is a local choice; the 朱家角 town officer confirms one open renewal
 * and stops another — OK without a reason is refused by the form, then with 户籍迁出本市 and a note; the
 * district's next batch of this year holds the confirmed child and not the stopped one. axe finds no
 * serious violation on the page. Screenshots under e2e/screenshots/subsidy-renewal-*.png.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe.ts';
import { choose, consoleLogin, type Harness, shot, startHarness } from './harness.ts';

/** The page's tables have loaded (locators only: the console's CSP refuses evaluated strings). */
async function tablesSettled(page: Page) {
  await page.locator('.ant-table-row, .ant-table-placeholder').first().waitFor();
  await page.locator('.ant-table-wrapper .ant-spin-spinning').first().waitFor({ state: 'detached' });
}
const countsText = async (page: Page) =>
  ((await page.getByTestId('renewal-counts').textContent()) ?? '').replace(/\s+/g, '');

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.stop();
});

test('the district opens the year, the town confirms one and stops one, the batch leaves the stopped one out', async () => {
  const year = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 4);
  const violations: string[] = [];

  // — the district opens the year (idempotent: the demo opened it) —
  const desk = await h.browser.newContext({ viewport: { width: 1440, height: 900 } });
  await desk.addInitScript(`localStorage.setItem('tuoyu.lang', 'zh-CN')`);
  let page = await desk.newPage();
  await consoleLogin(page, h.baseUrl, 'district');
  await page.waitForURL(/\/admin(\/)?$/);
  await page
    .getByRole('navigation', { name: '导航菜单' })
    .getByRole('link', { name: '育儿补贴年度复核' })
    .click();
  await page.getByRole('heading', { name: '育儿补贴年度复核' }).waitFor();
  await tablesSettled(page);
  await page.getByText('以上为本区自定的办理方式').waitFor();
  await page
    .getByTestId('renewal-counts')
    .getByText(/已确认续发：\d+/)
    .waitFor();
  const before = await countsText(page);
  assert.match(before, /待年度复核：[1-9]\d*/);
  assert.match(before, /已停发：[1-9]\d*/);
  await page.getByRole('button', { name: `发起本年度复核 · ${year}` }).click();
  await page.getByText(/已发起：新增 0 条待复核（此前已有 [1-9]\d* 条）/).waitFor();
  assert.equal(await countsText(page), before);
  const body = (await page.locator('.ant-table-tbody').textContent()) ?? '';
  assert.doesNotMatch(body, /310118(19|20)\d{9}[\dX]/, 'ID numbers are masked');
  violations.push(...(await seriousViolations(page, 'renewals (district)')));
  await shot(page, 'subsidy-renewal-district');
  await desk.close();

  // — the 朱家角 town confirms one and stops one —
  const town = await h.browser.newContext({ viewport: { width: 1440, height: 900 } });
  await town.addInitScript(`localStorage.setItem('tuoyu.lang', 'zh-CN')`);
  page = await town.newPage();
  await consoleLogin(page, h.baseUrl, 'town-zhujiajiao');
  await page.waitForURL(/\/admin(\/)?$/);
  await page.goto(`${h.baseUrl}/admin/subsidy/renewals?state=open`);
  await page.getByRole('heading', { name: '育儿补贴年度复核' }).waitFor();
  await tablesSettled(page);
  assert.equal(await page.getByRole('button', { name: /发起本年度复核/ }).count(), 0);
  const rows = page.locator('.ant-table-row');
  assert.ok((await rows.count()) >= 2, 'the demo town has renewals open');
  const firstRow = rows.first();
  const confirmedNo = ((await firstRow.locator('td').first().textContent()) ?? '').trim();
  await firstRow.getByRole('button', { name: '确认续发' }).click();
  await page.getByText('已保存').first().waitFor();
  await page.locator('.ant-table-row', { hasText: confirmedNo }).waitFor({ state: 'detached' });
  await tablesSettled(page);

  const second = page.locator('.ant-table-row').first();
  const stoppedNo = ((await second.locator('td').first().textContent()) ?? '').trim();
  await second.getByRole('button', { name: '停发' }).click();
  const dialog = page.getByRole('dialog', { name: '年度复核：停发' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: '停发' }).click();
  await dialog.locator('.ant-form-item-explain-error').first().waitFor();
  await choose(page, dialog, '停发事由', '户籍迁出本市');
  await dialog.getByLabel('说明（事由为“其他”时必填）').fill('户籍已迁往外省市');
  violations.push(...(await seriousViolations(page, 'renewals (stop dialog)')));
  await shot(page, 'subsidy-renewal-stop');
  await dialog.getByRole('button', { name: '停发' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.goto(`${h.baseUrl}/admin/subsidy/renewals?state=stopped`);
  await tablesSettled(page);
  const stoppedRow = page.locator('.ant-table-row', { hasText: stoppedNo });
  assert.match((await stoppedRow.textContent()) ?? '', /已停发.*户籍迁出本市.*户籍已迁往外省市/);
  violations.push(...(await seriousViolations(page, 'renewals (town)')));
  await shot(page, 'subsidy-renewal-town');
  await town.close();

  // — the district's next batch of the year: the confirmed child in, the stopped one out —
  const pay = await h.browser.newContext({ viewport: { width: 1440, height: 900 } });
  await pay.addInitScript(`localStorage.setItem('tuoyu.lang', 'zh-CN')`);
  page = await pay.newPage();
  await consoleLogin(page, h.baseUrl, 'district');
  await page.waitForURL(/\/admin(\/)?$/);
  await page.goto(`${h.baseUrl}/admin/subsidy/batches`);
  await page.getByRole('heading', { name: '育儿补贴发放批次' }).waitFor();
  await tablesSettled(page);
  await page.getByRole('button', { name: '生成批次' }).click();
  await page.getByText(/已生成批次：\d+ 名婴幼儿/).waitFor();
  const list = await page.request.get(`${h.baseUrl}/api/v1/subsidy/batches?page=1&pageSize=1`);
  const newest = (await list.json()).items[0];
  assert.equal(String(newest.year), year);
  const lines = await page.request.get(`${h.baseUrl}/api/v1/subsidy/batches/${newest.id}/lines?pageSize=100`);
  const nos = ((await lines.json()).items as { applicationNo: string }[]).map((l) => l.applicationNo);
  assert.ok(nos.includes(confirmedNo), `the confirmed ${confirmedNo} is paid`);
  assert.ok(!nos.includes(stoppedNo), `the stopped ${stoppedNo} is not paid`);
  await pay.close();

  assert.deepEqual(violations, []);
});
