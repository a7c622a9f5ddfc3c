/**
 * The families demo (issue 11): ~5,000 children with sealed numbers, consents (some withdrawn), home
 * visits with coverage below 100 % varying by town and some overdue, hourly slots (some full, some with a
 * waitlist), applications in every state — and every demo account sees rows of its scope.
 */
import { asc, count, isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLICATION_STATUSES } from '../../../domain/contracts/families.ts';
import { validateCitizenId } from '../../../domain/rules/ids.ts';
import { createTestApp, DISTRICT, type TestApp } from '../../../test/app.ts';
import { scanDatabase } from '../../../test/personal-scan.ts';
import { seedDemo } from '../../demo/seed.ts';
import { districtActor } from '../../platform/context.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { openValue } from '../../platform/personal-data.ts';
import { DEMO_CHILDREN } from './demo.ts';
import {
  familyApplications,
  familyBookings,
  familyChildren,
  familyConsents,
  familyGuardians,
  familySessionSignups,
  familySessions,
  familySlots,
  familyStations,
  familyVisits,
} from './tables.ts';
import { familyTargets } from './targets.ts';

const PASSWORD = 'Demo-Families-2026!x';
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database.db, {
    district: DISTRICT,
    password: PASSWORD,
    dataDir: '.tmp/demo-families',
    now: t.clock.now(),
  });
}, 180_000);
afterAll(() => t.close());

const groupCount = async (
  table: typeof familyVisits | typeof familyApplications | typeof familyBookings | typeof familyConsents,
) =>
  new Map(
    (await t.database.db.select({ status: table.status, n: count() }).from(table).groupBy(table.status)).map(
      (r) => [r.status, r.n],
    ),
  );

