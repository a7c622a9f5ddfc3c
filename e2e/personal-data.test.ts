/** Journey: the director's ID number is masked on the detail page; 查看 asks for a purpose and shows it. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { consoleLogin, type Harness, motionSettled, shot, startHarness } from './harness.ts';

let h: Harness;

/** Waits until the profile (the page's first Descriptions) is laid out in `n` columns. */
async function profileColumns(page: Page, n: number) {
  await page.waitForFunction((want) => {
    const doc = (
      globalThis as unknown as {
        document: { querySelector(s: string): { children: { length: number } } | null };
      }
    ).document;
    return doc.querySelector('.ant-descriptions-row')?.children.length === want;
  }, n);
}
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.stop();
});

test('district officer reveals the director ID number with a purpose', async () => {
  const page = await h.browser.newPage({ viewport: { width: 1366, height: 900 } });
  await consoleLogin(page, h.baseUrl, 'district');
  await page.getByRole('button', { name: '退出登录' }).waitFor();
  const list = await (
    await page.request.get(`${h.baseUrl}/api/v1/institutions?q=小海豚托育园&pageSize=5`)
  ).json();
  const id = list.items[0].id as string;
  await page.goto(`${h.baseUrl}/admin/institutions/${id}`);
  const value = page.getByTestId('reveal-directorIdNumber');
  await value.waitFor();
  assert.match((await value.textContent()) ?? '', /^310118\*{8}\d{3}[\dX]$/);
  assert.match((await page.getByTestId('reveal-directorMobile').textContent()) ?? '', /^1\d{2}\*{4}\d{4}$/);
  await page
    .getByRole('button', { name: /^查\s?看$/ })
    .first()
    .click();
  await page.getByRole('dialog').waitFor();
  await motionSettled(page);
  // Without a purpose nothing is asked of the server.
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /^查\s?看$/ })
    .click();
  await page.getByText(/请说明用途/).waitFor();
  await shot(page, 'reveal-purpose');
  await page.getByLabel('查看用途').fill('核对备案材料中的负责人身份');
  // A narrower window lays the profile out in two columns instead of three, which mounts its items
  // afresh: the dialog, what was typed in it and, later, the revealed value stay (RevealScope).
  await page.setViewportSize({ width: 900, height: 900 });
  await profileColumns(page, 2);
  assert.equal(await page.getByRole('dialog').isVisible(), true, 'the dialog stays open across a resize');
  assert.equal(await page.getByLabel('查看用途').inputValue(), '核对备案材料中的负责人身份');
  await page.setViewportSize({ width: 1366, height: 900 });
  await profileColumns(page, 3);
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /^查\s?看$/ })
    .click();
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
  assert.match((await value.textContent()) ?? '', /^310118\d{11}[\dX]$/);
  await page.setViewportSize({ width: 900, height: 900 });
  await profileColumns(page, 2);
  assert.match((await value.textContent()) ?? '', /^310118\d{11}[\dX]$/, 'still shown after a resize');
  await page.setViewportSize({ width: 1366, height: 900 });
  await profileColumns(page, 3);
  await shot(page, 'reveal-shown');
  await page.close();
});
