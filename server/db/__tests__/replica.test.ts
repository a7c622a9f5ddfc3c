/**
 * Reads on a streaming replica, writes on the primary (issue 15, ADR 0031), proven on two real
 * PostgreSQL clusters that this test starts itself: a primary (initdb, wal_level=replica) and a standby
 * made from it by `pg_basebackup -R`, each on a free port, removed in afterAll.
 *
 * It runs in the PostgreSQL pass (TEST_DATABASE_URL set; that server itself is not used) and is skipped
 * on the PGlite pass. When TEST_DATABASE_URL is set and the server binaries (initdb, pg_ctl,
 * pg_basebackup under /usr/lib/postgresql/<version>/bin) are missing, it FAILS and says so — CI has them.
 * As root (initdb refuses root) the binaries run as the `postgres` OS user.
 *
 * The proof that the replica answers: its replay is paused (`pg_wal_replay_pause()`), a row is written on
 * the primary, and an anonymous GET does not see it while the writer's own GET does.
 */
import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestApp, DISTRICT, PASSWORD, type TestApp } from '../../../test/app.ts';
import { buildInstitution } from '../../../test/factories/institutions.ts';
import { institutions } from '../../modules/institutions/tables.ts';
import { LSN_COOKIE } from '../../platform/read-routing.ts';
import { openDatabase } from '../client.ts';
import { migrate } from '../migrate.ts';
import { seedReference } from '../reference.ts';
import { readRouting } from '../replica.ts';

const onPostgres = Boolean(inject('testDatabaseUrl'));

/** The newest PostgreSQL server binaries on this machine, or null. */
function serverBinaries(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const bin = path.join(root, v, 'bin');
    if (['initdb', 'pg_ctl', 'pg_basebackup'].every((b) => existsSync(path.join(bin, b)))) return bin;
  }
  return null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

