/**
 * Journey: accessibility (issue 14). axe-core (pinned, injected into the page; no browser download)
 * checks the portal's pages on a phone and the console's list, detail and form pages on a desktop:
 * zero violations of serious or critical impact (WCAG 2.1 A/AA and best practice, colour contrast
 * ≥ 4.5:1 included), and no control named by its placeholder alone. Every violation found, of any
 * impact, is printed.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { consoleLogin, type Harness, shot, startHarness } from './harness.ts';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const BLOCKING = new Set(['serious', 'critical']);

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.stop();
});

/** Run axe on the page as it is now; print every violation; return the serious and critical ones. */
async function axe(page: Page, label: string): Promise<string[]> {
  // A dialog zooms and fades in: axe measured half-faded text as low contrast (2.32:1) when it ran
  // mid-animation on a loaded machine. Wait until every running CSS animation has finished.
  await page.evaluate(`Promise.all(document.getAnimations()
    .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
    .map((a) => a.finished.catch(() => undefined)))`);
  // Evaluated over the DevTools protocol: not an inline script, so the page's CSP stays as served.
  await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(`axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    resultTypes: ['violations'],
  }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) })))`)) as Violation[];
  const blocking: string[] = [];
  for (const v of violations) {
    const where = v.nodes
      .slice(0, 4)
      .map((n) => n.target.join(' '))
      .join(' | ');
    const line = `${label}: [${v.impact}] ${v.id} — ${v.help} (${v.nodes.length}× ${where})`;
    console.log(`  ${line}`);
    if (v.impact && BLOCKING.has(v.impact)) {
      blocking.push(line);
      for (const n of v.nodes.slice(0, 2)) console.log(`      ${n.failureSummary?.replace(/\n/g, ' / ')}`);
    }
  }
  if (violations.length === 0) console.log(`  ${label}: no violations`);
  // axe accepts a placeholder as a control's name; the issue does not (it vanishes once typed in,
  // and Ant Design draws it at 1.83:1). Every visible control needs a label or aria-label.
  const unnamed = (await page.evaluate(`[...document.querySelectorAll(
      'input:not([type=hidden]), select, textarea, [role=combobox], [role=switch], [role=slider]')]
    .filter((el) => el.getClientRects().length > 0 && !el.closest('[aria-hidden=true]'))
    .filter((el) => {
      const text = (s) => (s || '').trim().length > 0;
      if (text(el.getAttribute('aria-label')) || text(el.getAttribute('title'))) return false;
      const ids = (el.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean);
      if (ids.some((id) => text(document.getElementById(id)?.textContent))) return false;
      return ![...(el.labels || [])].some((l) => text(l.textContent));
    })
    .map((el) => el.outerHTML.slice(0, 160))`)) as string[];
  for (const html of unnamed) {
    const line = `${label}: control without a label or aria-label: ${html}`;
    console.log(`  ${line}`);
    blocking.push(line);
  }
  return blocking;
}

