/** Workforce (issue 9): staff, employments, certificates, ban screening, compliance — through the API. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InstitutionDetail } from '../../../domain/contracts/institution.ts';
import { citizenIdCheckChar } from '../../../domain/rules/ids.ts';
import { countRows, createTestApp, DISTRICT, type TestApp, XUJING, ZHUJIAJIAO } from '../../../test/app.ts';
import { actorFor, contextFor } from '../../../test/factories/context.ts';
import { buildInstitution } from '../../../test/factories/institutions.ts';
import { buildStaffInput, syntheticCitizenId } from '../../../test/factories/workforce.ts';
import { computeCompliance } from './compliance.ts';
import { createWorkforceService } from './service.ts';

let t: TestApp;
let instA: InstitutionDetail;
let instB: InstitutionDetail;
let instX: InstitutionDetail;
let district: string;
let adminA: string;
let adminB: string;
let townZ: string;
let townX: string;
let inspector: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const now = t.clock.now();
  instA = await buildInstitution(db, { status: 'operating', townCode: ZHUJIAJIAO, name: '甲托育园', now });
  instB = await buildInstitution(db, { status: 'operating', townCode: ZHUJIAJIAO, name: '乙托育园', now });
  instX = await buildInstitution(db, { status: 'operating', townCode: XUJING, name: '徐泾托育园', now });
  await t.createUser('wf-district', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
  await t.createUser('wf-admin-a', 'institution_admin', { kind: 'institution', institutionId: instA.id });
  await t.createUser('wf-admin-b', 'institution_admin', { kind: 'institution', institutionId: instB.id });
  await t.createUser('wf-town-z', 'town_officer', { kind: 'division', divisionCode: ZHUJIAJIAO });
  await t.createUser('wf-town-x', 'town_officer', { kind: 'division', divisionCode: XUJING });
  await t.createUser('wf-inspector', 'inspector', { kind: 'division', divisionCode: DISTRICT });
  district = await t.login('wf-district');
  adminA = await t.login('wf-admin-a');
  adminB = await t.login('wf-admin-b');
  townZ = await t.login('wf-town-z');
  townX = await t.login('wf-town-x');
  inspector = await t.login('wf-inspector');
}, 60_000);
afterAll(() => t.close());

const hire = (cookie: string, body: unknown) => t.call('POST', '/api/v1/workforce/staff', { cookie, body });

describe('bad input: 400 naming the field and the rule, nothing written', () => {
  const cases: [string, (b: ReturnType<typeof buildStaffInput>) => unknown, string, string][] = [
    [
      'invalid checksum',
      (b) => ({ ...b, idNumber: `${b.idNumber.slice(0, 17)}${b.idNumber[17] === '1' ? '2' : '1'}` }),
      'idNumber',
      'id.check_character',
    ],
    [
      'under 18 at hire',
      (b) => ({ ...b, idNumber: syntheticCitizenId('2008-06-01') }),
      'idNumber',
      'under_18',
    ],
    [
      'unknown post',
      (b) => ({ ...b, employment: { ...b.employment, post: 'pilot' } }),
      'employment.post',
      'invalid_value',
    ],
    [
      'out-of-scope institution',
      (b) => ({ ...b, employment: { ...b.employment, institutionId: instB.id } }),
      'employment.institutionId',
      'out_of_scope',
    ],
    ['bad mobile', (b) => ({ ...b, mobile: '12345' }), 'mobile', 'mobile.invalid'],
  ];
  it.each(cases)('%s', async (_n, change, field, rule) => {
    const before = await countRows(t, 'workforce_staff');
    const res = await hire(adminA, change(buildStaffInput(instA.id)));
    expect(res.statusCode).toBe(400);
    const errors = res.json().errors as {
      field: string;
      rule: string;
      message_zh: string;
      message_en: string;
    }[];
    expect(errors[0]).toMatchObject({ field, rule });
    expect(errors[0]!.message_zh).toMatch(/[\u4e00-\u9fff]/);
    expect(await countRows(t, 'workforce_staff')).toBe(before);
    expect(await countRows(t, 'workforce_employments')).toBe(await countRows(t, 'workforce_employments'));
  });
});

describe('hire, certify, assign: the class turns compliant', () => {
  let staffId: string;
  let employmentId: string;
  let version: number;

  it('hires a caregiver; answers are masked; birth date and sex come from the number', async () => {
    const body = buildStaffInput(instA.id, { idNumber: syntheticCitizenId('1995-04-03', true) });
    const res = await hire(adminA, body);
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    staffId = d.id;
    employmentId = d.employments[0].id;
    version = d.employments[0].version;
    expect(d.idNumber).not.toBe(body.idNumber);
    expect(d.idNumber).toMatch(/^310118\*+\d{3}[\dX]$/);
    expect(d.mobile).toMatch(/^138\*{4}\d{4}$/);
    expect(d).toMatchObject({ birthDate: '1995-04-03', sex: 'female', post: 'caregiver', certified: false });
    expect(d.missingCertificates).toEqual(['caregiver', 'health']);
    // stored sealed
    const raw = JSON.stringify((await t.database.db.execute(`select * from workforce_staff`)) as unknown);
    expect(raw).not.toContain(body.idNumber);
    expect(raw).not.toContain(body.mobile);
  });

  it('certificate expiry before issue is a 400 and writes nothing', async () => {
    const before = await countRows(t, 'workforce_certificates');
    const res = await t.call('POST', `/api/v1/workforce/staff/${staffId}/certificates`, {
      cookie: adminA,
      body: {
        type: 'caregiver',
        number: 'B1',
        issuer: '人社局',
        issuedOn: '2025-01-01',
        expiresOn: '2024-01-01',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'expiresOn', rule: 'expiry_before_issue' });
    const unknown = await t.call('POST', `/api/v1/workforce/staff/${staffId}/certificates`, {
      cookie: adminA,
      body: { type: 'pilot', number: 'B1', issuer: '人社局', issuedOn: '2025-01-01' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('type');
    expect(await countRows(t, 'workforce_certificates')).toBe(before);
  });

  it('an expired certificate does not count; in-date ones certify', async () => {
    const add = (body: object) =>
      t.call('POST', `/api/v1/workforce/staff/${staffId}/certificates`, {
        cookie: adminA,
        body: { number: 'N1', issuer: '人社局', ...body },
      });
    expect(
      (await add({ type: 'caregiver', issuedOn: '2020-01-01', expiresOn: '2025-12-31' })).json().certified,
    ).toBe(false);
    const d = (await add({ type: 'health', issuedOn: '2025-06-01', expiresOn: '2026-05-31' })).json();
    expect(d.certified).toBe(false);
    expect(d.missingCertificates).toEqual(['caregiver']);
    const ok = (await add({ type: 'caregiver', issuedOn: '2025-01-01' })).json();
    expect(ok.certified).toBe(true);
  });

  it('the infant class (6 children, 1:3) needs 2; one assigned certified caregiver is not enough, two are', async () => {
    const infant = instA.classes.find((c) => c.type === 'infant')!;
    const before = (
      await t.call('GET', `/api/v1/workforce/compliance?institutionId=${instA.id}`, { cookie: adminA })
    ).json();
    const row0 = before.classes.find((c: { classId: string }) => c.classId === infant.id);
    expect(row0).toMatchObject({
      rule: 'ratio',
      ratio: 3,
      required: 2,
      certifiedCaregivers: 0,
      compliant: false,
    });
    expect(row0.citation.docNumber).toBe('国卫人口发〔2019〕58号');

    const put = await t.call(
      'PUT',
      `/api/v1/workforce/staff/${staffId}/employments/${employmentId}/classes`,
      {
        cookie: adminA,
        body: { classIds: [infant.id], version },
      },
    );
    expect(put.statusCode, put.body).toBe(200);
    // stale version
    const stale = await t.call(
      'PUT',
      `/api/v1/workforce/staff/${staffId}/employments/${employmentId}/classes`,
      {
        cookie: adminA,
        body: { classIds: [infant.id], version },
      },
    );
    expect(stale.statusCode).toBe(409);

    const second = await hire(adminA, buildStaffInput(instA.id, { post: 'infant_carer' }));
    const s2 = second.json();
    for (const type of ['infant_carer', 'health'])
      await t.call('POST', `/api/v1/workforce/staff/${s2.id}/certificates`, {
        cookie: adminA,
        body: { type, number: 'X', issuer: '人社局', issuedOn: '2025-01-01' },
      });
    await t.call('PUT', `/api/v1/workforce/staff/${s2.id}/employments/${s2.employments[0].id}/classes`, {
      cookie: adminA,
      body: { classIds: [infant.id], version: s2.employments[0].version },
    });
    const after = (
      await t.call('GET', `/api/v1/workforce/compliance?institutionId=${instA.id}`, { cookie: adminA })
    ).json();
    expect(after.classes.find((c: { classId: string }) => c.classId === infant.id)).toMatchObject({
      certifiedCaregivers: 2,
      compliant: true,
    });
    expect(after.district.staff).toBe(2);
    expect(after.district.certified).toBe(2);
    expect(after.expiringSoon.length).toBeGreaterThanOrEqual(0);
  });

  it('editing the classes keeps the assignments of the classes that stay (the class-edit bug)', async () => {
    const infant = instA.classes.find((c) => c.type === 'infant')!;
    const assigned = async () =>
      (
        (await t.database.db.execute(
          `select count(*)::int as n from workforce_class_assignments where class_id = '${infant.id}'`,
        )) as unknown as { rows: { n: number }[] }
      ).rows[0]!.n;
    expect(await assigned()).toBe(2);
    const get = async () =>
      (
        await t.call('GET', `/api/v1/institutions/${instA.id}`, { cookie: district })
      ).json() as InstitutionDetail;
    const body = (d: InstitutionDetail, edit: (c: InstitutionDetail['classes'][number]) => object) => ({
      version: d.version,
      classes: d.classes.map((c) => ({
        name: c.name,
        type: c.type,
        capacity: c.capacity,
        enrolled: c.enrolled,
        minAgeMonths: c.minAgeMonths,
        ...edit(c),
      })),
    });
    // The console form sends the rows without ids: a capacity change matches the classes by name.
    let d = await get();
    let res = await t.call('PUT', `/api/v1/institutions/${instA.id}/classes`, {
      cookie: district,
      body: body(d, (c) =>
        c.id === infant.id
          ? { capacity: c.capacity - 1, enrolled: Math.min(c.enrolled, c.capacity - 1) }
          : {},
      ),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as InstitutionDetail).classes.map((c) => c.id)).toEqual(d.classes.map((c) => c.id));
    expect(await assigned()).toBe(2);
    // A rename with the id keeps the class too.
    d = res.json();
    res = await t.call('PUT', `/api/v1/institutions/${instA.id}/classes`, {
      cookie: district,
      body: body(d, (c) => (c.id === infant.id ? { id: c.id, name: '乳儿一班' } : {})),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await assigned()).toBe(2);
    const compliance = (
      await t.call('GET', `/api/v1/workforce/compliance?institutionId=${instA.id}`, { cookie: adminA })
    ).json();
    expect(compliance.classes.find((c: { classId: string }) => c.classId === infant.id)).toMatchObject({
      certifiedCaregivers: 2,
      compliant: true,
    });
    // An id from another institution is not taken over: 400 naming the field.
    d = res.json();
    const before = await countRows(t, 'institution_classes');
    res = await t.call('PUT', `/api/v1/institutions/${instA.id}/classes`, {
      cookie: district,
      body: body(d, (c) => (c.id === infant.id ? { id: instB.classes[0]!.id } : {})),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toMatch(/^classes\.\d+\.id$/);
    expect(await countRows(t, 'institution_classes')).toBe(before);
  });

  it('a class of another institution cannot be assigned', async () => {
    const other = instB.classes[0]!;
    const d = (await t.call('GET', `/api/v1/workforce/staff/${staffId}`, { cookie: adminA })).json();
    const res = await t.call(
      'PUT',
      `/api/v1/workforce/staff/${staffId}/employments/${employmentId}/classes`,
      {
        cookie: adminA,
        body: { classIds: [other.id], version: d.employments[0].version },
      },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'classIds', rule: 'not_in_institution' });
  });

  it('one active caregiving post: 409, naming the other institution only to who may see it', async () => {
    const d = (await t.call('GET', `/api/v1/workforce/staff/${staffId}`, { cookie: adminA })).json();
    const idNumber = (
      await t.call('POST', `/api/v1/workforce/staff/${staffId}/reveal`, {
        cookie: adminA,
        body: { field: 'idNumber', purpose: '核对身份信息' },
      })
    ).json().value as string;
    const again = { ...buildStaffInput(instB.id), name: d.name, idNumber };
    const byB = await hire(adminB, again);
    expect(byB.statusCode).toBe(409);
    expect(byB.json().code).toBe('workforce.already_employed');
    expect(byB.json().detail_zh).not.toContain('甲托育园');
    const byDistrict = await hire(district, again);
    expect(byDistrict.statusCode).toBe(409);
    expect(byDistrict.json().detail_zh).toContain('甲托育园');
    // a non-caregiving post elsewhere is allowed
    const cook = await hire(adminB, { ...again, employment: { ...again.employment, post: 'cook' } });
    expect(cook.statusCode, cook.body).toBe(201);
  });

  it('scope: institution admin sees its own employments only; other town and other institution get 404', async () => {
    const byB = (await t.call('GET', `/api/v1/workforce/staff/${staffId}`, { cookie: adminB })).json();
    expect(byB.employments.map((e: { institutionId: string }) => e.institutionId)).toEqual([instB.id]);
    const byDistrict = (
      await t.call('GET', `/api/v1/workforce/staff/${staffId}`, { cookie: district })
    ).json();
    expect(byDistrict.employments).toHaveLength(2);
    expect((await t.call('GET', `/api/v1/workforce/staff/${staffId}`, { cookie: townX })).statusCode).toBe(
      404,
    );
    expect((await t.call('GET', `/api/v1/workforce/staff/${staffId}`, { cookie: townZ })).statusCode).toBe(
      200,
    );
    const listX = (await t.call('GET', '/api/v1/workforce/staff', { cookie: townX })).json();
    expect(listX.total).toBe(0);
    const listA = (await t.call('GET', '/api/v1/workforce/staff', { cookie: adminA })).json();
    expect(listA.total).toBe(2);
    expect(listA.items.every((i: { idNumber: string }) => i.idNumber.includes('*'))).toBe(true);
  });

  it('reveal: purpose required, audited; inspector may not reveal, sees masked values', async () => {
    const noPurpose = await t.call('POST', `/api/v1/workforce/staff/${staffId}/reveal`, {
      cookie: adminA,
      body: { field: 'mobile', purpose: ' ' },
    });
    expect(noPurpose.statusCode).toBe(400);
    expect(
      (
        await t.call('POST', `/api/v1/workforce/staff/${staffId}/reveal`, {
          cookie: inspector,
          body: { field: 'mobile', purpose: '检查核对' },
        })
      ).statusCode,
    ).toBe(403);
    const seen = (await t.call('GET', `/api/v1/workforce/staff/${staffId}`, { cookie: inspector })).json();
    expect(seen.mobile).toContain('*');
    const audits = await t.database.db.execute(
      `select count(*)::int as n from audit_log where action = 'personal_data.reveal' and object_id = '${staffId}'`,
    );
    expect((audits as unknown as { rows: { n: number }[] }).rows[0]!.n).toBeGreaterThanOrEqual(1);
  });
});

describe('lifetime ban', () => {
  const manager = syntheticCitizenId('1975-01-01', false);
  it('only the district officer manages the list; bad ID is a 400', async () => {
    expect((await t.call('GET', '/api/v1/workforce/bans', { cookie: adminA })).statusCode).toBe(403);
    const bad = await t.call('POST', '/api/v1/workforce/bans', {
      cookie: district,
      body: {
        person: { name: '某', idType: 'citizen_id', idNumber: '310118199001010000' },
        reason: '虐童',
        decisionRef: '青卫〔2026〕1号',
        decisionDate: '2026-02-01',
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('person.idNumber');
    expect(await countRows(t, 'workforce_ban_entries')).toBe(0);
  });

  it('a ban re-screens active staff (job): the employment is blocked, the institution sees it, officers are told', async () => {
    const idNumber = syntheticCitizenId('1988-08-08', true);
    const hired = (await hire(adminA, buildStaffInput(instA.id, { idNumber, name: '禁入测试甲' }))).json();
    const res = await t.call('POST', '/api/v1/workforce/bans', {
      cookie: district,
      body: {
        person: { name: '禁入测试甲', idType: 'citizen_id', idNumber },
        reason: '虐待婴幼儿',
        decisionRef: '青卫健〔2026〕12号',
        decisionDate: '2026-02-20',
        managers: [{ name: '直接管理人', idType: 'citizen_id', idNumber: manager }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { entries } = res.json();
    expect(entries).toHaveLength(2);
    expect(entries[1]).toMatchObject({ role: 'direct_manager', relatedEntryId: entries[0].id });
    // the list holds hashes, never the number
    const raw = JSON.stringify(await t.database.db.execute('select * from workforce_ban_entries'));
    expect(raw).not.toContain(idNumber);
    expect(await t.jobs.runDue()).toBeGreaterThanOrEqual(1);
    const seen = (await t.call('GET', `/api/v1/workforce/staff/${hired.id}`, { cookie: adminA })).json();
    expect(seen.banned).toBe(true);
    expect(seen.employments[0].status).toBe('blocked');
    const notes = (await t.call('GET', '/api/v1/notifications', { cookie: district })).json();
    expect(notes.items.some((n: { kind: string }) => n.kind === 'workforce.ban_match')).toBe(true);
    const instNotes = (await t.call('GET', '/api/v1/notifications', { cookie: adminA })).json();
    expect(instNotes.items.some((n: { kind: string }) => n.kind === 'workforce.employment_blocked')).toBe(
      true,
    );
    const list = (await t.call('GET', '/api/v1/workforce/bans', { cookie: district })).json();
    expect(list.items.find((e: { id: string }) => e.id === entries[0].id).matches).toBe(1);
  });

  it('hiring a banned person (a direct manager) is blocked at screening: 409, recorded and audited', async () => {
    const before = await countRows(t, 'workforce_ban_matches');
    const res = await hire(
      adminB,
      buildStaffInput(instB.id, { idNumber: manager, name: '直接管理人', post: 'cook' }),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('workforce.banned');
    expect(await countRows(t, 'workforce_ban_matches')).toBe(before + 1);
    const audits = await t.database.db.execute(
      `select count(*)::int as n from audit_log where action = 'workforce.hire_blocked'`,
    );
    expect((audits as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1);
  });

  it('lifting is audited and a second lift is a 409', async () => {
    const list = (await t.call('GET', '/api/v1/workforce/bans?lifted=false', { cookie: district })).json();
    const id = list.items[0].id;
    const lift = await t.call('POST', `/api/v1/workforce/bans/${id}/lift`, {
      cookie: district,
      body: { reason: '复议撤销' },
    });
    expect(lift.statusCode).toBe(200);
    expect(lift.json().liftedAt).not.toBeNull();
    expect(
      (
        await t.call('POST', `/api/v1/workforce/bans/${id}/lift`, {
          cookie: district,
          body: { reason: '再次' },
        })
      ).statusCode,
    ).toBe(409);
  });
});

describe('training ledger', () => {
  it('hours ≤ 0 or > 24 a day: 400, nothing written', async () => {
    for (const [hours, rule] of [
      [0, 'hours_positive'],
      [25, 'hours_per_day'],
    ] as const) {
      const res = await t.call('POST', '/api/v1/workforce/trainings', {
        cookie: district,
        body: {
          title: '师德培训',
          organiser: '区托育指导中心',
          category: 'ethics',
          startDate: '2026-02-10',
          endDate: '2026-02-10',
          hours,
          districtLevel: true,
        },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0]).toMatchObject({ field: 'hours', rule });
    }
    expect(await countRows(t, 'workforce_training_events')).toBe(0);
  });

  it('attendance adds to the person’s ethics hours and the district count', async () => {
    const ev = await t.call('POST', '/api/v1/workforce/trainings', {
      cookie: district,
      body: {
        title: '师德培训',
        organiser: '区托育指导中心',
        category: 'ethics',
        startDate: '2026-02-10',
        endDate: '2026-02-11',
        hours: 12,
        districtLevel: true,
      },
    });
    expect(ev.statusCode, ev.body).toBe(201);
    const staff = (await t.call('GET', '/api/v1/workforce/staff', { cookie: adminA })).json();
    const id = staff.items[0].id;
    const att = await t.call('POST', `/api/v1/workforce/trainings/${ev.json().id}/attendance`, {
      cookie: adminA,
      body: { staffIds: [id] },
    });
    expect(att.json()).toEqual({ added: 1 });
    let hidden = '';
    for (const s of staff.items as { id: string }[])
      if ((await t.call('GET', `/api/v1/workforce/staff/${s.id}`, { cookie: adminB })).statusCode === 404)
        hidden = s.id;
    expect(hidden).not.toBe('');
    const outOfScope = await t.call('POST', `/api/v1/workforce/trainings/${ev.json().id}/attendance`, {
      cookie: adminB,
      body: { staffIds: [hidden] },
    });
    expect(outOfScope.statusCode).toBe(400);
    const d = (await t.call('GET', `/api/v1/workforce/staff/${id}`, { cookie: adminA })).json();
    expect(d.training).toMatchObject({
      ethicsHours: 12,
      ethicsTarget: 40,
      skillsTarget: 72,
      skillsHours: 0,
      pace: 'behind',
    });
    // in March, 2/12 of the year is expected: 6.7 h ethics (met by 12) and 12 h skills (0 attended)
    expect(d.training).toMatchObject({ ethicsExpected: 6.7, skillsExpected: 12 });
    const c = (await t.call('GET', '/api/v1/workforce/compliance', { cookie: district })).json();
    expect(c.districtTrainings).toEqual({ count: 1, target: 6 });
  });
});

describe('compliance page and dashboard', () => {
  it('town filter, XLSX export and the dashboard widget', async () => {
    const x = (
      await t.call('GET', `/api/v1/workforce/compliance?townCode=${XUJING}`, { cookie: district })
    ).json();
    expect(x.classes.every((c: { townCode: string }) => c.townCode === XUJING)).toBe(true);
    expect(x.classes.some((c: { institutionId: string }) => c.institutionId === instX.id)).toBe(true);
    const exp = await t.call('GET', '/api/v1/workforce/compliance/export?format=xlsx', { cookie: townZ });
    expect(exp.statusCode).toBe(200);
    expect(exp.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const dash = (await t.call('GET', '/api/v1/dashboard', { cookie: townZ })).json();
    const w = dash.widgets.find((w: { id: string }) => w.id === 'workforce');
    expect(w.items.find((i: { key: string }) => i.key === 'workforce.certified_rate')).toBeDefined();
    void citizenIdCheckChar;
  });

  it("lists directors short of 58号's college diploma or 3 years of management, citing the pack", async () => {
    const ok = await hire(
      district,
      buildStaffInput(instX.id, { post: 'director', education: 'bachelor', managementYears: 5 }),
    );
    expect(ok.statusCode, ok.body).toBe(201);
    const short = await hire(
      district,
      buildStaffInput(instX.id, { post: 'director', education: 'secondary_vocational', managementYears: 1 }),
    );
    expect(short.statusCode, short.body).toBe(201);
    const c = (
      await t.call('GET', `/api/v1/workforce/compliance?institutionId=${instX.id}`, { cookie: district })
    ).json();
    expect(c.directorsTotal).toBe(2);
    expect(c.directorsShort).toEqual([
      expect.objectContaining({
        staffId: short.json().id,
        institutionName: '徐泾托育园',
        education: 'secondary_vocational',
        managementYears: 1,
        shortfalls: ['education', 'management_years'],
      }),
    ]);
    expect(c.citations.director.docNumber).toMatch(/58号/);
    // a kindergarten's principal is not measured against 58号
    const kg = await buildInstitution(t.database.db, {
      status: 'operating',
      kind: 'kindergarten',
      inclusive: false,
      townCode: XUJING,
      name: '徐泾幼儿园',
      now: t.clock.now(),
    });
    const principal = await hire(
      district,
      buildStaffInput(kg.id, { post: 'director', education: 'senior_high', managementYears: 0 }),
    );
    expect(principal.statusCode, principal.body).toBe(201);
    const k = (
      await t.call('GET', `/api/v1/workforce/compliance?institutionId=${kg.id}`, { cookie: district })
    ).json();
    expect(k).toMatchObject({ directorsTotal: 0, directorsShort: [] });
    // another town's officer does not see them
    const other = (await t.call('GET', '/api/v1/workforce/compliance', { cookie: townZ })).json();
    expect(other.directorsShort.some((d: { institutionId: string }) => d.institutionId === instX.id)).toBe(
      false,
    );
  });
});

describe('end of employment', () => {
  it('ends in order only: 400 for an end before the start, 404 for another institution, 409 when stale or ended; the class loses the carer', async () => {
    const cls = instB.classes[0]!;
    const hired = (await hire(adminB, buildStaffInput(instB.id, { startDate: '2026-03-01' }))).json();
    for (const type of ['caregiver', 'health'])
      await t.call('POST', `/api/v1/workforce/staff/${hired.id}/certificates`, {
        cookie: adminB,
        body: { type, number: 'E', issuer: '人社局', issuedOn: '2025-01-01' },
      });
    const emp = hired.employments[0];
    const url = `/api/v1/workforce/staff/${hired.id}/employments/${emp.id}`;
    const put = await t.call('PUT', `${url}/classes`, {
      cookie: adminB,
      body: { classIds: [cls.id], version: emp.version },
    });
    expect(put.statusCode, put.body).toBe(200);
    const version = put.json().employments[0].version;
    const carers = async () =>
      (await t.call('GET', `/api/v1/workforce/compliance?institutionId=${instB.id}`, { cookie: adminB }))
        .json()
        .classes.find((c: { classId: string }) => c.classId === cls.id).certifiedCaregivers as number;
    const assigned = await carers();
    expect(assigned).toBeGreaterThanOrEqual(1);
    const state = async () => [
      await countRows(t, 'workforce_class_assignments'),
      (await t.call('GET', `/api/v1/workforce/staff/${hired.id}`, { cookie: adminB })).json().employments[0]
        .status,
    ];
    const before = await state();
    expect(before[1]).toBe('active');

    const early = await t.call('POST', `${url}/end`, {
      cookie: adminB,
      body: { endDate: '2026-02-28', version },
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0]).toMatchObject({ field: 'endDate', rule: 'range_reversed' });
    const other = await t.call('POST', `${url}/end`, {
      cookie: adminA,
      body: { endDate: '2026-06-30', version },
    });
    expect(other.statusCode).toBe(404);
    const stale = await t.call('POST', `${url}/end`, {
      cookie: adminB,
      body: { endDate: '2026-06-30', version: version - 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(await state()).toEqual(before);

    const ended = await t.call('POST', `${url}/end`, {
      cookie: adminB,
      body: { endDate: '2026-06-30', version },
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json().employments[0]).toMatchObject({ status: 'ended', endDate: '2026-06-30' });
    expect(await countRows(t, 'workforce_class_assignments')).toBe((before[0] as number) - 1);
    expect(await carers()).toBe(assigned - 1);
    const audit = await t.database.db.execute(
      `select count(*)::int as n from audit_log where action = 'workforce.employment_end' and object_id = '${hired.id}'`,
    );
    expect((audit as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1);
    const again = await t.call('POST', `${url}/end`, {
      cookie: adminB,
      body: { endDate: '2026-07-01', version: ended.json().employments[0].version },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('workforce.employment_not_active');
  });
});

/** Hire a person at an institution (district officer), certify them and assign them to classes. */
const staffed = async (
  instId: string,
  post: 'teacher' | 'caregiver' | 'infant_carer',
  certs: string[],
  classIds: string[],
) => {
  const hired = (await hire(district, buildStaffInput(instId, { post }))).json();
  for (const type of certs)
    await t.call('POST', `/api/v1/workforce/staff/${hired.id}/certificates`, {
      cookie: district,
      body: { type, number: 'K', issuer: '教育局', issuedOn: '2025-01-01' },
    });
  const emp = hired.employments[0];
  const put = await t.call('PUT', `/api/v1/workforce/staff/${hired.id}/employments/${emp.id}/classes`, {
    cookie: district,
    body: { classIds, version: emp.version },
  });
  expect(put.statusCode, put.body).toBe(200);
};
/** One class's compliance row. */
const row = async (instId: string, classId: string) =>
  (await t.call('GET', `/api/v1/workforce/compliance?institutionId=${instId}`, { cookie: district }))
    .json()
    .classes.find((c: { classId: string }) => c.classId === classId);

