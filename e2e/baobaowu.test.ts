/**
 * 宝宝屋 journey (issue 17): the 朱家角 town officer publishes two slots of a 宝宝屋 site; the demo parent
 * books both on the portal (phone) for the child with the most free hours left and sees the free hours
 * left fall with each booking; the town officer opens 社区宝宝屋 in the console, picks the site, expands
 * the slot and sees the child booked (name masked, age, free hours); the parent cancels one booking and
 * the free hours come back. Screenshots under e2e/screenshots/baobaowu-*.png.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe.ts';
import {
  apiAs,
  chinaDate,
  choose,
  consoleLogin,
  DEMO_PASSWORD,
  type Harness,
  SHOTS,
  shot,
  startHarness,
  tablesSettled,
} from './harness.ts';

const PHONE = { width: 390, height: 844 };
let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.stop();
});

/** The phone's viewport with `target` in it (the list of slots and bookings is long). */
async function snap(page: Page, target: ReturnType<Page['getByTestId']>, name: string) {
  await target.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

interface Bk {
  childId: string;
  status: string;
  baobaowu: { year: number; freeHoursLeft: number } | null;
}

test('a parent books 宝宝屋 slots, the town officer sees the child on the site list, a cancellation gives the hours back', async () => {
  // — the town officer publishes two slots of a site of the town (2 h and 1 h, at hours the demo never uses) —
  const town = await apiAs(h, 'town-zhujiajiao');
  const sites = (await (
    await town.request.get(`${h.baseUrl}/api/v1/families/facilities?kind=baobaowu&page=1&pageSize=100`)
  ).json()) as { items: { id: string; name: string; closedYear: number | null }[] };
  const site = sites.items.find((s) => s.closedYear === null);
  assert.ok(site, 'the town has an open 宝宝屋');
  const date = chinaDate(4);
  const year = Number(date.slice(0, 4));
  for (const [startTime, endTime] of [
    ['15:00', '17:00'],
    ['17:00', '18:00'],
  ]) {
    const res: { status(): number; text(): Promise<string> } = await town.request.post(
      `${h.baseUrl}/api/v1/families/facilities/${site.id}/slots`,
      {
        data: { date, startTime, endTime, capacity: 3, cancelHoursBefore: 2 },
      },
    );
    assert.equal(res.status(), 201, await res.text());
  }
  await town.close();

  // — the child with the most free hours left in the slots' year (12 where it has no booking yet) —
  const parentApi = await apiAs(h, 'parent');
  const mine = (await (await parentApi.request.get(`${h.baseUrl}/api/v1/families/mine`)).json()) as {
    children: { id: string; name: string }[];
  };
  const booked = (await (await parentApi.request.get(`${h.baseUrl}/api/v1/families/bookings`)).json()) as {
    items: Bk[];
  };
  await parentApi.close();
  const leftOf = (childId: string) =>
    booked.items.find((b) => b.childId === childId && b.baobaowu?.year === year)?.baobaowu?.freeHoursLeft ??
    12;
  const child = [...mine.children].sort((a, b) => leftOf(b.id) - leftOf(a.id))[0]!;
  const left0 = leftOf(child.id);
  assert.ok(left0 >= 3, `the child has ${left0} free hours left`);

  // — the parent books both on the portal —
  const context = await h.browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  await context.addInitScript(`localStorage.setItem('tuoyu.lang', 'zh-CN')`);
  const page = await context.newPage();
  await page.goto(`${h.baseUrl}/login`);
  await page.getByLabel('用户名').fill('parent');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/family$/);
  await page.getByRole('link', { name: '计时托' }).click();
  await page.waitForURL(/\/family\/hourly$/);
  // (the 我的家庭 page has a section labelled 婴幼儿 too, still shown while the hourly page loads)
  await page.locator('select#fp-hourly-child').selectOption(child.id);
  // the list shows 50 slots of the district from a date: start at the slots' date
  await page.locator('input#fp-hourly-from').fill(date);
  const slotA = page.getByTestId('slot').filter({ hasText: `${date} 15:00–17:00` });
  const slotB = page.getByTestId('slot').filter({ hasText: `${date} 17:00–18:00` });
  await slotA.waitFor();
  assert.match((await slotA.textContent()) ?? '', /社区宝宝屋/);
  // before booking, the page says how many free hours the child has left this year
  const thisYear = Number(chinaDate(0).slice(0, 4));
  const freeLeft = page.getByTestId('baobaowu-free-left');
  if (year === thisYear) await freeLeft.filter({ hasText: `还剩 ${left0} 小时` }).waitFor();
  await slotA.getByRole('button', { name: /^预约/ }).click();
  await page.getByRole('status').filter({ hasText: '预约成功' }).waitFor();
  const bookingA = page.getByTestId('booking').filter({ hasText: `${date} 15:00` });
  const bookingB = page.getByTestId('booking').filter({ hasText: `${date} 17:00` });
  await bookingA
    .getByTestId('baobaowu-hours')
    .filter({ hasText: `还剩免费 ${left0 - 2} 小时` })
    .waitFor();
  assert.match((await bookingA.textContent()) ?? '', /本次免费 2 小时/);
  if (year === thisYear) await freeLeft.filter({ hasText: `还剩 ${left0 - 2} 小时` }).waitFor();
  await slotB.getByRole('button', { name: /^预约/ }).click();
  await bookingB.waitFor();
  // every booking of the year shows the same free hours left, now one fewer
  await bookingA
    .getByTestId('baobaowu-hours')
    .filter({ hasText: `还剩免费 ${left0 - 3} 小时` })
    .waitFor();
  await snap(page, bookingA, 'baobaowu-parent-booked');
  const portalFound = await seriousViolations(page, 'hourly (宝宝屋 booked)');
  assert.deepEqual(portalFound, [], portalFound.join('\n'));

  // — the town officer sees the child on the site's list —
  const officer = await (await h.browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  await consoleLogin(officer, h.baseUrl, 'town-zhujiajiao');
  await officer.getByRole('button', { name: /退出登录/ }).waitFor();
  await officer.goto(`${h.baseUrl}/admin/families/baobaowu`);
  await officer.getByRole('heading', { name: '社区托育“宝宝屋”' }).waitFor();
  const card = officer.locator('.ant-card').filter({ hasText: '宝宝屋时段与预约' });
  await choose(officer, card as unknown as ReturnType<Page['getByRole']>, '选择宝宝屋', site.name);
  await tablesSettled(officer);
  const row = card.locator('tr.ant-table-row').filter({ hasText: `${date} 15:00–17:00` });
  // the slots run from 1 January; the table opens on the page of today's slots, where the new one is
  await row.waitFor();
  assert.match((await row.textContent()) ?? '', /1\/3/);
  await row.getByRole('button', { name: /展开/ }).click();
  const list = card
    .locator('tr.ant-table-expanded-row')
    .filter({ hasText: `${date} 15:00–17:00 的预约幼儿` });
  const kid = list.locator('tr.ant-table-row').first();
  await kid.waitFor();
  const text = (await kid.textContent()) ?? '';
  const masked = `${[...child.name][0]}${'*'.repeat([...child.name].length - 1)}`;
  assert.ok(text.includes(masked), `${text} shows ${masked}`);
  assert.ok(!text.includes(child.name), 'the name is masked');
  assert.match(text, /\d+ 个月/);
  assert.match(text, /已预约/);
  await shot(officer, 'baobaowu-officer-site-list');
  const found = await seriousViolations(officer, 'site list (slot expanded)');
  assert.deepEqual(found, [], found.join('\n'));
  await officer.context().close();

  // — the parent cancels the 1-hour booking: the hour comes back —
  await bookingB.getByRole('button', { name: /^取消预约/ }).click();
  await page
    .getByRole('status')
    .filter({ hasText: '已取消预约' })
    .waitFor()
    .catch(async (e) => {
      await page.screenshot({ path: path.join(SHOTS, 'baobaowu-debug.png') });
      throw e;
    });
  await bookingB.waitFor({ state: 'detached' });
  await bookingA
    .getByTestId('baobaowu-hours')
    .filter({ hasText: `还剩免费 ${left0 - 2} 小时` })
    .waitFor();
  await snap(page, bookingA, 'baobaowu-parent-cancelled');
  // and the booking of the 2-hour slot is cancelled too, leaving the demo as it was
  await bookingA.getByRole('button', { name: /^取消预约/ }).click();
  await bookingA.waitFor({ state: 'detached' });
  await context.close();
});
