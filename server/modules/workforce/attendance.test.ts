/**
 * Training attendance (issue 9): the attendee list in scope, and the kit import `workforce_attendance`
 * (rows name the training by title + start date and the person by document number, checked against the
 * registered name; scope; hours; a second import adds nothing).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InstitutionDetail } from '../../../domain/contracts/institution.ts';
import { countRows, createTestApp, DISTRICT, type TestApp, XUJING, ZHUJIAJIAO } from '../../../test/app.ts';
import { commitRun, uploadCsv } from '../../../test/factories/imports.ts';
import { buildInstitution } from '../../../test/factories/institutions.ts';
import { buildStaffInput, syntheticCitizenId } from '../../../test/factories/workforce.ts';

let t: TestApp;
let instA: InstitutionDetail;
let instX: InstitutionDetail;
let eventId = '';
let ownEventId = '';
const ann = syntheticCitizenId('1991-01-11', true);
const bob = syntheticCitizenId('1989-02-12', false);
const xu = syntheticCitizenId('1993-03-13', true);
const cookies = new Map<string, string>();
const cookieOf = async (who: string) => {
  if (!cookies.has(who)) cookies.set(who, await t.login(who));
  return cookies.get(who)!;
};
const as = async (who: string, method: 'GET' | 'POST', url: string, body?: unknown) =>
  t.call(method, url, { cookie: await cookieOf(who), ...(body !== undefined ? { body } : {}) });

const URL = '/api/v1/workforce/attendance/imports';
const HEAD = ['培训名称', '开始日期', '证件号码', '姓名', '计入课时'];
const upload = async (who: string, rows: string[][]) => uploadCsv(t, URL, await cookieOf(who), HEAD, rows);
const commit = async (who: string, runId: string) => commitRun(t, URL, await cookieOf(who), runId);

beforeAll(async () => {
  t = await createTestApp();
  const now = t.clock.now();
  instA = await buildInstitution(t.database.db, {
    status: 'operating',
    townCode: ZHUJIAJIAO,
    name: '出勤园',
    now,
  });
  instX = await buildInstitution(t.database.db, {
    status: 'operating',
    townCode: XUJING,
    name: '徐泾出勤园',
    now,
  });
  await t.createUser('at-district', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
  await t.createUser('at-admin', 'institution_admin', { kind: 'institution', institutionId: instA.id });
  await t.createUser('at-admin-x', 'institution_admin', { kind: 'institution', institutionId: instX.id });
  for (const [who, inst, name, idNumber] of [
    ['at-admin', instA, '安安', ann],
    ['at-admin', instA, '博博', bob],
    ['at-admin-x', instX, '徐徐', xu],
  ] as const) {
    const res = await as(
      who,
      'POST',
      '/api/v1/workforce/staff',
      buildStaffInput(inst.id, { name, idNumber }),
    );
    expect(res.statusCode, res.body).toBe(201);
  }
  const training = await as('at-district', 'POST', '/api/v1/workforce/trainings', {
    title: '职业道德专题培训',
    organiser: '青浦区托育服务指导中心',
    category: 'ethics',
    startDate: '2026-03-10',
    endDate: '2026-03-10',
    hours: 6,
    districtLevel: true,
  });
  expect(training.statusCode, training.body).toBe(201);
  eventId = training.json().id;
  const own = await as('at-admin-x', 'POST', '/api/v1/workforce/trainings', {
    title: '园内安全培训',
    organiser: '徐泾出勤园',
    category: 'safety',
    startDate: '2026-03-12',
    endDate: '2026-03-12',
    hours: 3,
  });
  expect(own.statusCode, own.body).toBe(201);
  ownEventId = own.json().id;
}, 60_000);
afterAll(() => t.close());

describe('the attendance import', () => {
  it('bad rows name their column and rule; the commit is refused; nothing is written', async () => {
    const res = await upload('at-admin', [
      ['职业道德专题培训', '2026-03-10', ann, '安安', '6'],
      ['职业道德专题培训', '2026-03-11', bob, '博博', ''], // no training that day
      ['职业道德专题培训', '2026-03-10', xu, '徐徐', ''], // another institution's employee
      ['职业道德专题培训', '2026-03-10', bob, '博士', ''], // the name differs
      ['职业道德专题培训', '2026-03-10', `${ann.slice(0, 17)}0`, '安安', ''], // checksum
      ['园内安全培训', '2026-03-12', ann, '安安', ''], // another institution's own training
      ['职业道德专题培训', '2026-03-10', ann, '安安', '7'], // duplicate row, and more than the training
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const run = res.json();
    const rules = run.errors.map(
      (e: { row: number; field: string; rule: string }) => `${e.row}:${e.field}:${e.rule}`,
    );
    expect(rules).toEqual(
      expect.arrayContaining([
        '3:title:training_not_found',
        '4:idNumber:out_of_scope',
        '5:name:name_mismatch',
        '7:title:training_not_found',
        '8:hours:more_than_event',
        '8:idNumber:import.duplicate_key',
      ]),
    );
    expect(rules.some((r: string) => r.startsWith('6:idNumber:'))).toBe(true);
    expect(rules.some((r: string) => r.startsWith('2:'))).toBe(false);
    expect(run.errors[0]).toMatchObject({
      column: expect.any(String),
      message_zh: expect.any(String),
      message_en: expect.any(String),
    });
    expect((await as('at-admin', 'POST', `${URL}/${run.id}/commit`)).statusCode).toBe(409);
    expect(await countRows(t, 'workforce_training_attendance')).toBe(0);
  });

  it('imports good rows (hours default to the training), counts pace, and a second import adds nothing', async () => {
    const rows = [
      ['职业道德专题培训', '2026-03-10', ann, '安安', ''],
      ['职业道德专题培训', '2026-03-10', ` ${bob.toLowerCase()} `, '博博', '4'],
    ];
    const first = (await upload('at-admin', rows)).json();
    expect(first).toMatchObject({ errorCount: 0, validRows: 2, existingRows: 0 });
    expect(await commit('at-admin', first.id)).toMatchObject({ status: 'committed', insertedRows: 2 });
    const listRes = await as('at-admin', 'GET', `/api/v1/workforce/trainings/${eventId}/attendance`);
    expect(listRes.statusCode, listRes.body).toBe(200);
    const list = listRes.json();
    expect(list.items.map((i: { name: string; hours: number }) => `${i.name}:${i.hours}`)).toEqual([
      '博博:4',
      '安安:6',
    ]);
    expect(list.items[0].institutionName).toBe('出勤园');
    const second = (await upload('at-admin', rows)).json();
    expect(second).toMatchObject({ errorCount: 0, existingRows: 2 });
    expect(await commit('at-admin', second.id)).toMatchObject({ status: 'committed', insertedRows: 0 });
    expect(await countRows(t, 'workforce_training_attendance')).toBe(2);
  });

  it('the attendee list shows only people in scope; a training out of scope is 404', async () => {
    // the district marks the Xujing employee too; the Zhujiajiao admin does not see her
    const add = await as('at-district', 'POST', `/api/v1/workforce/trainings/${eventId}/attendance`, {
      staffIds: [(await staffIdOf('徐徐'))!],
    });
    expect(add.statusCode, add.body).toBe(200);
    const mine = (await as('at-admin', 'GET', `/api/v1/workforce/trainings/${eventId}/attendance`)).json();
    expect(mine.items).toHaveLength(2);
    const all = (await as('at-district', 'GET', `/api/v1/workforce/trainings/${eventId}/attendance`)).json();
    expect(all.items).toHaveLength(3);
    expect(
      (await as('at-admin', 'GET', `/api/v1/workforce/trainings/${ownEventId}/attendance`)).statusCode,
    ).toBe(404);
  });
});

async function staffIdOf(name: string) {
  const r = (await t.database.db.execute(
    `select id from workforce_staff where full_name = '${name}'`,
  )) as unknown as { rows: { id: string }[] };
  return r.rows[0]?.id;
}