describe('one person in several classes', () => {
  it('a caregiver assigned to two classes counts half in each, and the row says so', async () => {
    const db = t.database.db;
    const instC = await buildInstitution(db, {
      status: 'operating',
      townCode: ZHUJIAJIAO,
      name: '丙托育园',
      now: t.clock.now(),
    });
    const [c1, c2] = instC.classes;
    await staffed(instC.id, 'caregiver', ['caregiver', 'health'], [c1!.id, c2!.id]);
    for (const cls of [c1!, c2!])
      expect(await row(instC.id, cls.id)).toMatchObject({ certifiedCaregivers: 0.5, sharedStaff: 1 });
  });
});

describe('两教一保 and the family point, through the API', () => {
  it('a kindergarten toddler class needs two certified teachers and one certified caregiver, citing the rule', async () => {
    const kg = await buildInstitution(t.database.db, {
      status: 'operating',
      kind: 'kindergarten',
      townCode: ZHUJIAJIAO,
      name: '丁幼儿园',
      now: t.clock.now(),
    });
    const cls = kg.classes[0]!;
    await staffed(kg.id, 'teacher', ['teacher', 'health'], [cls.id]);
    await staffed(kg.id, 'teacher', ['teacher', 'health'], [cls.id]);
    expect(await row(kg.id, cls.id)).toMatchObject({
      rule: 'two_teachers_one_caregiver',
      required: 3,
      certifiedTeachers: 2,
      certifiedCaregivers: 0,
      compliant: false,
    });
    await staffed(kg.id, 'caregiver', ['caregiver', 'health'], [cls.id]);
    const after = await row(kg.id, cls.id);
    expect(after).toMatchObject({ certifiedTeachers: 2, certifiedCaregivers: 1, compliant: true });
    expect(after.citation).not.toBeNull();
  });

  it('a family point counts one caregiver per 3 children (4 children need 2)', async () => {
    const fp = await buildInstitution(t.database.db, {
      status: 'operating',
      kind: 'family_point',
      townCode: ZHUJIAJIAO,
      name: '戊家庭托育点',
      now: t.clock.now(),
    });
    const cls = fp.classes[0]!;
    await staffed(fp.id, 'caregiver', ['caregiver', 'health'], [cls.id]);
    expect(await row(fp.id, cls.id)).toMatchObject({
      rule: 'family_point',
      ratio: 3,
      required: 2,
      certifiedCaregivers: 1,
      compliant: false,
    });
    await staffed(fp.id, 'infant_carer', ['infant_carer', 'health'], [cls.id]);
    expect(await row(fp.id, cls.id)).toMatchObject({ certifiedCaregivers: 2, compliant: true });
  });
});

