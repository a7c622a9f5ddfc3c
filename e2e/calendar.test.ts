/**
 * Journey: the working-day calendar (issue 18). The demo `district` officer enters a year from a
 * holiday notice — a MADE-UP 2027 (test-only dates, not the State Council's) — the live checks catch
 * an adjusted working day on a Monday; the draft does not count and its enterer cannot confirm it;
 * the second officer `district2` confirms it, and the calendar's end moves to 2027-12-31.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { consoleLogin, type Harness, motionSettled, shot, startHarness } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.stop();
});

async function logout(page: Page) {
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.waitForURL(/\/admin\/login/);
}

async function openCalendar(page: Page) {
  await page.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '工作日历' }).click();
  await page.waitForURL(/\/admin\/calendar$/);
  await page.getByTestId('calendar-end').waitFor();
}

test('one district officer enters a year, a second confirms it', async () => {
  const desk = await h.browser.newContext({ viewport: { width: 1366, height: 900 } });
  let page = await desk.newPage();
  await consoleLogin(page, h.baseUrl, 'district');
  await openCalendar(page);
  assert.match((await page.getByTestId('calendar-end').textContent()) ?? '', /2026-12-31/);

  await page.getByLabel('年度').fill('2027');
  await page.getByLabel('通知标题').fill('测试用通知（虚构，非国务院通知）');
  await page.getByLabel('文号').fill('测试〔2026〕9号');
  await page.getByLabel('发布日期').fill('2026-11-20');
  const range = page.getByTestId('holiday-0');
  await range.getByLabel('节日 1').click();
  await page.locator('.ant-select-item-option', { hasText: /^元旦$/ }).click();
  await range.getByLabel('起').fill('2027-01-01');
  await range.getByLabel('止').fill('2027-01-03');
  await page.getByRole('button', { name: '添加调休上班日' }).click();
  const workday = page.getByLabel('调休上班日 1', { exact: true });
  await workday.fill('2027-01-04'); // a Monday: the live check says so before saving
  await page.getByText('调休上班日应为星期六或星期日').waitFor();
  await shot(page, 'calendar-1-live-check');
  await workday.fill('2027-01-10'); // a Sunday
  await page.getByText('调休上班日应为星期六或星期日').waitFor({ state: 'detached' });
  await page.getByRole('button', { name: '保存为草稿' }).click();

  const entry = page.getByTestId('calendar-entry-2027');
  await entry.waitFor();
  assert.match((await entry.textContent()) ?? '', /草稿/);
  await entry.getByText('该草稿由您录入，须由另一名区级工作人员确认').waitFor();
  assert.equal(await entry.getByRole('button', { name: '确认' }).count(), 0, 'the enterer has no Confirm');
  assert.match(
    (await page.getByTestId('calendar-end').textContent()) ?? '',
    /2026-12-31/,
    'a draft does not count',
  );
  await shot(page, 'calendar-2-draft');
  await logout(page);
  await desk.close();

  const desk2 = await h.browser.newContext({ viewport: { width: 1366, height: 900 } });
  page = await desk2.newPage();
  await consoleLogin(page, h.baseUrl, 'district2');
  await openCalendar(page);
  const draft = page.getByTestId('calendar-entry-2027');
  await draft.getByRole('button', { name: /^确\s*认$/ }).click();
  await page.locator('.ant-popover:visible').waitFor();
  await motionSettled(page);
  await page.locator('.ant-popover:visible').getByRole('button', { name: '确定' }).click();
  await page.getByTestId('calendar-end').filter({ hasText: '2027-12-31' }).waitFor();
  const row = page.locator('tr', { has: page.locator('td', { hasText: /^2027$/ }) });
  const text = (await row.textContent()) ?? '';
  assert.match(text, /本区录入/);
  assert.match(text, /district2/);
  assert.match(text, /district/);
  await shot(page, 'calendar-3-confirmed');
  await desk2.close();
});
