/**
 * Supervision findings of the last 12 months for one institution, read by other modules (quality's
 * feedback and its demonstration filter: "no serious finding"). Serious = a finding of severity
 * 严重, or a rectification item past its deadline and not closed. Read through the jurisdiction guard.
 */
import { and, asc, eq, gte } from 'drizzle-orm';
import type { Findings } from '../../../domain/contracts/quality.ts';
import type { Db } from '../../db/client.ts';
import { localDate } from '../../platform/clock.ts';
import type { Actor } from '../../platform/context.ts';
import { scopeWhere } from '../../platform/guard.ts';
import { rectScope } from './rectifications.ts';
import { supervisionRectifications } from './tables.ts';

export const FINDINGS_LABEL = {
  zh: '督导检查：近 12 个月的问题（严重问题或逾期未整改的机构不能推荐为示范）',
  en: 'Supervision: findings of the last 12 months (an institution with a serious finding or an overdue rectification cannot be recommended)',
} as const;

const STATUS_ZH = { open: '待整改', evidence_submitted: '待核验', closed: '已销项' } as const;

/** The institution's findings since 12 months before `asOf`, oldest first; `institutionId` '' answers the label only. */
export async function supervisionFindings(
  db: Db,
  actor: Actor,
  institutionId: string,
  asOf: Date,
): Promise<Findings> {
  if (!institutionId) return { source: 'supervision', label: FINDINGS_LABEL, items: [] };
  const since = new Date(asOf.getTime() - 365 * 86_400_000);
  const today = localDate(asOf);
  const rows = await db
    .select({
      createdAt: supervisionRectifications.createdAt,
      note: supervisionRectifications.note,
      severity: supervisionRectifications.severity,
      status: supervisionRectifications.status,
      deadline: supervisionRectifications.deadline,
    })
    .from(supervisionRectifications)
    .where(
      and(
        scopeWhere(actor, rectScope),
        eq(supervisionRectifications.institutionId, institutionId),
        gte(supervisionRectifications.createdAt, since),
      ),
    )
    .orderBy(asc(supervisionRectifications.createdAt), asc(supervisionRectifications.id));
  return {
    source: 'supervision',
    label: FINDINGS_LABEL,
    items: rows.map((r) => {
      const overdue = r.status !== 'closed' && r.deadline < today;
      return {
        date: localDate(r.createdAt),
        title: `${r.note}（${STATUS_ZH[r.status]}${overdue ? '，已逾期' : ''}）`,
        serious: r.severity === 'serious' || overdue,
      };
    }),
  };
}