describe('another district', () => {
  // One deployment serves one district (a 310117 account cannot log in here), so through the service,
  // with the guard's actor for 310117 — as the other modules' tests do.
  it("a district officer of 310117 sees none of 310118's staff, bans or compliance and cannot write to them", async () => {
    const db = t.database.db;
    const other = actorFor(
      'district_officer',
      { kind: 'division', divisionCode: '310117' },
      { district: '310117' },
    );
    const ctx = contextFor(other, t.clock.now());
    const svc = createWorkforceService({ db, jobs: t.jobs });
    const ours = (await t.call('GET', '/api/v1/workforce/staff', { cookie: district })).json();
    expect(ours.total).toBeGreaterThan(0);
    const person = ours.items[0] as { id: string };
    const bansOurs = (await t.call('GET', '/api/v1/workforce/bans', { cookie: district })).json();
    expect(bansOurs.total).toBeGreaterThan(0);

    expect((await svc.list(ctx, other, { page: 1, pageSize: 20 } as never)).total).toBe(0);
    await expect(svc.detail(ctx, other, person.id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await svc.listBans(ctx, other, { page: 1, pageSize: 20 } as never)).total).toBe(0);
    const compliance = await computeCompliance(db, other, {}, t.clock.now());
    expect(compliance.district.staff).toBe(0);
    expect(compliance.classes).toHaveLength(0);

    const before = [await countRows(t, 'workforce_staff'), await countRows(t, 'workforce_certificates')];
    await expect(
      svc.addCertificate(ctx, other, person.id, {
        type: 'health',
        number: 'Z',
        issuer: '卫健委',
        issuedOn: '2025-01-01',
      } as never),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(svc.create(ctx, other, buildStaffInput(instA.id) as never)).rejects.toMatchObject({
      code: 'validation.failed',
      options: {
        errors: expect.arrayContaining([
          expect.objectContaining({ field: 'employment.institutionId', rule: 'out_of_scope' }),
        ]),
      },
    });
    expect([await countRows(t, 'workforce_staff'), await countRows(t, 'workforce_certificates')]).toEqual(
      before,
    );
  });
});
