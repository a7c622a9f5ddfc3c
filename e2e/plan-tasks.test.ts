/**
 * Journey: the plan's task annex (issue 13, Responsibilities). The demo liaison of 区教育局 opens 任务分工,
 * sees only its unit's tasks and reports on one for the current quarter, then attaches a PDF to the
 * report; the district officer sees the
 * report in the task's row, and records the joint meeting's review of the year.
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

const PROGRESS = '本季度完成普惠性托育点选址论证 2 处（旅程）。';

test('a liaison reports on its task; the district officer sees it and records the joint meeting', async () => {
  const ctx = await h.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await ctx.newPage();
  await consoleLogin(page, h.baseUrl, 'department');
  await page.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '任务分工' }).click();
  await page.waitForURL(/\/admin\/plan\/tasks/);
  await page.getByRole('heading', { level: 1, name: '任务分工' }).waitFor();
  await page.getByText('您代表 区教育局 填报').waitFor();
  // 区教育局 is named on 20 of the 21 tasks (not T09)
  assert.equal(await page.getByRole('cell', { name: /^T09 / }).count(), 0);
  const row = page.getByRole('row', { name: /T01 实现每年新增/ });
  const quarter = Math.floor(new Date().getMonth() / 3) + 1;
  const button = row.getByRole('button', { name: /填\s*报|修\s*改/ }).last();
  await button.click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText(`第 ${quarter} 季度`).waitFor();
  await dialog.getByLabel('进展说明').fill(PROGRESS);
  await dialog.getByLabel('佐证材料').fill('青教〔2026〕88号');
  await shot(page, 'plan-tasks-report');
  await dialog.getByRole('button', { name: /提\s*交/ }).click();
  await dialog.waitFor({ state: 'hidden' });
  // the submitted report takes evidence files: a PDF is uploaded and listed
  await row
    .getByRole('button', { name: /修\s*改/ })
    .last()
    .click();
  await dialog.getByText('佐证文件').waitFor();
  await dialog.locator('input[type=file]').setInputFiles({
    name: '选址论证会议纪要.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n'),
  });
  await dialog.getByRole('link', { name: '选址论证会议纪要.pdf' }).waitFor();
  await shot(page, 'plan-tasks-file');
  await dialog.getByRole('button', { name: /取\s*消/ }).click();
  await dialog.waitFor({ state: 'hidden' });
  await shot(page, 'plan-tasks-liaison');
  await ctx.close();

  const officer = await h.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const op = await officer.newPage();
  await consoleLogin(op, h.baseUrl, 'district');
  await op.waitForURL(/\/admin(\/)?$/);
  await op.goto(`${h.baseUrl}/admin/plan/tasks`);
  await op.getByRole('heading', { level: 1, name: '任务分工' }).waitFor();
  await op.getByText(/逾期未报 \d+ 项/).waitFor();
  const t01 = op.getByRole('row', { name: /T01 实现每年新增/ });
  await t01.getByRole('button', { name: /展开行|Expand row/ }).click();
  const res = await op.request.get(`${h.baseUrl}/api/v1/plan/tasks?year=${new Date().getFullYear()}`);
  const body = (await res.json()) as {
    tasks: {
      code: string;
      quarters: { quarter: number; units: { unit: string; report: { progress: string } | null }[] }[];
    }[];
  };
  const mine = body.tasks
    .find((x) => x.code === 'T01')!
    .quarters.find((q) => q.quarter === quarter)!
    .units.find((u) => u.unit === 'edu');
  assert.equal(mine?.report?.progress, PROGRESS);
  await shot(op, 'plan-tasks-district');

  // The joint meeting's review of the year: a conclusion on T01.
  await op.getByLabel('会议日期').fill(new Date().toISOString().slice(0, 10));
  await op.getByLabel('会议日期').press('Enter');
  await op.getByLabel('会议纪要').fill('联席会议审议本年度任务分工落实情况（旅程）。');
  await op.getByRole('button', { name: '添加任务结论' }).click();
  await op.getByLabel('任务', { exact: true }).last().click();
  await op.locator('.ant-select-item-option', { hasText: 'T01' }).first().click();
  await op.getByLabel('结论').last().fill('按计划推进。');
  await op.getByRole('button', { name: '保存审议记录' }).click();
  await op.getByText(/已于 \d{4}-\d{2}-\d{2} 审议/).waitFor();
  await shot(op, 'plan-tasks-meeting');
  await officer.close();
});
