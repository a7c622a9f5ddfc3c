/**
 * Journeys run the real server (built web app, fresh embedded database, demo data) and drive Debian's
 * Chromium through playwright-core. Never `playwright install`: the browser comes from apt.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

export const DEMO_PASSWORD = 'Journey-Demo-2026!';
export const SHOTS = path.resolve('e2e/screenshots');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface Harness {
  baseUrl: string;
  browser: Browser;
  stop(): Promise<void>;
}

/**
 * The demo district seeded once for a whole run (`npm run e2e` makes it with e2e/template.ts and passes
 * E2E_TEMPLATE): each journey starts on a copy of it instead of seeding its own (20–60 s each, a third of
 * the journeys' time). It is used only on the China date it was seeded on — the demo is dated from that
 * day — so after midnight in China a journey seeds its own again. A journey run alone seeds its own.
 */
function freshDataDir(): string {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tuoyu-e2e-'));
  const template = process.env.E2E_TEMPLATE;
  if (template && existsSync(path.join(template, TEMPLATE_DAY))) {
    const day = readFileSync(path.join(template, TEMPLATE_DAY), 'utf8').trim();
    if (day === chinaDate(0)) cpSync(template, dataDir, { recursive: true });
  }
  return dataDir;
}
export const TEMPLATE_DAY = 'e2e-template-day.txt';

/** Start the server on `dataDir` (seeded on start when empty) on a free port and wait until it is healthy. */
export async function startServer(dataDir: string): Promise<{ server: ChildProcess; baseUrl: string }> {
  const port = await freePort();
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DEMO_PASSWORD,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  // Seeding the demo district on PGlite takes 20–60 s alone; on a machine shared with other runs, more.
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {}
    if (Date.now() > deadline) {
      server.kill('SIGKILL'); // not left running after the journey gives up on it
      throw new Error('server did not become healthy in 180 s');
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return { server, baseUrl };
}

/** Start the server on a fresh data folder (a copy of the run's seeded demo, if any), launch Chromium. */
export async function startHarness(): Promise<Harness> {
  const dataDir = freshDataDir();
  const { server, baseUrl } = await startServer(dataDir);
  // Without a browser (not installed, or it will not start) the server is stopped again and the error
  // names the path: a server left running would keep the test process alive until CI's time limit.
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const browser = await chromium
    .launch({
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    })
    .catch(async (e: unknown) => {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
      throw new Error(`Chromium at ${executablePath} did not start (apt install chromium): ${String(e)}`);
    });
  mkdirSync(SHOTS, { recursive: true });
  return {
    baseUrl,
    browser,
    async stop() {
      await browser.close();
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Wait until nothing on the page is still zooming or fading in (Ant Design's motion classes
 * `…-enter-prepare/-start/-active`, `…-appear-…`). Click inside a dialog or popover only after this: under
 * load a button in a dialog still in its `-start` step (scaled down, the animation not yet running) can
 * look stable to Playwright, which presses it there; the zoom then moves it and the release lands
 * elsewhere, so the click is lost (CI: the exchange journey's webhook form was never submitted; locally
 * under load a Popconfirm's 确定 did nothing). A console user who asks the system for less motion gets
 * none (AntdConfig); the journeys keep the default motion, which is what most users see.
 */
export async function motionSettled(page: Page) {
  const steps = ['prepare', 'start', 'active'].flatMap((s) => [`-enter-${s}`, `-appear-${s}`]);
  await page
    .locator(steps.map((s) => `[class*="${s}"]`).join(', '))
    .first()
    .waitFor({ state: 'detached' });
}

/** Save a full-page screenshot under e2e/screenshots/. */
export async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/**
 * Wait until the Ant Design tables on the page have loaded: no loading spinner over a table, and each
 * table shows rows or its empty placeholder. Count rows only after this (before, a table may be empty
 * because its request is still under way).
 */
export async function tablesSettled(page: Page) {
  // A function, not a string: Playwright re-checks a string predicate with eval(), which the console's
  // CSP (script-src 'self', no 'unsafe-eval') refuses whenever the first check is not already true (seen
  // in CI under load). The DOM is reached through globalThis so this file needs no DOM types.
  await page.waitForFunction(() => {
    type El = { querySelector(s: string): unknown };
    const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): Iterable<El> } })
      .document;
    const tables = [...doc.querySelectorAll('.ant-table-wrapper')];
    return (
      tables.length > 0 &&
      tables.every(
        (t) =>
          !t.querySelector('.ant-spin-spinning') &&
          t.querySelector('.ant-table-row, .ant-table-placeholder') !== null,
      )
    );
  });
}

/** Log in on the console's login page. */
export async function consoleLogin(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/admin/login`);
  await page.getByLabel(/用户名|Username/).fill(username);
  await page.getByLabel(/密码|Password/).fill(password);
  await page.getByRole('button', { name: /登\s*录|Log in/ }).click();
}

/**
 * Pick an option of an Ant Design select in `scope` by its label: opens the list, clicks the option and
 * retries while the list stays open (a click during the opening animation can miss).
 */
export async function choose(
  page: Page,
  scope: ReturnType<Page['getByRole']>,
  field: string,
  label?: string,
) {
  const open = page.locator('.ant-select-dropdown:visible');
  const multiple =
    (await scope.locator('.ant-select-multiple', { has: page.getByLabel(field, { exact: true }) }).count()) >
    0;
  for (let attempt = 0; attempt < 3; attempt++) {
    if ((await open.count()) === 0) await scope.getByLabel(field, { exact: true }).click();
    const options = open.locator('.ant-select-item-option', label ? { hasText: label } : {});
    await options.first().waitFor();
    await motionSettled(page); // the list slides in; a pick during the slide can be lost
    await options.first().click();
    // A multi-select stays open by design: done once the option shows as selected.
    if (multiple && (await open.locator('.ant-select-item-option-selected').count()) > 0) return;
    // A single select closes; on a slow machine that can take a while. It must be closed before the
    // next pick, or the next field's option is looked for in this list.
    const closed = await open
      .first()
      .waitFor({ state: 'hidden', timeout: 10_000 })
      .then(() => true)
      .catch(() => false);
    if (closed) return;
  }
  throw new Error(`could not pick ${label ?? 'the first option'} in ${field}`);
}

/** YYYY-MM-DD `days` after today in China time. */
export function chinaDate(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** A fresh API session (a browser context with the session cookie, no page) for `username`. */
export async function apiAs(h: Harness, username: string, password = DEMO_PASSWORD) {
  const context = await h.browser.newContext();
  const res = await context.request.post(`${h.baseUrl}/api/v1/auth/login`, { data: { username, password } });
  if (res.status() !== 200) throw new Error(`login ${username}: ${res.status()} ${await res.text()}`);
  return context;
}
