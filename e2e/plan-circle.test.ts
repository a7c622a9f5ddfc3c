/**
 * Journey: the 15-minute childcare circle (issue 13). The demo district officer opens
 * 15分钟托育服务圈: the coverage figures, the synthetic-data notice, the map and the gap list; the
 * site planner picks three new sites with what each reaches and the coverage before and after. The
 * town officer sees its town's communities only.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { consoleLogin, type Harness, shot, startHarness } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.stop();
});

test('district officer: coverage, gaps and three new sites', async () => {
  const ctx = await h.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await ctx.newPage();
  await consoleLogin(page, h.baseUrl, 'district');
  await page
    .getByRole('navigation', { name: '导航菜单' })
    .getByRole('link', { name: '15分钟托育服务圈' })
    .click();
  await page.waitForURL(/\/admin\/plan\/circle/);
  await page.getByRole('heading', { level: 1, name: '15分钟社区托育服务圈' }).waitFor();
  await page.getByText('本页社区婴幼儿数为演示合成数据，不是统计数字。').waitFor();
  const share = page.locator('.ant-statistic').filter({ hasText: '覆盖率' });
  await share.getByText(/\d+\.\d%/).waitFor();
  assert.ok((await page.getByRole('row').count()) > 5, 'the gap list has communities');
  await page.getByRole('button', { name: /计\s*算/ }).click();
  await page.getByText('第 3 个点位').waitFor();
  assert.ok(await page.getByText(/覆盖率 \d+\.\d% → \d+\.\d%/).isVisible());
  assert.ok(await page.getByText(/区内普惠机构托位数中位数/).isVisible());
  await shot(page, 'plan-circle');
  await ctx.close();
});

test('town officer: its town only', async () => {
  const ctx = await h.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await ctx.newPage();
  await consoleLogin(page, h.baseUrl, 'town-zhujiajiao');
  await page
    .getByRole('navigation', { name: '导航菜单' })
    .getByRole('link', { name: '15分钟托育服务圈' })
    .click();
  await page.waitForURL(/\/admin\/plan\/circle/);
  await page.getByRole('heading', { level: 1, name: '15分钟社区托育服务圈' }).waitFor();
  await page.locator('.ant-table-row').first().waitFor();
  const towns = await page.locator('.ant-table-row td:nth-child(2)').allInnerTexts();
  assert.ok(towns.length > 0);
  assert.equal(new Set(towns).size, 1, `one town only: ${[...new Set(towns)].join(',')}`);
  await shot(page, 'plan-circle-town');
  await ctx.close();
});
