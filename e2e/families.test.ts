/**
 * The parent journey (issue 11) on a 390×844 phone: the demo `parent` logs in on the portal's /login,
 * sees the family with masked ID numbers, applies for a place (three preferred institutions, full-day,
 * a start date — an empty form and a past date first, to see the reasons next to the fields), books an
 * hourly slot that its first-choice institution published, then cancels it; signs up for a guidance
 * session of the town or the district (the year's count "x / 6" shown), then cancels the sign-up. The
 * demo guidance staff opens 指导站与活动 in the console and records attendance of a held session.
 * axe runs on each page. Screenshots under e2e/screenshots/families-*.png.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe.ts';
import {
  apiAs,
  chinaDate,
  consoleLogin,
  DEMO_PASSWORD,
  type Harness,
  motionSettled,
  shot,
  startHarness,
} from './harness.ts';

const PHONE = { width: 390, height: 844 };
const PAST_TEXT = '入托日期不能早于今天';
let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.stop();
});

/**
 * An operating institution of the public registry publishes an hourly slot, as its console would:
 * the system admin creates its account, the security admin grants it, it sets its password and posts.
 */
async function publishSlot() {
  // An operating institution with full-day and hourly care that takes the older demo child's age.
  const pub = (await (
    await fetch(`${h.baseUrl}/api/v1/public/institutions?ageMonths=27&sort=name&pageSize=100`)
  ).json()) as { items: { id: string; status: string; serviceForms: string[] }[] };
  const institutionId = pub.items.find(
    (i) =>
      i.status === 'operating' && i.serviceForms.includes('full_day') && i.serviceForms.includes('hourly'),
  )?.id;
  assert.ok(institutionId, 'an operating institution offers full-day and hourly care for 27 months');
  const sys = await apiAs(h, 'sysadmin');
  const created = await sys.request.post(`${h.baseUrl}/api/v1/users`, {
    data: { username: 'hourly-admin', displayName: '计时托机构 管理员', password: 'Hourly-Start-2026!' },
  });
  assert.equal(created.status(), 201, await created.text());
  const user = (await created.json()) as { id: string; version: number };
  await sys.close();
  const sec = await apiAs(h, 'secadmin');
  const granted = await sec.request.put(`${h.baseUrl}/api/v1/users/${user.id}/grant`, {
    data: { version: user.version, role: 'institution_admin', scope: { kind: 'institution', institutionId } },
  });
  assert.equal(granted.status(), 200, await granted.text());
  await sec.close();
  const inst = await apiAs(h, 'hourly-admin', 'Hourly-Start-2026!');
  const changed = await inst.request.post(`${h.baseUrl}/api/v1/auth/password`, {
    data: { currentPassword: 'Hourly-Start-2026!', newPassword: 'Hourly-Own-Password-2026!' },
  });
  assert.ok(changed.ok(), await changed.text());
  await inst.close();
  // A password change ends the sessions: log in again with the new one.
  const own = await apiAs(h, 'hourly-admin', 'Hourly-Own-Password-2026!');
  const date = chinaDate(3);
  const res = await own.request.post(`${h.baseUrl}/api/v1/families/slots`, {
    // An hour the demo's slots (09:00, 14:00) never use, so the page shows exactly one such row.
    data: { date, startTime: '17:00', endTime: '18:30', capacity: 5, cancelHoursBefore: 2 },
  });
  assert.equal(res.status(), 201, await res.text());
  await own.close();
  return { date, institutionId };
}

/** A full-page screenshot from the top (the sticky header otherwise lands mid-page in the image). */
async function snap(page: Page, name: string) {
  await page.evaluate('window.scrollTo(0, 0)');
  await shot(page, name);
}

async function phone(lang: 'zh-CN' | 'en'): Promise<Page> {
  const context = await h.browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  await context.addInitScript(`localStorage.setItem('tuoyu.lang', ${JSON.stringify(lang)})`);
  return context.newPage();
}

