/**
 * Demo inspections and rectification (issue 10): the inspections the demo's run draws created are
 * filled in and signed (deterministic, a local seeded Rng so other modules' demo data do not shift),
 * findings become rectification items in every state, some overdue. The journey's inspection (the
 * demo inspector's, at the e2e institution, last drawn month) and half of that month stay open.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { ItemResult, RectificationStatus } from '../../../domain/contracts/supervision-inspections.ts';
import { checklistScore, rectificationDeadline } from '../../../domain/supervision/checklists.ts';
import type { Db } from '../../db/client.ts';
import { districtSeed, Rng } from '../../demo/rng.ts';
import { localDate } from '../../platform/clock.ts';
import { checklistsByIds } from './checklists.ts';
import { supervisionDrawPlans, supervisionInspections, supervisionRectifications } from './tables.ts';

/** What the demo draws over inspections in: what the draw chose (month, kind, institution), then the id. */
const inspectionDemoOrder = [
  asc(supervisionInspections.month),
  asc(supervisionInspections.kind),
  asc(supervisionInspections.institutionId),
  asc(supervisionInspections.id),
];

const DAY = 86_400_000;
const RETURN_REASONS = ['整改说明不完整，请补充现场情况', '未附整改前后对比说明，请补充'];

export async function seedInspectionDemo(
  db: Db,
  opts: {
    district: string;
    now: Date;
    keepOpenMonth: string | null;
    keepOpenId: string | null;
    closerId: string;
  },
): Promise<void> {
  const rng = new Rng(districtSeed(10_2026, opts.district));
  const today = localDate(opts.now);
  const rows = await db
    .select({ i: supervisionInspections, drawnAt: supervisionDrawPlans.drawnAt })
    .from(supervisionInspections)
    .innerJoin(
      supervisionDrawPlans,
      and(
        eq(supervisionDrawPlans.districtCode, supervisionInspections.districtCode),
        eq(supervisionDrawPlans.id, supervisionInspections.planId),
      ),
    )
    .where(
      and(eq(supervisionInspections.districtCode, opts.district), eq(supervisionInspections.status, 'open')),
    )
    // Not by id alone: the draw made these ids from the clock, so id order differs on every seed.
    .orderBy(...inspectionDemoOrder);
  if (rows.length === 0) return;
  const listIds = [...new Set(rows.flatMap((r) => r.i.checklistIds))];
  const lists = await checklistsByIds(db, opts.district, listIds);
  const rects: (typeof supervisionRectifications.$inferInsert)[] = [];
  let leftOpen = 0;
  for (const { i, drawnAt } of rows) {
    const at = new Date((drawnAt ?? opts.now).getTime() + rng.int(1, 15) * DAY + rng.int(0, 6) * 3_600_000);
    const keep = i.id === opts.keepOpenId || (i.month === opts.keepOpenMonth && leftOpen++ % 2 === 0);
    if (keep || at.getTime() > opts.now.getTime() - DAY) continue;
    const own = lists.filter((l) => i.checklistIds.includes(l.id));
    const items = own.flatMap((l) => l.items);
    const findings = new Set<string>();
    const n = rng.int(0, 3);
    for (let k = 0; k < n; k++) findings.add(rng.pick(items).code);
    const results: ItemResult[] = items.map((it) =>
      findings.has(it.code)
        ? { itemCode: it.code, outcome: 'finding', note: `现场检查：${it.zh}——未完全落实` }
        : { itemCode: it.code, outcome: 'pass' },
    );
    const signoffs = i.inspectorIds.map((userId, k) => ({
      userId,
      at: new Date(at.getTime() + k * 600_000).toISOString(),
    }));
    await db
      .update(supervisionInspections)
      .set({
        results,
        signoffs,
        status: 'signed',
        score: checklistScore(items, results),
        signedAt: at,
        updatedAt: at,
        version: 2 + signoffs.length,
      })
      .where(
        and(eq(supervisionInspections.districtCode, i.districtCode), eq(supervisionInspections.id, i.id)),
      );
    for (const code of findings) {
      const list = own.find((l) => l.items.some((it) => it.code === code))!;
      const item = list.items.find((it) => it.code === code)!;
      const deadline = rectificationDeadline(localDate(at), item.severity);
      const r = rng.next();
      const late = deadline < today;
      // Long past the deadline, nearly every item has been dealt with (the daily escalation would have
      // put the rest 整改中 long ago); the recent ones are in every state. Same one draw per item.
      const longAgo = deadline < localDate(new Date(opts.now.getTime() - 45 * DAY));
      const status: RectificationStatus | 'returned' = longAgo
        ? r < 0.95
          ? 'closed'
          : r < 0.98
            ? 'evidence_submitted'
            : r < 0.99
              ? 'returned'
              : 'open'
        : late
          ? r < 0.55
            ? 'closed'
            : r < 0.7
              ? 'evidence_submitted'
              : r < 0.85
                ? 'returned'
                : 'open'
          : r < 0.5
            ? 'open'
            : 'evidence_submitted';
      const submitted = new Date(at.getTime() + rng.int(2, 6) * DAY);
      const capped = submitted > opts.now ? new Date(opts.now.getTime() - DAY) : submitted;
      const closedAt = new Date(Math.min(capped.getTime() + 3 * DAY, opts.now.getTime() - 3_600_000));
      rects.push({
        districtCode: i.districtCode,
        id: rng.uuid(at.getTime()),
        inspectionId: i.id,
        institutionId: i.institutionId,
        townCode: i.townCode,
        category: list.category,
        itemCode: code,
        severity: item.severity,
        note: `现场检查：${item.zh}——未完全落实`,
        deadline,
        status: status === 'returned' ? 'open' : status,
        evidenceText: status === 'open' ? null : '已按要求整改，附整改说明',
        evidenceSubmittedAt: status === 'open' ? null : capped,
        returnReason: status === 'returned' ? rng.pick(RETURN_REASONS) : null,
        closedById: status === 'closed' ? opts.closerId : null,
        closedAt: status === 'closed' ? closedAt : null,
        createdAt: at,
        updatedAt: status === 'closed' ? closedAt : status === 'open' ? at : capped,
        version:
          status === 'closed' ? 3 : status === 'evidence_submitted' ? 2 : status === 'returned' ? 3 : 1,
      });
    }
  }
  for (let k = 0; k < rects.length; k += 200)
    await db.insert(supervisionRectifications).values(rects.slice(k, k + 200));
}

/** The inspections a plan's draw created. */
export async function inspectionsOfPlan(db: Db, district: string, planId: string) {
  return db
    .select()
    .from(supervisionInspections)
    .where(and(eq(supervisionInspections.districtCode, district), eq(supervisionInspections.planId, planId)))
    .orderBy(...inspectionDemoOrder);
}
