/**
 * Journey: filing (备案). The demo `institution` account submits its draft (青浦区朱家角镇小海豚托育园);
 * the `district` officer approves it from the review queue; a parent on a phone finds it in the public
 * search (filtered to 朱家角镇) and opens its detail page.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { consoleLogin, type Harness, motionSettled, shot, startHarness } from './harness.ts';

const NAME = '青浦区朱家角镇小海豚托育园';
const ZHUJIAJIAO = '310118102';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.stop();
});

/** Confirms the open Popconfirm. */
async function confirmPopover(page: Page) {
  const popover = page.locator('.ant-popover:visible');
  await popover.waitFor();
  await motionSettled(page);
  await popover.getByRole('button', { name: '确定' }).click();
}

async function logout(page: Page) {
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.waitForURL(/\/admin\/login/);
}

test('institution submits, district approves, the public finds it', async () => {
  const desk = await h.browser.newContext({ viewport: { width: 1366, height: 860 } });
  let page = await desk.newPage();

  // 1. The institution opens its draft and submits it.
  await consoleLogin(page, h.baseUrl, 'institution');
  await page.getByRole('button', { name: '退出登录' }).waitFor();
  await page.goto(`${h.baseUrl}/admin/institutions`);
  await page.getByRole('link', { name: NAME }).click();
  await page.waitForURL(/\/admin\/institutions\/[0-9a-f-]{36}$/);
  const id = page.url().split('/').pop() ?? '';
  const status = page.getByTestId('inst-status');
  await status.waitFor();
  assert.equal(await status.textContent(), '草稿');
  const own = await page.request.get(`${h.baseUrl}/api/v1/institutions/${id}`);
  const { directorName } = (await own.json()) as { directorName: string };
  await shot(page, 'filing-1-draft');
  await page.getByRole('button', { name: '提交备案' }).click();
  await confirmPopover(page);
  await page.getByTestId('inst-status').filter({ hasText: '备案审核中' }).waitFor();
  assert.equal(
    await page.getByRole('button', { name: '提交备案' }).count(),
    0,
    'submit is gone after submitting',
  );
  await page.getByText('提交备案').first().waitFor(); // the history names the transition
  await shot(page, 'filing-2-submitted');
  await logout(page);
  await desk.close();

  // 2. The district officer opens it from the review queue and approves it with a review opinion.
  const desk2 = await h.browser.newContext({ viewport: { width: 1366, height: 860 } });
  page = await desk2.newPage();
  await consoleLogin(page, h.baseUrl, 'district');
  await page.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '备案审核' }).click();
  await page.waitForURL(/\/admin\/institutions\/review$/);
  const row = page.locator('tr', { has: page.locator(`a[href="/admin/institutions/${id}"]`) });
  await row.waitFor();
  assert.match((await row.textContent()) ?? '', /朱家角镇/);
  assert.match((await row.textContent()) ?? '', /[01] 个工作日/);
  await shot(page, 'filing-3-review-queue');
  // No one-click approval in the queue: the row links to the detail.
  assert.equal(await row.getByRole('button', { name: '予以备案' }).count(), 0);
  await row.getByRole('link', { name: '审核' }).click();
  await page.waitForURL(new RegExp(`/admin/institutions/${id}$`));
  await page.getByRole('button', { name: '予以备案' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('review-materials').waitFor();
  // The demo draft carries no documents: the warning names the materials 25号 requires.
  const missing = dialog.getByTestId('review-missing');
  await missing.waitFor();
  assert.match((await missing.textContent()) ?? '', /营业执照\/登记证书.*场地证明.*消防安全材料/);
  assert.match((await missing.textContent()) ?? '', /国卫办人口发〔2019〕25号/);
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await dialog.getByText('请填写审核意见').waitFor(); // the opinion is required
  await shot(page, 'filing-4-review-dialog');
  await dialog.getByLabel('审核意见').fill('材料待补充后复核；现场核查符合要求，予以备案');
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await page.getByText('已予以备案，审核意见已记录').waitFor();
  await page.getByTestId('inst-status').filter({ hasText: '已备案' }).waitFor();
  await page.getByText('审核意见：材料待补充后复核；现场核查符合要求，予以备案').waitFor();
  await shot(page, 'filing-5-approved');
  await logout(page);
  await desk2.close();

  // 3. On a phone, the public search (朱家角镇) lists it and its detail page opens.
  const phone = await h.browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  page = await phone.newPage();
  await page.goto(`${h.baseUrl}/`);
  await page.getByRole('link', { name: '查找托育机构' }).first().click();
  await page.waitForURL(/\/institutions$/);
  // On a phone the filters other than the keyword sit behind 筛选.
  await page.getByRole('button', { name: /^筛选/ }).click();
  await page.getByLabel('街镇', { exact: true }).selectOption(ZHUJIAJIAO);
  await page.waitForURL(new RegExp(`town=${ZHUJIAJIAO}`));
  const card = page.locator('.pub-card', { has: page.locator(`a[href="/institutions/${id}"]`) });
  // The list loads 10 at a time, nearest or by name; load more until it shows up.
  for (let i = 0; i < 5 && !(await card.count()); i++) {
    const more = page.getByRole('button', { name: '加载更多' });
    await page.locator('.pub-card').first().waitFor();
    if (!(await card.count()) && (await more.count())) await more.click();
    await page.waitForLoadState('networkidle');
  }
  await card.waitFor();
  assert.match((await card.textContent()) ?? '', /已备案/);
  const bodyWidth = await page.locator('html').evaluate((el) => el.scrollWidth);
  assert.ok(bodyWidth <= 390, `no horizontal overflow at 390 px (scrollWidth ${bodyWidth})`);
  await shot(page, 'filing-5-public-search');
  await card.getByRole('link', { name: NAME }).click();
  await page.waitForURL(new RegExp(`/institutions/${id}$`));
  await page.getByRole('heading', { level: 1, name: NAME }).waitFor();
  const detail = (await page.locator('.pub-detail').textContent()) ?? '';
  assert.match(detail, /已备案/);
  assert.match(detail, /朱家角镇/);
  assert.ok(directorName && !detail.includes(directorName), 'the director is not disclosed');
  assert.ok(await page.locator('a[href^="tel:"]').count(), 'the phone is a tap-to-call link');
  await shot(page, 'filing-6-public-detail');
  await phone.close();
});

