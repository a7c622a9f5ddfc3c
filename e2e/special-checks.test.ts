/**
 * Journey: a joint special check (联合检查, issue 10). The district officer opens 联合检查, sees the demo's
 * finished fire-safety check and Zhujiajiao's food-safety check under way with its teams; plans a new
 * check with the education bureau and the fire brigade — a team from one department is refused with the
 * rule, nothing planned — then with one inspector from each, and opens the team's inspection record.
 * The institution is one the latest district draw did not assign (so no inspector must recuse).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { choose, consoleLogin, type Harness, shot, startHarness } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.stop();
});

const TITLE = 'e2e 燃气与厨房安全联合检查';

test('the district plans a joint check with two departments; a one-department team is refused', async () => {
  const desk = await h.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await desk.newPage();
  await consoleLogin(page, h.baseUrl, 'district');
  await page.waitForURL(/\/admin(\/)?$/);
  await page.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '联合检查' }).click();
  await page.getByRole('heading', { level: 1, name: '联合检查' }).waitFor();
  await page.getByRole('cell', { name: '秋季托育机构消防安全联合检查' }).waitFor();
  const food = page.getByRole('row', { name: /朱家角镇托育机构食品安全专项检查/ });
  await food.getByText('进行中').waitFor();
  await food.getByRole('button', { name: /展开行|Expand row/ }).click();
  await page
    .getByText(/检查组 1：/)
    .first()
    .waitFor();
  await page.getByRole('link', { name: '查看检查记录' }).first().waitFor();
  await shot(page, 'special-0-list');

  // An institution the latest district draw did not assign (no recusal), from the operating ones.
  const draws = (await (await page.request.get(`${h.baseUrl}/api/v1/public/supervision/draws`)).json()) as {
    items: { id: string; divisionCode: string; status: string; month: string }[];
  };
  const last = draws.items
    .filter((d) => d.divisionCode === '310118' && d.status === 'drawn')
    .sort((a, b) => b.month.localeCompare(a.month))[0];
  assert.ok(last, 'a drawn district plan');
  const drawn = (await (
    await page.request.get(`${h.baseUrl}/api/v1/public/supervision/draws/${last.id}`)
  ).json()) as {
    result: { assignments: { targetId: string }[] };
  };
  const taken = new Set(drawn.result.assignments.map((a) => a.targetId));
  const ops = (await (
    await page.request.get(`${h.baseUrl}/api/v1/institutions?status=operating&pageSize=100`)
  ).json()) as { items: { id: string; name: string }[] };
  const target = ops.items.find((i) => !taken.has(i.id));
  assert.ok(target, 'an operating institution outside the last draw');

  await page.getByRole('button', { name: '新建联合检查' }).click();
  const main = page.getByRole('main');
  await main.getByLabel('检查名称').fill(TITLE);
  // searchable selects: type, then pick the option (long lists are virtual: not all options exist)
  const search = async (label: string, typed: string, option: string) => {
    const input = main.getByLabel(label, { exact: true });
    const open = page.locator('.ant-select-dropdown:visible');
    for (let attempt = 0; attempt < 3; attempt++) {
      if ((await open.count()) === 0) await input.click();
      await input.fill(typed);
      await open.locator('.ant-select-item-option', { hasText: option }).first().click();
      const closed = await open
        .first()
        .waitFor({ state: 'hidden', timeout: 3000 })
        .then(() => true)
        .catch(() => false);
      if (closed) return;
    }
    throw new Error(`could not pick ${option} in ${label}`);
  };
  await search('被检查机构', target.name, target.name);
  await search('检查人员 1', '许老师', '区托育服务指导中心 检查员 许老师');
  await search('检查人员 2', '林工', '区消防救援支队 检查员 林工');
  // both from the education bureau: refused with the rule
  await choose(page, main, '所代表部门 2', '区教育局');
  await page.getByRole('button', { name: '发布检查安排' }).click();
  await page.getByText('每个检查组至少需要来自两个部门的检查人员').waitFor();
  await shot(page, 'special-1-refused');
  await choose(page, main, '所代表部门 2', '区消防救援支队');
  await page.getByRole('button', { name: '发布检查安排' }).click();
  await page.getByText('联合检查已安排').waitFor();
  const row = page.getByRole('row', { name: new RegExp(TITLE) });
  // it starts tomorrow in the browser's calendar, which may already be today in China (UTC+8)
  await row.getByText(/未开始|进行中/).waitFor();
  await row.getByText('已签字 0 / 1 组').waitFor();
  await row.getByRole('button', { name: /展开行|Expand row/ }).click();
  await page.getByText(`检查组 1：${target.name}`).waitFor();
  await shot(page, 'special-2-planned');
  await page
    .locator('.ant-descriptions', { has: page.getByText(`检查组 1：${target.name}`) })
    .getByRole('link', { name: '查看检查记录' })
    .click();
  await page.waitForURL(/\/admin\/supervision\/inspections\/[0-9a-f-]{36}$/);
  await page.getByRole('heading', { level: 1, name: target.name }).waitFor();
  await page.getByRole('main').getByText('联合检查', { exact: true }).waitFor();
  await shot(page, 'special-3-record');
  await desk.close();
});
