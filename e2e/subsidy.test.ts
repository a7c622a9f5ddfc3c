/**
 * Childcare subsidy casework (issue 17) in a real browser on the demo district: the 朱家角 town officer
 * opens the review queue (the rule and its unverified source stated), approves the first application
 * waiting and rejects another — OK without a reason is refused by the form, then with one; the district
 * officer builds a payment batch (this year through last month) that holds the approved child, opens its
 * lines and downloads the XLSX; the demo parent sees the child's application on 我的家庭 on a phone.
 * Screenshots under e2e/screenshots/subsidy-*.png.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { consoleLogin, DEMO_PASSWORD, type Harness, shot, startHarness } from './harness.ts';

/** The page's tables have loaded (locators only: the console's CSP refuses evaluated strings). */
async function tablesSettled(page: Page) {
  await page.locator('.ant-table-row, .ant-table-placeholder').first().waitFor();
  await page.locator('.ant-table-wrapper .ant-spin-spinning').first().waitFor({ state: 'detached' });
}

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.stop();
});

test('a town reviews subsidy applications, the district pays a batch, the parent sees the state', async () => {
  const context = await h.browser.newContext({
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  });
  await context.addInitScript(`localStorage.setItem('tuoyu.lang', 'zh-CN')`);
  let page = await context.newPage();

  // — the town's review queue —
  await consoleLogin(page, h.baseUrl, 'town-zhujiajiao');
  await page.waitForURL(/\/admin(\/)?$/);
  await page.goto(`${h.baseUrl}/admin/subsidy/applications?status=submitted`);
  await page.getByRole('heading', { name: '育儿补贴申请审核' }).waitFor();
  await tablesSettled(page);
  const help = (await page.locator('.ant-card-body > p').first().textContent()) ?? '';
  assert.match(help, /30 个工作日/);
  assert.match(help, /每月 300 元/);
  await page.getByText('依据公开报道录入，尚未与正式文本核对').waitFor();
  const rows = page.locator('.ant-table-row');
  assert.ok((await rows.count()) >= 2, 'the demo town has applications waiting');
  // Masked numbers only.
  const body = (await page.locator('.ant-table-tbody').textContent()) ?? '';
  assert.doesNotMatch(body, /310118(19|20)\d{9}[\dX]/);
  assert.doesNotMatch(body, /(?<![A-Z\d])\d{16,19}(?!\d)/); // application numbers start with letters
  assert.match(body, /\*{4}\d{4}/);
  await shot(page, 'subsidy-queue');

  const first = rows.first();
  const approvedNo = ((await first.locator('td').first().textContent()) ?? '').trim();
  await first.getByRole('button', { name: /^通\s?过$/ }).click();
  await page.getByText('已保存').first().waitFor();
  await tablesSettled(page);
  // The approved one left the "awaiting review" list.
  await page.locator('.ant-table-row', { hasText: approvedNo }).waitFor({ state: 'detached' });

  const second = page.locator('.ant-table-row').first();
  const rejectedNo = ((await second.locator('td').first().textContent()) ?? '').trim();
  await second.getByRole('button', { name: '不予通过' }).click();
  const dialog = page.getByRole('dialog', { name: '不予通过' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: '不予通过' }).click();
  await dialog.locator('.ant-form-item-explain-error').first().waitFor();
  await dialog.getByLabel('理由或说明').fill('户籍核验不一致，请补充户口簿');
  await shot(page, 'subsidy-reject');
  await dialog.getByRole('button', { name: '不予通过' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.goto(`${h.baseUrl}/admin/subsidy/applications?q=${encodeURIComponent(rejectedNo)}`);
  await tablesSettled(page);
  assert.match(
    (await page.locator('.ant-table-row').first().textContent()) ?? '',
    /不予通过.*户籍核验不一致/,
  );

  // — the district's payment batch (a fresh browser context) —
  await context.close();
  const desk = await h.browser.newContext({ viewport: { width: 1440, height: 900 } });
  await desk.addInitScript(`localStorage.setItem('tuoyu.lang', 'zh-CN')`);
  page = await desk.newPage();
  await consoleLogin(page, h.baseUrl, 'district');
  await page.waitForURL(/\/admin(\/)?$/);
  await page.goto(`${h.baseUrl}/admin/subsidy/batches`);
  await page.getByRole('heading', { name: '育儿补贴发放批次' }).waitFor();
  await tablesSettled(page);
  const before = await page.locator('.ant-table-row-level-0').count();
  await page.getByRole('button', { name: '生成批次' }).click();
  await page.getByText(/已生成批次：\d+ 名婴幼儿/).waitFor();
  for (
    let i = 0;
    i < 50 && (await page.locator('.ant-table-row-level-0').count()) <= Math.min(before, 9);
    i++
  )
    await page.waitForTimeout(200);
  const newest = page.locator('.ant-table-row-level-0').first();
  assert.match((await newest.textContent()) ?? '', /草稿/);
  await newest.getByRole('button', { name: '明细' }).click();
  const drawer = page.getByRole('dialog', { name: /明细/ });
  await drawer.locator('.ant-table-row').first().waitFor();
  assert.match((await drawer.textContent()) ?? '', new RegExp(approvedNo));
  await shot(page, 'subsidy-batch-lines');
  await page.keyboard.press('Escape');
  const href = await newest.getByRole('link', { name: '导出清单' }).getAttribute('href');
  assert.ok(href);
  const xlsx = await page.request.get(`${h.baseUrl}${href}`);
  assert.equal(xlsx.status(), 200);
  assert.match(xlsx.headers()['content-type'] ?? '', /spreadsheetml/);
  await newest.getByRole('button', { name: '报送财政' }).click();
  await page.getByText('已保存').first().waitFor();
  await tablesSettled(page);
  await shot(page, 'subsidy-batches');
  await desk.close();

  // — the parent on a phone —
  const phone = await h.browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  await phone.addInitScript(`localStorage.setItem('tuoyu.lang', 'zh-CN')`);
  const p = await phone.newPage();
  await p.goto(`${h.baseUrl}/family`);
  await p.waitForURL(/\/login/);
  await p.getByLabel('用户名').fill('parent');
  await p.getByLabel('密码').fill(DEMO_PASSWORD);
  await p.getByRole('button', { name: '登录' }).click();
  await p.waitForURL(/\/family$/);
  const card = p.getByRole('region', { name: '育儿补贴' });
  // The card's heading shows before its answer arrives: wait for the state itself.
  await card
    .getByText(/审核通过/)
    .first()
    .waitFor();
  const text = (await card.textContent()) ?? '';
  assert.match(text, /审核通过/);
  assert.match(text, /已发放 \d+ 个月/);
  assert.match(text, /收款账户 \*{4}\d{4}/);
  await card.scrollIntoViewIfNeeded();
  await shot(p, 'subsidy-parent');
  await phone.close();
});
