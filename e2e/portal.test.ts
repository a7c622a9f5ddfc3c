/**
 * Journeys on the public portal at 390×844 (a phone): keyword search with the first result above the
 * fold, the 筛选 panel and its count, 按名称 in pinyin order, the tile-less map with clusters and
 * popups; zh-CN and English screenshots under e2e/screenshots/portal-*.png.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type Harness, shot, startHarness } from './harness.ts';

const PHONE = { width: 390, height: 844 };
let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.stop();
});

async function phone(browser: Browser, lang: 'zh-CN' | 'en'): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  await context.addInitScript(`localStorage.setItem('tuoyu.lang', ${JSON.stringify(lang)})`);
  return context.newPage();
}

/** The first result card is wholly on the first screen (no scrolling). */
async function firstCardAboveFold(page: Page) {
  const card = page.locator('.pub-results li').first();
  await card.waitFor();
  const box = await card.locator('h2').boundingBox();
  assert.ok(box, 'first result has a box');
  assert.ok(box.y >= 0 && box.y + box.height <= PHONE.height, `first result at y=${box.y}`);
  assert.equal(await page.evaluate('window.scrollY'), 0);
}

test('phone: the keyword box comes first, finds by name and address, first result above the fold', async () => {
  const page = await phone(h.browser, 'zh-CN');
  await page.goto(`${h.baseUrl}/institutions`);
  const keyword = page.getByRole('searchbox', { name: '搜索机构名称或地址' });
  await keyword.waitFor();
  // The keyword is the first form control of the page's content.
  const first = await page.evaluate(
    `document.querySelector('main input, main select, main button')?.getAttribute('type') ?? ''`,
  );
  assert.equal(first, 'search');
  // The other filters are collapsed behind 筛选.
  assert.equal(await page.getByLabel('街镇').isVisible(), false);
  await firstCardAboveFold(page);
  await shot(page, 'portal-phone-zh');

  await keyword.fill('白鹤');
  await page.waitForURL(/q=%E7%99%BD%E9%B9%A4/);
  await page.locator('.pub-results li h2', { hasNotText: '白鹤' }).first().waitFor({ state: 'detached' });
  const names = await page.locator('.pub-results li h2').allTextContents();
  assert.ok(names.length > 0 && names.every((n) => n.includes('白鹤')), names.join(' / '));
  await firstCardAboveFold(page);

  // Open 筛选, choose a kind: the button counts one active filter, the keyword stays.
  const toggle = page.getByRole('button', { name: /^筛选/ });
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await page.getByLabel('类型').selectOption('family_point');
  await page.getByRole('img', { name: '已设置 1 项筛选' }).waitFor();
  await page.waitForURL(/kind=family_point/);
  assert.match(page.url(), /q=/);
  await shot(page, 'portal-phone-zh-filters');
  await page.context().close();
});

test('按名称 sorts by pinyin: 白鹤 before 朱家角', async () => {
  const page = await phone(h.browser, 'zh-CN');
  await page.goto(`${h.baseUrl}/institutions?sort=name`);
  await page.locator('.pub-results li h2').first().waitFor();
  const first = (await page.locator('.pub-results li h2').first().textContent()) ?? '';
  assert.ok(first.startsWith('青浦区白鹤'), first);
  const all = await (
    await page.request.get(`${h.baseUrl}/api/v1/public/institutions?sort=name&pageSize=100`)
  ).json();
  const names = (all.items as { name: string }[]).map((i) => i.name);
  const baihe = names.findIndex((n) => n.startsWith('青浦区白鹤'));
  const zhujiajiao = names.findIndex((n) => n.startsWith('青浦区朱家角'));
  assert.ok(baihe === 0 && zhujiajiao > baihe, `白鹤 at ${baihe}, 朱家角 at ${zhujiajiao}`);
  await page.context().close();
});

test('the map without tiles: approximate town areas, clusters, popups with details and a link', async () => {
  const page = await phone(h.browser, 'zh-CN');
  await page.goto(`${h.baseUrl}/institutions?view=map&from=310118102`);
  const map = page.getByRole('region', { name: /地图/ });
  await map.waitFor();
  const clusters = page.locator('.map-cluster');
  await clusters.first().waitFor();
  assert.ok((await clusters.count()) > 1, 'several clusters');
  assert.match((await clusters.first().locator('span').getAttribute('aria-label')) ?? '', /^\d+ 家机构/);
  await page.getByText('未配置在线底图').waitFor();
  await shot(page, 'portal-phone-zh-map');
  // Zoom in through clusters until single institutions show, then open one's popup.
  const single = page.locator('.leaflet-points-pane path.leaflet-interactive');
  for (let i = 0; i < 6 && (await single.count()) === 0; i++) {
    await clusters.first().click();
    await page.waitForTimeout(600); // Leaflet's zoom animation; not an assertion on time
  }
  assert.ok((await single.count()) > 0, 'single markers after zooming');
  // The marker's own click event: a mouse click at its centre can land on a cluster icon drawn over it.
  await single.first().dispatchEvent('click');
  const popup = page.locator('.map-popup');
  await popup.waitFor();
  const text = (await popup.textContent()) ?? '';
  assert.match(text, /托额 \d+ 个/);
  assert.match(text, /距离 [\d.]+ 公里/);
  assert.match(text, /普惠|非普惠/);
  await shot(page, 'portal-phone-zh-map-popup');
  await popup.locator('a').click();
  await page.waitForURL(/\/institutions\/[0-9a-f-]{36}$/);
  await page.context().close();
});

test('English on a phone: the distance select is whole, the home cards are links', async () => {
  const page = await phone(h.browser, 'en');
  await page.goto(h.baseUrl);
  const cards = page.locator('.portal-offers li');
  await cards.first().waitFor();
  const n = await cards.count();
  assert.ok(n > 0);
  for (let i = 0; i < n; i++) assert.equal(await cards.nth(i).locator('h3 a').count(), 1);
  await shot(page, 'portal-phone-en-home');
  await page.goto(`${h.baseUrl}/institutions?from=310118102`);
  await page.getByRole('searchbox', { name: 'Search by name or address' }).waitFor();
  await firstCardAboveFold(page);
  await shot(page, 'portal-phone-en');
  await page.getByRole('button', { name: /^Filters/ }).click();
  const from = page.getByLabel('Distance from');
  await from.waitFor();
  const box = await from.boundingBox();
  assert.ok(box && box.x >= 0 && box.x + box.width <= PHONE.width && box.width > 300, JSON.stringify(box));
  // Runs in the page (a string: the e2e files are compiled without the DOM library).
  const fits = await page.evaluate(`(() => {
    const s = document.querySelector('.pub-wide select');
    const probe = document.createElement('span');
    probe.style.font = getComputedStyle(s).font;
    probe.textContent = s.options[s.selectedIndex].text;
    document.body.append(probe);
    const w = probe.getBoundingClientRect().width;
    probe.remove();
    return [w, s.clientWidth];
  })()`);
  assert.ok(Array.isArray(fits) && fits[0] > 50, JSON.stringify(fits));
  const [textWidth, selectWidth] = fits as [number, number];

  assert.ok(textWidth + 40 <= selectWidth, `"… centre" is ${textWidth}px in a ${selectWidth}px select`);
  await shot(page, 'portal-phone-en-filters');
  await page.goto(`${h.baseUrl}/institutions?view=map&from=310118102`);
  await page.locator('.map-cluster').first().waitFor();
  await shot(page, 'portal-phone-en-map');
  await page.context().close();
});
