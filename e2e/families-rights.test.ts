/**
 * Guardians' rights (issue 11) on a 390×844 phone and in the console: the demo `parent` opens 信息权利,
 * prepares the export (masked numbers; 打印 / 保存为 PDF and 下载 JSON), sends an empty correction (the
 * reason next to the field), then a real one; the officer of the family's town (朱家角) sees it with its
 * deadline and rejects it with a reason; the parent sees the outcome. axe runs on the portal page.
 * Screenshots under e2e/screenshots/families-rights-*.png.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { seriousViolations } from './axe.ts';
import { consoleLogin, DEMO_PASSWORD, type Harness, motionSettled, shot, startHarness } from './harness.ts';

const PHONE = { width: 390, height: 844 };
let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.stop();
});

test('phone: a parent exports the family and asks for a correction; the town officer rejects it with a reason', async () => {
  const context = await h.browser.newContext({
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    acceptDownloads: true,
  });
  await context.addInitScript(`localStorage.setItem('tuoyu.lang', 'zh-CN')`);
  const page = await context.newPage();
  const found: string[] = [];

  await page.goto(`${h.baseUrl}/family/rights`);
  await page.waitForURL(/\/login\?next=%2Ffamily%2Frights/);
  await page.getByLabel('用户名').fill('parent');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/family\/rights$/);
  await page.getByRole('heading', { name: '我的信息权利' }).waitFor();

  // The export: fetched on demand, printable, downloadable, numbers masked.
  await page.getByRole('button', { name: '生成导出' }).click();
  const doc = page.getByRole('article', { name: '家庭个人信息导出' });
  await doc.waitFor();
  const text = (await doc.textContent()) ?? '';
  assert.match(text, /310118\*{8}\d{3}[\dX]/);
  assert.doesNotMatch(text, /310118(19|20)\d{9}[\dX]/);
  assert.doesNotMatch(text, /1[3-9]\d{9}/);
  await page.getByRole('button', { name: '打印 / 保存为 PDF' }).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载 JSON' }).click(),
  ]);
  const json = JSON.parse(readFileSync((await download.path()) ?? '', 'utf8')) as {
    masked: boolean;
    family: { children: unknown[] };
  };
  assert.equal(json.masked, true);
  assert.equal(json.family.children.length, 2);
  await shot(page, 'families-rights-export');

  // An empty correction: the reasons next to the fields; then a real one.
  await page.getByRole('button', { name: '提交申请' }).click();
  await page.locator('#fp-r-field-err').waitFor();
  await page.getByLabel('需要更正的信息').selectOption('address');
  await page.getByRole('button', { name: '提交申请' }).click();
  await page.locator('#fp-r-text-err', { hasText: '请填写更正内容' }).waitFor();
  found.push(...(await seriousViolations(page, 'rights (errors)')));
  await page.getByLabel('更正内容（正确的信息）').fill('门牌号应为 18 号');
  await page.getByRole('button', { name: '提交申请' }).click();
  await page.getByRole('status').filter({ hasText: '已提交' }).waitFor();
  const mine = page.locator('section[aria-labelledby="fp-requests"] li').first();
  await mine.filter({ hasText: '办理中' }).waitFor();
  await shot(page, 'families-rights-sent');
  found.push(...(await seriousViolations(page, 'rights (sent)')));

  // The officer of 朱家角镇 handles it in the console.
  const officer = await h.browser.newPage({ viewport: { width: 1366, height: 900 } });
  await officer.addInitScript(`localStorage.setItem('tuoyu.lang', 'zh-CN')`);
  await consoleLogin(officer, h.baseUrl, 'town-zhujiajiao');
  await officer.waitForURL(/\/admin\/?$/);
  await officer.goto(`${h.baseUrl}/admin/families/requests`);
  const row = officer.locator('tr', { hasText: '门牌号应为 18 号' });
  await row.waitFor().catch(async (e) => {
    await shot(officer, 'families-rights-console-missing');
    throw e;
  });
  assert.match((await row.textContent()) ?? '', /待办理/);
  await shot(officer, 'families-rights-console');
  await row.getByRole('button', { name: '不予办理' }).click();
  await officer.getByRole('dialog').waitFor();
  await motionSettled(officer);
  await officer.getByLabel('理由（将告知家长）').fill('门牌号与出生登记一致，请到社区核实');
  await officer.getByRole('dialog').getByRole('button', { name: '不予办理' }).click();
  await officer
    .locator('tr', { hasText: '门牌号应为 18 号' })
    .filter({ hasText: '门牌号与出生登记一致' })
    .waitFor();
  await officer.close();

  await page.reload();
  await page
    .locator('section[aria-labelledby="fp-requests"] li')
    .filter({ hasText: '不予办理' })
    .filter({ hasText: '门牌号与出生登记一致' })
    .waitFor();
  await shot(page, 'families-rights-outcome');
  await context.close();
  assert.deepEqual(found, []);
});