test('phone: a parent logs in, applies for a place, books an hourly slot and cancels it', async () => {
  const { date: slotDate, institutionId } = await publishSlot();
  const page = await phone('zh-CN');
  const found: string[] = [];

  // Not logged in: the family pages send the parent to /login and back.
  await page.goto(`${h.baseUrl}/family`);
  await page.waitForURL(/\/login\?next=%2Ffamily/);
  await page.getByLabel('用户名').fill('parent');
  await page.getByLabel('密码').fill('wrong-password');
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('.fp-error').waitFor();
  await snap(page, 'families-login-error');
  found.push(...(await seriousViolations(page, 'parent login (error)')));
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/family$/);

  // 我的家庭: two children with masked IDs, consents with a withdraw button, the visit history.
  await page.getByRole('heading', { name: '婴幼儿' }).waitFor();
  const children = page.locator('section[aria-labelledby="fp-children"] li');
  assert.equal(await children.count(), 2);
  for (const text of await children.allTextContents()) assert.match(text, /310118\*{8}\d{3}[\dX]/);
  assert.doesNotMatch((await page.locator('main').textContent()) ?? '', /310118(19|20)\d{9}[\dX]/);
  assert.equal(await page.getByRole('button', { name: /^撤回同意/ }).count(), 2);
  await page.getByRole('heading', { name: '上门指导记录' }).waitFor();
  // Withdraw the guidance sign-up consent, then give it again.
  await page.getByRole('button', { name: '撤回同意 指导活动报名' }).click();
  await page.getByRole('status').filter({ hasText: '已撤回同意' }).waitFor();
  await page.getByRole('button', { name: '重新同意 指导活动报名' }).waitFor();
  assert.equal(await page.getByRole('button', { name: /^撤回同意/ }).count(), 1);
  await snap(page, 'families-phone-consent-withdrawn');
  await page.getByRole('button', { name: '重新同意 指导活动报名' }).click();
  await page.getByRole('status').filter({ hasText: '已重新同意' }).waitFor();
  assert.equal(await page.getByRole('button', { name: /^撤回同意/ }).count(), 2);
  await snap(page, 'families-phone-family');
  found.push(...(await seriousViolations(page, 'my family')));

  // 申请托位: an empty submit says what is missing next to the fields, a past date shows the API's reason
  // next to the date; then a real application.
  await page.getByRole('link', { name: '申请托位' }).click();
  await page.waitForURL(/\/family\/apply$/);
  await page.getByLabel('第 1 志愿机构').locator('option').nth(3).waitFor({ state: 'attached' });
  await page.getByRole('button', { name: '提交申请' }).click();
  await page.locator('#fp-preferences-error').waitFor();
  await page.locator('#fp-startDate-error').waitFor();
  await snap(page, 'families-phone-apply-errors');
  found.push(...(await seriousViolations(page, 'apply (errors)')));
  await page.getByLabel('第 1 志愿机构').selectOption(institutionId);
  for (const n of [2, 3]) {
    const select = page.getByLabel(`第 ${n} 志愿机构`);
    const value = await select.locator('option').nth(1).getAttribute('value');
    assert.ok(value);
    await select.selectOption(value);
  }
  // A start date in the past: the server's reason appears next to the date field.
  await page.getByLabel('希望入托日期').fill(chinaDate(-2));
  await page.getByRole('button', { name: '提交申请' }).click();
  await page.locator('#fp-startDate-error', { hasText: PAST_TEXT }).waitFor();
  assert.equal(await page.locator('#fp-preferences-error').count(), 0);
  await snap(page, 'families-phone-apply-api-error');
  await page.getByLabel('希望入托日期').fill(chinaDate(60));
  await page.getByRole('button', { name: '提交申请' }).click();
  await page.getByRole('status').filter({ hasText: '申请已提交' }).waitFor();
  const app = page.getByTestId('application').first();
  await app.waitFor();
  assert.match((await app.textContent()) ?? '', /已提交，等待处理/);
  assert.equal(await app.locator('ol li').count(), 3);
  await snap(page, 'families-phone-apply');

  // 计时托: book the slot the institution published, then cancel it before the deadline.
  await page.getByRole('link', { name: '计时托' }).click();
  await page.waitForURL(/\/family\/hourly$/);
  // The list shows 50 of the district's slots from a date (four weekdays of demo slots are more than
  // 50): start at the slot's date, as a parent looking for that day would.
  await page.locator('input#fp-hourly-from').fill(slotDate);
  const slot = page.getByTestId('slot').filter({ hasText: `${slotDate} 17:00` });
  await slot.waitFor();
  assert.match((await slot.textContent()) ?? '', /剩余 5 \/ 5 个名额/);
  await slot.getByRole('button', { name: /^预约/ }).click();
  await page.getByRole('status').filter({ hasText: '预约成功' }).waitFor();
  const booking = page.getByTestId('booking').filter({ hasText: `${slotDate} 17:00` });
  await booking.waitFor();
  assert.match((await booking.textContent()) ?? '', /已预约/);
  await slot.filter({ hasText: '剩余 4 / 5 个名额' }).waitFor();
  await snap(page, 'families-phone-hourly-booked');
  found.push(...(await seriousViolations(page, 'hourly (booked)')));
  await booking.getByRole('button', { name: /^取消预约/ }).click();
  await page.getByRole('status').filter({ hasText: '已取消预约' }).waitFor();
  await booking.waitFor({ state: 'detached' });
  await slot.filter({ hasText: '剩余 5 / 5 个名额' }).waitFor();
  await snap(page, 'families-phone-hourly-cancelled');

  // 指导活动: the year's count against 6; sign up for an upcoming session with places left, see it in
  // the history, then cancel the sign-up.
  await page.getByRole('link', { name: '指导活动' }).click();
  await page.waitForURL(/\/family\/guidance$/);
  const count = page.getByTestId('guidance-count');
  await count.waitFor();
  assert.match((await count.textContent()) ?? '', /0 \/ 6/);
  const session = page
    .getByTestId('guidance-session')
    .filter({ has: page.locator('button.fp-primary:not([disabled])') })
    .first();
  await session.waitFor();
  const title = (await session.locator('strong').textContent()) ?? '';
  assert.ok(title.length > 0);
  await session.getByRole('button', { name: /^报名/ }).click();
  await page.getByRole('status').filter({ hasText: '已报名' }).waitFor();
  const signed = page.getByTestId('guidance-session').filter({ hasText: title }).first();
  await signed.getByRole('button', { name: /^取消报名/ }).waitFor();
  await page.getByTestId('guidance-history').filter({ hasText: title }).first().waitFor();
  await snap(page, 'families-phone-guidance-signed-up');
  found.push(...(await seriousViolations(page, 'guidance (signed up)')));
  await signed.getByRole('button', { name: /^取消报名/ }).click();
  await page.getByRole('status').filter({ hasText: '已取消' }).waitFor();
  await signed.getByRole('button', { name: /^报名/ }).waitFor();

  // Nothing runs off the side of the phone.
  const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
  assert.ok(Number(overflow) <= 0, `horizontal overflow ${overflow}px`);
  assert.deepEqual(found, [], found.join('\n'));
  await page.context().close();
});

