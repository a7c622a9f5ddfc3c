/**
 * Journey: families in the console (issue 11). The district officer looks at the children and families
 * (masked numbers, a family's drawer), home-visit coverage per town with the overdue list, applications
 * and hourly slots; the demo health worker records a home visit on a 390 px phone; the district's
 * coverage then counts one more family visited.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { choose, consoleLogin, type Harness, shot, startHarness } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.stop();
});

interface Coverage {
  eligible: number;
  visited: number;
  share: number | null;
}

async function coverage(page: Page): Promise<Coverage> {
  const res = await page.request.get(`${h.baseUrl}/api/v1/families/visits/coverage`);
  assert.equal(res.status(), 200);
  return (await res.json()) as Coverage;
}

test('the health worker records a home visit on a phone and the district coverage moves', async () => {
  const desk = await h.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await desk.newPage();
  await consoleLogin(page, h.baseUrl, 'district');
  await page.waitForURL(/\/admin\/?$/);
  await page
    .getByRole('navigation', { name: '导航菜单' })
    .getByRole('link', { name: '婴幼儿与家庭' })
    .click();
  await page.waitForURL(/\/admin\/families\/children/);
  const firstChild = page.locator('table .ant-btn-link').first();
  await firstChild.waitFor();
  await shot(page, 'families-0-children');
  await firstChild.click();
  const drawer = page.getByRole('dialog');
  await drawer.getByText('身份证号（脱敏）').first().waitFor();
  const drawerText = (await drawer.textContent()) ?? '';
  assert.match(drawerText, /310118\*{8}\d{3}[\dX]/, 'the child ID is masked');
  assert.doesNotMatch(drawerText, /\b1[3-9]\d{9}\b/, 'no mobile in clear');
  await shot(page, 'families-1-family-drawer');
  await page.keyboard.press('Escape');

  const before = await coverage(page);
  assert.ok(before.share !== null && before.share < 1, 'coverage below 100 %');
  await page.goto(`${h.baseUrl}/admin/families/visits`);
  await page.getByText('本年上门指导覆盖率').waitFor();
  await page.getByRole('table', { name: '上门指导' }).getByRole('row').nth(1).waitFor();
  await shot(page, 'families-2-visits-coverage');
  await page.goto(`${h.baseUrl}/admin/families/applications`);
  await page.getByRole('table').getByRole('row').nth(1).waitFor();
  await shot(page, 'families-3-applications');
  await page.goto(`${h.baseUrl}/admin/families/slots`);
  await page.getByRole('table').getByRole('row').nth(1).waitFor();
  await shot(page, 'families-4-slots');

  // The health worker, on a phone, records the first scheduled visit of theirs.
  const phone = await h.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const hw = await phone.newPage();
  await consoleLogin(hw, h.baseUrl, 'health');
  await hw.waitForURL(/\/admin\/?$/);
  await hw.goto(`${h.baseUrl}/admin/families/visits?status=scheduled&mine=true`);
  const record = hw.getByRole('button', { name: '记录访视' }).first();
  await record.waitFor();
  await shot(hw, 'families-5-phone-visits');
  await record.click();
  const form = hw.getByRole('dialog');
  await form.getByLabel('喂养指导').fill('母乳喂养，按需喂养，6 月龄起添加辅食');
  await form.getByLabel('生长发育').fill('身长体重在正常范围');
  await form.getByLabel('安全照护').fill('指导防跌落、防烫伤');
  await form.getByLabel('疾病预防').fill('按时接种疫苗');
  await form.getByRole('switch').click();
  await shot(hw, 'families-6-phone-record-form');
  await form.getByRole('button', { name: /提\s*交/ }).click();
  await hw.getByText('已保存').waitFor();

  const after = await coverage(page);
  assert.equal(after.visited, before.visited + 1, 'one more family visited this year');
  assert.equal(after.eligible, before.eligible);
  await page.goto(`${h.baseUrl}/admin/families/visits`);
  await page.getByText('本年上门指导覆盖率').waitFor();
  await page.getByText(after.visited.toLocaleString('en-US'), { exact: true }).first().waitFor();
  await shot(page, 'families-7-coverage-after');
  await desk.close();
  await phone.close();
});

test('a town officer adds a child-friendly community site; a wrong year is refused next to the field', async () => {
  const ctx = await h.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await ctx.newPage();
  await consoleLogin(page, h.baseUrl, 'town-zhujiajiao');
  await page.waitForURL(/\/admin\/?$/);
  await page
    .getByRole('navigation', { name: '导航菜单' })
    .getByRole('link', { name: '儿童服务设施' })
    .click();
  await page.waitForURL(/\/admin\/families\/facilities/);
  const table = page.getByRole('table', { name: '儿童服务设施名录' });
  await table.locator('.ant-table-row').first().waitFor();
  await shot(page, 'families-8-facilities');
  const listed = async () =>
    (
      (await (
        await page.request.get(
          `${h.baseUrl}/api/v1/families/facilities?kind=child_friendly_site&pageSize=100`,
        )
      ).json()) as {
        total: number;
      }
    ).total;
  const before = await listed();

  await page.getByRole('button', { name: '新增设施' }).click();
  const dialog = page.getByRole('dialog');
  await choose(page, dialog, '类型', '儿童友好社区示范点');
  await dialog.getByLabel('名称').fill('旅程测试儿童友好社区示范点');
  await choose(page, dialog, '社区');
  await dialog.getByLabel('地址').fill('朱家角镇旅程测试路 8 号');
  const year = new Date().getFullYear();
  await dialog.getByLabel('建成年份').fill(String(year + 1));
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await dialog.getByText(`建成年份不能晚于 ${year} 年`).waitFor();
  assert.equal(await listed(), before, 'nothing written on a refused year');
  await shot(page, 'families-9-facility-error');

  await dialog.getByLabel('建成年份').fill(String(year));
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText('已保存').waitFor();
  assert.equal(await listed(), before + 1);
  await page.goto(`${h.baseUrl}/admin/families/facilities?kind=child_friendly_site&year=${year}`);
  await table.getByText('旅程测试儿童友好社区示范点').waitFor();
  await shot(page, 'families-10-facility-added');
  await ctx.close();
});

test('社区分工: the town officer puts a health worker in charge of a community', async () => {
  const ctx = await h.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await ctx.newPage();
  await consoleLogin(page, h.baseUrl, 'town-zhujiajiao');
  await page.waitForURL(/\/admin\/?$/);
  const communities = async () =>
    (
      (await (await page.request.get(`${h.baseUrl}/api/v1/families/communities`)).json()) as {
        items: { code: string; name: string; workerId: string | null; workerName: string | null }[];
      }
    ).items;
  const first = (await communities())[0]!;
  await page.goto(`${h.baseUrl}/admin/families/visits`);
  const card = page.getByRole('table', { name: '社区分工' });
  await card.getByText(first.name, { exact: true }).waitFor();
  await choose(page, page.getByRole('main'), `${first.name} 负责人员`, '周医生');
  await page.getByText('已保存').waitFor();
  const after = (await communities()).find((c) => c.code === first.code)!;
  assert.equal(after.workerName, '社区卫生服务中心 周医生');
  await shot(page, 'families-11-workers');
  await ctx.close();
});
