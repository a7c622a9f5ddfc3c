/**
 * Journey: the plan targets (issue 13). The demo district officer opens 行动计划: the 2021–2023 plan
 * (青府办发〔2021〕35号) is shown carried forward into 2026 with the reason; registry targets carry a
 * measured value and a status, others "暂无数据"; the drill-down lists the institutions behind a number.
 * The town officer sees its town's targets only. 经费测算: the district officer changes a kindergarten's
 * per-pupil rate and the district total moves.
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

test('district officer: targets, carried-forward notice, drill-down', async () => {
  const ctx = await h.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await ctx.newPage();
  await consoleLogin(page, h.baseUrl, 'district');
  await page.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '行动计划' }).click();
  await page.waitForURL(/\/admin\/plan/);
  await page.getByText('托幼一体园所占比不低于50%').first().waitFor();
  assert.ok(await page.getByText(/尚未发布接续计划/).isVisible());
  assert.ok((await page.getByText('暂无数据').count()) > 0);
  await shot(page, 'plan-targets');
  const row = page.getByRole('row', { name: /托幼一体园所占比不低于50%/ });
  await row.getByRole('link', { name: '明细' }).click();
  await page.waitForURL(/\/admin\/plan\/targets\//);
  await page.getByRole('table', { name: '目标明细' }).waitFor();
  await page
    .getByText(/托班 \d+ 个/)
    .first()
    .waitFor();
  await shot(page, 'plan-drill');
  await ctx.close();
});

test('district officer: 经费测算, a rate changed moves the total', async () => {
  const ctx = await h.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await ctx.newPage();
  await consoleLogin(page, h.baseUrl, 'district');
  await page.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '经费测算' }).click();
  await page.waitForURL(/\/admin\/plan\/funding/);
  const total = page.getByText(/^全区合计：/);
  await total.waitFor();
  assert.ok(await page.getByText('已超出行动计划期：沿用计划期标准').isVisible());
  assert.ok((await page.getByText(/缺少本年度生均拨款定额/).count()) > 0);
  await shot(page, 'plan-funding');
  const before = await total.textContent();
  const row = page
    .getByRole('row')
    .filter({ has: page.getByRole('spinbutton', { name: /的生均拨款定额/ }) })
    .first();
  const input = row.getByRole('spinbutton');
  const current = Number((await input.inputValue()).replaceAll(',', ''));
  await input.fill(String(current + 1000));
  await row.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText('已保存').first().waitFor();
  // The list is fetched again after the save: wait (up to 10 s) for the total to change.
  for (let i = 0; i < 50 && (await total.textContent()) === before; i++) await page.waitForTimeout(200);
  const after = await total.textContent();
  assert.notEqual(after, before);
  await shot(page, 'plan-funding-changed');
  await ctx.close();
});

test('town officer: its town only', async () => {
  const ctx = await h.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await ctx.newPage();
  await consoleLogin(page, h.baseUrl, 'town-zhujiajiao');
  await page.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '行动计划' }).click();
  await page.waitForURL(/\/admin\/plan/);
  await page.waitForTimeout(2000);
  await shot(page, 'plan-town');
  await page.getByText('普惠性托育机构街镇覆盖率100%').first().waitFor();
  assert.equal(await page.getByText('托幼一体园所占比不低于50%').count(), 0);
  await ctx.close();
});

test('portal: the yearly target table, numbers only', async () => {
  const ctx = await h.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await ctx.newPage();
  await page.goto(`${h.baseUrl}/plan`);
  await page.getByText('托幼一体园所占比不低于50%').first().waitFor();
  assert.equal(await page.getByRole('link', { name: '明细' }).count(), 0);
  await shot(page, 'plan-portal');
  await ctx.close();
});
