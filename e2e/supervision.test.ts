/**
 * Journey: verifiable double-random draws (issue 10). The demo `district` officer opens 双随机抽查 and
 * runs this month's committed plan (its commitment was published before); on a 390 px phone the public
 * draw page shows the commitment, both pools' hashes, the revealed secret and the result, and its
 * "verify" button recomputes the draw in the browser and says it matches (time reported).
 * Then the inspection: on a 390 px phone the demo inspector records a finding on the task he shares with
 * inspector2 and signs (with a photo of the finding), inspector2 signs; the institution's admin
 * (institution-zjj) submits evidence with a photo; the town officer (town-zhujiajiao) sees it and
 * verifies and closes the item.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildPng } from '../server/platform/files/samples.ts';
import { consoleLogin, type Harness, shot, startHarness } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.stop();
});

test('the district runs a committed draw; the public page verifies it in the browser', async () => {
  const desk = await h.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await desk.newPage();
  await consoleLogin(page, h.baseUrl, 'district');
  await page.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '双随机抽查' }).click();
  await page.waitForURL(/\/admin\/supervision\/draws$/);
  const row = page.locator('tr:has([data-testid="sv-draw"])').first();
  await row.waitFor();
  const drawButton = row.getByTestId('sv-draw');
  const publicHref = await row.getByRole('link').getAttribute('href');
  assert.ok(publicHref);
  await shot(page, 'supervision-1-plans');
  await drawButton.click();
  await page.getByText('已抽签，结果已公开').waitFor();
  // The checklist templates: the sample set, editable by publishing a new version.
  await page.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '检查表模板' }).click();
  await page.getByRole('tab', { name: '消防安全' }).click();
  await page.getByText('疏散通道、安全出口畅通').waitFor();
  await page.getByRole('button', { name: '编辑并发布新版本' }).first().click();
  await page.getByRole('button', { name: '发布第 2 版' }).waitFor();
  await shot(page, 'supervision-0-checklists');
  await desk.close();

  const phone = await h.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const p = await phone.newPage();
  await p.goto(`${h.baseUrl}${publicHref}`);
  await p.getByRole('button', { name: '在浏览器中验证' }).click();
  const status = p.getByRole('status');
  await status.waitFor();
  const text = (await status.textContent()) ?? '';
  assert.match(text, /验证通过/);
  console.log(`browser verification: ${text}`);
  // the results section: each drawn institution, in progress until its inspectors sign
  await p.getByTestId('draw-results').getByRole('heading', { name: '检查结果公开' }).waitFor();
  await shot(p, 'supervision-2-public-verified');
  await phone.close();
});

const NOTE = 'e2e：二楼安全出口堆放杂物';

async function phoneAs(username: string) {
  const ctx = await h.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const page = await ctx.newPage();
  await consoleLogin(page, h.baseUrl, username);
  await page.waitForURL(/\/admin(\/)?$/);
  return { ctx, page };
}

test('an inspector records a finding on a phone; the institution submits evidence; the town closes it', async () => {
  // The institution-zjj admin's open drawn inspection is the journey's task (the demo made it so).
  const desk = await h.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const c = await desk.newPage();
  await consoleLogin(c, h.baseUrl, 'institution-zjj');
  await c.waitForURL(/\/admin(\/)?$/);
  const institutionName = await c.evaluate(async () => {
    const res = await fetch('/api/v1/supervision/inspections?status=open&kind=draw');
    const body = (await res.json()) as { items: { institutionName: string; inspectorNames: string[] }[] };
    return body.items.find((i) => i.inspectorNames.some((n) => n.includes('刘老师')))?.institutionName ?? '';
  });
  assert.ok(institutionName, 'the demo holds the journey task');

  const a = await phoneAs('inspector');
  await a.page.goto(`${h.baseUrl}/admin/supervision/inspections`);
  const task = a.page
    .getByTestId('sv-inspection')
    .filter({ hasText: institutionName })
    .filter({ hasText: '刘老师' });
  await task.waitFor();
  await shot(a.page, 'supervision-3-my-inspections-phone');
  await task.getByRole('button').click();
  await a.page.waitForURL(/\/admin\/supervision\/inspections\/[0-9a-f-]+$/);
  const url = a.page.url();
  const fire = a.page.getByTestId('sv-item-fire-01');
  await fire.getByText('发现问题').click();
  await fire.getByLabel('问题描述').fill(NOTE);
  // A photo of the finding, taken on the phone (input capture=environment): stored at once, shown small.
  await fire.getByRole('button', { name: '拍照/上传照片' }).waitFor();
  await fire
    .getByTestId('sv-photo-input-fire-01')
    .setInputFiles({ name: 'IMG_0001.png', mimeType: 'image/png', buffer: buildPng() });
  await a.page.getByText('照片已上传').waitFor();
  await fire.getByTestId('sv-photos-fire-01').locator('img').waitFor();
  await a.page.getByRole('button', { name: '其余均符合' }).click();
  await a.page.getByTestId('sv-save').click();
  await a.page.getByText(/结果已保存/).waitFor();
  await a.page.getByTestId('sv-sign').click();
  await a.page.getByText('已签字，等待其他检查人员签字').waitFor();
  const width = Number(await a.page.evaluate('document.documentElement.scrollWidth'));
  assert.ok(width <= 390, `the record page fits a 390 px phone (scrollWidth ${width})`);
  await shot(a.page, 'supervision-4-record-phone');
  await a.ctx.close();

  const b = await phoneAs('inspector2');
  await b.page.goto(url);
  await b.page.getByTestId('sv-sign').click();
  await b.page.getByText('全部签字完成，问题已生成整改事项').waitFor();
  await shot(b.page, 'supervision-5-signed-phone');
  await b.ctx.close();

  await c.goto(`${h.baseUrl}/admin`);
  await c.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '整改事项' }).click();
  const row = c.locator('tr', { hasText: NOTE });
  await row.getByTestId('sv-rect-submit_evidence').click();
  await c.getByLabel('整改说明').fill('杂物已清理，安全出口畅通，已安排每日巡查');
  await c
    .getByTestId('sv-rect-file-input')
    .setInputFiles({ name: '整改后.png', mimeType: 'image/png', buffer: buildPng() });
  await c.getByText('附件已上传').waitFor();
  await c.getByTestId('sv-rect-dialog-files').locator('img').waitFor();
  await c
    .getByRole('button', { name: '确 定' })
    .or(c.getByRole('button', { name: '确定' }))
    .click();
  await c.getByText('整改材料已提交').waitFor();
  await row.getByText('待核验').waitFor();
  await shot(c, 'supervision-6-evidence');
  await c.context().clearCookies();

  await consoleLogin(c, h.baseUrl, 'town-zhujiajiao');
  await c.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '整改事项' }).click();
  await c.getByText('待核验', { exact: true }).first().click();
  const townRow = c.locator('tr', { hasText: NOTE });
  await townRow
    .getByTestId('sv-rect-verify')
    .waitFor({ timeout: 10_000 })
    .catch(async (e) => {
      await shot(c, 'supervision-7-failed');
      throw e;
    });
  await townRow.locator('img').first().waitFor(); // the verifier sees the institution's photo
  await shot(c, 'supervision-7-to-verify');
  await townRow.getByTestId('sv-rect-verify').click();
  await c.getByText('已核验销项').waitFor();
  await townRow.waitFor({ state: 'detached', timeout: 10_000 }).catch(async (e) => {
    await shot(c, 'supervision-8-failed');
    throw e;
  });
  const closed = await c.evaluate(async (note) => {
    const res = await fetch('/api/v1/supervision/rectifications?status=closed');
    const body = (await res.json()) as { items: { note: string; status: string }[] };
    return body.items.find((i) => i.note === note)?.status;
  }, NOTE);
  assert.equal(closed, 'closed');
  await desk.close();
});