test('portal pages on a phone: zero serious or critical axe violations', async () => {
  const page = await h.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
  const found: string[] = [];
  await page.goto(`${h.baseUrl}/`);
  await page.locator('h1').first().waitFor();
  found.push(...(await axe(page, 'portal home')));
  await page.goto(`${h.baseUrl}/institutions`);
  await page.locator('a[href^="/institutions/"]').first().waitFor();
  found.push(...(await axe(page, 'portal search')));
  await shot(page, 'a11y-portal-search');
  await page.getByText('地图', { exact: true }).first().click();
  await page.locator('.leaflet-container').first().waitFor();
  await page.waitForLoadState('networkidle');
  found.push(...(await axe(page, 'portal search (map)')));
  await shot(page, 'a11y-portal-map');
  await page.getByText('列表', { exact: true }).first().click();
  await page.locator('a[href^="/institutions/"]').first().waitFor();
  await page.locator('a[href^="/institutions/"]').first().click();
  await page.getByText('基本信息').first().waitFor();
  found.push(...(await axe(page, 'portal detail')));
  await shot(page, 'a11y-portal-detail');
  // 收费公示: an inclusive institution's published list, and one without a list (未公示收费清单).
  const inclusive = await (
    await page.request.get(`${h.baseUrl}/api/v1/public/institutions?inclusiveOnly=true&pageSize=50`)
  ).json();
  const withList: Record<'yes' | 'no', string | undefined> = { yes: undefined, no: undefined };
  for (const i of inclusive.items as { id: string }[]) {
    const f = await (
      await page.request.get(`${h.baseUrl}/api/v1/public/institutions/${i.id}/fee-list`)
    ).json();
    withList[f.published ? 'yes' : 'no'] ??= i.id;
    if (withList.yes && withList.no) break;
  }
  for (const [k, id] of Object.entries(withList)) {
    assert.ok(id, `the demo has an inclusive institution with fee list: ${k}`);
    await page.goto(`${h.baseUrl}/institutions/${id}`);
    await page.getByTestId('fee-list').waitFor();
    found.push(...(await axe(page, `portal fee list (${k})`)));
  }
  await page.goto(`${h.baseUrl}/complaints`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByLabel('回执码').fill('QP2026DEM001');
  await page.getByRole('button', { name: '查询' }).click();
  await page.getByTestId('complaint-status').waitFor();
  found.push(...(await axe(page, 'portal complaint')));
  assert.deepEqual(found, []);
  await page.close();
});

test('console list, detail and form pages: zero serious or critical axe violations', async () => {
  const page = await h.browser.newPage({ viewport: { width: 1366, height: 860 } });
  const found: string[] = [];
  await page.goto(`${h.baseUrl}/admin/login`);
  await page.getByLabel(/用户名|Username/).waitFor();
  found.push(...(await axe(page, 'console login')));
  await consoleLogin(page, h.baseUrl, 'district');
  await page.getByRole('button', { name: '退出登录' }).waitFor();
  found.push(...(await axe(page, 'console home')));
  await page.goto(`${h.baseUrl}/admin/institutions`);
  await page.locator('.ant-table-row').first().waitFor();
  found.push(...(await axe(page, 'console institutions list')));
  await shot(page, 'a11y-console-list');
  await page.locator('.ant-table-row a').first().click();
  await page.waitForURL(/\/admin\/institutions\/[0-9a-f-]{36}$/);
  await page.locator('.ant-descriptions').first().waitFor();
  found.push(...(await axe(page, 'console institution detail')));
  await shot(page, 'a11y-console-detail');
  await page.goto(`${h.baseUrl}/admin/institutions/new`);
  await page.locator('form').first().waitFor();
  found.push(...(await axe(page, 'console institution form')));
  await shot(page, 'a11y-console-form');
  for (const [path, label] of [
    ['/admin/institutions/review', 'console review queue'],
    ['/admin/users', 'console users list'],
    ['/admin/audit', 'console audit trail'],
    ['/admin/calendar', 'console calendar'],
  ] as const) {
    await page.goto(`${h.baseUrl}${path}`);
    await page.waitForLoadState('networkidle');
    await page.locator('main, .ant-layout-content').first().waitFor();
    found.push(...(await axe(page, label)));
  }
  // English (longer labels, other antd locale texts).
  await page.getByLabel('语言').first().selectOption('en');
  await page.getByRole('button', { name: 'Log out' }).waitFor();
  await page.goto(`${h.baseUrl}/admin/institutions`);
  await page.locator('.ant-table-row').first().waitFor();
  found.push(...(await axe(page, 'console institutions list (en)')));
  await page.goto(`${h.baseUrl}/admin/institutions/new`);
  await page.locator('form').first().waitFor();
  found.push(...(await axe(page, 'console institution form (en)')));
  assert.deepEqual(found, []);
  await page.close();
});

test('module console pages (quality, supervision, families, workforce, plan, exchange): zero serious or critical', async () => {
  const page = await h.browser.newPage({ viewport: { width: 1366, height: 860 } });
  const found: string[] = [];
  await consoleLogin(page, h.baseUrl, 'district');
  await page.getByRole('button', { name: '退出登录' }).waitFor();
  const visit = async (path: string, label: string, ready = 'main, .ant-layout-content') => {
    await page.goto(`${h.baseUrl}${path}`);
    await page.locator(ready).first().waitFor();
    await page.waitForLoadState('networkidle');
    found.push(...(await axe(page, label)));
  };
  await visit('/admin/quality', 'quality rounds', '.ant-table-row');
  // A round's page (the demo's completed 2025 round and the open 2026 one are listed).
  await page.locator('.ant-table-row a').first().click();
  await page.waitForURL(/\/admin\/quality\/rounds\/[0-9a-f-]{36}/);
  await page.locator('.ant-table-row').first().waitFor();
  await page.waitForLoadState('networkidle');
  found.push(...(await axe(page, 'quality round')));
  await shot(page, 'a11y-quality-round');
  await visit('/admin/quality/frameworks', 'quality frameworks');
  await visit('/admin/quality/demonstration', 'quality demonstration candidates');
  await visit('/admin/supervision/draws', 'supervision draws', '.ant-table-row');
  await visit('/admin/supervision/inspections', 'supervision inspections');
  await visit('/admin/supervision/rectifications', 'supervision rectifications', '.ant-table-row');
  await visit('/admin/supervision/risk', 'supervision risk', '.ant-table-row');
  await visit('/admin/supervision/complaints', 'supervision complaints', '.ant-table-row');
  await visit('/admin/supervision/drills', 'supervision drills', '.ant-table-row');
  await visit('/admin/supervision/visits', 'supervision visits', '.ant-table-row');
  await visit('/admin/supervision/cameras', 'supervision cameras', '.ant-table-row');
  await visit('/admin/supervision/special', 'supervision joint checks', '.ant-table-row');
  await shot(page, 'a11y-supervision-risk');
  await visit('/admin/families/children', 'families children', '.ant-table-row');
  await visit('/admin/families/visits', 'families visits');
  await visit('/admin/families/facilities', 'families facilities', '.ant-table-row');
  await visit('/admin/families/baobaowu', 'families baobaowu', '.ant-table-row');
  await shot(page, 'a11y-families-baobaowu');
  await visit('/admin/workforce/compliance', 'workforce compliance');
  await visit('/admin/workforce/staff/import', 'workforce staff import');
  // An operating institution's page with its staffing card.
  const operating = await page.request.get(`${h.baseUrl}/api/v1/institutions?status=operating&pageSize=1`);
  const [first] = ((await operating.json()) as { items: { id: string }[] }).items;
  await visit(`/admin/institutions/${first!.id}`, 'institution with staffing', '.ant-card .ant-table-row');
  await visit('/admin/workforce/bans', 'workforce bans');
  await visit('/admin/workforce/subsidy', 'workforce subsidy', '.ant-table-row');
  await visit('/admin/workforce/trainings', 'workforce trainings', '.ant-table-row');
  await visit('/admin/plan', 'plan dashboard');
  await visit('/admin/plan/tasks', 'plan tasks', '.ant-table-row');
  await visit('/admin/plan/funding', 'plan funding', '.ant-table-row');
  await visit('/admin/plan/rules', 'plan rule packs', '.ant-table-row');
  await visit('/admin/subsidy/applications', 'subsidy applications', '.ant-table-row');
  await visit('/admin/subsidy/renewals', 'subsidy renewals', '.ant-table-row');
  await visit('/admin/subsidy/batches', 'subsidy batches', '.ant-table-row');
  await visit('/admin/subsidy/import', 'subsidy import');
  await visit('/admin/operating/register', 'operating register', '.ant-statistic');
  await shot(page, 'a11y-operating-register');
  await visit('/admin/operating/claims', 'operating claims');
  await visit('/admin/operating/payments', 'operating payments');
  await visit('/admin/exchange/licences', 'exchange licence checks', '.ant-table-row');
  // 收费公示: the list filtered to inclusive institutions without a list, one's card and its editor.
  await visit('/admin/institutions?feeList=missing', 'institutions without a fee list', '.ant-table-row');
  await page.locator('.ant-table-row a').first().click();
  await page.getByTestId('fee-list-card').waitFor();
  await page.getByTestId('fee-list-card').getByRole('button', { name: '编辑清单' }).click();
  await page.getByTestId('fee-list-editor').getByRole('button', { name: '添加项目' }).click();
  found.push(...(await axe(page, 'fee list editor')));
  await shot(page, 'a11y-fee-list-editor');
  await shot(page, 'a11y-operating-payments');
  await visit('/admin/institutions/national-sync', 'national filing sync', '.ant-table-row');
  await shot(page, 'a11y-national-sync');
  // A person's page with the 托育师注册 card (draft-law note) and the certificates' scan cells.
  const staff = await page.request.get(`${h.baseUrl}/api/v1/workforce/staff?pageSize=1`);
  const [person] = ((await staff.json()) as { items: { id: string }[] }).items;
  await visit(`/admin/workforce/staff/${person!.id}`, 'staff page', '.ant-descriptions');
  await shot(page, 'a11y-staff-page');
  assert.deepEqual(found, []);
  await page.close();
});

test('console dialogs: the review opinion dialog and the change-password dialog, zero serious or critical', async () => {
  const page = await h.browser.newPage({ viewport: { width: 1366, height: 860 } });
  const found: string[] = [];
  await consoleLogin(page, h.baseUrl, 'district');
  await page.getByRole('button', { name: '退出登录' }).waitFor();
  // A filing waiting in the queue (demo data): open it and ask to approve it.
  await page.goto(`${h.baseUrl}/admin/institutions/review`);
  await page.locator('.ant-table-row').first().waitFor();
  await page.locator('.ant-table-row').first().getByRole('link', { name: '审核' }).click();
  await page.waitForURL(/\/admin\/institutions\/[0-9a-f-]{36}$/);
  await page.getByRole('button', { name: '予以备案' }).click();
  const review = page.getByRole('dialog');
  await review.getByTestId('review-materials').waitFor();
  await review.getByLabel('审核意见').waitFor();
  found.push(...(await axe(page, 'review opinion dialog')));
  // With the required-opinion message shown (red text on white).
  await review.getByRole('button', { name: /确\s*定/ }).click();
  await review.getByText('请填写审核意见').waitFor();
  found.push(...(await axe(page, 'review opinion dialog (opinion missing)')));
  await shot(page, 'a11y-review-dialog');
  await review.getByRole('button', { name: /取\s*消/ }).click();
  await review.waitFor({ state: 'hidden' });
  // The change-password dialog, from the header.
  await page.getByRole('button', { name: '修改密码' }).click();
  const password = page.getByRole('dialog');
  await password.getByLabel('当前密码').waitFor();
  found.push(...(await axe(page, 'change-password dialog')));
  await shot(page, 'a11y-password-dialog');
  await password.getByRole('button', { name: /保\s*存/ }).click();
  await password.locator('.ant-form-item-explain-error').first().waitFor();
  found.push(...(await axe(page, 'change-password dialog (errors shown)')));
  // The same two in English.
  await password.getByRole('button', { name: /取\s*消/ }).click();
  await password.waitFor({ state: 'hidden' });
  await page.getByLabel('语言').first().selectOption('en');
  await page.getByRole('button', { name: 'Log out' }).waitFor();
  await page.getByRole('button', { name: 'Approve filing' }).click();
  await page.getByRole('dialog').getByLabel('Review opinion').waitFor();
  found.push(...(await axe(page, 'review opinion dialog (en)')));
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByRole('dialog').getByLabel('Current password').waitFor();
  found.push(...(await axe(page, 'change-password dialog (en)')));
  assert.deepEqual(found, []);
  await page.close();
});

test('a dialog zooms in by default, and opens still when the system asks for less motion', async () => {
  const seen: Record<string, string[]> = {};
  for (const reducedMotion of ['no-preference', 'reduce'] as const) {
    const page = await h.browser.newPage({ viewport: { width: 1366, height: 860 }, reducedMotion });
    await consoleLogin(page, h.baseUrl, 'district');
    const open = page.getByRole('button', { name: '修改密码' });
    await open.waitFor();
    // Every class the dialog carries from the moment it is added (the motion classes come and go).
    await page.evaluate(`(() => {
      const log = (globalThis.__dialogClasses = []);
      new MutationObserver((records) => {
        for (const r of records) {
          const nodes = r.type === 'attributes' ? [r.target] : [...r.addedNodes];
          for (const n of nodes)
            if (n.nodeType === 1)
              for (const d of [n, ...n.querySelectorAll('[role=dialog]')])
                if (d.getAttribute('role') === 'dialog') log.push(d.className);
        }
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
    })()`);
    await open.click();
    await page.getByRole('dialog').getByLabel('当前密码').waitFor();
    await page.evaluate(
      `Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined)))`,
    );
    seen[reducedMotion] = (await page.evaluate('globalThis.__dialogClasses')) as string[];
    await page.close();
  }
  // The zoom runs in the -start and -active steps; with motion off, Ant Design still passes through
  // -prepare (opacity 0, no transform: already where it ends) and drops the classes at once.
  const moving = /-(enter|appear)-(start|active)\b/;
  assert.ok(
    seen['no-preference']!.some((c) => moving.test(c)),
    `zooms by default: ${JSON.stringify(seen['no-preference'])}`,
  );
  assert.ok(seen.reduce!.length > 0, 'the dialog was seen');
  assert.ok(
    seen.reduce!.every((c) => !moving.test(c)),
    `still with less motion: ${JSON.stringify(seen.reduce)}`,
  );
});
