/**
 * The yearly renewal (年度复核, ADR 0027): the district opens a year (one open renewal per approved
 * application approved before it; a second opening changes nothing), the hukou town confirms or stops
 * (a stop needs its reason: 400 naming the field, nothing written; another town: 404; the district
 * cannot decide), and the year's batch pays an application approved before the year only once its
 * renewal is confirmed — not an open or a stopped one; an application approved in the year needs none.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { luhnValid } from '../../../domain/subsidy/rules.ts';
import { countRows, createTestApp, DISTRICT, type TestApp, XUJING, ZHUJIAJIAO } from '../../../test/app.ts';
import { buildFamily, childIdFor, mobileFor } from '../../../test/factories/families.ts';
import { csvText, multipartBody } from '../../../test/factories/inputs.ts';
import { SUBSIDY_COLUMNS } from './import.ts';

let t: TestApp;
const R = '/api/v1/subsidy/renewals';

function cardFor(n: number): string {
  const body = `622202${String(n).padStart(12, '0')}`;
  for (let d = 0; d <= 9; d++) if (luhnValid(body + d)) return body + d;
  throw new Error('unreachable');
}
function row(n: number, o: Record<string, string> = {}): string[] {
  const v: Record<string, string> = {
    applicationNo: `YEBT-R-${String(n).padStart(6, '0')}`,
    childName: `复核宝宝${n}`,
    childIdNumber: childIdFor('2024-06-10', 300 + n),
    childBirthDate: '2024-06-10',
    hukouTownCode: ZHUJIAJIAO,
    localHukou: '是',
    applicantName: `复核妈妈${n}`,
    applicantRelation: '母亲',
    applicantMobile: mobileFor(7000 + n),
    bankName: '示例银行青浦支行',
    accountKind: '银行卡',
    bankAccount: cardFor(300 + n),
    appliedOn: '2025-10-10',
    ...o,
  };
  return SUBSIDY_COLUMNS.map((c) => v[c.field] ?? '');
}
const as = async (who: string, method: 'GET' | 'POST', url: string, body?: unknown) =>
  t.call(method, url, { cookie: await t.login(who), body });
async function importAndApprove(rows: string[][]) {
  const cookie = await t.login('r-district');
  const m = multipartBody(
    'a.csv',
    'text/csv',
    Buffer.from(csvText([SUBSIDY_COLUMNS.map((c) => c.zh), ...rows])),
  );
  const run = (
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/subsidy/imports',
      headers: { cookie, ...m.headers },
      payload: m.payload,
    })
  ).json();
  expect(run.validRows).toBe(rows.length);
  expect((await t.call('POST', `/api/v1/subsidy/imports/${run.id}/commit`, { cookie })).statusCode).toBe(202);
  await t.jobs.runDue();
  const list = (await t.call('GET', '/api/v1/subsidy/applications?status=submitted', { cookie })).json();
  for (const a of list.items) {
    const res = await t.call('POST', `/api/v1/subsidy/applications/${a.id}/decisions`, {
      cookie,
      body: { action: 'approve', version: a.version },
    });
    expect(res.statusCode).toBe(200);
  }
}
const auditCount = async (action: string) =>
  (
    (await t.database.db.execute(
      sql`select count(*)::int as n from audit_log where action = ${action}`,
    )) as unknown as { rows: { n: number }[] }
  ).rows[0]!.n;
const byNo = async (who: string, no: string, year = 2026) =>
  (await as(who, 'GET', `${R}?year=${year}&pageSize=100`))
    .json()
    .items.find((r: { applicationNo: string }) => r.applicationNo === no);

const DAY = 86_400_000;
let family: Awaited<ReturnType<typeof buildFamily>>;

beforeAll(async () => {
  t = await createTestApp();
  family = await buildFamily(t.database.db, { seq: 91, birthDate: '2024-06-10' });
  const division = (divisionCode: string) => ({ kind: 'division' as const, divisionCode });
  await t.createUser('r-district', 'district_officer', division(DISTRICT));
  await t.createUser('r-zjj', 'town_officer', division(ZHUJIAJIAO));
  await t.createUser('r-xj', 'town_officer', division(XUJING));
  await t.createUser('r-parent', 'parent', { kind: 'family', familyId: family.familyId });
  // Four applications approved in November 2025 (three in 朱家角, one in 徐泾; no. 3 is the family's child)…
  t.clock.advance(-119 * DAY); // 2025-11-03
  await importAndApprove([
    row(1),
    row(2),
    row(3, { childIdNumber: family.record.childIdNumber }),
    row(4, { hukouTownCode: XUJING }),
  ]);
  t.clock.advance(119 * DAY); // back to 2026-03-02
  // …and one approved this year (checked at its approval: no renewal for 2026).
  await importAndApprove([row(5, { appliedOn: '2026-01-05' })]);
});
afterAll(() => t.close());

describe('opening a year', () => {
  it('is the district’s; a year past next year is a 400 naming the field; nothing written', async () => {
    expect((await as('r-zjj', 'POST', `${R}/open`, { year: 2026 })).statusCode).toBe(403);
    const far = await as('r-district', 'POST', `${R}/open`, { year: 2028 });
    expect(far.statusCode).toBe(400);
    expect(far.json().errors[0]).toMatchObject({ field: 'year', rule: 'subsidy.renewal_year' });
    expect(far.json().errors[0].message_zh).toContain('2027');
    const early = await as('r-district', 'POST', `${R}/open`, { year: 2025 });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].field).toBe('year');
    expect(await countRows(t, 'subsidy_renewals')).toBe(0);
    expect(await auditCount('subsidy.renewal_open')).toBe(0);
  });

  it('opens one renewal per application approved before the year; re-opening changes nothing', async () => {
    const first = await as('r-district', 'POST', `${R}/open`, { year: 2026 });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ year: 2026, opened: 4, existing: 0 });
    const again = await as('r-district', 'POST', `${R}/open`, { year: 2026 });
    expect(again.json()).toEqual({ year: 2026, opened: 0, existing: 4 });
    expect(await countRows(t, 'subsidy_renewals')).toBe(4);
    expect(await auditCount('subsidy.renewal_open')).toBe(1);
    const all = (await as('r-district', 'GET', `${R}?year=2026`)).json();
    expect(all.total).toBe(4);
    expect(all.items.map((r: { applicationNo: string }) => r.applicationNo).sort()).toEqual([
      'YEBT-R-000001',
      'YEBT-R-000002',
      'YEBT-R-000003',
      'YEBT-R-000004',
    ]);
    // The child is masked; the district sees but does not decide.
    expect(all.items[0].childName).toMatch(/^复\*+$/);
    expect(all.items[0].childIdNumber).toContain('*');
    expect(all.items.every((r: { permittedActions: string[] }) => r.permittedActions.length === 0)).toBe(
      true,
    );
    // The towns were told.
    const told = (await t.database.db.execute(
      sql`select count(*)::int as n from notifications where kind = 'subsidy.renewal_open'`,
    )) as unknown as { rows: { n: number }[] };
    expect(told.rows[0]!.n).toBeGreaterThan(0);
  });
});

describe("the town's decision", () => {
  it("shows a town its own renewals only; another town's is 404 and cannot be decided", async () => {
    const zjj = (await as('r-zjj', 'GET', `${R}?year=2026`)).json();
    expect(zjj.total).toBe(3);
    expect(zjj.items.every((r: { townCode: string }) => r.townCode === ZHUJIAJIAO)).toBe(true);
    expect(zjj.items[0].permittedActions).toEqual(['confirm', 'stop']);
    expect((await as('r-zjj', 'GET', `${R}?year=2026&townCode=${XUJING}`)).json().total).toBe(0);
    const xj = await byNo('r-district', 'YEBT-R-000004');
    expect((await as('r-zjj', 'GET', `${R}/${xj.id}`)).statusCode).toBe(404);
    const res = await as('r-zjj', 'POST', `${R}/${xj.id}/decisions`, {
      action: 'confirm',
      version: xj.version,
    });
    expect(res.statusCode).toBe(404);
    const byDistrict = await as('r-district', 'POST', `${R}/${xj.id}/decisions`, {
      action: 'confirm',
      version: xj.version,
    });
    expect(byDistrict.statusCode).toBe(403);
    expect((await byNo('r-district', 'YEBT-R-000004')).state).toBe('open');
    expect((await as('r-zjj', 'GET', `${R}/counts?year=2026`)).json()).toEqual({
      year: 2026,
      open: 3,
      confirmed: 0,
      stopped: 0,
    });
  });

  it('a stop needs its reason (and a note for "other"): 400 naming the field, nothing written', async () => {
    const r = await byNo('r-zjj', 'YEBT-R-000003');
    const none = await as('r-zjj', 'POST', `${R}/${r.id}/decisions`, { action: 'stop', version: r.version });
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0]).toMatchObject({ field: 'stopReason', rule: 'required' });
    expect(none.json().errors[0].message_zh).toContain('停发事由');
    expect(none.json().errors[0].message_en).toContain('reason');
    const other = await as('r-zjj', 'POST', `${R}/${r.id}/decisions`, {
      action: 'stop',
      stopReason: 'other',
      version: r.version,
    });
    expect(other.json().errors[0]).toMatchObject({ field: 'note', rule: 'required' });
    const badEnum = await as('r-zjj', 'POST', `${R}/${r.id}/decisions`, {
      action: 'stop',
      stopReason: 'moved_away',
      version: r.version,
    });
    expect(badEnum.statusCode).toBe(400);
    expect(badEnum.json().errors[0].field).toBe('stopReason');
    const after = await byNo('r-zjj', 'YEBT-R-000003');
    expect(after).toMatchObject({ state: 'open', version: r.version, stopReason: null });
    expect(await auditCount('subsidy.renewal_stop')).toBe(0);
  });

  it('confirms one, stops one with its reason (audited); a stale version is 409', async () => {
    const one = await byNo('r-zjj', 'YEBT-R-000001');
    const ok = await as('r-zjj', 'POST', `${R}/${one.id}/decisions`, {
      action: 'confirm',
      version: one.version,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ state: 'confirmed', permittedActions: [], version: one.version + 1 });
    expect(ok.json().decidedAt).toBeTruthy();
    const stale = await as('r-zjj', 'POST', `${R}/${one.id}/decisions`, {
      action: 'stop',
      version: one.version,
    });
    expect(stale.statusCode).toBe(409);
    const three = await byNo('r-zjj', 'YEBT-R-000003');
    const stop = await as('r-zjj', 'POST', `${R}/${three.id}/decisions`, {
      action: 'stop',
      stopReason: 'hukou_moved',
      note: '2026-01 户籍迁往江苏',
      version: three.version,
    });
    expect(stop.json()).toMatchObject({
      state: 'stopped',
      stopReason: 'hukou_moved',
      note: '2026-01 户籍迁往江苏',
    });
    expect(await auditCount('subsidy.renewal_confirm')).toBe(1);
    expect(await auditCount('subsidy.renewal_stop')).toBe(1);
    expect((await as('r-district', 'GET', `${R}/counts?year=2026`)).json()).toEqual({
      year: 2026,
      open: 2,
      confirmed: 1,
      stopped: 1,
    });
    expect(
      (await as('r-district', 'GET', `${R}?year=2026&state=stopped`)).json().items[0].applicationNo,
    ).toBe('YEBT-R-000003');
  });
});

describe('payment', () => {
  it("pays the year's months only for a confirmed renewal (or an approval in the year); 2025 unaffected", async () => {
    const b = await as('r-district', 'POST', '/api/v1/subsidy/batches', { year: 2026, through: '2026-02' });
    expect(b.statusCode).toBe(201);
    // No. 1 (confirmed) and no. 5 (approved 2026): Jan–Feb each; no. 2 and 4 open, no. 3 stopped: nothing.
    expect(b.json()).toMatchObject({ children: 2, months: 4, amount: 1200 });
    const lines = (await as('r-district', 'GET', `/api/v1/subsidy/batches/${b.json().id}/lines`)).json();
    expect(lines.items.map((l: { applicationNo: string }) => l.applicationNo).sort()).toEqual([
      'YEBT-R-000001',
      'YEBT-R-000005',
    ]);
    // 2025's months need no renewal (approved in 2025, or later as back pay): all five children.
    const y2025 = await as('r-district', 'POST', '/api/v1/subsidy/batches', {
      year: 2025,
      through: '2025-12',
    });
    expect(y2025.json()).toMatchObject({ children: 5 });
    // Confirming no. 2 later puts its months into the next batch.
    const two = await byNo('r-zjj', 'YEBT-R-000002');
    await as('r-zjj', 'POST', `${R}/${two.id}/decisions`, { action: 'confirm', version: two.version });
    const next = await as('r-district', 'POST', '/api/v1/subsidy/batches', {
      year: 2026,
      through: '2026-02',
    });
    expect(next.json()).toMatchObject({ children: 1, months: 2, amount: 600 });
  });

  it('the parent sees this year’s renewal; next year’s opening leaves the stopped one out', async () => {
    const mine = (await as('r-parent', 'GET', '/api/v1/subsidy/mine')).json();
    expect(mine.items[0].renewal).toEqual({ year: 2026, state: 'stopped', stopReason: 'hukou_moved' });
    const y2027 = await as('r-district', 'POST', `${R}/open`, { year: 2027 });
    // Nos. 1, 2, 4 (approved 2025, not stopped) and 5 (approved 2026); not no. 3.
    expect(y2027.json()).toEqual({ year: 2027, opened: 4, existing: 0 });
    expect(await byNo('r-district', 'YEBT-R-000003', 2027)).toBeUndefined();
  });
});
