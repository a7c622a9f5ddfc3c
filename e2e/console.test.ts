/** Journey: the console in Chinese and English, and the lockout message. */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { consoleLogin, type Harness, motionSettled, SHOTS, shot, startHarness } from './harness.ts';

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

const CJK = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;

test('the review pages in English: queue, detail and the opinion dialog (screenshots)', async () => {
  const page = await h.browser.newPage({ viewport: { width: 1440, height: 900 } });
  await consoleLogin(page, h.baseUrl, 'district');
  await page.getByRole('button', { name: '退出登录' }).waitFor();
  await page.getByLabel('语言').first().selectOption('en');
  await page.getByRole('button', { name: 'Log out' }).waitFor();
  await page
    .getByRole('navigation', { name: 'Navigation' })
    .getByRole('link', { name: 'Filing review' })
    .click();
  await page.waitForURL(/\/admin\/institutions\/review$/);
  await page.getByRole('heading', { name: 'Filing review' }).waitFor();
  await page.locator('.ant-table-row').first().waitFor();
  // Headers, the waited days and the pager are English; only names and places in the data are Chinese.
  const head = (await page.locator('.ant-table-thead').textContent()) ?? '';
  assert.doesNotMatch(head, CJK, `queue header: ${head}`);
  const waited =
    (await page.locator('.ant-table-row').first().locator('.ant-tag').first().textContent()) ?? '';
  assert.doesNotMatch(waited, CJK, `waited: ${waited}`);
  assert.doesNotMatch((await page.locator('.ant-pagination').textContent()) ?? '', CJK);
  await shot(page, 'review-1-queue-en');
  await page.locator('.ant-table-row').first().getByRole('link', { name: 'Review' }).click();
  await page.waitForURL(/\/admin\/institutions\/[0-9a-f-]{36}$/);
  await page.getByTestId('inst-status').waitFor();
  assert.equal(await page.getByTestId('inst-status').textContent(), 'Filing under review');
  await shot(page, 'review-2-detail-en');
  await page.getByRole('button', { name: 'Approve filing' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('review-materials').waitFor();
  // The opinion's field is there before OK is pressed (a full local run once timed out waiting for the
  // required-opinion message below; it passed alone and in CI, cause not found).
  await dialog.getByRole('textbox').waitFor();
  await motionSettled(page);
  await dialog.getByRole('button', { name: 'OK' }).click();
  await dialog.locator('.ant-form-item-explain-error').first().waitFor();
  const error = (await dialog.locator('.ant-form-item-explain-error').first().textContent()) ?? '';
  assert.doesNotMatch(error, CJK, `required message: ${error}`);
  const labels = (await dialog.locator('label, .ant-modal-title, .ant-btn').allTextContents()).join(' | ');
  assert.doesNotMatch(labels, CJK, `dialog labels: ${labels}`);
  await shot(page, 'review-3-dialog-en');
  await page.close();
});

test('编辑班级 opens the form at the classes, not cut off, on a small screen', async () => {
  for (const viewport of [
    { width: 1024, height: 600 },
    { width: 390, height: 700 },
  ]) {
    const page = await h.browser.newPage({ viewport, isMobile: viewport.width < 500 });
    await consoleLogin(page, h.baseUrl, 'institution');
    await page.getByTestId('dashboard-role').waitFor();
    await page.goto(`${h.baseUrl}/admin/institutions`);
    await page.locator('.ant-table-row a').first().click();
    await page.waitForURL(/\/admin\/institutions\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: '编辑班级' }).click();
    await page.waitForURL(/\/edit#classes$/);
    const card = page.locator('#classes');
    await card.waitFor();
    await page.waitForTimeout(400); // the scroll happens after layout
    const title = await card.locator('.ant-card-head').boundingBox();
    assert.ok(title, 'classes card title');
    // The card's title is on screen and not under the console's header.
    const header = await page.locator('header').first().boundingBox();
    const headerBottom = header && header.y + header.height > 0 ? header.y + header.height : 0;
    assert.ok(
      title.y >= headerBottom - 1 && title.y + title.height <= viewport.height,
      `${viewport.width}×${viewport.height}: classes title at ${title.y} (header ends at ${headerBottom})`,
    );
    // What the user sees on arrival (the viewport, not the full page).
    await page.screenshot({
      path: path.join(SHOTS, `classes-edit-${viewport.width}x${viewport.height}.png`),
    });
    // Every field of the first class can be reached and the save button below the classes is reachable.
    const save = page.getByRole('button', { name: '保存' }).last();
    await save.scrollIntoViewIfNeeded();
    const box = await save.boundingBox();
    assert.ok(
      box && box.y >= 0 && box.y + box.height <= viewport.height,
      `save button visible: ${JSON.stringify(box)}`,
    );
    const width = await page.locator('html').evaluate((el) => el.scrollWidth);
    assert.ok(width <= viewport.width, `no horizontal overflow at ${viewport.width} px (${width})`);
    await page.close();
  }
});

test('the auditor picks an account, and exports what the filters show (audited)', async () => {
  // Someone to find in the trail: the district officer logs in.
  const other = await h.browser.newPage({ viewport: { width: 1366, height: 860 } });
  await consoleLogin(other, h.baseUrl, 'district');
  await other.getByRole('button', { name: '退出登录' }).waitFor();
  const me = (await (await other.request.get(`${h.baseUrl}/api/v1/auth/me`)).json()) as {
    id: string;
    displayName: string;
  };
  await other.close();

  const page = await h.browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  await consoleLogin(page, h.baseUrl, 'auditor');
  await page.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '审计日志' }).click();
  await page.waitForURL(/\/admin\/audit$/);
  await page.locator('.ant-table-row').first().waitFor();
  // The picker lists accounts by name and role (the auditor cannot read /users).
  await page.getByLabel('操作人', { exact: true }).click();
  await page.keyboard.type(me.displayName);
  // The filtered page arrives after the URL changes; wait for that response (a load state was
  // already reached before the pick, so waiting for one raced the fetch on a loaded machine).
  const filtered = page.waitForResponse(
    (r) => r.url().includes('/api/v1/audit?') && r.url().includes(`actorId=${me.id}`) && r.ok(),
  );
  await page.locator('.ant-select-item-option', { hasText: `${me.displayName}（区级管理员）` }).click();
  await page.waitForURL(new RegExp(`actorId=${me.id}`));
  await filtered;
  // Rows re-render a moment after the response: poll until only the picked account is listed.
  for (let i = 0; i < 50; i++) {
    const shown = await page.locator('.ant-table-row td:nth-child(3)').allTextContents();
    if (shown.length > 0 && shown.every((a) => a === me.displayName)) break;
    await page.waitForTimeout(200);
  }
  const actors = await page.locator('.ant-table-row td:nth-child(3)').allTextContents();
  assert.ok(actors.length > 0);
  assert.deepEqual([...new Set(actors)], [me.displayName]);
  await shot(page, 'audit-actor-picked');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('audit-export-csv').click(),
  ]);
  assert.match(download.suggestedFilename(), /^audit-\d{8}\.csv$/);
  const file = await download.path();
  const { readFileSync } = await import('node:fs');
  const csv = readFileSync(file, 'utf8');
  const lines = csv.trim().split(/\r\n/);
  assert.match(lines[0] ?? '', /操作人 Actor/);
  assert.ok(lines.length - 1 >= actors.length, `${lines.length - 1} rows exported, ${actors.length} shown`);
  assert.ok(lines.slice(1).every((l) => l.includes(me.displayName)));
  // The export itself is in the trail.
  await page.goto(`${h.baseUrl}/admin/audit?action=audit.export`);
  await page.locator('.ant-table-row', { hasText: '导出审计日志' }).first().waitFor();
  await page.close();
});
