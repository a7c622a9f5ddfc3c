/** The platform kit on a real database: paged list + count, versioned update, LIKE escaping, review timing. */
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CN_HOLIDAY_YEARS } from '../../../domain/policy/holidays-cn.ts';
import { buildCalendar } from '../../../domain/rules/workdays.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/db.ts';
import { buildInstitution, buildUser, FACTORY_NOW } from '../../../test/factories/index.ts';
import { institutions } from '../../modules/institutions/tables.ts';
import { DomainError } from '../errors.ts';
import { containsAny, likeEscape } from '../like.ts';
import { countWhere, MAX_OFFSET, paged } from '../paging.ts';
import { reviewTiming } from '../review-queue.ts';
import { users } from '../tables.ts';
import { assertVersion, updateVersioned } from '../versioned.ts';

let database: TestDatabase;
const D = 'kit901'; // a district of its own: nothing else in this file's database lives there
beforeAll(async () => {
  database = await createTestDatabase();
  for (const name of ['a%b', 'a_b', 'a\\b', 'axb', 'plain-1', 'plain-2', 'plain-3'])
    await buildUser(database.db, { username: name, district: D, role: null });
});
afterAll(() => database.close());

const usersPage = (page: number, pageSize: number, term?: string) => {
  const where = and(eq(users.districtCode, D), containsAny([users.username], term));
  return paged(
    { page, pageSize },
    {
      rows: (limit, offset) =>
        database.db
          .select()
          .from(users)
          .where(where)
          .orderBy(asc(users.username))
          .limit(limit)
          .offset(offset),
      count: () => countWhere(database.db, users, where),
      map: (u) => u.username,
    },
  );
};

const code = async (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof DomainError ? `${e.code}:${e.options.errors?.[0]?.field}` : String(e)),
  );

describe('paged', () => {
  it('answers a page and the total of the same WHERE', async () => {
    expect(await usersPage(1, 3)).toEqual({ items: ['a%b', 'a\\b', 'a_b'], total: 7, page: 1, pageSize: 3 });
    expect((await usersPage(3, 3)).items).toEqual(['plain-3']);
  });
  it('a page past the last is empty, with the true total', async () => {
    expect(await usersPage(9, 3)).toEqual({ items: [], total: 7, page: 9, pageSize: 3 });
  });
  it('refuses an absurd page or page size with a 400 naming the field', async () => {
    expect(await code(usersPage(Math.floor(MAX_OFFSET / 100) + 2, 100))).toBe('validation.failed:page');
    expect(await code(usersPage(Number.MAX_SAFE_INTEGER, 20))).toBe('validation.failed:page');
    expect(await code(usersPage(0, 20))).toBe('validation.failed:page');
    expect(await code(usersPage(1, 101))).toBe('validation.failed:pageSize');
    expect(await code(usersPage(Math.floor(MAX_OFFSET / 100) + 1, 100))).toBe('ok');
  });
});

describe('LIKE escaping', () => {
  it('escapes %, _ and the backslash', () => expect(likeEscape('5%_\\x')).toBe('5\\%\\_\\\\x'));
  it.each([
    ['%', ['a%b']],
    ['_', ['a_b']],
    ['\\', ['a\\b']],
    ['B', ['a%b', 'a\\b', 'a_b', 'axb']],
  ])('the term %j matches literally: %j', async (term, expected) => {
    expect((await usersPage(1, 20, term)).items).toEqual(expected);
  });
  it('an empty term adds no condition', async () => expect((await usersPage(1, 20, '')).total).toBe(7));
});