describe('families demo', () => {
  it('has guardians’ requests waiting (one overdue), done and rejected', async () => {
    const { familyRequests } = await import('./tables.ts');
    const rows = await t.database.db.select().from(familyRequests);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['submitted', 'done', 'rejected']));
    expect(rows.some((r) => r.kind === 'deletion' && r.status === 'submitted')).toBe(true);
    const today = t.clock.now().toISOString().slice(0, 10);
    expect(rows.some((r) => r.status === 'submitted' && r.dueOn !== null && r.dueOn < today)).toBe(true);
  });

  it('has facilities of every kind: a service centre per town, child-friendly sites every year, one base', async () => {
    const { FACILITY_KINDS } = await import('../../../domain/contracts/families-facilities.ts');
    const { townsOf } = await import('../../../domain/divisions.ts');
    const { familyFacilities } = await import('./tables.ts');
    const { facilityTargets } = await import('./facilities.ts');
    const rows = await t.database.db.select().from(familyFacilities);
    for (const kind of FACILITY_KINDS)
      expect(
        rows.some((r) => r.kind === kind),
        kind,
      ).toBe(true);
    const centres = new Set(rows.filter((r) => r.kind === 'children_service_centre').map((r) => r.townCode));
    expect(centres.size).toBe(townsOf(DISTRICT).length);
    const sites = facilityTargets.find((s) => s.key === 'child_friendly_sites')!;
    const district = {
      userId: '00000000-0000-7000-8000-000000000000',
      username: 'x',
      districtCode: DISTRICT,
      role: 'district_officer' as const,
      scope: { kind: 'division' as const, divisionCode: DISTRICT },
      sessionId: 'x',
    };
    const measure = async (year: number) =>
      (await sites.measure(t.database.db, { actor: district, year, asOf: t.clock.now() })).value;
    expect([await measure(2023), await measure(2024)]).toEqual([3, 2]);
  });

  it('宝宝屋: sites in several towns with slots and bookings; some children are past the free hours', async () => {
    const { coverageOf } = await import('./baobaowu.ts');
    const district = {
      userId: '00000000-0000-7000-8000-000000000000',
      username: 'x',
      districtCode: DISTRICT,
      role: 'district_officer' as const,
      scope: { kind: 'division' as const, divisionCode: DISTRICT },
      sessionId: 'x',
    };
    const c = await coverageOf(t.database.db, district, 2026);
    expect(c.townsWithSite).toBeGreaterThanOrEqual(5);
    expect(c.children).toBeGreaterThan(10);
    expect(c.freeHours).toBeGreaterThan(0);
    expect(c.chargedHours).toBeGreaterThan(0);
    const r =
      await t.database.db.execute(sql`select max(s) as max from (select child_id, sum(free_hours)::int as s
      from family_bookings where facility_id is not null and status <> 'cancelled' group by child_id) x`);
    // nobody gets more than the 12 free hours of the pack
    expect(Number((r as unknown as { rows: { max: number }[] }).rows[0]!.max)).toBe(12);
  });

  it('seeds ~5,000 children with guardians, every number sealed and valid', async () => {
    const children = await t.database.db.select().from(familyChildren);
    expect(children.length).toBeGreaterThanOrEqual(DEMO_CHILDREN * 0.98);
    const ids = new Set<string>();
    for (const c of children) {
      expect(c.idNumber).not.toMatch(/^\d{17}[\dX]$/);
      const id = openValue('citizen_id', c.idNumber!);
      expect(validateCitizenId(id, '2026-03-02').ok).toBe(true);
      expect(c.idNumberBidx).toBeTruthy();
      ids.add(id);
    }
    expect(ids.size).toBe(children.length);
    const guardians = await t.database.db.select().from(familyGuardians);
    expect(guardians.length).toBeGreaterThan(children.length);
    for (const g of guardians) {
      expect(openValue('phone', g.mobile ?? '')).toMatch(/^1[3-9]\d{9}$/);
      if (g.idNumber)
        expect(validateCitizenId(openValue('citizen_id', g.idNumber), '2026-03-02').ok).toBe(true);
    }
    expect(guardians.some((g) => g.idNumber !== null)).toBe(true);
  });

  it('has consents (some withdrawn), visits in every state, slots full and with waitlists, applications in every state', async () => {
    const consents = await groupCount(familyConsents);
    expect(consents.get('given')).toBeGreaterThan(1000);
    expect(consents.get('withdrawn')).toBeGreaterThan(0);
    const visits = await groupCount(familyVisits);
    for (const s of ['done', 'scheduled', 'cancelled'] as const) expect(visits.get(s)).toBeGreaterThan(0);
    const bookings = await groupCount(familyBookings);
    expect(bookings.get('booked')).toBeGreaterThan(0);
    expect(bookings.get('waitlisted')).toBeGreaterThan(0);
    const apps = await groupCount(familyApplications);
    for (const s of APPLICATION_STATUSES) expect(apps.get(s), s).toBeGreaterThan(0);
    const slots = await t.database.db.select().from(familySlots);
    expect(slots.some((s) => s.booked === s.capacity)).toBe(true);
    expect(slots.some((s) => s.booked < s.capacity)).toBe(true);
    // The booked counter matches the bookings.
    const [mismatch] = await t.database.db
      .select({ n: count() })
      .from(familySlots)
      .where(
        sql`${familySlots.booked} <> (select count(*) from family_bookings b
          where b.district_code = ${familySlots.districtCode} and b.slot_id = ${familySlots.id} and b.status = 'booked')`,
      );
    expect(mismatch!.n).toBe(0);
  });

  it('coverage is below 100 % and varies by town; some visits are overdue', async () => {
    const district = await t.login('district', PASSWORD);
    const res = await t.call('GET', '/api/v1/families/visits/coverage', { cookie: district });
    expect(res.statusCode).toBe(200);
    const cov = res.json() as {
      share: number;
      towns: { eligible: number; visited: number; overdue: number }[];
    };
    expect(cov.share).toBeGreaterThan(0.3);
    expect(cov.share).toBeLessThan(0.9);
    const shares = cov.towns.filter((r) => r.eligible > 0).map((r) => r.visited / r.eligible);
    expect(Math.max(...shares) - Math.min(...shares)).toBeGreaterThan(0.15);
    expect(cov.towns.reduce((s, r) => s + r.overdue, 0)).toBeGreaterThan(0);
  });

  it('each demo account sees rows of its scope', async () => {
    const cookies = new Map<string, string>();
    const get = async (user: string, url: string) => {
      if (!cookies.has(user))
        cookies.set(user, await t.login(user, user.startsWith('inst-') ? undefined : PASSWORD));
      const res = await t.call('GET', url, { cookie: cookies.get(user) });
      expect(res.statusCode, `${user} ${url}`).toBe(200);
      return res.json() as { total?: number; items: { townCode?: string }[] };
    };
    for (const user of ['district', 'health', 'town-zhujiajiao', 'town-xujing', 'guidance']) {
      const page = await get(user, '/api/v1/families');
      expect(page.total, user).toBeGreaterThan(0);
    }
    const zjj = await get('town-zhujiajiao', '/api/v1/families?pageSize=100');
    expect(zjj.items.every((f) => f.townCode === '310118102')).toBe(true);
    expect((await get('health', '/api/v1/families/visits?mine=true')).total).toBeGreaterThan(0);
    expect((await get('health', '/api/v1/families/visits?overdue=true')).total).toBeGreaterThan(0);
    // The demo `institution` account runs a draft institution (it walks the filing path), so it has no
    // slots or applications; an admin of an operating institution with slots sees its own.
    expect((await get('institution', '/api/v1/families/slots')).total).toBe(0);
    const [slot] = await t.database.db
      .select()
      .from(familySlots)
      .where(isNotNull(familySlots.institutionId))
      .orderBy(asc(familySlots.institutionId))
      .limit(1);
    await t.createUser('inst-demo-admin', 'institution_admin', {
      kind: 'institution',
      institutionId: slot!.institutionId!,
    });
    const slots = await get('inst-demo-admin', '/api/v1/families/slots');
    expect(slots.total).toBeGreaterThan(0);
    expect(
      (slots.items as unknown as { institutionId: string }[]).every(
        (s) => s.institutionId === slot!.institutionId,
      ),
    ).toBe(true);
    expect((await get('inst-demo-admin', '/api/v1/families/bookings')).items.length).toBeGreaterThan(0);
    const apps = await get('inst-demo-admin', '/api/v1/families/applications?pageSize=100');
    expect(apps.total).toBeGreaterThan(0);
    expect((await get('district', '/api/v1/families/applications')).total).toBeGreaterThan(apps.total ?? 0);
  }, 120_000);

  it('guidance: a station per town, sessions in every state, sign-ups with attendance; the ≥ 6 share lies between 0 and 100 %', async () => {
    const db = t.database.db;
    const stations = await db.select().from(familyStations);
    expect(new Set(stations.map((s) => s.townCode)).size).toBe(11);
    expect(stations.filter((s) => s.hostInstitutionId !== null).length).toBeGreaterThan(5);
    const sessions = new Map(
      (
        await db
          .select({ status: familySessions.status, n: count() })
          .from(familySessions)
          .groupBy(familySessions.status)
      ).map((r) => [r.status, r.n]),
    );
    for (const s of ['scheduled', 'held', 'cancelled'] as const)
      expect(sessions.get(s), s).toBeGreaterThan(0);
    const [mismatch] = await db
      .select({ n: count() })
      .from(familySessions)
      .where(
        sql`${familySessions.signedUp} <> (select count(*) from family_session_signups u
          where u.district_code = ${familySessions.districtCode} and u.session_id = ${familySessions.id}
          and u.cancelled_at is null)`,
      );
    expect(mismatch!.n).toBe(0);
    const signups = await db.select().from(familySessionSignups);
    expect(signups.some((u) => u.attended === true)).toBe(true);
    expect(signups.some((u) => u.attended === false)).toBe(true);
    expect(signups.some((u) => u.cancelledAt !== null)).toBe(true);
    // Sessions run over the twelve months before "now" (2026-03-02): the plan year 2025 is measured.
    const actor = districtActor(DISTRICT, { userId: uuidv7(1), username: 'plan', sessionId: 'x' });
    const source = familyTargets.find((x) => x.key === 'guidance_sessions')!;
    const m = await source.measure(db, { actor, year: 2025, asOf: t.clock.now() });
    expect(m.denominator).toBeGreaterThan(1000);
    expect(m.value).toBeGreaterThan(0.15);
    expect(m.value).toBeLessThan(0.8);
    const st = familyTargets.find((x) => x.key === 'guidance_stations_per_town')!;
    expect((await st.measure(db, { actor, year: 2026, asOf: t.clock.now() })).value).toBe(1);
    // The demo guidance account (朱家角) sees its town's sessions and the district's.
    const guidance = await t.login('guidance', PASSWORD);
    const res = await t.call('GET', '/api/v1/families/guidance/sessions?pageSize=100', { cookie: guidance });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { townCode: string | null }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.townCode === null || i.townCode === '310118102')).toBe(true);
  });

  it('a full SELECT of every table finds no ID number and no mobile number in clear', async () => {
    const scan = await scanDatabase(t.database.db);
    expect(scan.values).toBeGreaterThan(50_000);
    expect(scan.hits).toEqual([]);
  }, 120_000);
});

