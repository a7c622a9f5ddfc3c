/**
 * Childcare subsidy casework (issue 17): applications imported from the national system's file (row
 * errors for a child over 3, a second application for a child, a bank card failing its check digit, a
 * hukou outside Shanghai, a town of another district; nothing written), the town's review with the
 * 30-working-day clock (another town: 404), payment batches with totals per town (nothing paid twice;
 * a returned payment's months due again after the account is corrected), stops, the parent's view, the
 * XLSX for the finance bureau, sealed numbers.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays, CN_CALENDAR } from '../../../domain/rules/workdays.ts';
import { luhnValid } from '../../../domain/subsidy/rules.ts';
import { countRows, createTestApp, DISTRICT, type TestApp, XUJING, ZHUJIAJIAO } from '../../../test/app.ts';
import { buildFamily, childIdFor, mobileFor } from '../../../test/factories/families.ts';
import { csvText, multipartBody } from '../../../test/factories/inputs.ts';
import { SUBSIDY_COLUMNS } from './import.ts';

let t: TestApp;
let district: string;
const URL = '/api/v1/subsidy/imports';
const HEADERS = SUBSIDY_COLUMNS.map((c) => c.zh);

/** A 19-digit UnionPay-style card number with a valid Luhn digit. */
function cardFor(n: number): string {
  const body = `622202${String(n).padStart(12, '0')}`;
  for (let d = 0; d <= 9; d++) if (luhnValid(body + d)) return body + d;
  throw new Error('unreachable');
}