describe('updateVersioned', () => {
  it('updates on the version read, bumps it and updated_at; a stale version is 409 and changes nothing', async () => {
    const u = await buildUser(database.db, { district: D, role: null });
    const later = new Date(FACTORY_NOW.getTime() + 60_000);
    const next = await updateVersioned(database.db, users, u, u.version, { displayName: '新名字' }, later);
    expect(next).toMatchObject({ displayName: '新名字', version: u.version + 1, updatedAt: later });
    expect(await code(updateVersioned(database.db, users, u, u.version, { displayName: '旧' }, later))).toBe(
      'conflict.stale_version:undefined',
    );
    const [again] = await database.db.select().from(users).where(eq(users.id, u.id));
    expect(again).toMatchObject({ displayName: '新名字', version: u.version + 1 });
    expect(() => assertVersion(again!, u.version)).toThrow(DomainError);
    expect(() => assertVersion(again!, u.version + 1)).not.toThrow();
  });

  it('works on any versioned table (institutions, written by the factory)', async () => {
    const inst = await buildInstitution(database.db, { status: 'submitted' });
    const [row] = await database.db.select().from(institutions).where(eq(institutions.id, inst.id));
    const next = await updateVersioned(
      database.db,
      institutions,
      row!,
      inst.version,
      { name: '改名托育园' },
      FACTORY_NOW,
    );
    expect(next).toMatchObject({ name: '改名托育园', status: 'submitted', version: inst.version + 1 });
  });
});

describe('reviewTiming', () => {
  const o = (now: string) => ({
    now: new Date(now),
    deadlineWorkingDays: 5,
    submittedAt: (r: { at: string }) => new Date(r.at),
    permitted: () => ['approve'],
  });
  it.each([
    // Submitted Monday 2026-03-02 (Beijing); 5 working days later is not yet overdue, 6 is.
    ['2026-03-09T02:00:00Z', 5, false, true],
    ['2026-03-10T02:00:00Z', 6, true, true],
    // Across the National Day holiday (1–7 October 2026, from Wednesday 30 September) no day counts.
    ['2026-10-07T02:00:00Z', 0, false, true],
    ['2026-10-09T02:00:00Z', 2, false, true],
    // Outside the shipped holiday calendar: no guess, and the flag says why.
    ['2027-01-12T02:00:00Z', null, false, false],
  ])('at %s: waited %s, overdue %s, calendar covers %s', (now, days, overdue, covered) => {
    const at = now.startsWith('2026-10') ? '2026-09-30T02:00:00Z' : '2026-03-02T02:00:00Z';
    const t = reviewTiming({ at }, o(now));
    expect(t).toMatchObject({ waitedWorkingDays: days, overdue });
    expect(t.calendarCovered).toBe(covered);
    expect(t.permittedActions).toEqual(['approve']);
  });
});

describe('reviewTiming with a district calendar', () => {
  it('counts on the calendar it is given (a made-up 2027 year: 1–3 January off)', () => {
    const calendar = buildCalendar([
      ...CN_HOLIDAY_YEARS,
      {
        year: 2027,
        notice: '测试',
        issued: '2026-11-01',
        verified: false,
        holidays: [['2027-01-01', '2027-01-03']],
        workdays: [],
      },
    ]);
    const t = reviewTiming(
      { at: '2026-12-25T02:00:00Z' },
      {
        now: new Date('2027-01-12T02:00:00Z'),
        deadlineWorkingDays: 5,
        submittedAt: (r) => new Date(r.at),
        permitted: () => [],
        calendar,
      },
    );
    // 28–31 December (4) + 4–8 and 11–12 January (7): 11 working days, overdue.
    expect(t).toMatchObject({ waitedWorkingDays: 11, overdue: true, calendarCovered: true });
  });
});

describe('status history', () => {
  it('appends who, when, from, to, action and the trimmed reason, and reads newest first', async () => {
    const { institutionHistory } = await import('../../modules/institutions/tables.ts');
    const inst = await buildInstitution(database.db, { status: 'filed' });
    const ctx = {
      actor: null,
      districtCode: '310118',
      ip: null,
      requestId: null,
      now: new Date('2026-03-05T00:00:00Z'),
    };
    const actor = {
      userId: inst.id,
      username: 'kit',
      districtCode: '310118',
      role: null,
      scope: null,
      sessionId: 's',
    };
    await institutionHistory.append(database.db, ctx, actor, {
      districtCode: '310118',
      objectId: inst.id,
      action: 'start_operating',
      from: 'filed',
      to: 'operating',
      reason: '  开业  ',
    });
    const rows = await institutionHistory.of(database.db, '310118', inst.id);
    expect(rows.map((r) => r.action)).toEqual(['start_operating', 'approve', 'submit', 'create']);
    expect(rows[0]).toMatchObject({
      fromStatus: 'filed',
      toStatus: 'operating',
      reason: '开业',
      actorUsername: 'kit',
      at: ctx.now,
    });
  });
});
