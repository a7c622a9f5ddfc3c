/**
 * The workforce plan targets (issue 13) measured in SQL: 持证上岗率 (`certified_rate`), training hours
 * (`training_hours`) and district trainings (`district_trainings`). The numbers are grouped counts in the
 * database, and the drill-downs of people and trainings read one page (持证上岗率's rows are institutions,
 * grouped in SQL), so no per-person row comes to Node (bench/plan.ts: building the whole compliance
 * report for three numbers cost ≈ 12 s at 300,000 staff).
 *
 * The same semantics as the compliance report (compliance.ts), from the same SQL pieces: the measured
 * institutions and their active employments in the actor's scope (`measuredInstitutionsWhere`,
 * `activeEmploymentsWhere`; an employment counts while its status is active, whatever its start date,
 * as on the compliance page), the hours of events starting in the year of `q.asOf` in China time
 * (`hoursSum`, `eventInYear`, `yearHours`) and that year's district trainings (`districtTrainingsWhere`).
 * 持证上岗率 counts employments, each certified when every any-of group of its post's certificates (the
 * rule pack) has a type in date on the day (`isCertified`); training hours count people, each at their
 * earliest started active employment (town), reaching the plan row's value in its own kind (skills or
 * ethics), or without a row both of the pack's values.
 */