/** Two clusters in one temporary folder; every command runs as `postgres` when we are root. */
function clusters(bin: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tuoyu-replica-'));
  const root = process.getuid?.() === 0;
  if (root) {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, id('-u'), id('-g'));
  }
  const run = (cmd: string, args: string[]) =>
    root
      ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args], { stdio: 'pipe' })
      : execFileSync(path.join(bin, cmd), args, { stdio: 'pipe' });
  const data = { primary: path.join(dir, 'primary'), standby: path.join(dir, 'standby') };
  const ports = { primary: 0, standby: 0 };
  const log = (which: 'primary' | 'standby') => path.join(dir, `${which}.log`);
  const ctl = (which: 'primary' | 'standby', action: 'start' | 'stop', mode = 'fast') =>
    run('pg_ctl', [
      '-D',
      data[which],
      '-w',
      '-t',
      '60',
      '-m',
      mode,
      '-l',
      log(which),
      '-o',
      `-p ${ports[which]} -k ${dir}`,
      action,
    ]);
  const started = new Set<'primary' | 'standby'>();
  return {
    dir,
    ports,
    url: (which: 'primary' | 'standby') => `postgres://postgres@127.0.0.1:${ports[which]}/postgres`,
    async create() {
      ports.primary = await freePort();
      ports.standby = await freePort();
      run('initdb', ['-D', data.primary, '-A', 'trust', '-U', 'postgres', '--no-sync']);
      appendFileSync(
        path.join(data.primary, 'postgresql.conf'),
        "\nwal_level = replica\nmax_wal_senders = 4\nhot_standby = on\nlisten_addresses = '127.0.0.1'\nfsync = off\n",
      );
      appendFileSync(path.join(data.primary, 'pg_hba.conf'), '\nhost replication all 127.0.0.1/32 trust\n');
      this.start('primary');
      run('pg_basebackup', [
        '-h',
        '127.0.0.1',
        '-p',
        String(ports.primary),
        '-U',
        'postgres',
        '-D',
        data.standby,
        '-R',
        '-X',
        'stream',
        '--no-sync',
      ]);
      this.start('standby');
    },
    start(which: 'primary' | 'standby') {
      try {
        ctl(which, 'start');
        started.add(which);
      } catch (e) {
        const tail = existsSync(log(which)) ? readFileSync(log(which), 'utf8').slice(-2000) : '';
        throw new Error(`${which} did not start: ${(e as Error).message}\n${tail}`);
      }
    },
    stop(which: 'primary' | 'standby') {
      ctl(which, 'stop');
      started.delete(which);
    },
    /** Stop whatever runs and remove the folder; never throws (afterAll, also after a failure). */
    remove() {
      for (const which of [...started].reverse())
        try {
          ctl(which, 'stop', 'immediate');
        } catch {
          // already gone
        }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A client with a cookie jar: the session and the read-your-writes cookie travel as a browser's do. */
function client(t: TestApp) {
  const jar = new Map<string, string>();
  const send = async (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) => {
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res: LightMyRequestResponse = await t.app.inject({
      method,
      url,
      headers: cookie ? { cookie } : {},
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    for (const c of res.cookies) jar.set(c.name, c.value);
    return res;
  };
  return { jar, send };
}

describe.skipIf(!onPostgres)('reads on a streaming replica (two clusters started here)', () => {
  const bin = serverBinaries();
  let pair: ReturnType<typeof clusters> | undefined;
  let t: TestApp;
  let primary: pg.Client;
  let standby: pg.Client;
  let listed: { id: string; name: string };

  const replica = () => t.database.replica!;
  const paused = async (on: boolean) => {
    await standby.query(on ? 'select pg_wal_replay_pause()' : 'select pg_wal_replay_resume()');
    for (let i = 0; i < 200; i++) {
      const r = await standby.query('select pg_get_wal_replay_pause_state() as s');
      if ((r.rows[0].s === 'paused') === on) break;
      await new Promise((ok) => setTimeout(ok, 25));
    }
  };
  /** Wait until the standby has replayed everything the primary has written so far. */
  const replayed = async () => {
    const { rows } = await primary.query('select pg_current_wal_lsn() as lsn');
    for (let i = 0; i < 400; i++) {
      const r = await standby.query('select pg_last_wal_replay_lsn() >= $1::pg_lsn as ok', [rows[0].lsn]);
      if (r.rows[0].ok) break;
      await new Promise((ok) => setTimeout(ok, 25));
    }
    await new Promise((ok) => setTimeout(ok, 50)); // past the routing pool's cached replay position
  };

  beforeAll(async () => {
    if (!bin)
      throw new Error(
        'PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup) not found under /usr/lib/postgresql/<version>/bin: ' +
          'the replica test needs them whenever TEST_DATABASE_URL is set (apt-get install postgresql)',
      );
    pair = clusters(bin);
    await pair.create();
    const database = await openDatabase({
      url: pair.url('primary'),
      replicaUrl: pair.url('standby'),
      poolSize: 4,
    });
    const migration = await migrate(database);
    await seedReference(database.db);
    t = await createTestApp({ database: { ...database, migration, url: pair.url('primary') } });
    primary = new pg.Client({ connectionString: pair.url('primary') });
    standby = new pg.Client({ connectionString: pair.url('standby') });
    // Stopping the standby in (5) ends this idle connection: expected, not an error of the test.
    standby.on('error', () => {});
    primary.on('error', () => {});
    await primary.connect();
    await standby.connect();
    await t.createUser('district', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
    listed = await buildInstitution(t.database.db, { status: 'operating', now: t.clock.now() });
    await replayed();
  }, 120_000);

  afterAll(async () => {
    await primary?.end().catch(() => {});
    await standby?.end().catch(() => {});
    await t?.close().catch(() => {});
    pair?.remove();
  }, 60_000);

  it('(1) an anonymous GET of the portal is answered by the replica: it does not see a row the paused replica has not replayed', async () => {
    const anonymous = client(t);
    expect((await anonymous.send('GET', `/api/v1/public/institutions/${listed.id}`)).statusCode).toBe(200);
    await paused(true);
    try {
      const fresh = await buildInstitution(t.database.db, { status: 'operating', now: t.clock.now() });
      const [onPrimary] = await t.database.db.select().from(institutions).where(sql`id = ${fresh.id}`);
      expect(onPrimary?.name).toBe(fresh.name);
      const before = replica().counters.replica;
      const res = await anonymous.send('GET', `/api/v1/public/institutions/${fresh.id}`);
      expect(res.statusCode, 'the replica has not replayed it yet').toBe(404);
      expect(replica().counters.replica).toBeGreaterThan(before);
      const list = await anonymous.send('GET', '/api/v1/public/institutions?pageSize=100');
      expect(list.statusCode).toBe(200);
      const ids = (list.json() as { items: { id: string }[] }).items.map((i) => i.id);
      expect(ids).toContain(listed.id);
      expect(ids).not.toContain(fresh.id);
      expect(anonymous.jar.has(LSN_COOKIE), 'a read sets no read-your-writes cookie').toBe(false);
      const health = await anonymous.send('GET', '/api/health');
      expect(health.statusCode).toBe(200);
      expect(health.json().replica.state).toBe('up');
      expect(health.json().replica.lagBytes).toBeGreaterThan(0);
    } finally {
      await paused(false);
    }
    await replayed();
  });

  it('(2) a write and then a read of the same object by the same client returns the write while replay is paused; (3) after resume everyone sees it', async () => {
    const officer = client(t);
    const anonymous = client(t);
    const login = await officer.send('POST', '/api/v1/auth/login', {
      username: 'district',
      password: PASSWORD,
    });
    expect(login.statusCode, login.body).toBe(200);
    expect(officer.jar.get(LSN_COOKIE)).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
    await replayed();
    await paused(true);
    let renamed: string;
    try {
      const detail = await officer.send('GET', `/api/v1/institutions/${listed.id}`);
      expect(detail.statusCode, detail.body).toBe(200);
      const before = officer.jar.get(LSN_COOKIE)!;
      renamed = `${listed.name}（更名）`;
      const edit = await officer.send('PATCH', `/api/v1/institutions/${listed.id}`, {
        version: detail.json().version,
        name: renamed,
      });
      expect(edit.statusCode, edit.body).toBe(200);
      expect(officer.jar.get(LSN_COOKIE), 'the write moved the client position').not.toBe(before);

      const own = await officer.send('GET', `/api/v1/public/institutions/${listed.id}`);
      expect(own.json().name, 'the writer reads its own write (on the primary)').toBe(renamed);
      const other = await anonymous.send('GET', `/api/v1/public/institutions/${listed.id}`);
      expect(other.json().name, 'a reader without the cookie reads the paused replica').toBe(listed.name);
    } finally {
      await paused(false);
    }
    await replayed();
    const after = await anonymous.send('GET', `/api/v1/public/institutions/${listed.id}`);
    expect(after.json().name).toBe(renamed);
    const ownAgain = replica().counters.replica;
    expect((await officer.send('GET', `/api/v1/public/institutions/${listed.id}`)).json().name).toBe(renamed);
    expect(replica().counters.replica, 'once replayed, the writer reads on the replica too').toBeGreaterThan(
      ownAgain,
    );
  });

  it('(4) a statement that writes inside a GET still works: refused by the replica (25006), run on the primary, later reads stay there', async () => {
    await paused(true);
    try {
      const store = { allowReplica: true, wrote: false };
      await readRouting.run(store, async () => {
        const db = t.database.db;
        const fallback = replica().counters.fallback;
        // SELECT … FOR UPDATE is a write for a standby: "cannot execute … in a read-only transaction".
        const locked = await db.execute(sql`select id from institutions where id = ${listed.id} for update`);
        expect((locked as unknown as { rows: unknown[] }).rows).toHaveLength(1);
        expect(replica().counters.fallback).toBe(fallback + 1);
        expect(store.wrote).toBe(true);
        // After that, this request's reads stay on the primary: a row it inserts is read back.
        await db.update(institutions).set({ openingHours: '7:30-17:30' }).where(sql`id = ${listed.id}`);
        const served = replica().counters.replica;
        const [row] = await db.select().from(institutions).where(sql`id = ${listed.id}`);
        expect(row?.openingHours).toBe('7:30-17:30');
        expect(replica().counters.replica).toBe(served);
      });
      // Another request with the replica allowed reads the paused replica (the old value).
      await readRouting.run({ allowReplica: true, wrote: false }, async () => {
        const [row] = await t.database.db.select().from(institutions).where(sql`id = ${listed.id}`);
        expect(row?.openingHours).not.toBe('7:30-17:30');
      });
    } finally {
      await paused(false);
    }
    await replayed();
  });

  it('(4b) sessions are looked up on the primary: a session ended by logout is refused at once, even to a client that never wrote', async () => {
    const officer = client(t);
    expect(
      (await officer.send('POST', '/api/v1/auth/login', { username: 'district', password: PASSWORD }))
        .statusCode,
    ).toBe(200);
    await replayed();
    const stolen = `${[...officer.jar].find(([k]) => k !== LSN_COOKIE)!.join('=')}`;
    await paused(true);
    try {
      expect((await officer.send('POST', '/api/v1/auth/logout')).statusCode).toBeLessThan(300);
      // The stolen session cookie alone (no read-your-writes cookie): the replica still holds the session.
      const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: stolen } });
      expect(me.statusCode).toBe(401);
    } finally {
      await paused(false);
    }
    await replayed();
  });

  it('(5) the replica stopped: GETs are answered from the primary, /api/health stays 200 and says the replica is down; started again, it is used again', async () => {
    pair!.stop('standby');
    // First a statement sent while the replica still counts as up (nothing has failed yet): it fails
    // there and is answered by the primary.
    await readRouting.run({ allowReplica: true, wrote: false }, async () => {
      const fallback = replica().counters.fallback;
      const rows = await t.database.db.select().from(institutions);
      expect(rows.length).toBeGreaterThanOrEqual(2);
      expect(replica().counters.fallback).toBe(fallback + 1);
    });
    const anonymous = client(t);
    const one = await anonymous.send('GET', `/api/v1/public/institutions/${listed.id}`);
    expect(one.statusCode, one.body).toBe(200);
    const list = await anonymous.send('GET', '/api/v1/public/institutions?pageSize=100');
    expect(list.statusCode).toBe(200);
    expect((list.json() as { items: unknown[] }).items.length).toBeGreaterThanOrEqual(2);
    const health = await anonymous.send('GET', '/api/health');
    expect(health.statusCode).toBe(200);
    expect(health.json().replica).toEqual({ state: 'down', lagBytes: null });

    // Back again: after the 2 s it is left alone, the same process reads on it again (no restart).
    pair!.start('standby');
    standby = new pg.Client({ connectionString: pair!.url('standby') }); // the old one died with it
    standby.on('error', () => {});
    await standby.connect();
    await new Promise((ok) => setTimeout(ok, 2100));
    await replayed();
    const served = replica().counters.replica;
    expect((await anonymous.send('GET', `/api/v1/public/institutions/${listed.id}`)).statusCode).toBe(200);
    expect(replica().counters.replica).toBeGreaterThan(served);
    expect((await anonymous.send('GET', '/api/health')).json().replica.state).toBe('up');
  });
});
