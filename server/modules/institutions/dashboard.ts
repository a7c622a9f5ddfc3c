/**
 * The registry's dashboard widgets (server/platform/dashboard.ts). Every count goes through the
 * jurisdiction guard, so the district officer sees the district, a town officer their town, an
 * institution admin their own institution. Filings overdue: waiting more working days than the rule
 * pack's filing deadline (5, 国卫办人口发〔2019〕25号), counted on the holiday calendar.
 */

import { and, count, eq, sql, sum } from 'drizzle-orm';
import type { DashboardItem, DashboardWidget } from '../../../domain/contracts/dashboard.ts';
import {
  INSTITUTION_KINDS,
  INSTITUTION_STATUSES,
  type InstitutionStatus,
  KIND_LABELS,
  type PermittedAction,
  STATUS_LABELS,
} from '../../../domain/contracts/institution.ts';
import { roleMay } from '../../../domain/contracts/permissions.ts';
import { findDivision } from '../../../domain/divisions.ts';
import { permittedActions, TRANSITIONS } from '../../../domain/institutions/lifecycle.ts';
import type { Db } from '../../db/client.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import type { DashboardProvider } from '../../platform/dashboard.ts';
import { scopeWhere } from '../../platform/guard.ts';
import { reviewTiming } from '../../platform/review-queue.ts';
import { getWorkCalendar } from '../calendar/work-calendar.ts';
import { policyOn } from './policy.ts';
import { callerOf } from './profile.ts';
import { institutionScope } from './repository.ts';
import { institutions } from './tables.ts';

/** States in which an institution offers its seats (filed and not suspended or closed). */
const IN_SERVICE: InstitutionStatus[] = ['filed', 'operating', 'rectifying'];

const EDIT_LABELS: Record<string, { zh: string; en: string }> = {
  edit: { zh: '完善机构信息', en: 'Complete the profile' },
  edit_classes: { zh: '填写班级设置', en: 'Set up the classes' },
  upload_document: { zh: '上传备案材料', en: 'Upload filing documents' },
};

function taskLabel(action: PermittedAction): { zh: string; en: string } {
  const t = TRANSITIONS[action as keyof typeof TRANSITIONS];
  return t ? { zh: t.zh, en: t.en } : (EDIT_LABELS[action] ?? { zh: action, en: action });
}

async function divisionWidgets(db: Db, ctx: RequestContext, actor: Actor): Promise<DashboardWidget[]> {
  const scope = scopeWhere(actor, institutionScope);
  const inService = sql`${institutions.status} in (${sql.join(
    IN_SERVICE.map((s) => sql`${s}`),
    sql`, `,
  )})`;
  const [byStatus, byTown, byKind, [totals], submitted] = await Promise.all([
    db
      .select({ key: institutions.status, n: count() })
      .from(institutions)
      .where(scope)
      .groupBy(institutions.status),
    db
      .select({ key: institutions.townCode, n: count() })
      .from(institutions)
      .where(scope)
      .groupBy(institutions.townCode)
      .orderBy(institutions.townCode),
    db
      .select({ key: institutions.kind, n: count() })
      .from(institutions)
      .where(scope)
      .groupBy(institutions.kind),
    db
      .select({ seats: sum(institutions.seats), enrolled: sum(institutions.enrolled), n: count() })
      .from(institutions)
      .where(and(scope, inService)),
    db
      .select({ submittedAt: institutions.submittedAt, updatedAt: institutions.updatedAt })
      .from(institutions)
      .where(and(scope, eq(institutions.status, 'submitted'))),
  ]);
  // The same timing as the review queue: the district's working-day calendar, the rule pack's deadline.
  const calendar = await getWorkCalendar(db, actor.districtCode);
  const deadlineWorkingDays = policyOn(actor.districtCode, ctx.now).filing.filingWorkingDays;
  const overdue = submitted.filter(
    (r) =>
      reviewTiming(r, {
        now: ctx.now,
        deadlineWorkingDays,
        calendar,
        submittedAt: (x) => x.submittedAt ?? x.updatedAt,
        permitted: () => [],
      }).overdue,
  ).length;
  const seats = Number(totals?.seats ?? 0);
  const enrolled = Number(totals?.enrolled ?? 0);
  const all = byStatus.reduce((a, r) => a + r.n, 0);
  const reviewHref = roleMay(actor.role, 'institutions.review')
    ? '/admin/institutions/review'
    : '/admin/institutions?status=submitted';
  const statusCount = new Map(byStatus.map((r) => [r.key, r.n]));
  const numbers: DashboardItem[] = [
    { key: 'institutions', value: all, href: '/admin/institutions' },
    { key: 'inService', value: totals?.n ?? 0 },
    { key: 'filingsWaiting', value: submitted.length, href: reviewHref, tone: 'normal' },
    { key: 'filingsOverdue', value: overdue, href: reviewHref, tone: overdue > 0 ? 'danger' : 'normal' },
    { key: 'seats', value: seats },
    { key: 'enrolled', value: enrolled },
    { key: 'occupancyPercent', value: seats > 0 ? Math.round((enrolled / seats) * 1000) / 10 : 0 },
  ];
  const towns = byTown.map((r) => {
    const d = findDivision(r.key);
    return { key: r.key, value: r.n, label: d ? { zh: d.nameZh, en: d.nameEn } : { zh: r.key, en: r.key } };
  });
  const wholeDistrict = actor.scope?.kind === 'division' && actor.scope.divisionCode === actor.districtCode;
  return [
    { id: 'institutions.overview', kind: 'numbers', items: numbers },
    {
      id: 'institutions.byStatus',
      kind: 'pie',
      items: INSTITUTION_STATUSES.filter((s) => statusCount.has(s)).map((s) => ({
        key: s,
        value: statusCount.get(s) ?? 0,
        label: STATUS_LABELS[s],
        href: `/admin/institutions?status=${s}`,
      })),
    },
    wholeDistrict
      ? { id: 'institutions.byTown', kind: 'bar', items: towns }
      : {
          id: 'institutions.byKind',
          kind: 'bar',
          items: INSTITUTION_KINDS.map((k) => ({
            key: k,
            value: byKind.find((r) => r.key === k)?.n ?? 0,
            label: KIND_LABELS[k],
          })),
        },
  ];
}

async function institutionWidgets(db: Db, actor: Actor, id: string): Promise<DashboardWidget[]> {
  const [row] = await db
    .select()
    .from(institutions)
    .where(and(scopeWhere(actor, institutionScope), eq(institutions.id, id)));
  if (!row) return [];
  const status = row.status as InstitutionStatus;
  const href = `/admin/institutions/${row.id}`;
  return [
    {
      id: 'institutions.own',
      kind: 'numbers',
      title: { zh: row.name, en: row.name },
      status,
      items: [
        { key: 'seats', value: row.seats, href },
        { key: 'enrolled', value: row.enrolled, href },
        { key: 'toddlerClasses', value: row.toddlerClasses, href },
      ],
    },
    {
      id: 'institutions.tasks',
      kind: 'tasks',
      items: permittedActions(status, callerOf(actor, row.id)).map((a) => ({
        key: a,
        value: 1,
        label: taskLabel(a),
        href,
      })),
    },
  ];
}

export const institutionsDashboard: DashboardProvider = {
  module: 'institutions',
  async widgets(db, ctx, actor) {
    if (!roleMay(actor.role, 'institutions.read') || !actor.scope) return [];
    if (actor.scope.kind === 'division') return divisionWidgets(db, ctx, actor);
    if (actor.scope.kind === 'institution') return institutionWidgets(db, actor, actor.scope.institutionId);
    return [];
  },
};
