/**
 * 收费公示 (issue 17): the district sees how many inclusive institutions have no published fee list, filters
 * them, opens one, fills the list and publishes it; the portal's institution page (a phone) then shows the
 * list, and an inclusive institution without one shows 未公示收费清单. Screenshots e2e/screenshots/fee-list-*.png.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { consoleLogin, type Harness, motionSettled, shot, startHarness } from './harness.ts';

const PHONE = { width: 390, height: 844 };
let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.stop();
});

test('the district finds an inclusive institution without a fee list, publishes one; the portal shows it', async () => {
  const context = await h.browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(`localStorage.setItem('tuoyu.lang', 'zh-CN')`);
  const page = await context.newPage();
  await consoleLogin(page, h.baseUrl, 'district');
  await page.getByRole('button', { name: '退出登录' }).waitFor();
  await page.goto(`${h.baseUrl}/admin/institutions`);
  const alert = page.getByTestId('fee-list-missing');
  await alert.waitFor();
  assert.match((await alert.textContent()) ?? '', /\d+ 家已备案或运营中的普惠机构未公示收费清单/);
  await shot(page, 'fee-list-console-alert');
  // The filtered list's answer names the first row; the table may still show the unfiltered rows for a
  // moment after the URL changes (the previous page is kept while the next loads), so the journey opens
  // that row's link rather than whatever row comes first.
  const filtered = page.waitForResponse((r) => {
    const u = new URL(r.url());
    // The table's page, not the alert's count (pageSize 1).
    return (
      u.pathname === '/api/v1/institutions' &&
      u.searchParams.get('feeList') === 'missing' &&
      u.searchParams.get('pageSize') !== '1' &&
      r.ok()
    );
  });
  await alert.getByRole('button', { name: '只看这些机构' }).click();
  await page.waitForURL(/feeList=missing/);
  const first = ((await (await filtered).json()) as { items: { id: string }[] }).items[0]!;
  await page.locator(`.ant-table-row a[href$="/${first.id}"]`).first().click();
  await page.waitForURL(/\/admin\/institutions\/[0-9a-f-]{36}$/);
  const id = page.url().split('/').at(-1)!;
  const card = page.getByTestId('fee-list-card');
  await card.getByText('普惠机构未公示收费清单').waitFor();
  await card.scrollIntoViewIfNeeded();
  await shot(page, 'fee-list-console-flag');

  await card.getByRole('button', { name: '编辑清单' }).click();
  const editor = card.getByTestId('fee-list-editor');
  await editor.getByRole('button', { name: '添加项目' }).click();
  await editor.getByLabel('名称').fill('保育费（全日制）');
  await editor.getByLabel('金额（元）').fill('2800');
  await editor.getByLabel('执行日期').fill('2026-12-01');
  // The publication rules run live: publishing waits for the basis of the inclusive price.
  await editor.getByText('普惠机构应填写收费依据').waitFor();
  await editor.getByLabel('收费依据').fill('普惠价格经区卫生健康委核定（演示）');
  await editor.getByText('普惠机构应填写收费依据').waitFor({ state: 'detached' });
  await shot(page, 'fee-list-console-editor');
  await editor.getByRole('button', { name: '发布公示' }).click();
  await page.getByRole('dialog').waitFor();
  await motionSettled(page);
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /^确\s?定$|^OK$/ })
    .click();
  await card.getByText(/公示中（/).waitFor();
  await card.getByText('普惠机构未公示收费清单').waitFor({ state: 'detached' });
  await shot(page, 'fee-list-console-published');
  await context.close();

  // The portal on a phone.
  const phone = await h.browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  await phone.addInitScript(`localStorage.setItem('tuoyu.lang', 'zh-CN')`);
  const p = await phone.newPage();
  await p.goto(`${h.baseUrl}/institutions/${id}`);
  const section = p.getByTestId('fee-list');
  await section.getByText('保育费（全日制）').waitFor();
  await section.getByText('2800.00 元').waitFor();
  await section.getByText('2026-12-01').waitFor();
  await section.getByText('普惠价格经区卫生健康委核定（演示）').waitFor();
  // Readable on a phone: the table fits the screen's width.
  const box = await section.locator('table').boundingBox();
  assert.ok(box && box.x >= 0 && box.x + box.width <= PHONE.width, `table ${JSON.stringify(box)}`);
  await section.scrollIntoViewIfNeeded();
  await shot(p, 'fee-list-portal-phone');

  // An inclusive listed institution that still has none says so plainly.
  const missing = await (
    await p.request.get(`${h.baseUrl}/api/v1/public/institutions?inclusiveOnly=true&pageSize=50`)
  ).json();
  let none: string | undefined;
  for (const i of missing.items as { id: string }[]) {
    const f = await (await p.request.get(`${h.baseUrl}/api/v1/public/institutions/${i.id}/fee-list`)).json();
    if (f.published === null) {
      none = i.id;
      break;
    }
  }
  assert.ok(none, 'the demo has an inclusive listed institution without a fee list');
  await p.goto(`${h.baseUrl}/institutions/${none}`);
  await p.getByTestId('fee-list').getByText('未公示收费清单').waitFor();
  await p.getByTestId('fee-list').scrollIntoViewIfNeeded();
  await shot(p, 'fee-list-portal-missing');
  await phone.close();
});