describe('families demo: online guidance', () => {
  it('has ~30 resources, registrations for a share of consenting families varying by town, and distributions', async () => {
    const db = t.database.db;
    const { familyResources, familyDistributions } = await import('./tables.ts');
    const { onlineTargets } = await import('./online.ts');
    const resources = await db.select().from(familyResources);
    expect(resources.length).toBe(30);
    expect(new Set(resources.map((r) => r.status))).toEqual(new Set(['draft', 'published', 'withdrawn']));
    expect(resources.every((r) => r.url.startsWith('https://') && r.ageToMonths >= r.ageFromMonths)).toBe(
      true,
    );
    const actor = districtActor(DISTRICT, { userId: uuidv7(1), username: 'plan', sessionId: 'x' });
    const m = await onlineTargets[0]!.measure(db, { actor, year: 2026, asOf: t.clock.now() });
    expect(m.denominator).toBeGreaterThan(1000);
    expect(m.value).toBeGreaterThan(0.5);
    expect(m.value).toBeLessThan(0.9);
    const shares = Object.values(m.byTown ?? {});
    expect(Math.max(...shares) - Math.min(...shares)).toBeGreaterThan(0.05);
    const dist = await db
      .select({ item: familyDistributions.item, n: count() })
      .from(familyDistributions)
      .groupBy(familyDistributions.item);
    expect(dist.map((d) => d.item).sort()).toEqual(['handbook', 'resource_pack']);
    // The demo parent sees published resources for their child's age and is not registered yet.
    const parent = await t.login('parent', PASSWORD);
    const mine = await t.call('GET', '/api/v1/families/online/mine', { cookie: parent });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().resources.length).toBeGreaterThan(0);
    expect(mine.json().registrations).toEqual([]);
  });
});
