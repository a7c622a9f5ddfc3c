/**
 * Journey: the plan targets (issue 13). The demo district officer opens 行动计划: the 2021–2023 plan
 * (青府办发〔2021〕35号) is shown carried forward into 2026 with the reason; registry targets carry a
 * measured value and a status, others "暂无数据"; the drill-down lists the institutions behind a number.
 * The town officer sees its town's targets only. 经费测算: the district officer changes a kindergarten's
 * per-pupil rate and the district total moves; then adds a district funding-value version (经费标准版本)
 * after looking at its preview, and the page names it as its source (axe: no serious violations). 规则包: what is in force today and in 2022, and what is missing.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { seriousViolations } from './axe.ts';
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

test('district officer: 经费标准版本, previewed then saved; the page names it as its source', async () => {
  const ctx = await h.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await ctx.newPage();
  await consoleLogin(page, h.baseUrl, 'district');
  await page.waitForURL(/\/admin(\/)?$/);
  const year = new Date().getFullYear();
  await page.goto(`${h.baseUrl}/admin/plan/funding?year=${year}`);
  const source = page.getByTestId('funding-source');
  await source.getByText('已超出行动计划期：沿用计划期标准').waitFor();
  const card = page
    .locator('.ant-card', { has: page.getByRole('heading', { name: '经费标准版本' }) })
    .first();
  await card.getByText('尚无区级版本：按规则包计算').waitFor();
  await card.getByRole('button', { name: /新建版本/ }).click();
  await card.getByText('以下数值复制自规则包（规则包未规定补贴金额，默认为 0）。').waitFor();
  // The form starts from the pack: × 1.5, floor 20, 2 + 1, 保育员 and 育婴员.
  assert.equal(await card.getByLabel('托班生均倍数').inputValue(), '1.50');
  assert.equal(await card.getByLabel('保底人数').inputValue(), '20');
  await card.getByLabel('生效日期').fill(`${year}-01-01`);
  await card.getByLabel('发文机关').fill('青浦区教育局');
  await card.getByLabel('文号').fill('青教〔2026〕旅程1号');
  await card.getByLabel('文件标题').fill('关于调整托班经费标准的通知（旅程）');
  await card.getByLabel('发文日期').fill(`${year - 1}-12-20`);
  await card.getByLabel('保底人数').fill('25');
  await card.getByLabel('每班保育员').fill('2');
  await card.getByLabel('每人金额（元） 1').fill('500');
  await card.getByLabel('每人金额（元） 2').fill('400');
  await card.getByRole('button', { name: /添加项目/ }).click();
  await card.getByLabel('鉴定项目 3').click();
  await page.locator('.ant-select-item-option', { hasText: /^保健员$/ }).click();
  await card.getByLabel('每人金额（元） 3').fill('300');
  const save = card.getByRole('button', { name: /保存版本/ });
  assert.equal(await save.isDisabled(), true, 'saving needs a preview first');
  await card.getByRole('button', { name: /预览影响/ }).click();
  const preview = card.getByTestId('funding-preview');
  await preview.getByText(new RegExp(`${year} 年度：\\d+ 所幼儿园变化`)).waitFor();
  assert.ok((await preview.locator('.ant-table-row').count()) > 0, 'the preview lists kindergartens');
  // Two caregivers a class: the toddler classes staffed 两教一保 today would fall short (workforce).
  const staffing = preview.getByTestId('funding-preview-staffing');
  await staffing.waitFor();
  assert.match((await staffing.textContent()) ?? '', /托班/);
  await preview.scrollIntoViewIfNeeded();
  await shot(page, 'plan-funding-version-preview');
  const found = await seriousViolations(page, 'funding version form and preview');
  assert.equal(await save.isDisabled(), false);
  await save.click();
  await page.getByText('已保存第 1 版').waitFor();
  await source.getByText(`本页按区级经费标准第 1 版计算（自 ${year}-01-01 起施行）`).waitFor();
  await source.getByText(/青教〔2026〕旅程1号/).waitFor();
  await card.getByRole('row', { name: /第 1 版.*现行/ }).waitFor();
  await page.evaluate('window.scrollTo(0, 0)');
  await shot(page, 'plan-funding-version');
  found.push(...(await seriousViolations(page, 'funding page with a district version')));
  assert.deepEqual(found, []);
  // The workforce staffing check now holds toddler classes to the version: 2 teachers and 2 caregivers.
  await page.goto(`${h.baseUrl}/admin/workforce/compliance`);
  await page.getByText('每班 2 教 2 保').first().waitFor();
  await shot(page, 'plan-funding-version-workforce');
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

test('district officer: 规则包 says what is in force today (the district funding version too) and on a date in 2022, and what is missing', async () => {
  const ctx = await h.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await ctx.newPage();
  await consoleLogin(page, h.baseUrl, 'district');
  await page.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '规则包' }).click();
  await page.getByRole('heading', { level: 1, name: '规则包与在用数值' }).waitFor();
  const notices = page.getByTestId('rules-notices');
  // today (2026): the plan pack has ended and no successor plan exists in the demo
  await notices.getByText(/青府办发〔2021〕35号）施行至 2023-12-31/).waitFor();
  await notices.getByText(/尚未创建接续计划/).waitFor();
  assert.equal(await notices.getByText(/^未录入：/).count(), 0);
  await page.getByRole('heading', { level: 2, name: '班额上限（人）' }).waitFor();
  assert.equal(await page.getByRole('heading', { level: 2, name: '区行动计划' }).count(), 0);
  // The district's funding version (saved by the first test, in force since 1 January) gives today's
  // funding and staffing values; the page says so and lists it beside the plan versions.
  await notices.getByText(/区级经费标准第 1 版（青教〔2026〕旅程1号）/).waitFor();
  const floor = page.getByRole('row', { name: /^保底人数/ });
  await floor.getByText('25', { exact: true }).waitFor();
  await floor.getByText('区级录入').waitFor();
  await page
    .getByRole('row', { name: /^培训费补贴的鉴定项目.*保育员 ¥500\.00、育婴员 ¥400\.00、保健员 ¥300\.00/ })
    .waitFor();
  const mine = page.getByTestId('rules-district-versions');
  await mine.getByRole('row', { name: /第 1 版.*青教〔2026〕旅程1号.*在用/ }).waitFor();
  await shot(page, 'plan-rules-today');
  // a date in 2022: Shanghai's 2018 rules are named as not entered; the district plan is in force
  await page.getByLabel('查看日期').fill('2022-06-01');
  await page.getByLabel('查看日期').press('Enter');
  await notices.getByText(/^未录入：.*沪府办规〔2018〕12号/).waitFor();
  await page.getByRole('heading', { level: 2, name: '区行动计划' }).waitFor();
  assert.equal(await notices.getByText(/施行至 2023-12-31/).count(), 0);
  const cap = page.getByRole('row', { name: /^乳儿班/ }).first();
  await cap.getByText(/国卫人口发〔2019〕58号/).waitFor();
  assert.equal(await notices.getByText(/区级经费标准第 1 版/).count(), 0);
  await mine.getByRole('row', { name: /第 1 版.*尚未施行/ }).waitFor();
  await shot(page, 'plan-rules-2022');
  await ctx.close();
});

test('district officer: a successor plan, its target changed after the impact preview', async () => {
  const ctx = await h.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await ctx.newPage();
  await consoleLogin(page, h.baseUrl, 'district');
  await page.waitForURL(/\/admin(\/)?$/);
  await page.goto(`${h.baseUrl}/admin/plan/versions`);
  await page.getByRole('heading', { level: 1, name: '计划版本' }).waitFor();
  await page.getByLabel('版本代码').fill('qp-2027');
  await page.getByLabel('计划名称').fill('青浦区托育服务行动计划（2027—2029年，旅程）');
  await page.getByLabel('文号').fill('青府办发〔2026〕99号');
  await page.getByLabel('出处').fill('青府办发〔2026〕99号 二、发展目标');
  await page.getByLabel('计划期起').fill('2027-01-01');
  await page.getByLabel('计划期止').fill('2029-12-31');
  await page.getByRole('button', { name: /创\s*建/ }).click();
  await page.getByText('已创建接续计划').waitFor();
  const card = page.locator('.ant-card', { has: page.getByRole('heading', { name: /^修改目标值：/ }) });
  const share = card.getByRole('spinbutton', { name: /托幼一体.*的新目标值/ });
  await share.waitFor();
  await share.fill('60');
  await card.getByRole('button', { name: /预览影响（1 项修改）/ }).click();
  const preview = card.getByTestId('target-preview');
  await preview.getByText(/2027 年目标按 .* 的实测值判断/).waitFor();
  await preview.getByRole('row', { name: /全区/ }).first().getByText('60').waitFor();
  await shot(page, 'plan-target-preview');
  const save = card.getByRole('button', { name: /保存修改/ });
  assert.equal(await save.isDisabled(), true, 'saving needs a citation');
  await card.getByLabel(/修改依据/).fill('区联席会议 2026 年第 2 次会议纪要（旅程）');
  await save.click();
  await page.getByText(/已修改 \d+ 行目标/).waitFor();
  await shot(page, 'plan-target-changes');
  await ctx.close();
});
