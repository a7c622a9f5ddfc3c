/**
 * Journey: quality evaluation (issue 12). The district officer opens a round in the console (the draw's
 * commitment is published, the secret hidden), draws the peer reviewers (the secret is revealed); the
 * demo evaluator fills in a commissioned form on a phone; on the demo's completed 2025 round the district
 * looks at one institution's feedback (radar), then confirms a demonstration institution, whose public
 * page then shows the badge.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { consoleLogin, type Harness, motionSettled, shot, startHarness } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.stop();
});

async function json<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(`${h.baseUrl}${url}`);
  assert.equal(res.status(), 200, `${url}: ${res.status()}`);
  return (await res.json()) as T;
}

interface Round {
  id: string;
  year: number;
  status: string;
  version: number;
  items: {
    id: string;
    institutionId: string;
    institutionName: string;
    townCode: string;
    demonstration: boolean;
    grade: string | null;
  }[];
}

test('from opening a round to a demonstration badge on the portal', async () => {
  const desk = await h.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await desk.newPage();
  await consoleLogin(page, h.baseUrl, 'district');
  await page.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '质量评估' }).click();
  await page.waitForURL(/\/admin\/quality$/);
  const rounds = await json<{ items: Round[] }>(page, '/api/v1/quality/rounds');
  const done = rounds.items.find((r) => r.year === 2025)!;
  const r25 = await json<Round>(page, `/api/v1/quality/rounds/${done.id}`);
  // Three institutions in three towns: each has two eligible reviewers from the other towns.
  const towns = new Map<string, string>();
  for (const p of r25.items) if (!towns.has(p.townCode)) towns.set(p.townCode, p.institutionName);
  const names = [...towns.values()].slice(0, 3);

  await page.getByRole('table').getByRole('link').first().waitFor();
  await shot(page, 'quality-0-rounds');
  await page.getByRole('button', { name: '开启评估轮次' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('名称').waitFor();
  await motionSettled(page);
  await dialog.getByLabel('名称').fill('2027 年度托育机构质量评估（演练）');
  await dialog.getByLabel('年度').fill('2027');
  await dialog.getByLabel('指标体系').click();
  await motionSettled(page);
  await page.locator('.ant-select-item-option').first().click();
  const inst = dialog.getByLabel('参评机构');
  for (const n of names) {
    await inst.fill(n);
    await page.locator('.ant-select-item-option-active', { hasText: n }).waitFor();
    await page.keyboard.press('Enter');
  }
  await page.keyboard.press('Escape');
  await dialog
    .getByPlaceholder(/开始|Start/)
    .first()
    .click();
  await dialog
    .getByPlaceholder(/开始|Start/)
    .first()
    .fill('2027-05-01 00:00:00');
  await page.keyboard.press('Enter');
  await dialog
    .getByPlaceholder(/结束|End/)
    .first()
    .fill('2027-06-30 00:00:00');
  await page.keyboard.press('Enter');
  // Both ends taken (a value typed while the picker was still opening could be dropped under load).
  assert.equal(
    await dialog
      .getByPlaceholder(/开始|Start/)
      .first()
      .inputValue(),
    '2027-05-01 00:00:00',
  );
  assert.equal(
    await dialog
      .getByPlaceholder(/结束|End/)
      .first()
      .inputValue(),
    '2027-06-30 00:00:00',
  );
  await motionSettled(page);
  await shot(page, 'quality-1-open-round');
  const created = page.waitForResponse(
    (r) => r.request().method() === 'POST' && /\/api\/v1\/quality\/rounds$/.test(new URL(r.url()).pathname),
  );
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  assert.equal((await created).status(), 201);
  await page.waitForURL(/\/admin\/quality\/rounds\/[0-9a-f-]+$/);
  const commitment = page.getByTestId('commitment');
  await commitment.waitFor();
  assert.match((await commitment.textContent()) ?? '', /^[0-9a-f]{64}$/);
  await page.getByText('抽取前不公开').waitFor();
  await page.getByRole('button', { name: '抽取互评机构' }).click();
  await page.getByText('抽取前不公开').waitFor({ state: 'detached' });
  await shot(page, 'quality-2-drawn');

  // The 2025 round: one institution's feedback (radar by dimension).
  await page.goto(`${h.baseUrl}/admin/quality/rounds/${done.id}`);
  await page.getByRole('link', { name: '反馈' }).first().click();
  await page.getByTestId('radar').waitFor();
  await shot(page, 'quality-3-feedback');

  // Demonstration: withdraw the second, confirm the third candidate; its public page shows the badge.
  await page.goto(`${h.baseUrl}/admin/quality/demonstration`);
  const candidates = await json<{
    items: { participantId: string; institutionId: string; rank: number; demonstration: boolean }[];
  }>(page, '/api/v1/quality/demonstration');
  const third = candidates.items.find((c) => c.rank === 3)!;
  assert.equal(third.demonstration, false);
  await page.getByRole('button', { name: '撤销' }).nth(1).click();
  await page.getByTestId('confirm-2').waitFor();
  await page.getByTestId('confirm-3').click();
  await page.getByRole('button', { name: '撤销' }).nth(1).waitFor();
  await shot(page, 'quality-4-demonstration');
  await page.goto(`${h.baseUrl}/admin/quality/frameworks`);
  await page.getByText('示例（待替换为正式文本）').first().waitFor();
  await shot(page, 'quality-4b-frameworks');

  const phone = await h.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const portal = await phone.newPage();
  await portal.goto(`${h.baseUrl}/institutions/${third.institutionId}`);
  await portal.getByTestId('demonstration-badge').waitFor();
  assert.match(
    (await portal.getByTestId('demonstration-badge').textContent()) ?? '',
    /示范性托育机构（2025）/,
  );
  await shot(portal, 'quality-5-portal-badge');

  // The evaluator fills in one commissioned form of the open 2026 round on a phone.
  const ev = await phone.newPage();
  await consoleLogin(ev, h.baseUrl, 'evaluator');
  await ev.waitForURL(/\/admin\/?$/);
  await ev.goto(`${h.baseUrl}/admin/quality/evaluations`);
  await ev.getByRole('link', { name: '填写' }).first().click();
  await ev.waitForURL(/\/admin\/quality\/evaluations\/[0-9a-f-]+$/);
  const inputs = ev.locator('input[data-testid^="score-"], [data-testid^="score-"] input');
  await inputs.first().waitFor();
  const n = await inputs.count();
  for (let i = 0; i < n; i++) await inputs.nth(i).fill('5');
  await ev.getByTestId('submit-evaluation').click();
  await ev.getByText('评估已提交').waitFor();
  await shot(ev, 'quality-6-evaluator-form');
  await desk.close();
  await phone.close();
});
