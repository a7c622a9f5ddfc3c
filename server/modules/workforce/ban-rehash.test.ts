/**
 * Changing the ban-list key (ADR 0013): staff hashes recomputed from the sealed numbers, entries of people
 * registered here carried over, the others reported; resumable and idempotent; audited with counts only.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InstitutionDetail } from '../../../domain/contracts/institution.ts';
import { createTestApp, DISTRICT, type TestApp, ZHUJIAJIAO } from '../../../test/app.ts';
import { buildInstitution } from '../../../test/factories/institutions.ts';
import { buildStaffInput, syntheticCitizenId } from '../../../test/factories/workforce.ts';
import { banHash, banListKey, installBanListKey } from './ban-key.ts';
import { keyMatchesStaff, rehashBanList } from './ban-rehash.ts';

let t: TestApp;
let inst: InstitutionDetail;
let district: string;
let admin: string;
const citizen = syntheticCitizenId('1992-03-04', true);
const stranger = syntheticCitizenId('1980-07-08', false);
const passport = 'E87654321';

type Row = Record<string, unknown>;
const rows = async (q: string) => ((await t.database.db.execute(q)) as unknown as { rows: Row[] }).rows;

beforeAll(async () => {
  t = await createTestApp();
  const now = t.clock.now();
  inst = await buildInstitution(t.database.db, {
    status: 'operating',
    townCode: ZHUJIAJIAO,
    name: '换钥园',
    now,
  });
  await t.createUser('rk-district', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
  await t.createUser('rk-admin', 'institution_admin', { kind: 'institution', institutionId: inst.id });
  district = await t.login('rk-district');
  admin = await t.login('rk-admin');
  for (const body of [
    buildStaffInput(inst.id, { name: '换钥甲', idNumber: citizen }),
    buildStaffInput(inst.id, {
      name: 'Key Roe',
      idType: 'passport',
      idNumber: passport,
      birthDate: '1990-01-01',
      sex: 'male',
      nationality: 'GB',
      post: 'cook',
    }),
  ]) {
    const res = await t.call('POST', '/api/v1/workforce/staff', { cookie: admin, body });
    expect(res.statusCode, res.body).toBe(201);
  }
  // one entry for a person registered here, one typed in from a decision about someone never registered
  for (const [name, idNumber, ref] of [
    ['换钥甲', citizen, '青卫〔2026〕31号'],
    ['外来乙', stranger, '青卫〔2026〕32号'],
  ] as const) {
    const res = await t.call('POST', '/api/v1/workforce/bans', {
      cookie: district,
      body: {
        person: { name, idType: 'citizen_id', idNumber },
        reason: '虐待婴幼儿',
        decisionRef: ref,
        decisionDate: '2026-03-01',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
}, 60_000);
afterAll(() => t.close());

describe('changing the ban-list key', () => {
  const oldKey = () => banListKey();
  const newKey = randomBytes(32);

  it('re-hashes staff, carries their entries over, reports the rest and re-screens', async () => {
    expect(await keyMatchesStaff(t.database.db, oldKey())).toBe(true);
    expect(await keyMatchesStaff(t.database.db, newKey)).toBe(false);
    const [report, ...more] = await rehashBanList(t.database.db, { oldKey: oldKey(), newKey });
    expect(more).toEqual([]);
    expect(report).toMatchObject({
      districtCode: DISTRICT,
      staff: 2,
      staffUnchanged: 0,
      staffRepaired: 0,
      entries: 1,
      entriesUnchanged: 0,
    });
    expect(report!.unmatched).toEqual([
      expect.objectContaining({ source: 'local', decisionRef: '青卫〔2026〕32号' }),
    ]);
    const staffHashes = (await rows('select ban_hash from workforce_staff order by full_name')).map(
      (r) => r.ban_hash,
    );
    expect(new Set(staffHashes)).toEqual(
      new Set([banHash('citizen_id', citizen, newKey), banHash('passport', passport, newKey)]),
    );
    const entries = await rows(
      'select ban_hash, decision_ref from workforce_ban_entries order by decision_ref',
    );
    expect(entries[0]!.ban_hash).toBe(banHash('citizen_id', citizen, newKey));
    expect(entries[1]!.ban_hash).toBe(banHash('citizen_id', stranger, oldKey()));
    // the banned person's employment is blocked by the re-screen under the new hashes
    const emp = await rows(
      `select e.status from workforce_employments e join workforce_staff s on s.id = e.staff_id and s.district_code = e.district_code where s.full_name = '换钥甲'`,
    );
    expect(emp.map((r) => r.status)).toEqual(['blocked']);
    expect(await keyMatchesStaff(t.database.db, newKey)).toBe(true);
  });

  it('a second run changes nothing; the audit entry holds counts only', async () => {
    const [again] = await rehashBanList(t.database.db, { oldKey: oldKey(), newKey });
    expect(again).toMatchObject({ staff: 0, staffUnchanged: 2, entries: 0, entriesUnchanged: 1 });
    expect(again!.unmatched).toHaveLength(1);
    const audit = await rows(
      `select changes::text as c from audit_log where action = 'workforce.ban_key_change' order by entry_no`,
    );
    expect(audit).toHaveLength(1);
    expect(JSON.parse(String(audit[0]!.c))).toEqual({ staff: 2, staffRepaired: 0, entries: 1, unmatched: 1 });
    expect(String(audit[0]!.c)).not.toContain(citizen);
  });

  it('with the new key installed, hiring the banned number elsewhere is still blocked', async () => {
    installBanListKey(newKey, true);
    const res = await t.call('POST', '/api/v1/workforce/bans', {
      cookie: district,
      body: {
        person: { name: '换钥丙', idType: 'citizen_id', idNumber: syntheticCitizenId('1994-04-04', true) },
        reason: '虐待婴幼儿',
        decisionRef: '青卫〔2026〕33号',
        decisionDate: '2026-03-02',
      },
    });
    expect(res.statusCode).toBe(201);
    // the list now screens the staff hashed under the new key: the passport holder is banned too
    const ban = await t.call('POST', '/api/v1/workforce/bans', {
      cookie: district,
      body: {
        person: { name: 'Key Roe', idType: 'passport', idNumber: passport },
        reason: '虐待婴幼儿',
        decisionRef: '青卫〔2026〕34号',
        decisionDate: '2026-03-02',
      },
    });
    expect(ban.statusCode).toBe(201);
    await t.jobs.runDue();
    const emp = await rows(
      `select e.status from workforce_employments e join workforce_staff s on s.id = e.staff_id and s.district_code = e.district_code where s.full_name = 'Key Roe'`,
    );
    expect(emp.map((r) => r.status)).toEqual(['blocked']);
  });

  it('refuses the key in use as the new key', async () => {
    await expect(rehashBanList(t.database.db, { oldKey: newKey, newKey })).rejects.toThrow(/key in use/);
  });
});
