/**
 * 托育师 registration on the staff record (draft 托育服务法, first reading 2025-12-22): nullable number,
 * date and issuer, shape checks only — a bad shape is a 400 naming the field with nothing written; set at
 * hire or later (PUT staff/:id/registration), cleared with '' or null, audited; another institution's
 * admin cannot set it (404 through the guard).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InstitutionDetail } from '../../../domain/contracts/institution.ts';
import { countRows, createTestApp, DISTRICT, type TestApp, ZHUJIAJIAO } from '../../../test/app.ts';
import { buildInstitution } from '../../../test/factories/institutions.ts';
import { buildStaffInput } from '../../../test/factories/workforce.ts';

let t: TestApp;
let instA: InstitutionDetail;
let district: string;
let adminB: string;

beforeAll(async () => {
  t = await createTestApp();
  const now = t.clock.now();
  instA = await buildInstitution(t.database.db, {
    status: 'operating',
    townCode: ZHUJIAJIAO,
    name: '注册甲园',
    now,
  });
  const instB = await buildInstitution(t.database.db, {
    status: 'operating',
    townCode: ZHUJIAJIAO,
    name: '注册乙园',
    now,
  });
  await t.createUser('reg-district', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
  await t.createUser('reg-admin-b', 'institution_admin', { kind: 'institution', institutionId: instB.id });
  district = await t.login('reg-district');
  adminB = await t.login('reg-admin-b');
}, 60_000);
afterAll(() => t.close());

const hire = (body: unknown) => t.call('POST', '/api/v1/workforce/staff', { cookie: district, body });

describe('托育师 registration on staff', () => {
  it('bad shapes at hire: 400 naming the field, nothing written', async () => {
    const before = await countRows(t, 'workforce_staff');
    for (const [patch, field] of [
      [{ registrationNumber: '编号<script>' }, 'registrationNumber'],
      [{ registrationNumber: 'A'.repeat(51) }, 'registrationNumber'],
      [{ registrationDate: '2026-02-30' }, 'registrationDate'],
      [{ registrationIssuer: '局'.repeat(101) }, 'registrationIssuer'],
    ] as const) {
      const res = await hire({ ...buildStaffInput(instA.id, { startDate: '2026-02-01' }), ...patch });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await countRows(t, 'workforce_staff')).toBe(before);
  });

  it('set at hire, shown on the person, changed and cleared later, audited', async () => {
    const res = await hire({
      ...buildStaffInput(instA.id, { startDate: '2026-02-01' }),
      registrationNumber: '沪托育师〔2026〕第0012号',
      registrationDate: '2026-01-15',
      registrationIssuer: '青浦区卫生健康委员会',
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().id as string;
    expect(res.json()).toMatchObject({
      registrationNumber: '沪托育师〔2026〕第0012号',
      registrationDate: '2026-01-15',
      registrationIssuer: '青浦区卫生健康委员会',
    });
    const put = (cookie: string, body: unknown) =>
      t.call('PUT', `/api/v1/workforce/staff/${id}/registration`, { cookie, body });
    const bad = await put(district, { registrationDate: '15/01/2026' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('registrationDate');
    expect((await put(adminB, { registrationNumber: 'X-1' })).statusCode).toBe(404);
    const changed = await put(district, {
      registrationNumber: ' TYS-2026-88 ',
      registrationDate: '',
      registrationIssuer: null,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      registrationNumber: 'TYS-2026-88',
      registrationDate: null,
      registrationIssuer: null,
    });
    const detail = (await t.call('GET', `/api/v1/workforce/staff/${id}`, { cookie: district })).json();
    expect(detail.registrationNumber).toBe('TYS-2026-88');
    const audited = (await t.database.db.execute(
      sql`select count(*)::int as n from audit_log where action = 'workforce.staff_registration'`,
    )) as unknown as { rows: { n: number }[] };
    expect(audited.rows[0]!.n).toBe(1);
  });
});
