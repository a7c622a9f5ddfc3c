/**
 * An institution's integrity record (信用记录, issue 10) for its public page: serious findings, rectification
 * past its deadline (closed late or still open) and commendations (named a demonstration institution in a
 * quality round) of the last INTEGRITY_MONTHS months, newest first. Derived from the records themselves,
 * so it can never disagree with them. Only institutions the portal lists are answered (404 otherwise).
 * Lifetime bans are kept by person, not by institution (workforce, ADR 0013): they are not shown here.
 */
import { and, eq, gte, inArray, or, sql } from 'drizzle-orm';
import type { PublicIntegrity } from '../../../domain/contracts/supervision-integrity.ts';
import type { Db } from '../../db/client.ts';
import { localDate } from '../../platform/clock.ts';
import { DomainError } from '../../platform/errors.ts';
import { institutions } from '../institutions/tables.ts';
import { qualityParticipants, qualityRounds } from '../quality/tables.ts';
import { checklistsByIds } from './checklists.ts';
import { supervisionInspections, supervisionRectifications } from './tables.ts';

/** The date `months` months before `today` (YYYY-MM-DD; the day clamped to the month's length). */
export function monthsBefore(today: string, months: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export async function publicIntegrity(
  db: Db,
  districtCode: string,
  institutionId: string,
  now: Date,
  months: number,
): Promise<PublicIntegrity> {
  const [inst] = await db
    .select({ id: institutions.id })
    .from(institutions)
    .where(
      and(
        eq(institutions.districtCode, districtCode),
        eq(institutions.id, institutionId),
        inArray(institutions.status, ['filed', 'operating']),
      ),
    );
  if (!inst) throw new DomainError('not_found');
  const today = localDate(now);
  const since = monthsBefore(today, months);
  const sinceAt = new Date(`${since}T00:00:00+08:00`);
  const r = supervisionRectifications;
  const [rects, commendations] = await Promise.all([
    db
      .select({
        id: r.id,
        inspectionId: r.inspectionId,
        category: r.category,
        itemCode: r.itemCode,
        severity: r.severity,
        deadline: r.deadline,
        status: r.status,
        createdAt: r.createdAt,
        closedAt: r.closedAt,
        checklistIds: supervisionInspections.checklistIds,
      })
      .from(r)
      .innerJoin(
        supervisionInspections,
        and(
          eq(supervisionInspections.districtCode, r.districtCode),
          eq(supervisionInspections.id, r.inspectionId),
        ),
      )
      .where(
        and(
          eq(r.districtCode, districtCode),
          eq(r.institutionId, institutionId),
          or(
            and(eq(r.severity, 'serious'), gte(r.createdAt, sinceAt)),
            and(
              gte(r.deadline, since),
              sql`(${r.status} <> 'closed' and ${r.deadline} < ${today}) or (${r.status} = 'closed' and (${r.closedAt} at time zone 'Asia/Shanghai')::date > ${r.deadline})`,
            ),
          ),
        ),
      ),
    db
      .select({ at: qualityParticipants.demonstrationAt, round: qualityRounds.name })
      .from(qualityParticipants)
      .innerJoin(
        qualityRounds,
        and(
          eq(qualityRounds.districtCode, qualityParticipants.districtCode),
          eq(qualityRounds.id, qualityParticipants.roundId),
        ),
      )
      .where(
        and(
          eq(qualityParticipants.districtCode, districtCode),
          eq(qualityParticipants.institutionId, institutionId),
          eq(qualityParticipants.demonstration, true),
          gte(qualityParticipants.demonstrationAt, sinceAt),
        ),
      ),
  ]);
  const lists = await checklistsByIds(db, districtCode, [...new Set(rects.flatMap((x) => x.checklistIds))]);
  const itemOf = (x: (typeof rects)[number]) =>
    lists
      .filter((l) => x.checklistIds.includes(l.id))
      .flatMap((l) => l.items)
      .find((i) => i.code === x.itemCode);
  const items: PublicIntegrity['items'] = [];
  for (const x of rects) {
    const item = itemOf(x);
    const rectified = x.status === 'closed';
    const rectifiedOn = x.closedAt ? localDate(x.closedAt) : null;
    const base = { category: x.category, rectified, rectifiedOn };
    if (x.severity === 'serious' && x.createdAt >= sinceAt)
      items.push({
        kind: 'serious_finding',
        date: localDate(x.createdAt),
        zh: item?.zh ?? x.itemCode,
        en: item?.en ?? x.itemCode,
        ...base,
      });
    const late = rectified ? !!rectifiedOn && rectifiedOn > x.deadline : x.deadline < today;
    if (late && x.deadline >= since)
      items.push({
        kind: 'overdue_rectification',
        date: x.deadline,
        zh: item?.zh ?? x.itemCode,
        en: item?.en ?? x.itemCode,
        ...base,
      });
  }
  for (const c of commendations)
    if (c.at)
      items.push({
        kind: 'commendation',
        date: localDate(c.at),
        category: null,
        zh: `${c.round}：评为示范性托育机构`,
        en: `${c.round}: named a demonstration institution`,
        rectified: null,
        rectifiedOn: null,
      });
  items.sort((a, b) => b.date.localeCompare(a.date) || a.kind.localeCompare(b.kind));
  return { months, since, items };
}
