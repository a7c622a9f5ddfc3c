/**
 * Risk per institution (issue 10): the signals (domain/supervision/risk.ts) read from this module's
 * rectifications and workforce's compliance, for the caller's scope — the high-risk list — and for a
 * draw's target pool (the weights frozen into the plan at its commitment). Complaints count when they
 * were submitted in the 12 months before `asOf` and are open or were closed as substantiated.
 */
import { and, count, inArray, sql } from 'drizzle-orm';
import { IN_SERVICE_STATUSES } from '../../../domain/contracts/institution-enums.ts';
import {
  drawWeightOf,
  NO_SIGNALS,
  type RiskSignals,
  riskLevel,
  riskScore,
} from '../../../domain/supervision/risk.ts';
import type { Db } from '../../db/client.ts';
import { localDate } from '../../platform/clock.ts';
import { type Actor, districtActor } from '../../platform/context.ts';
import { scopeWhere } from '../../platform/guard.ts';
import { institutionScope } from '../institutions/repository.ts';
import { institutions } from '../institutions/tables.ts';
import { computeCompliance } from '../workforce/compliance.ts';
import { supervisionComplaints } from './complaint-tables.ts';
import { complaintScope } from './complaints.ts';
import { supervisionRectifications } from './tables.ts';

/** Signals of the institutions in the actor's scope (optionally one town), by institution id. */
export async function riskSignals(
  db: Db,
  actor: Actor,
  asOf: Date,
  filter: { townCode?: string | undefined } = {},
): Promise<Map<string, RiskSignals>> {
  const today = localDate(asOf);
  const yearAgo = new Date(asOf.getTime() - 365 * 86_400_000);
  const [rects, compliance, complaints] = await Promise.all([
    db
      .select({
        institutionId: supervisionRectifications.institutionId,
        serious: sql<number>`count(*) filter (where ${supervisionRectifications.severity} in ('major', 'serious') and ${supervisionRectifications.createdAt} >= ${yearAgo.toISOString()}::timestamptz)`,
        overdue: sql<number>`count(*) filter (where ${supervisionRectifications.status} <> 'closed' and ${supervisionRectifications.deadline} < ${today})`,
      })
      .from(supervisionRectifications)
      .where(
        and(
          scopeWhere(actor, {
            district: supervisionRectifications.districtCode,
            division: supervisionRectifications.townCode,
          }),
          filter.townCode ? sql`${supervisionRectifications.townCode} = ${filter.townCode}` : undefined,
          sql`(${supervisionRectifications.createdAt} >= ${yearAgo.toISOString()}::timestamptz or ${supervisionRectifications.status} <> 'closed')`,
        ),
      )
      .groupBy(supervisionRectifications.institutionId),
    computeCompliance(db, actor, { townCode: filter.townCode }, asOf),
    db
      .select({ institutionId: supervisionComplaints.institutionId, n: count() })
      .from(supervisionComplaints)
      .where(
        and(
          scopeWhere(actor, complaintScope),
          filter.townCode ? sql`${supervisionComplaints.townCode} = ${filter.townCode}` : undefined,
          sql`${supervisionComplaints.createdAt} > ${yearAgo.toISOString()}::timestamptz`,
          sql`${supervisionComplaints.createdAt} <= ${asOf.toISOString()}::timestamptz`,
          sql`(${supervisionComplaints.status} <> 'closed' or ${supervisionComplaints.substantiated})`,
        ),
      )
      .groupBy(supervisionComplaints.institutionId),
  ]);
  const out = new Map<string, RiskSignals>();
  const of = (id: string) => {
    let s = out.get(id);
    if (!s) {
      s = { ...NO_SIGNALS, complaints: 0 };
      out.set(id, s);
    }
    return s;
  };
  for (const c of complaints) of(c.institutionId).complaints = Number(c.n);
  for (const r of rects) {
    of(r.institutionId).seriousFindings = Number(r.serious);
    of(r.institutionId).overdueRectifications = Number(r.overdue);
  }
  const staffInstitution = new Map<string, string>();
  for (const p of compliance.people) {
    staffInstitution.set(p.staffId, p.institutionId);
    if (!p.certified) of(p.institutionId).uncertifiedStaff++;
  }
  for (const c of compliance.expiringSoon) {
    const inst = staffInstitution.get(c.staffId);
    if (inst) of(inst).expiringCertificates++;
  }
  for (const c of compliance.classes) if (!c.compliant) of(c.institutionId).ratioBreaches++;
  return out;
}

/** The institutions in service in the caller's scope with their risk, highest first. */
export async function riskList(
  db: Db,
  actor: Actor,
  asOf: Date,
  filter: { townCode?: string | undefined; level?: 'high' | 'elevated' | 'low' | undefined },
) {
  const [list, signals] = await Promise.all([
    db
      .select({ id: institutions.id, name: institutions.name, townCode: institutions.townCode })
      .from(institutions)
      .where(
        and(
          scopeWhere(actor, institutionScope),
          inArray(institutions.status, [...IN_SERVICE_STATUSES]),
          filter.townCode ? sql`${institutions.townCode} = ${filter.townCode}` : undefined,
        ),
      ),
    riskSignals(db, actor, asOf, filter),
  ]);
  const items = list
    .map((i) => {
      const s = signals.get(i.id) ?? { ...NO_SIGNALS, complaints: 0 };
      const score = riskScore(s);
      return {
        institutionId: i.id,
        name: i.name,
        townCode: i.townCode,
        signals: s,
        score,
        level: riskLevel(score),
        drawWeight: drawWeightOf(s),
      };
    })
    .filter((i) => !filter.level || i.level === filter.level)
    .sort(
      (a, b) =>
        b.score - a.score ||
        a.name.localeCompare(b.name, 'zh-CN') ||
        a.institutionId.localeCompare(b.institutionId),
    );
  return {
    asOf: localDate(asOf),
    complaintsRecorded: true,
    items,
    counts: {
      high: items.filter((i) => i.level === 'high').length,
      elevated: items.filter((i) => i.level === 'elevated').length,
    },
  };
}

/** Draw weights of a division's target pool (the platform reads as the district). */
export async function drawWeights(
  db: Db,
  districtCode: string,
  divisionCode: string,
  asOf: Date,
): Promise<Map<string, number>> {
  const actor = districtActor(districtCode, {
    userId: '00000000-0000-0000-0000-000000000000',
    username: 'system',
    sessionId: 'risk',
  });
  const signals = await riskSignals(
    db,
    actor,
    asOf,
    divisionCode.length === 9 ? { townCode: divisionCode } : {},
  );
  return new Map([...signals].map(([id, s]) => [id, drawWeightOf(s)]));
}