test('the portal sorts by distance from the browser’s location', async () => {
  // A phone standing in 徐泾镇 (far east of the district): the nearest institutions are in 徐泾镇.
  const phone = await h.browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    geolocation: { latitude: 31.1764, longitude: 121.2705 },
    permissions: ['geolocation'],
  });
  const page = await phone.newPage();
  await page.goto(`${h.baseUrl}/institutions`);
  await page.locator('.pub-card').first().waitFor();
  await page.getByRole('button', { name: /^筛选/ }).click();
  await page.getByRole('button', { name: '使用我的位置' }).click();
  await page.waitForURL(/lat=31\.17/);
  // The list re-queries after the URL changes: wait for the re-sorted first card (network idle could
  // come before the new request started — the race a CI run hit), then check it.
  await page.locator('.pub-card').first().filter({ hasText: '徐泾镇' }).waitFor({ timeout: 15_000 });
  const first = (await page.locator('.pub-card').first().textContent()) ?? '';
  assert.match(first, /徐泾镇/);
  await shot(page, 'portal-near-me');
  await phone.close();
});

test('the auditor reads the approval with names and a before/after table, in zh and en', async () => {
  const desk = await h.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await desk.newPage();
  await consoleLogin(page, h.baseUrl, 'auditor');
  await page.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '审计日志' }).click();
  await page.waitForURL(/\/admin\/audit$/);
  await page.getByRole('heading', { name: '审计日志' }).waitFor();
  assert.equal(await page.title(), '审计日志 · 青浦区托育服务管理平台');
  await page.getByLabel('操作', { exact: true }).click();
  await page.keyboard.type('予以备案');
  await page.keyboard.press('Enter');
  // The filter applies at once (it is in the URL: PagedTable).
  await page.waitForURL(/action=institutions\.approve/);
  const row = page.locator('tr.ant-table-row').first();
  await row.filter({ hasText: NAME }).waitFor();
  const text = (await row.textContent()) ?? '';
  assert.match(text, /予以备案/);
  assert.doesNotMatch(text, /institutions\.approve|…/);
  await row.getByRole('button', { name: /记录详情/ }).click();
  const changes = page.getByRole('dialog').getByTestId('audit-changes');
  await changes.waitFor();
  const table = (await changes.textContent()) ?? '';
  assert.match(table, /字段.*变更前.*变更后/);
  assert.match(table, /状态.*备案审核中.*已备案/);
  assert.match(table, /原因/);
  assert.match((await page.getByRole('dialog').locator('.ant-descriptions').textContent()) ?? '', /青浦区/);
  await shot(page, 'audit-1-zh');
  await page.evaluate("localStorage.setItem('tuoyu.lang', 'en')");
  await page.reload();
  await page.getByRole('heading', { name: 'Audit trail' }).waitFor();
  assert.match(await page.title(), /^Audit trail · /);
  await shot(page, 'audit-2-en');
  await desk.close();
});
