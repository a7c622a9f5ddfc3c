/**
 * The subsidy casework's plan-target source (issue 17, domain/plan/policy-targets.ts):
 * subsidy_reviewed_in_time — of the applications whose review deadline (due_on, 30 working days on
 * the district calendar) falls in the year, the share decided on or before it. An undecided
 * application counts once its deadline has passed (it can no longer be in time); one still inside its
 * deadline is not judged yet. An application whose deadline the calendar cannot give (2027 not
 * confirmed: due_on is NULL) is left out — the review page lists it as 日历未覆盖.
 */
import { and, asc, count, gte, isNotNull, like, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { scopeWhere } from '../../platform/guard.ts';
import { maskPersonal } from '../../platform/personal-data.ts';
import type { TargetQuery, TargetSource } from '../../platform/targets.ts';
import { applicationScope } from './service.ts';
import { subsidyApplications as a } from './tables.ts';

const shanghaiToday = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

function judgedWhere(q: TargetQuery): SQL {
  const today = shanghaiToday(q.asOf);
  const conds: (SQL | undefined)[] = [
    scopeWhere(q.actor, applicationScope),
    isNotNull(a.dueOn),
    gte(a.dueOn, `${q.year}-01-01`),
    lte(a.dueOn, `${q.year}-12-31`),
    or(isNotNull(a.decidedOn), lt(a.dueOn, today)),
  ];
  if (q.townCode) conds.push(like(a.townCode, `${q.townCode}%`));
  return and(...conds) ?? sql`false`;
}

const inTime = sql<boolean>`(${a.decidedOn} is not null and ${a.decidedOn} <= ${a.dueOn})`;

export const subsidyReviewedInTime: TargetSource = {
  key: 'subsidy_reviewed_in_time',
  module: 'subsidy',
  async measure(db: Db, q) {
    const rows = await db
      .select({
        town: a.townCode,
        n: count(),
        ok: sql<number>`count(*) filter (where ${inTime})`.mapWith(Number),
      })
      .from(a)
      .where(judgedWhere(q))
      .groupBy(a.townCode);
    const numerator = rows.reduce((s, r) => s + r.ok, 0);
    const denominator = rows.reduce((s, r) => s + Number(r.n), 0);
    return {
      value: denominator === 0 ? 0 : numerator / denominator,
      numerator,
      denominator,
      unit: 'share',
      byTown: Object.fromEntries(rows.map((r) => [r.town, Number(r.n) === 0 ? 0 : r.ok / Number(r.n)])),
    };
  },
  async drillDown(db: Db, q, page) {
    const where = judgedWhere(q);
    const [rows, [total]] = await Promise.all([
      db
        .select({
          id: a.id,
          no: a.applicationNo,
          childName: a.childName,
          townCode: a.townCode,
          dueOn: a.dueOn,
          decidedOn: a.decidedOn,
          ok: inTime,
        })
        .from(a)
        .where(where)
        // The late ones first, then by deadline.
        .orderBy(sql`${inTime} asc`, asc(a.dueOn), asc(a.id))
        .limit(page.limit)
        .offset(page.offset),
      db.select({ n: count() }).from(a).where(where),
    ]);
    return {
      rows: rows.map((r) => ({
        id: r.id,
        kind: 'family' as const,
        label: `${r.no} ${maskPersonal('name', r.childName)}`,
        townCode: r.townCode,
        counts: Boolean(r.ok),
        note: r.decidedOn
          ? `期限 ${r.dueOn}，审核于 ${r.decidedOn} / due ${r.dueOn}, decided ${r.decidedOn}`
          : `期限 ${r.dueOn}，尚未审核 / due ${r.dueOn}, not decided`,
      })),
      total: Number(total?.n ?? 0),
    };
  },
};

export const subsidyTargets: readonly TargetSource[] = [subsidyReviewedInTime];
