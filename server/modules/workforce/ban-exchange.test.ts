/**
 * Workforce, issue 9 follow-ups, through the API: the signed ban-list exchange between districts
 * (ADR 0018), passports / work permits in the ban form, assessments and rewards/penalties on a person,
 * and the training-fee subsidy list with its XLSX export.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InstitutionDetail } from '../../../domain/contracts/institution.ts';
import { BAN_LIST_FORMAT, type BanListFile } from '../../../domain/contracts/workforce.ts';
import { countRows, createTestApp, DISTRICT, type TestApp, XUJING, ZHUJIAJIAO } from '../../../test/app.ts';
import { buildInstitution } from '../../../test/factories/institutions.ts';
import { buildStaffInput, syntheticCitizenId } from '../../../test/factories/workforce.ts';
import { banHash } from './ban-key.ts';
import { signedBanList } from './exchange.ts';

let t: TestApp;
let instA: InstitutionDetail;
let instB: InstitutionDetail;
let instX: InstitutionDetail;
let district: string;
let adminA: string;
let adminB: string;
let townX: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const now = t.clock.now();
  instA = await buildInstitution(db, { status: 'operating', townCode: ZHUJIAJIAO, name: '甲园', now });
  instB = await buildInstitution(db, { status: 'operating', townCode: ZHUJIAJIAO, name: '乙园', now });
  instX = await buildInstitution(db, { status: 'operating', townCode: XUJING, name: '徐泾园', now });
  await t.createUser('ex-district', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
  await t.createUser('ex-admin-a', 'institution_admin', { kind: 'institution', institutionId: instA.id });
  await t.createUser('ex-admin-b', 'institution_admin', { kind: 'institution', institutionId: instB.id });
  await t.createUser('ex-town-x', 'town_officer', { kind: 'division', divisionCode: XUJING });
  district = await t.login('ex-district');
  adminA = await t.login('ex-admin-a');
  adminB = await t.login('ex-admin-b');
  townX = await t.login('ex-town-x');
}, 60_000);
afterAll(() => t.close());

const hire = (cookie: string, body: unknown) => t.call('POST', '/api/v1/workforce/staff', { cookie, body });
const auditCount = async (action: string, result = 'success') => {
  const r = (await t.database.db.execute(
    `select count(*)::int as n from audit_log where action = '${action}' and result = '${result}'`,
  )) as unknown as { rows: { n: number }[] };
  return r.rows[0]!.n;
};

describe('passports and work permits in the ban form', () => {
  it('a bad document number is a 400 naming the field; nothing written', async () => {
    const res = await t.call('POST', '/api/v1/workforce/bans', {
      cookie: district,
      body: {
        person: { name: 'Foreign One', idType: 'passport', idNumber: 'E1-2' },
        reason: '虐童',
        decisionRef: '青卫〔2026〕20号',
        decisionDate: '2026-02-01',
        managers: [{ name: 'Manager', idType: 'work_permit', idNumber: '12' }],
      },
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string; rule: string }) => `${e.field}:${e.rule}`);
    expect(fields).toEqual(['person.idNumber:document_format', 'managers.0.idNumber:document_format']);
    expect(await countRows(t, 'workforce_ban_entries')).toBe(0);
  });

  it('a passport ban (spaces, lower case) matches the staff member hired with that passport', async () => {
    const hired = await hire(
      adminA,
      buildStaffInput(instA.id, {
        name: 'John Roe',
        idType: 'passport',
        idNumber: 'E12345678',
        birthDate: '1990-01-01',
        sex: 'male',
        nationality: 'GB',
        post: 'teacher',
      }),
    );
    expect(hired.statusCode, hired.body).toBe(201);
    const res = await t.call('POST', '/api/v1/workforce/bans', {
      cookie: district,
      body: {
        person: { name: 'John Roe', idType: 'passport', idNumber: ' e1234 5678 ' },
        reason: '虐待婴幼儿',
        reasonCategory: 'abuse',
        decisionRef: '青卫〔2026〕21号',
        decisionDate: '2026-02-10',
        managers: [{ name: 'Jane Poe', idType: 'work_permit', idNumber: 'wp9988776655' }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().entries[0]).toMatchObject({
      reasonCategory: 'abuse',
      issuingDistrict: DISTRICT,
      source: 'local',
    });
    await t.jobs.runDue();
    const seen = (
      await t.call('GET', `/api/v1/workforce/staff/${hired.json().id}`, { cookie: adminA })
    ).json();
    expect(seen.banned).toBe(true);
    // the work permit's holder is blocked at hire
    const wp = await hire(
      adminB,
      buildStaffInput(instB.id, {
        name: 'Jane Poe',
        idType: 'work_permit',
        idNumber: 'WP9988776655',
        birthDate: '1985-05-05',
        sex: 'female',
        post: 'cook',
      }),
    );
    expect(wp.statusCode).toBe(409);
    expect(wp.json().code).toBe('workforce.banned');
  });
});

describe('signed ban-list exchange', () => {
  let exported: BanListFile;
  const otherDistrict = '310117';
  const victimId = syntheticCitizenId('1991-02-03', true);
  const otherFile = (key?: Buffer, change: Partial<BanListFile> = {}) =>
    signedBanList(
      {
        format: BAN_LIST_FORMAT,
        exportedBy: otherDistrict,
        exportedAt: '2026-03-01T08:00:00.000Z',
        entries: [
          {
            hash: banHash('citizen_id', victimId),
            role: 'perpetrator',
            reasonCategory: 'neglect',
            decisionRef: '松卫〔2026〕5号',
            decisionDate: '2026-01-20',
            issuingDistrict: otherDistrict,
          },
          {
            hash: banHash('passport', 'ZZ1234567'),
            role: 'direct_manager',
            reasonCategory: 'neglect',
            decisionRef: '松卫〔2026〕5号',
            decisionDate: '2026-01-20',
            issuingDistrict: otherDistrict,
          },
        ],
        ...change,
      },
      key,
    );

  it('only district officers export and import', async () => {
    expect((await t.call('GET', '/api/v1/workforce/bans/export', { cookie: adminA })).statusCode).toBe(403);
    expect(
      (await t.call('POST', '/api/v1/workforce/bans/import', { cookie: townX, body: otherFile() }))
        .statusCode,
    ).toBe(403);
  });

  it('the export holds hashes and decisions only (no names, numbers or free-text reasons), signed, audited', async () => {
    const res = await t.call('GET', '/api/v1/workforce/bans/export', { cookie: district });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain('ban-list-310118');
    exported = res.json();
    expect(exported.format).toBe(BAN_LIST_FORMAT);
    expect(exported.exportedBy).toBe(DISTRICT);
    expect(exported.entries).toHaveLength(2);
    expect(exported.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(res.body).not.toContain('John Roe');
    expect(res.body).not.toContain('E12345678');
    expect(res.body).not.toContain('虐待婴幼儿');
    expect(exported.entries[0]).toMatchObject({ issuingDistrict: DISTRICT, reasonCategory: 'abuse' });
    expect(await auditCount('workforce.ban_export')).toBe(1);
  });

  it('importing our own list adds nothing (our entries are held already)', async () => {
    const res = await t.call('POST', '/api/v1/workforce/bans/import', { cookie: district, body: exported });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ received: 2, added: 0, skipped: 2, rescreenJobId: null });
  });

  it.each([
    [
      'a tampered entry',
      (f: BanListFile) => ({ ...f, entries: [{ ...f.entries[0]!, decisionRef: '改' }, f.entries[1]!] }),
    ],
    ['a removed entry', (f: BanListFile) => ({ ...f, entries: f.entries.slice(1) })],
    ['a changed exporter', (f: BanListFile) => ({ ...f, exportedBy: '310115' })],
    ['the wrong signer (another key)', () => otherFile(randomBytes(32))],
  ])('%s: 400 bad_signature, nothing written, the refusal audited', async (_n, make) => {
    const before = await countRows(t, 'workforce_ban_entries');
    const denied = await auditCount('workforce.ban_import', 'denied');
    const res = await t.call('POST', '/api/v1/workforce/bans/import', {
      cookie: district,
      body: make(otherFile()),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('workforce.bad_signature');
    expect(res.json().detail_zh ?? res.json().title).toBeTruthy();
    expect(await countRows(t, 'workforce_ban_entries')).toBe(before);
    expect(await auditCount('workforce.ban_import', 'denied')).toBe(denied + 1);
  });

  it('a malformed file is a 400 naming the field', async () => {
    const f = otherFile();
    const res = await t.call('POST', '/api/v1/workforce/bans/import', {
      cookie: district,
      body: { ...f, entries: [{ ...f.entries[0]!, hash: '310118199001011234' }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('entries.0.hash');
  });

  it("another district's list: added with its source, re-screens active staff; a re-import adds nothing", async () => {
    const hired = (
      await hire(adminA, buildStaffInput(instA.id, { idNumber: victimId, name: '外区禁入' }))
    ).json();
    expect(hired.banned).toBe(false);
    const res = await t.call('POST', '/api/v1/workforce/bans/import', {
      cookie: district,
      body: otherFile(),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ received: 2, added: 2, skipped: 0 });
    expect(res.json().rescreenJobId).toBeTruthy();
    const list = (await t.call('GET', '/api/v1/workforce/bans?pageSize=50', { cookie: district })).json();
    const imported = list.items.filter((e: { source: string }) => e.source === 'imported');
    expect(imported).toHaveLength(2);
    expect(imported[0]).toMatchObject({
      name: null,
      issuingDistrict: otherDistrict,
      reasonCategory: 'neglect',
    });
    expect(await t.jobs.runDue()).toBeGreaterThanOrEqual(1);
    const seen = (await t.call('GET', `/api/v1/workforce/staff/${hired.id}`, { cookie: adminA })).json();
    expect(seen.banned).toBe(true);
    expect(seen.employments[0].status).toBe('blocked');
    expect(await auditCount('workforce.ban_import')).toBe(2);

    const again = await t.call('POST', '/api/v1/workforce/bans/import', {
      cookie: district,
      body: otherFile(),
    });
    expect(again.json()).toMatchObject({ added: 0, skipped: 2, rescreenJobId: null });
    // re-exported from here, the imported entries keep their issuing district
    const out = (await t.call('GET', '/api/v1/workforce/bans/export', { cookie: district })).json();
    expect(
      out.entries.filter((e: { issuingDistrict: string }) => e.issuingDistrict === otherDistrict),
    ).toHaveLength(2);
  });
});

describe('assessments and rewards/penalties on a person; training-fee subsidy', () => {
  let a: string; // staff at instA (Zhujiajiao)
  let x: string; // staff at instX (Xujing)
  beforeAll(async () => {
    a = (await hire(adminA, buildStaffInput(instA.id, { name: '考核甲' }))).json().id;
    x = (await hire(district, buildStaffInput(instX.id, { name: '考核徐', post: 'infant_carer' }))).json().id;
  });
  const add = (cookie: string, id: string, body: unknown) =>
    t.call('POST', `/api/v1/workforce/staff/${id}/records`, { cookie, body });

  it('bad input: 400 naming the field and the rule (zh + en), nothing written', async () => {
    const cases: [unknown, string, string][] = [
      [{ kind: 'reward', date: '2026-02-01', description: '先进' }, 'decisionRef', 'required'],
      [
        { kind: 'skill_assessment', date: '2026-02-01', grade: 'passed', description: '鉴定' },
        'skill',
        'required',
      ],
      [
        { kind: 'process_assessment', date: '2027-01-01', grade: 'good', description: '考核' },
        'date',
        'in_future',
      ],
      [{ kind: 'bonus', date: '2026-02-01', description: '考核' }, 'kind', 'invalid_value'],
    ];
    for (const [body, field, rule] of cases) {
      const res = await add(adminA, a, body);
      expect(res.statusCode).toBe(400);
      const e = res.json().errors[0];
      expect(e).toMatchObject({ field, rule });
      expect(e.message_zh).toMatch(/[\u4e00-\u9fff]/);
      expect(e.message_en).not.toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await countRows(t, 'workforce_person_records')).toBe(0);
  });

  it('an institution admin adds for its own staff only; the district officer for anyone; audited', async () => {
    expect(
      (
        await add(adminB, a, {
          kind: 'process_assessment',
          date: '2026-02-01',
          grade: 'good',
          description: '考核',
        })
      ).statusCode,
    ).toBe(404);
    const r1 = await add(adminA, a, {
      kind: 'skill_assessment',
      date: '2026-01-15',
      skill: 'caregiver',
      grade: 'passed',
      description: '保育员四级鉴定',
    });
    expect(r1.statusCode, r1.body).toBe(201);
    await add(adminA, a, {
      kind: 'process_assessment',
      date: '2026-02-01',
      grade: 'excellent',
      description: '季度考核',
    });
    await add(adminA, a, {
      kind: 'reward',
      date: '2026-02-20',
      description: '优秀保育员',
      decisionRef: '甲园〔2026〕2号',
    });
    const rx = await add(district, x, {
      kind: 'skill_assessment',
      date: '2026-02-10',
      skill: 'infant_carer',
      grade: 'good',
      description: '育婴员鉴定',
    });
    expect(rx.statusCode, rx.body).toBe(201);
    await add(district, x, {
      kind: 'skill_assessment',
      date: '2026-02-11',
      skill: 'nutritionist',
      grade: 'passed',
      description: '营养配餐员',
    });
    await add(district, x, {
      kind: 'penalty',
      date: '2026-02-12',
      description: '警告',
      decisionRef: '青卫〔2026〕9号',
    });
    const list = (await t.call('GET', `/api/v1/workforce/staff/${a}/records`, { cookie: adminA })).json();
    expect(list.items.map((r: { kind: string }) => r.kind)).toEqual([
      'reward',
      'process_assessment',
      'skill_assessment',
    ]);
    expect(await auditCount('workforce.record_add')).toBe(6);
    // another institution does not see the person at all
    expect((await t.call('GET', `/api/v1/workforce/staff/${a}/records`, { cookie: adminB })).statusCode).toBe(
      404,
    );
  });

  it("the subsidy list: passed assessments on the pack's list, by year and town, with the citation; XLSX export", async () => {
    const all = (await t.call('GET', '/api/v1/workforce/subsidy?year=2026', { cookie: district })).json();
    expect(all.assessments).toEqual(['caregiver', 'infant_carer']);
    expect(all.citation.docNumber).toBe('青府办发〔2021〕35号');
    expect(
      all.items.map((r: { staffName: string; skill: string }) => `${r.staffName}:${r.skill}`).sort(),
    ).toEqual(['考核徐:infant_carer', '考核甲:caregiver']);
    const xj = (
      await t.call('GET', `/api/v1/workforce/subsidy?year=2026&townCode=${XUJING}`, { cookie: district })
    ).json();
    expect(xj.items.map((r: { staffName: string }) => r.staffName)).toEqual(['考核徐']);
    const town = (await t.call('GET', '/api/v1/workforce/subsidy?year=2026', { cookie: townX })).json();
    expect(town.items.map((r: { staffName: string }) => r.staffName)).toEqual(['考核徐']);
    const other = (await t.call('GET', '/api/v1/workforce/subsidy?year=2025', { cookie: district })).json();
    expect(other.items).toEqual([]);
    const exp = await t.call('GET', '/api/v1/workforce/subsidy/export?year=2026&format=xlsx', {
      cookie: district,
    });
    expect(exp.statusCode).toBe(200);
    expect(exp.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(await auditCount('workforce.subsidy.export')).toBe(1);
  });
});
