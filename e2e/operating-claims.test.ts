/**
 * Journey (issue 17, operating subsidy — claims): the demo's inclusive institution in 朱家角镇
 * (`institution-op`) sees its approved months, builds last month's claim from its attendance register
 * and submits it; the district officer returns it with a reason; the director sees the reason, rebuilds
 * and resubmits; the district approves it; the month's payment list shows it with the totals per town,
 * and the XLSX download is a workbook. The town officer reads 朱家角镇's claims.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { consoleLogin, type Harness, motionSettled, shot, startHarness, tablesSettled } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.stop();
});

/** Last month in Shanghai ('YYYY-MM'): the month the demo leaves for the journey's director. */
function lastMonth(): string {
  const shanghai = new Date(Date.now() + 8 * 3_600_000);
  const d = new Date(Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth() - 1, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

async function open(username: string, width = 1440) {
  const context = await h.browser.newContext({ viewport: { width, height: 900 } });
  await context.addInitScript(`localStorage.setItem('tuoyu.lang', 'zh-CN')`);
  const page = await context.newPage();
  await consoleLogin(page, h.baseUrl, username);
  await page.getByRole('button', { name: /退出登录/ }).waitFor();
  return { context, page };
}

async function claimsPage(page: Page) {
  await page.goto(`${h.baseUrl}/admin/operating/claims`);
  await page.getByRole('heading', { name: '普惠托育运营补贴月度申报' }).waitFor();
  await tablesSettled(page);
}

async function buildMonth(page: Page, month: string) {
  const picker = page.getByLabel('月份', { exact: true });
  await picker.click();
  await picker.fill(month);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: '按出勤登记生成' }).click();
  await page.getByText('申报已生成（草稿）').first().waitFor();
}

test('an institution claims last month; the district returns, then approves; the payment list shows it', async () => {
  const month = lastMonth();
  const director = await open('institution-op');
  const p = director.page;
  await claimsPage(p);
  // The demo's older months, approved.
  assert.ok((await p.locator('tr', { hasText: '已通过' }).count()) >= 2);
  await shot(p, 'operating-claims-institution-demo');
  await buildMonth(p, month);
  const mine = p.locator('tr', { hasText: month });
  await mine.getByText('草稿').waitFor();
  const name = ((await mine.locator('td').nth(1).textContent()) ?? '').trim();
  assert.match(name, /朱家角镇/);
  await mine.getByRole('button', { name: /^提\s?交$/ }).click();
  await mine.getByText('待审核').waitFor();
  await shot(p, 'operating-claims-submitted');

  // The district returns it with a reason.
  const district = await open('district');
  const d = district.page;
  await claimsPage(d);
  const queue = d.locator('.ant-card-small', { hasText: '待审核申报' });
  // the demo's own waiting claims, some past the deadline
  await queue.getByText('超过 10 个工作日（本地设定）').first().waitFor();
  await shot(d, 'operating-claims-queue');
  const row = queue.locator('tr', { hasText: name }).filter({ hasText: month });
  await row.getByRole('button', { name: '退回修改' }).click();
  await d.getByRole('dialog').waitFor();
  await motionSettled(d);
  const reason = '托小班 3 日出勤与晨检记录不一致，请核对后重新生成';
  await d.getByRole('dialog').getByLabel('理由').fill(reason);
  await d
    .getByRole('dialog')
    .getByRole('button', { name: /^确\s?定$/ })
    .click();
  await row.waitFor({ state: 'detached' });

  // The director sees the reason, rebuilds and resubmits.
  await claimsPage(p);
  await mine.getByText('已退回').waitFor();
  await mine.getByText(reason).waitFor();
  await shot(p, 'operating-claims-returned');
  await buildMonth(p, month);
  await mine.getByText('草稿').waitFor();
  await mine.getByRole('button', { name: /^提\s?交$/ }).click();
  await mine.getByText('待审核').waitFor();

  // The district approves.
  await claimsPage(d);
  await row.getByRole('button', { name: /^通\s?过$/ }).click();
  await row.waitFor({ state: 'detached' });

  // The payment list of that month shows it, with the totals per town.
  await d.goto(`${h.baseUrl}/admin/operating/payments`);
  await d.getByRole('heading', { name: '普惠托育运营补贴发放清单' }).waitFor();
  await tablesSettled(d);
  await d.locator('tr', { hasText: name }).first().waitFor();
  await d.locator('tr', { hasText: '朱家角镇' }).first().waitFor();
  await d.getByText(/已通过申报 \d+ 份/).waitFor();
  await shot(d, 'operating-payments');
  const [download] = await Promise.all([
    d.waitForEvent('download'),
    d.getByRole('link', { name: /导出 XLSX/ }).click(),
  ]);
  assert.match(download.suggestedFilename(), /\.xlsx$/);
  const file = await download.path();
  assert.ok(file);
  assert.equal(readFileSync(file).subarray(0, 2).toString(), 'PK');

  // The town officer reads 朱家角镇's claims, the new one approved.
  const town = await open('town-zhujiajiao');
  await claimsPage(town.page);
  await town.page.locator('tr', { hasText: name }).filter({ hasText: month }).getByText('已通过').waitFor();
  assert.equal(await town.page.getByRole('button', { name: '按出勤登记生成' }).count(), 0);
  await shot(town.page, 'operating-claims-town');

  await director.context.close();
  await district.context.close();
  await town.context.close();
});
