/**
 * Journey: the portal, the console and the API docs load under the Content-Security-Policy with zero
 * violations (reported by `securitypolicyviolation` events and by the browser console), and the
 * security headers are on the pages. MAP_TILE_URL points at another host so that img-src is exercised.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { consoleLogin, type Harness, shot, startHarness } from './harness.ts';

let h: Harness;
before(async () => {
  // Tiles from a host other than the app's own (nothing listens there: a failed load is no violation).
  process.env.MAP_TILE_URL = 'http://localhost:9/{z}/{x}/{y}.png';
  h = await startHarness();
});
after(async () => {
  await h?.stop();
  delete process.env.MAP_TILE_URL;
});

/** A page that records every CSP violation, from the DOM event and from the console. */
async function watchedPage(): Promise<{ page: Page; violations: string[] }> {
  const page = await h.browser.newPage({ viewport: { width: 1366, height: 860 } });
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(msg.text())) violations.push(msg.text());
  });
  await page.exposeFunction('__cspViolation', (v: string) => violations.push(v));
  // A string: the e2e tsconfig has no DOM types. Init scripts run outside the page's CSP.
  await page.addInitScript(`document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolation(e.violatedDirective + ' blocked ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber);
  });`);
  return { page, violations };
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
}

test('portal pages load with zero CSP violations and carry the security headers', async () => {
  const { page, violations } = await watchedPage();
  const res = await page.goto(`${h.baseUrl}/`);
  const headers = res!.headers();
  assert.match(headers['content-security-policy'] ?? '', /frame-ancestors 'none'/);
  assert.match(headers['content-security-policy'] ?? '', /img-src [^;]*http:\/\/localhost:9/);
  assert.equal(headers['x-content-type-options'], 'nosniff');
  assert.equal(headers['referrer-policy'], 'same-origin');
  await settle(page);
  await page.goto(`${h.baseUrl}/institutions`);
  await page.locator('a[href^="/institutions/"]').first().waitFor();
  // The map (Leaflet: inline style attributes, tiles from MAP_TILE_URL's host).
  await page.getByText('地图', { exact: true }).first().click();
  await page.locator('.leaflet-container').first().waitFor();
  await settle(page);
  await shot(page, 'csp-portal-map');
  await page.getByText('列表', { exact: true }).first().click();
  await page.locator('a[href^="/institutions/"]').first().click();
  await page.getByText('基本信息').first().waitFor();
  await shot(page, 'csp-portal');
  assert.deepEqual(violations, []);
  await page.close();
});

test('console pages load with zero CSP violations', async () => {
  const { page, violations } = await watchedPage();
  await consoleLogin(page, h.baseUrl, 'district');
  await page.getByRole('button', { name: '退出登录' }).waitFor();
  for (const path of ['/admin/institutions', '/admin/institutions/review']) {
    await page.goto(`${h.baseUrl}${path}`);
    await settle(page);
  }
  await shot(page, 'csp-console');
  assert.deepEqual(violations, []);
  await page.close();
});

test('the API docs (Swagger UI) load with zero CSP violations', async () => {
  const { page, violations } = await watchedPage();
  await page.goto(`${h.baseUrl}/api/docs`);
  await page.locator('.swagger-ui .info').first().waitFor();
  await settle(page);
  await shot(page, 'csp-api-docs');
  assert.deepEqual(violations, []);
  await page.close();
});