import {
  and,
  asc,
  count,
  countDistinct,
  eq,
  gte,
  inArray,
  isNull,
  lte,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import { findDivision } from '../../../domain/divisions.ts';
import { trainingPace } from '../../../domain/workforce/rules.ts';
import type { Db } from '../../db/client.ts';
import { localDate } from '../../platform/clock.ts';
import type { Actor } from '../../platform/context.ts';
import { sharedWork, type TargetQuery, type TargetSource } from '../../platform/targets.ts';
import { institutions } from '../institutions/tables.ts';
import {
  activeEmploymentsWhere,
  byRateThenName,
  districtTrainingsWhere,
  eventInYear,
  hoursSum,
  maskedName,
  measuredInstitutionsWhere,
  yearHours,
} from './compliance.ts';
import { workforcePolicyOn } from './district-values.ts';
import { certificates, employments, staff, trainingAttendance, trainingEvents } from './tables.ts';

/** The day, year and rules of one measurement (shared by the three sources of one answer). */
interface Basis {
  today: string;
  year: number;
  postCertificates: Record<string, string[][]>;
  /** The pack's hours (a person "meets" both) and the hours expected by this month (behind pace). */
  pack: { ethics: number; skills: number };
  expected: { ethics: number; skills: number };
}

function basisOf(db: Db, q: TargetQuery): Promise<Basis> {
  return sharedWork(q, 'workforce.basis', async () => {
    const today = localDate(q.asOf);
    const year = Number(today.slice(0, 4));
    const policy = await workforcePolicyOn(db, q.actor.districtCode, today);
    const pack = { ethics: policy.ethicsHours ?? 0, skills: policy.skillsHours ?? 0 };
    // The expectation is the same for everyone (the pack's hours × completed months / 12).
    const pace = trainingPace({ ethics: 0, skills: 0 }, pack, year, today);
    return {
      today,
      year,
      postCertificates: policy.postCertificates,
      pack,
      expected: { ethics: pace.ethicsExpected, skills: pace.skillsExpected },
    };
  });
}

/** The active employments measured for the caller (and the query's town). */
function employmentsWhere(db: Db, actor: Actor, townCode: string | undefined) {
  const instWhere = measuredInstitutionsWhere(actor, { townCode });
  const instSub = db.select({ id: institutions.id }).from(institutions).where(instWhere);
  return { instWhere, empWhere: activeEmploymentsWhere(actor, instSub) };
}

// ── 持证上岗率 ──────────────────────────────────────────────────────────────────────────────────────

/**
 * `isCertified` in SQL over `types` (the person's certificate types in date): every any-of group of the
 * post's certificates has one of its types; a post the rule pack names no certificate for is certified.
 */
function certifiedSql(postCertificates: Record<string, string[][]>, types: SQL.Aliased<string[]>): SQL {
  const branches = Object.entries(postCertificates).map(([post, groups]) => {
    const all = groups.map(
      (g) =>
        sql`coalesce(${types} && array[${sql.join(
          g.map((t) => sql`${t}`),
          sql`, `,
        )}]::text[], false)`,
    );
    return sql`when ${post} then ${all.length ? sql.join(all, sql` and `) : sql`true`}`;
  });
  return branches.length
    ? sql`case ${employments.post} ${sql.join(branches, sql` `)} else true end`
    : sql`true`;
}

/** Active employments and how many of them are certified on the day, grouped by `key`. */
function certifiedCounts(db: Db, q: TargetQuery, b: Basis) {
  const { instWhere, empWhere } = employmentsWhere(db, q.actor, q.townCode);
  const staffSub = db.select({ id: employments.staffId }).from(employments).where(empWhere);
  // Each person's certificate types in date on the day (`certificateValid`: issued, not expired).
  const valid = db
    .select({
      staffId: certificates.staffId,
      types: sql<string[]>`array_agg(${certificates.type}::text)`.as('types'),
    })
    .from(certificates)
    .where(
      and(
        eq(certificates.districtCode, q.actor.districtCode),
        inArray(certificates.staffId, staffSub),
        lte(certificates.issuedOn, b.today),
        or(isNull(certificates.expiresOn), gte(certificates.expiresOn, b.today)),
      ),
    )
    .groupBy(certificates.staffId)
    .as('valid_certs');
  const certified =
    sql<number>`count(*) filter (where ${certifiedSql(b.postCertificates, valid.types)})`.mapWith(Number);
  return {
    instWhere,
    /** The counts grouped by the employment's town or institution. */
    by: (key: typeof employments.townCode | typeof employments.institutionId) =>
      db
        .select({ key, staff: count(), certified })
        .from(employments)
        .leftJoin(valid, eq(valid.staffId, employments.staffId))
        .where(empWhere)
        .groupBy(key),
  };
}

const certifiedRate: TargetSource = {
  key: 'certified_rate',
  module: 'workforce',
  async measure(db, q) {
    const c = certifiedCounts(db, q, await basisOf(db, q));
    const groups = await c.by(employments.townCode);
    // Every town with a measured institution, as the compliance report's `byTown` (0 without staff).
    const towns = await db
      .selectDistinct({ townCode: institutions.townCode })
      .from(institutions)
      .where(c.instWhere);
    const staffN = groups.reduce((n, g) => n + g.staff, 0);
    const certifiedN = groups.reduce((n, g) => n + g.certified, 0);
    const byTown = new Map(groups.map((g) => [g.key, g]));
    return {
      value: staffN === 0 ? 0 : certifiedN / staffN,
      numerator: certifiedN,
      denominator: staffN,
      unit: 'share',
      byTown: Object.fromEntries(
        towns
          .map((t) => t.townCode)
          .sort()
          .map((t) => {
            const g = byTown.get(t);
            return [t, g && g.staff > 0 ? g.certified / g.staff : 0];
          }),
      ),
    };
  },
  async drillDown(db, q, page) {
    // One row per institution with staff, in the compliance page's order (the lowest share first, then
    // by name as the page sorts it): the rows are institutions, not people, so they are ordered here.
    const c = certifiedCounts(db, q, await basisOf(db, q));
    const groups = new Map((await c.by(employments.institutionId)).map((g) => [g.key, g]));
    const insts = await db
      .select({ id: institutions.id, name: institutions.name, townCode: institutions.townCode })
      .from(institutions)
      .where(c.instWhere)
      .orderBy(asc(institutions.id));
    const rows = insts
      .flatMap((i) => {
        const g = groups.get(i.id);
        return g ? [{ ...i, institutionName: i.name, ...g, rate: g.certified / g.staff }] : [];
      })
      .sort(byRateThenName)
      .map((i) => ({
        id: i.id,
        kind: 'institution' as const,
        label: i.institutionName,
        townCode: i.townCode,
        counts: i.certified === i.staff,
        note: `持证 ${i.certified}/${i.staff}`,
      }));
    return { rows: rows.slice(page.offset, page.offset + page.limit), total: rows.length };
  },
};

// ── Training hours ─────────────────────────────────────────────────────────────────────────────────

/**
 * One row per person: their own employment, the earliest started of their active ones in the measure
 * (then the smallest id), as the compliance report's `people`.
 */
function peopleQuery(db: Db, empWhere: SQL | undefined) {
  return db
    .selectDistinctOn([employments.staffId], {
      staffId: employments.staffId,
      startDate: employments.startDate,
      employmentId: employments.id,
      townCode: employments.townCode,
    })
    .from(employments)
    .where(empWhere)
    .orderBy(asc(employments.staffId), asc(employments.startDate), asc(employments.id));
}

/**
 * Whether a person with hours `h` reached the plan row measured (its own kind and value, so a successor
 * plan's changed value is what counts), and whether they are behind the pack's pace (`trainingPace`).
 */
function paceSql(q: TargetQuery, b: Basis, h: { ethics: SQL.Aliased<number>; skills: SQL.Aliased<number> }) {
  const ethics = sql`coalesce(${h.ethics}, 0)`;
  const skills = sql`coalesce(${h.skills}, 0)`;
  const met = sql`(${ethics} >= ${b.pack.ethics}::float8 and ${skills} >= ${b.pack.skills}::float8)`;
  const t = q.target;
  const reached = t ? sql`(${t.metric.startsWith('ethics') ? ethics : skills} >= ${t.value}::float8)` : met;
  const behind = sql`(not ${met} and (${ethics} < ${b.expected.ethics}::float8 or ${skills} < ${b.expected.skills}::float8))`;
  return { reached, behind };
}

const trainingHours: TargetSource = {
  key: 'training_hours',
  module: 'workforce',
  async measure(db, q) {
    const b = await basisOf(db, q);
    const { empWhere } = employmentsWhere(db, q.actor, q.townCode);
    // Each person's hours of the year: their attendance and its events joined to the people (hash joins
    // over the district's rows; a semi-join of attendance with the people misled the planner into one
    // index probe per person and event — 140 ms at 1×).
    const people = peopleQuery(db, empWhere).as('people');
    const h = db
      .select({ townCode: people.townCode, ethics: hoursSum('ethics'), skills: hoursSum('skills') })
      .from(people)
      .leftJoin(
        trainingAttendance,
        and(
          eq(trainingAttendance.districtCode, q.actor.districtCode),
          eq(trainingAttendance.staffId, people.staffId),
        ),
      )
      .leftJoin(trainingEvents, eventInYear(b.year))
      .groupBy(people.staffId, people.townCode)
      .as('h');
    const { reached } = paceSql(q, b, h);
    const groups = await db
      .select({
        townCode: h.townCode,
        n: count(),
        met: sql<number>`count(*) filter (where ${reached})`.mapWith(Number),
      })
      .from(h)
      .groupBy(h.townCode)
      .orderBy(asc(h.townCode));
    const n = groups.reduce((s, g) => s + g.n, 0);
    const met = groups.reduce((s, g) => s + g.met, 0);
    return {
      value: n ? met / n : 0,
      numerator: met,
      denominator: n,
      unit: 'share',
      byTown: Object.fromEntries(groups.map((g) => [g.townCode, g.met / g.n])),
    };
  },
  async drillDown(db, q, page) {
    const b = await basisOf(db, q);
    const { empWhere } = employmentsWhere(db, q.actor, q.townCode);
    // The page of people in the order of their employment's start (then its id), then the hours of
    // just those people.
    const people = peopleQuery(db, empWhere).as('people');
    const onPage = db
      .select()
      .from(people)
      .orderBy(asc(people.startDate), asc(people.employmentId))
      .limit(page.limit)
      .offset(page.offset)
      .as('page');
    const h = yearHours(db, q.actor, b.year, sql`${trainingAttendance.staffId} = ${onPage.staffId}`).as('h');
    const { reached, behind } = paceSql(q, b, h);
    const [rows, [total]] = await Promise.all([
      db
        .select({
          staffId: onPage.staffId,
          townCode: onPage.townCode,
          name: staff.fullName,
          reached: sql<boolean>`${reached}`,
          behind: sql<boolean>`${behind}`,
        })
        .from(onPage)
        .innerJoin(staff, and(eq(staff.districtCode, q.actor.districtCode), eq(staff.id, onPage.staffId)))
        .leftJoinLateral(h, sql`true`)
        .orderBy(asc(onPage.startDate), asc(onPage.employmentId)),
      db
        .select({ n: countDistinct(employments.staffId) })
        .from(employments)
        .where(empWhere),
    ]);
    return {
      rows: rows.map((p) => ({
        id: p.staffId,
        kind: 'staff' as const,
        label: `${maskedName(p.name)}（${findDivision(p.townCode)?.nameZh ?? p.townCode}）`,
        townCode: p.townCode,
        counts: p.reached,
        note: p.reached ? 'met' : p.behind ? 'behind' : 'on_track',
      })),
      total: total?.n ?? 0,
    };
  },
};

// ── District trainings ─────────────────────────────────────────────────────────────────────────────

const districtTrainings: TargetSource = {
  key: 'district_trainings',
  module: 'workforce',
  async measure(db, q) {
    const { year } = await basisOf(db, q);
    const [row] = await db
      .select({ n: count() })
      .from(trainingEvents)
      .where(districtTrainingsWhere(q.actor, year));
    return { value: row?.n ?? 0, unit: 'count' };
  },
  async drillDown(db, q, page) {
    const { year } = await basisOf(db, q);
    const where = districtTrainingsWhere(q.actor, year);
    const [rows, [total]] = await Promise.all([
      db
        .select({ id: trainingEvents.id, title: trainingEvents.title, startDate: trainingEvents.startDate })
        .from(trainingEvents)
        .where(where)
        .orderBy(asc(trainingEvents.startDate), asc(trainingEvents.id))
        .limit(page.limit)
        .offset(page.offset),
      db.select({ n: count() }).from(trainingEvents).where(where),
    ]);
    return {
      rows: rows.map((e) => ({
        id: e.id,
        kind: 'training' as const,
        label: e.title,
        counts: true,
        note: e.startDate,
      })),
      total: total?.n ?? 0,
    };
  },
};

export const workforceTargets: TargetSource[] = [certifiedRate, trainingHours, districtTrainings];
