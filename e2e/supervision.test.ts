/**
 * Journey: verifiable double-random draws (issue 10). The demo `district` officer opens 双随机抽查 and
 * runs this month's committed plan (its commitment was published before); on a 390 px phone the public
 * draw page shows the commitment, both pools' hashes, the revealed secret and the result, and its
 * "verify" button recomputes the draw in the browser and says it matches (time reported).
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
  await shot(p, 'supervision-2-public-verified');
  await phone.close();
});
