/** Journey: the console in Chinese and English, and the lockout message. */
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

test('district officer logs in, sees Chinese, switches to English, logs out', async () => {
  const page = await h.browser.newPage({ viewport: { width: 1366, height: 860 } });
  await consoleLogin(page, h.baseUrl, 'district');
  await page.getByText('青浦区').first().waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  await page.getByRole('button', { name: '退出登录' }).waitFor();
  await shot(page, 'console-zh');
  await page.getByLabel('语言').first().selectOption('en');
  await page.getByRole('button', { name: 'Log out' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await page.getByText('Qingpu District').first().waitFor();
  await shot(page, 'console-en');
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.waitForURL(/\/admin\/login/);
  const me = await page.request.get(`${h.baseUrl}/api/v1/auth/me`);
  assert.equal(me.status(), 401);
  await page.close();
});

test('five wrong passwords show the locked message', async () => {
  const page = await h.browser.newPage({ viewport: { width: 1366, height: 860 } });
  for (let i = 0; i < 5; i++) {
    await consoleLogin(page, h.baseUrl, 'inspector', `Wrong-Password-${i}`);
    await page.getByRole('alert').first().waitFor();
  }
  await page
    .getByText(/已锁定|locked/)
    .first()
    .waitFor();
  await shot(page, 'login-locked');
  await page.close();
});

test('the home page is each role’s dashboard: district, town, institution', async () => {
  const cases: [string, (page: import('playwright-core').Page) => Promise<void>][] = [
    [
      'district',
      async (page) => {
        await page.getByTestId('dashboard-filingsOverdue').waitFor();
        await page
          .getByRole('img', { name: /^机构按街镇:/ })
          .locator('svg')
          .waitFor();
        await page
          .getByRole('img', { name: /^机构按状态:/ })
          .locator('svg')
          .waitFor();
      },
    ],
    [
      'town-zhujiajiao',
      async (page) => {
        await page.getByTestId('dashboard-filingsWaiting').waitFor();
        await page
          .getByRole('img', { name: /^机构按类型:/ })
          .locator('svg')
          .waitFor();
        assert.equal(await page.getByRole('img', { name: /^机构按街镇:/ }).count(), 0);
      },
    ],
    [
      'institution',
      async (page) => {
        await page.getByTestId('dashboard-status').waitFor();
        await page.getByRole('heading', { name: '待办事项' }).waitFor();
        assert.equal(await page.getByTestId('dashboard-filingsOverdue').count(), 0);
      },
    ],
  ];
  for (const [user, check] of cases) {
    const page = await h.browser.newPage({ viewport: { width: 1366, height: 860 } });
    await consoleLogin(page, h.baseUrl, user);
    await page.getByTestId('dashboard-role').waitFor();
    await check(page);
    // The numbers are also there as a table for screen readers.
    if (user !== 'institution') assert.ok((await page.locator('table.sr-only').count()) > 0);
    await shot(page, `dashboard-${user}`);
    if (user === 'district') {
      await page.getByLabel('语言').first().selectOption('en');
      await page
        .getByRole('img', { name: /^Institutions by town:/ })
        .locator('svg')
        .waitFor();
      await shot(page, 'dashboard-district-en');
    }
    await page.close();
  }
});
