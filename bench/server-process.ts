/**
 * The real server as a child process for the load and fault benches: a PostgreSQL database of its own,
 * the demo district seeded once (development mode), then served as production (load shedding on).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { generateKeyRing, serializeKeyRing } from '../server/platform/crypto/keys.ts';

export const BENCH_PASSWORD = 'Load-Bench-2026!';
const DEFAULT_BASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function admin(baseUrl: string, q: string) {
  const c = new pg.Client({ connectionString: baseUrl });
  await c.connect();
  try {
    await c.query(q);
  } finally {
    await c.end();
  }
}

export function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

export interface BenchServer {
  url: string;
  /** The database's URL (for checks straight in SQL). */
  dbUrl: string;
  /** The served process's key ring (TUOYU_KEYS), e.g. to compute a blind index in a check. */
  keys: string;
  child: ChildProcess;
  /** Start the server again on the same database and port (production mode), after a stop or a kill. */
  restart(): Promise<void>;
  /** SIGKILL, no goodbye: what a power loss or the OOM killer does. */
  kill9(): Promise<void>;
  close(): Promise<void>;
}

function spawnServer(env: Record<string, string>, port: number): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function waitHealthy(url: string, child: ChildProcess, seconds: number) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) while starting`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server did not answer /api/health within ${seconds} s`);
}

async function stop(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const done = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await Promise.race([done, new Promise((r) => setTimeout(r, 10_000))]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/**
 * A fresh database with the demo district, served as production on a free port. `env`: settings of the
 * served process (and of its restarts), e.g. the fault drill's short JOB_LEASE_SECONDS.
 */
export async function startBenchServer(
  label: string,
  baseUrl = DEFAULT_BASE_URL,
  env: Record<string, string> = {},
): Promise<BenchServer> {
  const dbName = `tuoyu_${label}_${process.pid}`;
  await admin(baseUrl, `CREATE DATABASE ${dbName}`);
  const u = new URL(baseUrl);
  u.pathname = `/${dbName}`;
  const dbUrl = u.toString();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `tuoyu-${label}-`));
  const common = {
    DATABASE_URL: dbUrl,
    DATA_DIR: dataDir,
    TUOYU_KEYS: serializeKeyRing(generateKeyRing()),
    DEMO_PASSWORD: BENCH_PASSWORD,
  };
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const cleanup = async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await admin(baseUrl, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
  };
  try {
    const t0 = performance.now();
    const seeding = spawnServer({ ...common, DEMO: '1', NODE_ENV: 'development' }, port);
    await waitHealthy(url, seeding, 300);
    await stop(seeding, 'SIGTERM');
    console.log(
      `demo district seeded on PostgreSQL ${dbName} in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );
    const server: BenchServer = {
      url,
      dbUrl,
      keys: common.TUOYU_KEYS,
      child: spawnServer({ ...common, ...env, NODE_ENV: 'production' }, port),
      async restart() {
        server.child = spawnServer({ ...common, ...env, NODE_ENV: 'production' }, port);
        await waitHealthy(url, server.child, 120);
      },
      async kill9() {
        await stop(server.child, 'SIGKILL');
      },
      async close() {
        await stop(server.child, 'SIGTERM');
        await cleanup();
      },
    };
    await waitHealthy(url, server.child, 120);
    return server;
  } catch (e) {
    await cleanup();
    throw e;
  }
}

export async function login(url: string, username: string): Promise<string> {
  const r = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  if (!r.ok) throw new Error(`login ${username}: ${r.status} ${await r.text()}`);
  const cookie = r.headers.get('set-cookie');
  if (!cookie) throw new Error(`login ${username}: no cookie`);
  return cookie.split(';')[0]!;
}

export async function getJson<T>(url: string, p: string, cookie?: string): Promise<T> {
  const r = await fetch(`${url}${p}`, { headers: cookie ? { cookie } : {} });
  if (!r.ok) throw new Error(`GET ${p}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

/** The demo institution's account, its id and its first class (the register's writes go there). */
export async function demoInstitutionClass(url: string) {
  const cookie = await login(url, 'institution');
  const me = await getJson<{ scope: { institutionId?: string } }>(url, '/api/v1/auth/me', cookie);
  const institutionId = me.scope.institutionId;
  if (!institutionId) throw new Error('the demo institution account has no institution');
  const detail = await getJson<{ classes: { id: string }[] }>(
    url,
    `/api/v1/institutions/${institutionId}`,
    cookie,
  );
  const classId = detail.classes[0]?.id;
  if (!classId) throw new Error('the demo institution has no class');
  return { cookie, institutionId, classId };
}

/** An institution adds a child to its class's roster (the register's one-row write, audited). */
export function addRosterChild(
  url: string,
  at: { cookie: string; classId: string },
  name: string,
  birthMonth = '2024-06',
): Promise<Response> {
  return fetch(`${url}/api/v1/operating/classes/${at.classId}/roster`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: at.cookie },
    body: JSON.stringify({ name, birthMonth }),
  });
}