test('phone (en): the family page in English', async () => {
  const page = await phone('en');
  await page.goto(`${h.baseUrl}/login`);
  await page.getByLabel('Username').fill('parent');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(/\/family$/);
  await page.getByRole('heading', { name: 'Children' }).waitFor();
  await snap(page, 'families-phone-family-en');
  await page.context().close();
});

test('console: guidance staff see their station and sessions, and record attendance of a held session', async () => {
  const context = await h.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await consoleLogin(page, h.baseUrl, 'guidance');
  await page.waitForURL(/\/admin\/?$/);
  await page
    .getByRole('navigation', { name: '导航菜单' })
    .getByRole('link', { name: '指导站与活动' })
    .click();
  await page.waitForURL(/\/admin\/families\/guidance/);
  const stations = page.getByRole('table', { name: '家庭科学育儿指导站' });
  await stations.getByText('朱家角镇家庭科学育儿指导站').waitFor();
  await page.getByRole('table', { name: '育儿指导活动' }).getByRole('row').nth(1).waitFor();
  await shot(page, 'families-guidance-console');
  const found = await seriousViolations(page, 'guidance console');
  await page.goto(`${h.baseUrl}/admin/families/guidance?status=held`);
  const first = page.getByRole('table', { name: '育儿指导活动' }).locator('.ant-btn-link').first();
  await first.waitFor();
  await first.click();
  const drawer = page.getByRole('dialog');
  const boxes = drawer.getByRole('checkbox');
  await boxes.first().waitFor();
  await motionSettled(page);
  await boxes.first().click();
  await drawer.getByRole('button', { name: '保存签到' }).click();
  await page.getByText('已保存').first().waitFor();
  assert.doesNotMatch((await drawer.textContent()) ?? '', /\b1[3-9]\d{9}\b/, 'no mobile in clear');
  await shot(page, 'families-guidance-drawer');
  found.push(...(await seriousViolations(page, 'guidance session drawer')));
  assert.deepEqual(found, [], found.join('\n'));
  await context.close();
});
