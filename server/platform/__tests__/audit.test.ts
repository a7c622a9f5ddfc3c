import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DISTRICT, type TestApp } from '../../../test/app.ts';
import { actorFor } from '../../../test/factories/context.ts';
import { auditEntrySql, recordAudit, sealAudit, verifyAuditChain } from '../audit/service.ts';
import type { RequestContext } from '../context.ts';
import { GENESIS_HASH, users } from '../tables.ts';

let t: TestApp;
let auditor: string;
beforeAll(async () => {
  t = await createTestApp();
  const d = { kind: 'division' as const, divisionCode: DISTRICT };
  await t.createUser('sysadmin', 'system_admin', d);
  await t.createUser('auditor', 'audit_admin', d);
  auditor = await t.login('auditor');
});
afterAll(() => t.close());

const exec = (q: string) => t.database.exec(q);

describe('audit trail', () => {
  it('records logins (success and failure) and writes with actor, role, scope, ip, request id and masked changes', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'sysadmin', password: 'nope' },
      remoteAddress: '10.7.7.7',
    });
    const sys = await t.login('sysadmin');
    const created = await t.call('POST', '/api/v1/users', {
      cookie: sys,
      body: { username: 'audited', displayName: '被审计', password: 'Start-Here-2026' },
    });
    expect(created.statusCode).toBe(201);
    const page = (await t.call('GET', '/api/v1/audit?pageSize=100', { cookie: auditor })).json();
    const failed = page.items.find(
      (e: { action: string; result: string }) => e.action === 'auth.login' && e.result === 'failure',
    );
    expect(failed).toMatchObject({ actorUsername: 'sysadmin', ip: '10.7.7.7', actorId: null });
    const create = page.items.find((e: { action: string }) => e.action === 'users.create');
    expect(create).toMatchObject({
      actorUsername: 'sysadmin',
      role: 'system_admin',
      scope: `division:${DISTRICT}`,
      objectType: 'user',
      result: 'success',
    });
    expect(create.requestId).toBeTruthy();
    expect(JSON.stringify(create.changes)).not.toContain('Start-Here-2026');
    const filtered = (await t.call('GET', '/api/v1/audit?action=users.create', { cookie: auditor })).json();
    expect(filtered.items.every((e: { action: string }) => e.action === 'users.create')).toBe(true);
    expect(filtered.total).toBe(1);
  });

  it('verifies the chain, and reports a row changed behind the app’s back', async () => {
    const ok = (await t.call('GET', '/api/v1/audit/verify', { cookie: auditor })).json();
    expect(ok.ok).toBe(true);
    expect(ok.count).toBeGreaterThan(2);
    await exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete');
    await exec(`UPDATE audit_log SET actor_username = 'someone-else' WHERE seq = 2`);
    await exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete');
    const broken = await verifyAuditChain(t.database.db, DISTRICT);
    expect(broken.ok).toBe(false);
    expect(broken.brokenAt).toBe(2);
    const viaApi = (await t.call('GET', '/api/v1/audit/verify', { cookie: auditor })).json();
    expect(viaApi).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('the database refuses UPDATE and DELETE on the trail', async () => {
    await expect(exec(`UPDATE audit_log SET action = 'x' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(exec('DELETE FROM audit_log WHERE seq = 1')).rejects.toThrow(/append-only/);
  });

  it('writes the entry in the same transaction: if it cannot be written, the change fails too', async () => {
    const ctx: RequestContext = {
      actor: null,
      districtCode: DISTRICT,
      ip: null,
      requestId: 'r1',
      now: t.clock.now(),
    };
    const before = await t.database.db.select().from(users);
    await expect(
      t.database.db.transaction(async (tx) => {
        await tx.update(users).set({ displayName: '不该保存' }).where(sql`true`);
        // An action longer than any text the trail accepts? text has no limit: break it with an invalid jsonb value instead.
        await recordAudit(tx, ctx, { action: 'test.write', changes: { bad: 'x\u0000y' } });
      }),
    ).rejects.toThrow();
    const after = await t.database.db.select().from(users);
    expect(after.map((u) => u.displayName)).toEqual(before.map((u) => u.displayName));
  });
});

describe('sealing after the commit (ADR 0017)', () => {
  // Its own database: the trail above is tampered with on purpose.
  let s: TestApp;
  beforeAll(async () => {
    s = await createTestApp();
  });
  afterAll(() => s.close());
  const exec = (q: string) => s.database.exec(q);
  const ctx = (): RequestContext => ({
    actor: null,
    districtCode: DISTRICT,
    ip: null,
    requestId: 'seal',
    now: s.clock.now(),
  });
  const rows = async (action: string) =>
    (
      (await s.database.db.execute(
        sql`select seq::text as seq, hash, prev_hash from audit_log where action = ${action} order by entry_no`,
      )) as unknown as { rows: { seq: string | null; hash: string | null; prev_hash: string | null }[] }
    ).rows;

  it('an entry is written pending, then linked in insertion order after the chain head; sealing again changes nothing', async () => {
    await sealAudit(s.database.db);
    const [head] = (
      (await s.database.db.execute(
        sql`select seq::text as seq, hash from audit_chain_head where district_code = ${DISTRICT}`,
      )) as unknown as { rows: { seq: string; hash: string }[] }
    ).rows;
    for (let i = 0; i < 3; i++)
      await recordAudit(s.database.db, ctx(), { action: 'test.seal', changes: { i } });
    expect((await rows('test.seal')).map((r) => r.seq)).toEqual([null, null, null]);
    expect(await sealAudit(s.database.db, DISTRICT)).toBe(3);
    const sealed = await rows('test.seal');
    const first = Number(head?.seq ?? 0) + 1; // a fresh district has no head yet: the genesis hash
    const headHash = head?.hash ?? GENESIS_HASH;
    expect(sealed.map((r) => Number(r.seq))).toEqual([first, first + 1, first + 2]);
    expect(sealed[0]!.prev_hash).toBe(headHash);
    expect(sealed[1]!.prev_hash).toBe(sealed[0]!.hash);
    expect(await sealAudit(s.database.db, DISTRICT)).toBe(0);
    expect((await verifyAuditChain(s.database.db, DISTRICT)).ok).toBe(true);
  });

  it('auditEntrySql: a one-statement write carries the entry recordAudit writes, only when it writes; sealed alike', async () => {
    const c: RequestContext = {
      actor: actorFor('parent', { kind: 'family', familyId: '01900000-0000-7000-8000-0000000000aa' }),
      districtCode: DISTRICT,
      ip: '10.1.2.3',
      requestId: 'req-one',
      now: s.clock.now(),
    };
    const event = {
      action: 'test.one_statement',
      objectType: 'thing',
      objectId: 'x-1',
      changes: { slotId: 's-1', idNumber: '31011820240101001X' },
    };
    await recordAudit(s.database.db, c, { ...event, changes: { ...event.changes, status: 'booked' } });
    const write = (when: boolean) =>
      s.database.db.execute(
        sql`with w as (select 1 as n where ${when}),
             a as (${auditEntrySql(c, event, {
               when: sql`exists (select 1 from w)`,
               computed: { status: sql`(select 'booked'::text from w)` },
             })})
             select count(*)::int as n from w`,
      );
    await write(false);
    await write(true);
    const entries = (
      (await s.database.db.execute(
        sql`select district_code, at, actor_id, actor_username, role, scope, ip, action, object_type, object_id,
              result, request_id, changes from audit_log where action = 'test.one_statement' order by entry_no`,
      )) as unknown as { rows: Record<string, unknown>[] }
    ).rows;
    // One by recordAudit, one by the statement that wrote; none by the one that did not.
    expect(entries).toHaveLength(2);
    expect(entries[1]).toEqual(entries[0]);
    expect(JSON.stringify(entries[1]!.changes)).not.toContain('20240101001');
    expect(entries[1]!.changes).toMatchObject({ slotId: 's-1', status: 'booked' });
    await sealAudit(s.database.db, DISTRICT);
    expect((await verifyAuditChain(s.database.db, DISTRICT)).ok).toBe(true);
    expect(() => auditEntrySql(c, event, { when: sql`true`, computed: { idNumber: sql`'x'` } })).toThrow(
      /personal/,
    );
  });

  it('a rolled-back write leaves no entry, pending or sealed', async () => {
    await expect(
      s.database.db.transaction(async (tx) => {
        await recordAudit(tx, ctx(), { action: 'test.rolled_back' });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await sealAudit(s.database.db);
    expect(await rows('test.rolled_back')).toEqual([]);
  });

  it('the database lets only the sealing change through: not another field with it, not a sealed entry again', async () => {
    await recordAudit(s.database.db, ctx(), { action: 'test.tamper_pending' });
    const link = `seq = 999999, prev_hash = repeat('a', 64), hash = repeat('b', 64)`;
    await expect(
      exec(`UPDATE audit_log SET ${link}, action = 'x' WHERE action = 'test.tamper_pending'`),
    ).rejects.toThrow(/append-only/);
    await sealAudit(s.database.db);
    await expect(
      exec(`UPDATE audit_log SET seq = NULL, prev_hash = NULL, hash = NULL WHERE seq = 1`),
    ).rejects.toThrow(/append-only/);
    await expect(exec(`UPDATE audit_log SET ${link} WHERE seq = 1`)).rejects.toThrow(/append-only/);
  });

  it('a sealed entry put back to pending behind the app’s back shows as a gap', async () => {
    await sealAudit(s.database.db);
    await exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete');
    await exec(`UPDATE audit_log SET seq = NULL, prev_hash = NULL, hash = NULL WHERE seq = 3`);
    await exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete');
    const r = await verifyAuditChain(s.database.db, DISTRICT);
    expect(r.ok).toBe(false);
    expect(r.reason).toMatch(/gap before seq 4/);
  });
});

describe('audit trail names, read now', () => {
  it('names the actor, the object (an account, an institution) and the scope (青浦区)', async () => {
    const { buildInstitutionInput } = await import('../../modules/institutions/factories.ts');
    const { ZHUJIAJIAO } = await import('../../../test/app.ts');
    await t.createUser('district-n', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
    const district = await t.login('district-n');
    const inst = await t.call('POST', '/api/v1/institutions', {
      cookie: district,
      body: buildInstitutionInput({ townCode: ZHUJIAJIAO, name: '青浦区朱家角镇审计名称托育园' }),
    });
    expect(inst.statusCode, inst.body).toBe(201);
    const page = (
      await t.call('GET', '/api/v1/audit?action=institutions.create', { cookie: auditor })
    ).json();
    expect(page.items[0]).toMatchObject({
      objectType: 'institution',
      objectName: { zh: '青浦区朱家角镇审计名称托育园' },
      scopeLabel: { zh: '青浦区' },
      actorName: '测试 district-n',
    });
    const users = (await t.call('GET', '/api/v1/audit?action=users.create', { cookie: auditor })).json();
    expect(users.items[0].objectName).toMatchObject({ zh: '被审计' });
  });
});
