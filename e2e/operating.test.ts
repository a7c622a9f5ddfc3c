/**
 * Journey (issue 17, operating subsidy — settings): the district officer opens 运营补贴设置, sees the
 * demo's amount in force with its citation saying it is a demo value and the minimum days flagged as the
 * platform's local default, adds an amount with a later effective date and citation and sees it listed;
 * an institution admin reads the page without the editing controls. (未设定 before any amount:
 * server/modules/operating/operating.test.ts.)
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

test('the district adds an operating-subsidy amount with a later effective date beside the demo one', async () => {
  const context = await h.browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(`localStorage.setItem('tuoyu.lang', 'zh-CN')`);
  const page = await context.newPage();
  await consoleLogin(page, h.baseUrl, 'district');
  await page.waitForURL(/\/admin(\/)?$/);
  await page.goto(`${h.baseUrl}/admin/operating/settings`);
  await page.getByRole('heading', { name: '普惠托育运营补贴设置' }).waitFor();
  // The demo's amount is in force, its citation saying it is a demo value (未设定 is shown only before
  // any amount: server/modules/operating/operating.test.ts covers it).
  await page.getByText('每人每月 300.00 元').first().waitFor();
  await page
    .getByText(/演示数值/)
    .first()
    .waitFor();
  await page.getByText('平台默认值（本地设定，非政策原文）').waitFor();
  assert.equal(await page.getByText('未设定', { exact: true }).count(), 0);
  await shot(page, 'operating-settings-demo');

  await page.getByLabel('生效日期').click();
  await page.getByLabel('生效日期').fill('2027-01-01');
  await page.keyboard.press('Enter');
  await page.getByLabel('每人每月金额（元）').fill('350');
  await page.getByLabel('依据（文号、条款）').fill('示例区卫健委 2026 年第 1 号文 第三条');
  await page.getByRole('button', { name: /^新\s?增$/ }).click();
  await page.getByRole('cell', { name: '2027-01-01' }).waitFor();
  await page
    .getByText(/350\.00/)
    .first()
    .waitFor();
  await shot(page, 'operating-settings');

  const inst = await h.browser.newContext({ viewport: { width: 390, height: 844 } });
  await inst.addInitScript(`localStorage.setItem('tuoyu.lang', 'zh-CN')`);
  const p2 = await inst.newPage();
  await consoleLogin(p2, h.baseUrl, 'institution');
  await p2.waitForURL(/\/admin(\/)?$/);
  await p2.goto(`${h.baseUrl}/admin/operating/settings`);
  await p2.getByText('每人每月 300.00 元').first().waitFor();
  assert.equal(await p2.getByRole('button', { name: /^新\s?增$/ }).count(), 0);
  await shot(p2, 'operating-settings-institution');
  await context.close();
  await inst.close();
});

test('the institution keeps its attendance register: adds a child, ticks a day and saves; the town reads it', async () => {
  const context = await h.browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(`localStorage.setItem('tuoyu.lang', 'zh-CN')`);
  const page = await context.newPage();
  await consoleLogin(page, h.baseUrl, 'institution');
  await page.getByRole('button', { name: '退出登录' }).waitFor();
  await page.goto(`${h.baseUrl}/admin/operating/register`);
  await page.getByRole('heading', { name: '考勤登记（运营补贴）' }).waitFor();
  // Last month: its working days are all open (this month may not have one yet).
  const last = new Date(Date.now() + 8 * 3600_000);
  last.setUTCDate(1);
  last.setUTCMonth(last.getUTCMonth() - 1);
  const month = last.toISOString().slice(0, 7);
  const picker = page.getByLabel('月份');
  await picker.click();
  await picker.fill(month);
  await page.keyboard.press('Enter');
  await page.locator('.ant-statistic').first().waitFor();

  await page.getByLabel('姓名').fill('测试幼儿');
  await page.getByLabel('出生年月').click();
  await page.getByLabel('出生年月').fill('2024-05');
  await page.keyboard.press('Enter'); // Enter in the form adds the child (the 加入名册 button does the same)
  const box = page.getByRole('checkbox', { name: /^测\*+（2024-05）$/ }).first();
  await box.waitFor();
  await box.check();
  await page.getByText('未保存').waitFor();
  await page.getByRole('button', { name: '保存当天出勤' }).click();
  await page.getByText(/^已保存 \d{4}-\d{2}-\d{2} 出勤 \d+ 人$/).waitFor();
  await page
    .getByRole('button', { name: /已登记 \d+ 人出勤/ })
    .first()
    .waitFor();
  assert.equal(await page.getByText('未保存').count(), 0);
  await page.locator('.ant-typography-copy').first().waitFor(); // the roster id, copied for the import
  await shot(page, 'operating-register');
  await page.getByRole('button', { name: '从表格导入' }).click();
  await page.getByText('导入考勤登记').first().waitFor();
  await shot(page, 'operating-register-import');
  // The child leaves the class from today (离园): tagged in the grid, earlier days kept, and undone.
  const row = page.getByRole('row').filter({ hasText: /测\*+/ }).first();
  await row.getByRole('button', { name: '离园' }).click();
  const dialog = page.getByRole('dialog', { name: /离园/ });
  await dialog.getByText('离园日期须晚于最后一次出勤').waitFor();
  await dialog.getByRole('button', { name: '离园' }).click();
  await row.getByText(/\d{4}-\d{2}-\d{2} 离园/).waitFor();
  assert.equal((await row.getByRole('img', { name: '出勤' }).count()) > 0, true);
  await shot(page, 'operating-register-left');
  await row.getByRole('button', { name: '撤销离园' }).click();
  await row.getByRole('button', { name: '离园' }).waitFor();

  const town = await h.browser.newContext({ viewport: { width: 1440, height: 900 } });
  await town.addInitScript(`localStorage.setItem('tuoyu.lang', 'zh-CN')`);
  const p2 = await town.newPage();
  await consoleLogin(p2, h.baseUrl, 'district');
  await p2.getByRole('button', { name: '退出登录' }).waitFor();
  await p2.goto(`${h.baseUrl}/admin/operating/register`);
  await p2.getByText('本页只读：机构登记的各班出勤情况（姓名已脱敏）。').waitFor();
  assert.equal(await p2.getByRole('button', { name: '保存当天出勤' }).count(), 0);
  await shot(p2, 'operating-register-district');
  await context.close();
  await town.close();
});
