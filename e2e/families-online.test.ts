/**
 * Online guidance (issue 11): on a 390×844 phone the demo `parent` gives the online-resources consent,
 * opens 线上资源 (published resources for the children's ages, with links) and records "我已注册育之有道";
 * in the console the guidance staff of 朱家角 opens 线上资源与发放 (library, coverage by town) and
 * records a handbook distribution. Screenshots under e2e/screenshots/families-online-*.png.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { choose, consoleLogin, DEMO_PASSWORD, type Harness, shot, startHarness } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.stop();
});

test('phone: the parent sees resources for the children’s ages and records the 育之有道 registration', async () => {
  const context = await h.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  await context.addInitScript(`localStorage.setItem('tuoyu.lang', 'zh-CN')`);
  const page = await context.newPage();
  await page.goto(`${h.baseUrl}/family/online`);
  await page.waitForURL(/\/login/);
  await page.getByLabel('用户名').fill('parent');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/family\/online$/);
  await page.getByRole('heading', { name: '线上资源', level: 1 }).waitFor();
  // Without the consent the button is disabled and the page says why.
  await page.getByText('您尚未同意“线上育儿资源”用途').waitFor();
  assert.equal(await page.getByRole('button', { name: '我已注册育之有道' }).isDisabled(), true);
  // The parent gives the consent (as on 我的家庭), then records the registration.
  const mine = (await (await page.request.get(`${h.baseUrl}/api/v1/families/mine`)).json()) as {
    id: string;
    guardians: { id: string }[];
  };
  const given = await page.request.post(`${h.baseUrl}/api/v1/families/${mine.id}/consents`, {
    data: {
      guardianId: mine.guardians[0]!.id,
      purpose: 'online_resources',
      noticeVersion: 'v1',
      channel: 'online',
    },
  });
  assert.equal(given.status(), 200, await given.text());
  await page.reload();
  await page.getByTestId('online-resource').first().waitFor();
  assert.ok((await page.getByTestId('online-resource').count()) > 0);
  const href = await page.getByTestId('online-resource').first().getByRole('link').getAttribute('href');
  assert.match(href ?? '', /^https:\/\//);
  await page.getByRole('button', { name: '我已注册育之有道' }).click();
  await page.getByRole('status').filter({ hasText: '已登记' }).waitFor();
  await page.getByTestId('online-registration').filter({ hasText: '育之有道' }).waitFor();
  await shot(page, 'families-online-portal');
  await context.close();
});

test('console: guidance staff see the library and coverage, and record a handbook distribution', async () => {
  const context = await h.browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(`localStorage.setItem('tuoyu.lang', 'zh-CN')`);
  const page = await context.newPage();
  await consoleLogin(page, h.baseUrl, 'guidance');
  await page.waitForURL(/\/admin\/?$/);
  await page.goto(`${h.baseUrl}/admin/families/online`);
  await page.getByRole('heading', { name: '线上资源与发放', level: 1 }).waitFor();
  await page.getByRole('table', { name: '线上覆盖（按街镇）' }).getByText('朱家角镇').first().waitFor();
  const before = await page.getByRole('table', { name: '手册与资源包发放记录' }).locator('tbody tr').count();
  await page.getByRole('button', { name: '登记发放' }).click();
  const dialog = page.getByRole('dialog', { name: '登记发放' });
  await choose(page, dialog, '家庭');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText('已保存').waitFor();
  await dialog.waitFor({ state: 'hidden' });
  const after = await page.getByRole('table', { name: '手册与资源包发放记录' }).locator('tbody tr').count();
  assert.ok(after >= before);
  await shot(page, 'families-online-console');
  await context.close();
});
