/**
 * Journey: a public complaint (issue 10). On a 390 px phone, someone opens an institution of 朱家角镇 on
 * the portal (its integrity record shown), follows 我要投诉, complains without logging in and gets a receipt code; looking it up shows
 * 待受理. The town officer of 朱家角镇 (town-zhujiajiao) finds it in 投诉处理, accepts it and closes it as
 * substantiated with a reply; the complainant's lookup then shows 已办结 and the reply.
 * Emergency drills: the admin of a 朱家角镇 institution (institution-zjj) records a drill and registers a
 * camera (an address with credentials refused first); the district
 * sees it and the institutions that have not drilled in the last half year, then the year's annual-visit
 * coverage with its map and the schedule suggestion by town.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { consoleLogin, type Harness, motionSettled, shot, startHarness, tablesSettled } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.stop();
});

const TEXT = 'e2e：午睡室窗户没有安装防护栏，孩子可以爬上窗台。';
const REPLY = 'e2e：经现场核查属实，已责令机构三日内安装防护栏。';

test('a complaint from a phone reaches the town, which closes it; the complainant reads the reply', async () => {
  const found = await fetch(`${h.baseUrl}/api/v1/public/institutions?town=310118102&sort=name&pageSize=1`);
  const inst = ((await found.json()) as { items: { id: string; name: string }[] }).items[0];
  assert.ok(inst, 'a public institution in 朱家角镇');

  const phone = await h.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const p = await phone.newPage();
  await p.goto(`${h.baseUrl}/institutions/${inst.id}`);
  // the institution's page shows its integrity record (信用记录) for the configured period
  await p
    .getByTestId('integrity-record')
    .getByText(/近 36 个月/)
    .waitFor();
  await shot(p, 'complaints-0-integrity');
  await p.getByRole('link', { name: '我要投诉' }).click();
  await p.getByRole('heading', { level: 1, name: '投诉托育机构' }).waitFor();
  // the institution is preselected from its page
  await p.locator('#cp-institution option:checked', { hasText: inst.name }).waitFor({ state: 'attached' });
  // bad input: too short a text is refused with the rule, nothing submitted
  await p.getByLabel('类别').selectOption('safety');
  await p.getByLabel('投诉内容').fill('太短');
  await p.getByRole('button', { name: '提交投诉' }).click();
  await p.getByText('投诉内容至少 10 个字').waitFor();
  await p.getByLabel('投诉内容').fill(TEXT);
  await p.getByLabel('联系电话（可选）').fill('13900001234');
  await p.getByRole('button', { name: '提交投诉' }).click();
  const code = (await p.getByTestId('receipt-code').textContent())?.trim() ?? '';
  assert.match(code, /^[0-9A-Z]{12}$/);
  await shot(p, 'complaints-1-receipt');
  await p.getByLabel('回执码').fill(code.toLowerCase());
  await p.getByRole('button', { name: '查询' }).click();
  await p.getByTestId('complaint-status').getByText('待受理').waitFor();
  await phone.close();

  const desk = await h.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await desk.newPage();
  await consoleLogin(page, h.baseUrl, 'town-zhujiajiao');
  await page.waitForURL(/\/admin(\/)?$/);
  await page.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '投诉处理' }).click();
  await page.getByRole('heading', { level: 1, name: '投诉处理' }).waitFor();
  const row = page.getByRole('row', { name: new RegExp(TEXT) });
  await row.getByText('139****1234').waitFor();
  await shot(page, 'complaints-2-town');
  await row.getByRole('button', { name: /受\s*理/ }).click();
  await page.getByText('已更新').first().waitFor();
  await page.locator('.ant-segmented-item', { hasText: '全部' }).click();
  const handling = page.getByRole('row', { name: new RegExp(TEXT) });
  await handling.getByText('办理中').waitFor();
  await handling.getByRole('button', { name: /办\s*结/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await motionSettled(page);
  await dialog.getByRole('radio', { name: '属实', exact: true }).check();
  await dialog.getByLabel(/答复/).fill(REPLY);
  await dialog.getByRole('button', { name: /办\s*结/ }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page
    .getByRole('row', { name: new RegExp(TEXT) })
    .getByText('已办结')
    .waitFor();
  await shot(page, 'complaints-3-closed');
  await desk.close();

  const again = await h.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const q = await again.newPage();
  await q.goto(`${h.baseUrl}/complaints`);
  await q.getByLabel('回执码').fill(code);
  await q.getByRole('button', { name: '查询' }).click();
  const status = q.getByTestId('complaint-status');
  await status.getByText('已办结').waitFor();
  await status.getByText(REPLY).waitFor();
  await shot(q, 'complaints-4-reply');
  await again.close();
});

test('an institution records a drill; the district sees who has not drilled in the half year', async () => {
  const ctx = await h.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await ctx.newPage();
  await consoleLogin(page, h.baseUrl, 'institution-zjj');
  await page.waitForURL(/\/admin(\/)?$/);
  await page.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '应急演练' }).click();
  await page.getByRole('heading', { level: 1, name: '应急演练' }).waitFor();
  await tablesSettled(page);
  const rowsBefore = await page.locator('.ant-table-row').count();
  await page.getByLabel('参加工作人员').fill('9');
  await page.getByLabel('参加婴幼儿').fill('41');
  await page.getByLabel('说明（可选）').fill('e2e：全园疏散用时 3 分 05 秒');
  await page.getByRole('button', { name: /填\s*报\s*演\s*练/ }).click();
  await page.getByText('演练已填报').waitFor();
  await page.getByRole('cell', { name: 'e2e：全园疏散用时 3 分 05 秒' }).waitFor();
  assert.equal(await page.locator('.ant-table-row').count(), rowsBefore + 1);
  await shot(page, 'drills-1-institution');
  // its cameras: register one (the probe has not seen it yet, so it is not online)
  await page.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '视频监控' }).click();
  await page.getByRole('heading', { level: 1, name: '视频监控接入' }).waitFor();
  await page.getByLabel('安装位置').fill('e2e 托小班活动室');
  await page.getByLabel('流地址').fill('rtsp://admin:1@cam.local/1');
  await page.getByRole('button', { name: /登\s*记\s*摄\s*像\s*头/ }).click();
  await page.getByText('不含用户名和密码').first().waitFor();
  await page.getByLabel('流地址').fill('rtsp://cam-e2e.demo.invalid/ch1');
  await page.getByRole('button', { name: /登\s*记\s*摄\s*像\s*头/ }).click();
  await page.getByText('摄像头已登记').waitFor();
  await page
    .getByRole('row', { name: /e2e 托小班活动室/ })
    .getByText('从未在线')
    .waitFor();
  await shot(page, 'cameras-1-institution');
  await ctx.close();

  const desk = await h.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const d = await desk.newPage();
  await consoleLogin(d, h.baseUrl, 'district');
  await d.waitForURL(/\/admin(\/)?$/);
  await d.goto(`${h.baseUrl}/admin/supervision/drills`);
  await d.getByRole('heading', { level: 2, name: /未按期演练/ }).waitFor();
  const heading = (await d.getByRole('heading', { level: 2, name: /未按期演练/ }).textContent()) ?? '';
  const [, n] = /：(\d+) \/ \d+ 家/.exec(heading) ?? [];
  assert.ok(Number(n) > 0, heading);
  await d.getByRole('cell', { name: 'e2e：全园疏散用时 3 分 05 秒' }).waitFor();
  await shot(d, 'drills-2-district');
  // the year's annual-visit coverage: those not yet visited, on the map, scheduled by town
  await d.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '年度走访' }).click();
  await d.getByRole('heading', { level: 1, name: '年度走访覆盖' }).waitFor();
  await d.getByText(/\d{4} 年已走访 \d+ \/ \d+ 家/).waitFor();
  await d.getByRole('heading', { level: 2, name: '剩余月份安排建议' }).waitFor();
  await d.locator('.leaflet-container').first().waitFor();
  await shot(d, 'visits-1-district');
  await desk.close();
});
