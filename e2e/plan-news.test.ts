/**
 * Journey: the portal's notices (issue 13, Public disclosure). The demo district officer writes a
 * notice in 通知公告, publishes it; the portal's home links to 通知公告与政策文件, where it shows with
 * the demo's policy documents; on a phone the notice opens as plain paragraphs. The annual report
 * (年度报告) prints without the console around it and downloads as XLSX.
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

const TITLE = '关于托育机构冬季安全检查的通知（旅程）';

test('district officer writes and publishes; the public reads it on a phone', async () => {
  const ctx = await h.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await ctx.newPage();
  await consoleLogin(page, h.baseUrl, 'district');
  await page.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '通知公告' }).click();
  await page.waitForURL(/\/admin\/plan\/news/);
  await page.getByRole('heading', { level: 1, name: '通知公告、政策文件与宣传引导' }).waitFor();
  await page.getByRole('button', { name: /撰\s*写/ }).click();
  const dialog = page.getByRole('dialog');
  await choose(page, dialog, '类型', '通知公告');
  await dialog.getByLabel('标题').fill(TITLE);
  await dialog.getByLabel('来源或文号').fill('青浦区托育服务指导中心');
  await dialog.getByLabel('正文').fill('各托育机构：\n请做好取暖设备的安全检查。');
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  const row = page.getByRole('row', { name: new RegExp(TITLE) });
  await row.getByText('草稿').waitFor();
  await row.getByRole('button', { name: /发\s*布/ }).click();
  await row.getByText('已发布').waitFor();
  await shot(page, 'plan-news-console');
  await ctx.close();

  const phone = await h.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const p = await phone.newPage();
  await p.goto(`${h.baseUrl}/`);
  await p.getByRole('link', { name: '通知公告与政策文件' }).click();
  await p.waitForURL(/\/news$/);
  await p.getByRole('link', { name: TITLE }).waitFor();
  assert.ok(await p.getByRole('link', { name: '青浦区托育服务三年行动计划（2021—2023年）' }).isVisible());
  assert.equal(
    await p.getByText('隔代养育：祖辈带娃的几点建议（草稿，演示）').count(),
    0,
    'drafts stay private',
  );
  await p.getByRole('link', { name: TITLE }).click();
  await p.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await p.getByText('请做好取暖设备的安全检查。').waitFor();
  await shot(p, 'plan-news-portal');
  await phone.close();
});

test('district officer: the annual report prints without the console around it, and downloads as XLSX', async () => {
  const ctx = await h.browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  const page = await ctx.newPage();
  await consoleLogin(page, h.baseUrl, 'district');
  await page.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '年度报告' }).click();
  await page.waitForURL(/\/admin\/plan\/report/);
  const year = new Date().getFullYear();
  await page.getByRole('heading', { level: 1, name: `${year} 年度托育服务行动计划执行情况报告` }).waitFor();
  await page.getByText(/尚未发布接续计划/).waitFor();
  await page.getByRole('heading', { level: 2, name: '二、分街镇情况' }).waitFor();
  assert.ok((await page.getByRole('row').count()) > 10);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /导出 XLSX/ }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^plan_report-\d{8}\.xlsx$/);
  await page.emulateMedia({ media: 'print' });
  assert.equal(
    await page.getByRole('navigation', { name: '导航菜单' }).isVisible(),
    false,
    'no sidebar in print',
  );
  assert.equal(await page.getByRole('button', { name: /打印/ }).isVisible(), false, 'no buttons in print');
  await shot(page, 'plan-report-print');
  await ctx.close();
});
