/**
 * Checklist templates (issue 10): versioned per district and category. A district without templates
 * gets the sample set (domain/supervision/checklists.ts) as version 1 the first time it needs them;
 * the district edits a template by publishing a new version (older inspections keep theirs).
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import {
  CHECKLIST_CATEGORIES,
  type Checklist,
  type ChecklistCategory,
  type PublishChecklistBody,
} from '../../../domain/contracts/supervision-inspections.ts';
import { SAMPLE_CHECKLISTS } from '../../../domain/supervision/checklists.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import './errors.ts';
import { supervisionChecklists } from './tables.ts';

type ChecklistRow = typeof supervisionChecklists.$inferSelect;

export function toChecklist(r: ChecklistRow): Checklist {
  return {
    id: r.id,
    category: r.category as ChecklistCategory,
    version: r.version,
    items: r.items,
    publishedAt: r.publishedAt.toISOString(),
  };
}

/** Seed the sample set as version 1 of every category the district does not have yet (idempotent). */
export async function ensureChecklists(db: Db, districtCode: string, now: Date): Promise<void> {
  await db
    .insert(supervisionChecklists)
    .values(
      CHECKLIST_CATEGORIES.map((category, i) => ({
        districtCode,
        id: uuidv7(now.getTime() + i),
        category,
        version: 1,
        items: [...SAMPLE_CHECKLISTS[category]],
        publishedById: null,
        publishedAt: now,
      })),
    )
    .onConflictDoNothing();
}

/** The latest version of every category of the district (seeding the sample set if none). */
export async function latestChecklists(db: Db, districtCode: string, now: Date): Promise<ChecklistRow[]> {
  await ensureChecklists(db, districtCode, now);
  const rows = await db
    .select()
    .from(supervisionChecklists)
    .where(
      and(
        eq(supervisionChecklists.districtCode, districtCode),
        sql`(${supervisionChecklists.category}, ${supervisionChecklists.version}) in (select category, max(version) from supervision_checklists where district_code = ${districtCode} group by category)`,
      ),
    );
  const order = (c: string) => CHECKLIST_CATEGORIES.indexOf(c as ChecklistCategory);
  return rows.sort((a, b) => order(a.category) - order(b.category));
}

export async function checklistsByIds(db: Db, districtCode: string, ids: string[]): Promise<ChecklistRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(supervisionChecklists)
    .where(and(eq(supervisionChecklists.districtCode, districtCode), inArray(supervisionChecklists.id, ids)));
  return ids.map((id) => rows.find((r) => r.id === id)).filter((r): r is ChecklistRow => !!r);
}

export function createChecklistService({ db }: { db: Db }) {
  return {
    async list(ctx: RequestContext, actor: Actor): Promise<{ items: Checklist[] }> {
      return { items: (await latestChecklists(db, actor.districtCode, ctx.now)).map(toChecklist) };
    },

    async history(actor: Actor, category: ChecklistCategory): Promise<{ items: Checklist[] }> {
      const rows = await db
        .select()
        .from(supervisionChecklists)
        .where(
          and(
            eq(supervisionChecklists.districtCode, actor.districtCode),
            eq(supervisionChecklists.category, category),
          ),
        )
        .orderBy(desc(supervisionChecklists.version));
      return { items: rows.map(toChecklist) };
    },

    async publish(
      ctx: RequestContext,
      actor: Actor,
      category: ChecklistCategory,
      body: PublishChecklistBody,
    ): Promise<Checklist> {
      const seen = new Set<string>();
      body.items.forEach((it, i) => {
        if (seen.has(it.code))
          throw new DomainError('validation.failed', {
            errors: [
              {
                field: `items.${i}.code`,
                rule: 'unique',
                message_zh: `条目编号 ${it.code} 重复：同一检查表内编号不能重复`,
                message_en: `Item code ${it.code} is repeated: codes must be unique within a checklist`,
              },
            ],
          });
        seen.add(it.code);
      });
      await ensureChecklists(db, actor.districtCode, ctx.now);
      return db.transaction(async (tx) => {
        const [last] = await tx
          .select({ version: supervisionChecklists.version })
          .from(supervisionChecklists)
          .where(
            and(
              eq(supervisionChecklists.districtCode, actor.districtCode),
              eq(supervisionChecklists.category, category),
            ),
          )
          .orderBy(desc(supervisionChecklists.version))
          .limit(1);
        const [row] = await tx
          .insert(supervisionChecklists)
          .values({
            districtCode: actor.districtCode,
            id: uuidv7(ctx.now.getTime()),
            category,
            version: (last?.version ?? 0) + 1,
            items: body.items,
            publishedById: actor.userId,
            publishedAt: ctx.now,
          })
          .returning();
        await recordAudit(tx, ctx, {
          action: 'supervision.checklist_publish',
          objectType: 'checklist',
          objectId: row!.id,
          changes: { category, version: row!.version, items: body.items.length },
        });
        return toChecklist(row!);
      });
    },
  };
}
