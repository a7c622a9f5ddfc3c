/**
 * Issue 17, operating subsidy — the attendance register from a spreadsheet (kit import
 * `operating_attendance`): a file with a bad row is refused with row errors naming the column (unknown
 * class, a child not on the roster or on another class's, a non-working day, a future day, a year the
 * calendar does not cover, a bad present cell), nothing written; a clean file adds the marks, a second
 * import changes nothing (existing rows skipped), 否 removes a mark; only the institution imports (a
 * town officer: 403); another institution's child is unknown to the caller.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp, XUJING, ZHUJIAJIAO } from '../../../test/app.ts';
import { commitRun, uploadCsv } from '../../../test/factories/imports.ts';
import { buildInstitution } from '../../../test/factories/institutions.ts';

let t: TestApp;
const URL = '/api/v1/operating/attendance/imports';
const HEAD = ['班级', '幼儿编号', '日期', '是否出勤'];
let className = '';
let otherClassName = '';
let secondClassName = '';
const kids: string[] = [];
let strangerKid = '';

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('ri_town', 'town_officer', { kind: 'division', divisionCode: ZHUJIAJIAO });
  const inst = await buildInstitution(t.database.db, { townCode: ZHUJIAJIAO, status: 'operating' });
  await t.createUser('ri_inst', 'institution_admin', { kind: 'institution', institutionId: inst.id });
  const other = await buildInstitution(t.database.db, { townCode: XUJING, status: 'operating' });
  await t.createUser('ri_other', 'institution_admin', { kind: 'institution', institutionId: other.id });
  className = inst.classes[0]!.name;
  secondClassName = inst.classes[1]?.name ?? '';
  otherClassName = `${other.classes[0]!.name}-不存在`;
  const add = async (who: string, classId: string, name: string) =>
    (
      await t.call('POST', `/api/v1/operating/classes/${classId}/roster`, {
        cookie: await t.login(who),
        body: { name, birthMonth: '2024-05' },
      })
    ).json().id as string;
  kids.push(await add('ri_inst', inst.classes[0]!.id, '导入甲宝'));
  kids.push(await add('ri_inst', inst.classes[0]!.id, '导入乙宝'));
  strangerKid = await add('ri_other', other.classes[0]!.id, '别园丙宝');
});
afterAll(async () => {
  await t?.close();
});

const upload = async (who: string, rows: string[][]) => uploadCsv(t, URL, await t.login(who), HEAD, rows);
const commit = async (who: string, runId: string) => commitRun(t, URL, await t.login(who), runId);

describe('the attendance import', () => {
  it('refuses a file with bad rows, naming the column in zh and en; nothing written', async () => {
    const rows = [
      [className, kids[0]!, '2026-02-27', '是'], // 2: good
      [otherClassName, kids[0]!, '2026-02-27', '是'], // 3: unknown class
      [className, strangerKid, '2026-02-26', '是'], // 4: another institution's child
      [className, kids[1]!, '2026-03-01', '是'], // 5: a Sunday
      [className, kids[1]!, '2026-03-03', '是'], // 6: after today
      [className, kids[1]!, '2020-03-02', '是'], // 7: outside the calendar
      [className, kids[1]!, '2026-02-25', '也许'], // 8: present unreadable
      [className, 'abc', '2026-02-25', '是'], // 9: not an id
    ];
    const res = await upload('ri_inst', rows);
    expect(res.statusCode, res.body).toBe(201);
    const run = res.json();
    const rules = run.errors.map(
      (e: { row: number; field: string; rule: string }) => `${e.row}:${e.field}:${e.rule}`,
    );
    expect(rules).toEqual(
      expect.arrayContaining([
        '3:className:class_not_found',
        '4:childId:not_in_roster',
        '5:day:working_day',
        '6:day:not_future',
        '7:day:outside_calendar',
      ]),
    );
    expect(rules.some((r: string) => r.startsWith('8:present'))).toBe(true);
    expect(rules.some((r: string) => r.startsWith('9:childId'))).toBe(true);
    expect(rules.some((r: string) => r.startsWith('2:'))).toBe(false);
    const e3 = run.errors.find((e: { row: number }) => e.row === 3);
    expect(e3).toMatchObject({ column: '班级', message_zh: expect.stringMatching(/班级/) });
    expect(e3.message_en).toMatch(/class/i);
    expect(
      (await t.call('POST', `${URL}/${run.id}/commit`, { cookie: await t.login('ri_inst') })).statusCode,
    ).toBe(409);
    expect(await countRows(t, 'operating_attendance')).toBe(0);
  });

  it('a child on another class of the same institution is refused naming childId', async () => {
    if (!secondClassName) return; // the factory made one class only
    const run = (await upload('ri_inst', [[secondClassName, kids[0]!, '2026-02-27', '是']])).json();
    expect(run.errors.map((e: { field: string; rule: string }) => `${e.field}:${e.rule}`)).toEqual([
      'childId:in_class',
    ]);
  });

  it('imports clean rows; a second import changes nothing; 否 removes a mark', async () => {
    const rows = [
      [className, kids[0]!, '2026-02-27', '是'],
      [className, kids[1]!, '2026-02-27', '是'],
      [className, kids[0]!.toUpperCase(), '2026-02-26', 'yes'],
    ];
    const first = (await upload('ri_inst', rows)).json();
    expect(first).toMatchObject({ errorCount: 0, validRows: 3, existingRows: 0 });
    expect(await commit('ri_inst', first.id)).toMatchObject({ status: 'committed', insertedRows: 3 });
    expect(await countRows(t, 'operating_attendance')).toBe(3);
    const second = (await upload('ri_inst', rows)).json();
    expect(second).toMatchObject({ errorCount: 0, existingRows: 3 });
    expect(await commit('ri_inst', second.id)).toMatchObject({ status: 'committed', insertedRows: 0 });
    expect(await countRows(t, 'operating_attendance')).toBe(3);
    const off = (await upload('ri_inst', [[className, kids[1]!, '2026-02-27', '否']])).json();
    expect(off).toMatchObject({ errorCount: 0, existingRows: 0 });
    expect(await commit('ri_inst', off.id)).toMatchObject({ status: 'committed', insertedRows: 1 });
    expect(await countRows(t, 'operating_attendance')).toBe(2);
    const day = await t.call(
      'GET',
      `/api/v1/operating/classes/${(await classIdOf(className))!}/attendance/2026-02-27`,
      {
        cookie: await t.login('ri_town'),
      },
    );
    expect(day.json().presentCount).toBe(1);
  });

  it('a child who left the class: its rows from the leaving day on are refused naming day', async () => {
    const classId = (await classIdOf(className))!;
    const left = await t.call('PUT', `/api/v1/operating/classes/${classId}/roster/${kids[1]}/left`, {
      cookie: await t.login('ri_inst'),
      body: { leftOn: '2026-03-02' },
    });
    expect(left.statusCode, left.body).toBe(200);
    const run = (
      await upload('ri_inst', [
        [className, kids[1]!, '2026-02-26', '是'], // before leaving: fine
        [className, kids[1]!, '2026-03-02', '是'], // the leaving day: refused
      ])
    ).json();
    expect(
      run.errors.map((e: { row: number; field: string; rule: string }) => `${e.row}:${e.field}:${e.rule}`),
    ).toEqual(['3:day:not_left']);
    await t.call('PUT', `/api/v1/operating/classes/${classId}/roster/${kids[1]}/left`, {
      cookie: await t.login('ri_inst'),
      body: { leftOn: null },
    });
  });

  it('a town officer may not import (403); another institution does not see the class', async () => {
    expect((await upload('ri_town', [[className, kids[0]!, '2026-02-25', '是']])).statusCode).toBe(403);
    // The other institution has a class of the same name (the factory's); the child is not on its roster.
    const run = (await upload('ri_other', [[className, kids[0]!, '2026-02-25', '是']])).json();
    expect(run.errors.map((e: { field: string; rule: string }) => `${e.field}:${e.rule}`)).toEqual([
      'childId:not_in_roster',
    ]);
    expect(await countRows(t, 'operating_attendance')).toBe(2);
  });
});

async function classIdOf(name: string) {
  const r = (await t.database.db.execute(
    `select id from institution_classes where name = '${name}' limit 1`,
  )) as unknown as { rows: { id: string }[] };
  return r.rows[0]?.id;
}