function row(n: number, o: Record<string, string> = {}): string[] {
  const birth = o.childBirthDate ?? '2024-06-10';
  const v: Record<string, string> = {
    applicationNo: `YEBT-T-${String(n).padStart(6, '0')}`,
    childName: `补贴宝宝${n}`,
    childIdNumber: childIdFor(o.idBirth ?? birth, n),
    childBirthDate: birth,
    hukouTownCode: ZHUJIAJIAO,
    localHukou: '是',
    adoptedOn: '',
    hukouFrom: '',
    applicantName: `补贴妈妈${n}`,
    applicantRelation: '母亲',
    applicantMobile: mobileFor(8000 + n),
    bankName: '示例银行青浦支行',
    accountKind: '银行卡',
    bankAccount: cardFor(n),
    appliedOn: '2026-01-05',
    ...o,
  };
  return SUBSIDY_COLUMNS.map((c) => v[c.field] ?? '');
}
const csv = (rows: string[][]) => Buffer.from(csvText([HEADERS, ...rows]));
async function upload(rows: string[][]) {
  const m = multipartBody('applications.csv', 'text/csv', csv(rows));
  const res = await t.app.inject({
    method: 'POST',
    url: URL,
    headers: { cookie: district, ...m.headers },
    payload: m.payload,
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}
async function commitAndRun(id: string) {
  const res = await t.call('POST', `${URL}/${id}/commit`, { cookie: district });
  expect(res.statusCode).toBe(202);
  await t.jobs.runDue();
  return (await t.call('GET', `${URL}/${id}`, { cookie: district })).json();
}
const as = async (who: string, method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) =>
  t.call(method, url, { cookie: await t.login(who), body });
const byNo = async (who: string, no: string) => {
  const res = await as(who, 'GET', `/api/v1/subsidy/applications?q=${no}`);
  return res.json().items[0];
};

let family: Awaited<ReturnType<typeof buildFamily>>;

beforeAll(async () => {
  t = await createTestApp();
  family = await buildFamily(t.database.db, { seq: 77, birthDate: '2025-06-15' });
  const division = (divisionCode: string) => ({ kind: 'division' as const, divisionCode });
  await t.createUser('s-district', 'district_officer', division(DISTRICT));
  await t.createUser('s-zjj', 'town_officer', division(ZHUJIAJIAO));
  await t.createUser('s-xj', 'town_officer', division(XUJING));
  await t.createUser('s-parent', 'parent', { kind: 'family', familyId: family.familyId });
  await t.createUser('s-parent-other', 'parent', {
    kind: 'family',
    familyId: (await buildFamily(t.database.db, { seq: 78 })).familyId,
  });
  district = await t.login('s-district');
});
afterAll(() => t.close());

describe('import from the national system', () => {
  it('reports every bad row by row and column and writes nothing', async () => {
    const bad = [
      row(1),
      row(2, { childBirthDate: '2021-06-01' }), // over 3 before the scheme
      row(3, { bankAccount: `${cardFor(3).slice(0, -1)}${(Number(cardFor(3).at(-1)) + 1) % 10}` }), // Luhn
      row(4, { localHukou: '否' }), // Shanghai pays children with a Shanghai hukou
      row(5, { hukouTownCode: '310117101' }), // a town of another district
      row(6, { childBirthDate: '2024-06-11', idBirth: '2024-06-10' }), // contradicts the ID
      row(7, { applicationNo: 'YEBT-T-000777', childIdNumber: childIdFor('2024-06-10', 1) }), // child of row 1
      row(8, { appliedOn: '2027-01-01' }), // future
    ];
    const run = await upload(bad);
    expect(run).toMatchObject({ status: 'invalid', totalRows: 8, validRows: 1 });
    const got = run.errors.map(
      (e: { row: number; field: string; rule: string }) => `${e.row}:${e.field}:${e.rule}`,
    );
    expect(got).toEqual(
      expect.arrayContaining([
        '3:childBirthDate:subsidy.over_age',
        '4:bankAccount:bank_card.check_digit',
        '5:localHukou:subsidy.local_hukou',
        '6:hukouTownCode:division.unknown_town',
        '7:childBirthDate:birth.id_mismatch',
        '8:childIdNumber:subsidy.duplicate_child',
        '9:appliedOn:date.future',
      ]),
    );
    const e = run.errors.find((x: { rule: string }) => x.rule === 'bank_card.check_digit');
    expect(e.message_zh).toContain('校验');
    expect(e.message_en).toContain('check digit');
    expect(e.column).toBe('收款账号');
    expect(await countRows(t, 'subsidy_applications')).toBe(0);
    const c = await t.call('POST', `${URL}/${run.id}/commit`, { cookie: district });
    expect(c.statusCode).toBe(409);
    expect(await countRows(t, 'subsidy_applications')).toBe(0);
  });

  it('imports, re-imports nothing, refuses a second application for a child; numbers sealed', async () => {
    const rows = [
      row(11),
      row(12, { hukouTownCode: XUJING, accountKind: '存折', bankAccount: '310118000123' }),
      // The family's child (the parent sees this one).
      row(13, {
        childIdNumber: family.record.childIdNumber,
        childBirthDate: '2025-06-15',
        appliedOn: '2026-02-02',
      }),
      row(14, { childBirthDate: '2023-01-20', appliedOn: '2026-01-06' }),
    ];
    const first = await upload(rows);
    expect(first).toMatchObject({ status: 'checked', validRows: 4, existingRows: 0 });
    expect((await commitAndRun(first.id)).status).toBe('committed');
    expect(await countRows(t, 'subsidy_applications')).toBe(4);

    const again = await upload(rows);
    expect(again.existingRows).toBe(4);
    await commitAndRun(again.id);
    expect(await countRows(t, 'subsidy_applications')).toBe(4);

    const dup = await upload([row(15, { childIdNumber: childIdFor('2024-06-10', 11) })]);
    expect(dup.errors.map((x: { field: string; rule: string }) => `${x.field}:${x.rule}`)).toEqual([
      'childIdNumber:subsidy.duplicate_child',
    ]);

    const dump = JSON.stringify(await t.database.db.execute(sql`select * from subsidy_applications`));
    expect(dump).not.toContain(childIdFor('2024-06-10', 11));
    expect(dump).not.toContain(cardFor(11));
    expect(dump).not.toContain(mobileFor(8011));
    const a = await byNo('s-district', 'YEBT-T-000011');
    expect(a.childIdNumber).not.toContain(childIdFor('2024-06-10', 11).slice(6, 14));
    expect(a.bankAccount).toBe(`****${cardFor(11).slice(-4)}`);
    expect(a.applicantMobile).not.toBe(mobileFor(8011));
  });
});

describe("the town's review", () => {
  it('is due 30 working days after the application on the calendar, overdue after', async () => {
    const a = await byNo('s-district', 'YEBT-T-000013');
    const due = addWorkingDays('2026-02-02', 30, CN_CALENDAR);
    expect(due.ok && a.dueOn).toBe(due.ok ? due.date : null);
    // The 2026 Spring Festival week lies inside: more than 30 weekdays + 6 weeks' weekends.
    expect(a.dueOn > '2026-03-13').toBe(true);
    expect(a).toMatchObject({
      status: 'submitted',
      overdue: false,
      calendarCovered: true,
      familyLinked: true,
    });
    expect(a.dueFrom).toBe('2025-06');
    expect(a.dueTo).toBe('2028-05');
    expect(a.monthsDue).toBe(36);
  });

  it("shows a town its own applications only; another town's is 404 and cannot be decided", async () => {
    const zjj = (await as('s-zjj', 'GET', '/api/v1/subsidy/applications')).json();
    expect(zjj.items.every((i: { townCode: string }) => i.townCode === ZHUJIAJIAO)).toBe(true);
    expect(zjj.total).toBe(3);
    const xjApp = await byNo('s-district', 'YEBT-T-000012');
    expect((await as('s-zjj', 'GET', `/api/v1/subsidy/applications/${xjApp.id}`)).statusCode).toBe(404);
    const res = await as('s-zjj', 'POST', `/api/v1/subsidy/applications/${xjApp.id}/decisions`, {
      action: 'approve',
      version: xjApp.version,
    });
    expect(res.statusCode).toBe(404);
    expect((await byNo('s-district', 'YEBT-T-000012')).status).toBe('submitted');
  });

  it('a rejection needs its reason (400 naming the field, nothing written); approve and reject', async () => {
    const a = await byNo('s-zjj', 'YEBT-T-000014');
    const bad = await as('s-zjj', 'POST', `/api/v1/subsidy/applications/${a.id}/decisions`, {
      action: 'reject',
      version: a.version,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'reason', rule: 'required' });
    expect((await byNo('s-zjj', 'YEBT-T-000014')).version).toBe(a.version);
    const rej = await as('s-zjj', 'POST', `/api/v1/subsidy/applications/${a.id}/decisions`, {
      action: 'reject',
      reason: '户籍核验不一致',
      version: a.version,
    });
    expect(rej.statusCode).toBe(200);
    expect(rej.json()).toMatchObject({ status: 'rejected', decidedOn: '2026-03-02', permittedActions: [] });
    expect((await byNo('s-zjj', 'YEBT-T-000011')).overdue).toBe(true);
    for (const no of ['YEBT-T-000011', 'YEBT-T-000013']) {
      const x = await byNo('s-zjj', no);
      const ok = await as('s-zjj', 'POST', `/api/v1/subsidy/applications/${x.id}/decisions`, {
        action: 'approve',
        version: x.version,
      });
      expect(ok.statusCode).toBe(200);
      // No. 11 came in on 2026-01-05: its 30 working days ran out before today (2026-03-02).
      expect(ok.json()).toMatchObject({
        status: 'approved',
        reviewedInTime: no === 'YEBT-T-000013',
        permittedActions: ['stop'],
      });
    }
    // The district may decide too (the whole district is in its scope).
    const xj = await byNo('s-district', 'YEBT-T-000012');
    expect(
      (
        await as('s-district', 'POST', `/api/v1/subsidy/applications/${xj.id}/decisions`, {
          action: 'approve',
          version: xj.version,
        })
      ).statusCode,
    ).toBe(200);
    const audit = await t.database.db.execute(
      sql`select count(*)::int as n from audit_log where action in ('subsidy.approve', 'subsidy.reject')`,
    );
    expect((audit as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(4);
  });
});

describe('payment batches', () => {
  it('refuses months to come and months outside the year, naming the field', async () => {
    const future = await as('s-district', 'POST', '/api/v1/subsidy/batches', {
      year: 2026,
      through: '2026-04',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0]).toMatchObject({ field: 'through', rule: 'subsidy.future_month' });
    const outside = await as('s-district', 'POST', '/api/v1/subsidy/batches', {
      year: 2026,
      through: '2025-12',
    });
    expect(outside.json().errors[0]).toMatchObject({ field: 'through', rule: 'subsidy.month_in_year' });
    const town = await as('s-zjj', 'POST', '/api/v1/subsidy/batches', { year: 2026, through: '2026-02' });
    expect(town.statusCode).toBe(403);
    expect(await countRows(t, 'subsidy_batches')).toBe(0);
  });

  it('pays each approved child the months due once, with totals per town; the bank’s return puts them back', async () => {
    const b = await as('s-district', 'POST', '/api/v1/subsidy/batches', { year: 2026, through: '2026-02' });
    expect(b.statusCode).toBe(201);
    // 11 (ZJJ, born 2024-06): Jan–Feb; 12 (XJ): Jan–Feb; 13 (ZJJ, born 2025-06): Jan–Feb; 14 rejected.
    expect(b.json()).toMatchObject({ status: 'draft', children: 3, months: 6, amount: 1800 });
    expect(b.json().towns).toEqual([
      { townCode: ZHUJIAJIAO, children: 2, months: 4, amount: 1200 },
      { townCode: XUJING, children: 1, months: 2, amount: 600 },
    ]);
    const again = await as('s-district', 'POST', '/api/v1/subsidy/batches', {
      year: 2026,
      through: '2026-02',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('subsidy.nothing_due');

    // 2025's months are another year's batch: Jul–Dec for the family's child, all of 2025 for no. 11.
    const y2025 = await as('s-district', 'POST', '/api/v1/subsidy/batches', {
      year: 2025,
      through: '2025-12',
    });
    expect(y2025.json()).toMatchObject({ children: 3, months: 12 + 12 + 7, amount: 31 * 300 });

    const id = b.json().id;
    const xlsx = await as('s-district', 'GET', `/api/v1/subsidy/batches/${id}/export`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.includes(Buffer.from(cardFor(11)))).toBe(false);

    const returnDraft = await as(
      's-district',
      'POST',
      `/api/v1/subsidy/batches/${id}/lines/${'0'.repeat(8)}-0000-7000-8000-${'0'.repeat(12)}/return`,
      {
        reason: '账户不存在',
      },
    );
    expect(returnDraft.statusCode).toBe(409);
    const sub = await as('s-district', 'POST', `/api/v1/subsidy/batches/${id}/transitions`, {
      action: 'submit',
      version: 1,
    });
    expect(sub.json().status).toBe('submitted');
    const paid = await as('s-district', 'POST', `/api/v1/subsidy/batches/${id}/transitions`, {
      action: 'mark_paid',
      version: 2,
    });
    expect(paid.json().status).toBe('paid');

    const lines = (
      await as('s-district', 'GET', `/api/v1/subsidy/batches/${id}/lines?townCode=${XUJING}`)
    ).json();
    expect(lines.items).toHaveLength(1);
    expect(lines.items[0]).toMatchObject({
      fromMonth: '2026-01',
      toMonth: '2026-02',
      months: 2,
      amount: 600,
      status: 'paid',
    });
    const ret = await as(
      's-district',
      'POST',
      `/api/v1/subsidy/batches/${id}/lines/${lines.items[0].id}/return`,
      {
        reason: '账户已销户',
      },
    );
    expect(ret.json()).toMatchObject({ returned: 1, amount: 1200 });
    // The XJ town is told to check the account.
    const told = await t.database.db.execute(
      sql`select count(*)::int as n from notifications where kind = 'subsidy.returned'`,
    );
    expect((told as unknown as { rows: { n: number }[] }).rows[0]!.n).toBeGreaterThan(0);

    // Until the account is corrected the returned months wait (the same account would fail again).
    const waiting = await as('s-district', 'POST', '/api/v1/subsidy/batches', {
      year: 2026,
      through: '2026-02',
    });
    expect(waiting.statusCode).toBe(409);

    t.clock.advance(60_000);
    // A bad corrected account is refused, naming the field; a good one is taken (audited without it).
    const app = await byNo('s-xj', 'YEBT-T-000012');
    const badAcc = await as('s-xj', 'PUT', `/api/v1/subsidy/applications/${app.id}/account`, {
      bankName: '示例银行',
      accountKind: 'card',
      bankAccount: '6222020000000000001',
      reason: '原账户销户',
      version: app.version,
    });
    expect(badAcc.statusCode).toBe(400);
    expect(badAcc.json().errors[0]).toMatchObject({ field: 'bankAccount', rule: 'bank_card.check_digit' });
    const good = await as('s-xj', 'PUT', `/api/v1/subsidy/applications/${app.id}/account`, {
      bankName: '示例银行徐泾支行',
      accountKind: 'card',
      bankAccount: cardFor(99),
      reason: '原账户销户',
      version: app.version,
    });
    expect(good.statusCode).toBe(200);
    expect(good.json().bankAccount).toBe(`****${cardFor(99).slice(-4)}`);
    const trail = JSON.stringify(
      await t.database.db.execute(
        sql`select changes from audit_log where action = 'subsidy.correct_account'`,
      ),
    );
    expect(trail).not.toContain(cardFor(99));

    // The returned months go into the next batch, and only those.
    const next = await as('s-district', 'POST', '/api/v1/subsidy/batches', {
      year: 2026,
      through: '2026-02',
    });
    expect(next.json()).toMatchObject({ children: 1, months: 2, amount: 600 });
  });

  it('a stop ends the months due from the month of the event', async () => {
    const a = await byNo('s-zjj', 'YEBT-T-000011');
    const noDate = await as('s-zjj', 'POST', `/api/v1/subsidy/applications/${a.id}/decisions`, {
      action: 'stop',
      reason: '户籍迁出本市',
      endReason: 'hukou_moved',
      version: a.version,
    });
    expect(noDate.statusCode).toBe(400);
    expect(noDate.json().errors[0]).toMatchObject({ field: 'endsOn', rule: 'required' });
    const stop = await as('s-zjj', 'POST', `/api/v1/subsidy/applications/${a.id}/decisions`, {
      action: 'stop',
      reason: '户籍迁出本市',
      endsOn: '2026-02-20',
      endReason: 'hukou_moved',
      version: a.version,
    });
    expect(stop.json()).toMatchObject({ status: 'stopped', dueTo: '2026-01', endReason: 'hukou_moved' });
  });
});

describe("the parent's view", () => {
  it("shows the family's child's application, masked; another family sees none; officers cannot call it", async () => {
    const mine = (await as('s-parent', 'GET', '/api/v1/subsidy/mine')).json();
    expect(mine.yuanPerMonth).toBe(300);
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({
      applicationNo: 'YEBT-T-000013',
      status: 'approved',
      monthsPaid: 2 + 7,
    });
    expect(mine.items[0].childIdNumber).not.toBe(family.record.childIdNumber);
    expect(mine.source).toContain('育儿补贴制度实施方案');
    expect((await as('s-parent-other', 'GET', '/api/v1/subsidy/mine')).json().items).toEqual([]);
    expect((await as('s-zjj', 'GET', '/api/v1/subsidy/mine')).statusCode).toBe(403);
    expect((await as('s-parent', 'GET', '/api/v1/subsidy/applications')).statusCode).toBe(403);
    const told = await t.database.db.execute(
      sql`select count(*)::int as n from notifications where kind = 'subsidy.decided'`,
    );
    expect((told as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1);
  });
});
