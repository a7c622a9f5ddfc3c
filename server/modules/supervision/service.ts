/**
 * Verifiable double-random draws (issue 10; 双随机一公开, 国办发〔2015〕58号). A district or town officer
 * commits a monthly plan: the target pool (institutions in service — operating or 整改中 — of the division) and the inspector
 * pool (inspector accounts covering it) are frozen and hashed, a random secret is generated and only its
 * SHA-256 published. The draw then reveals the secret; the seed comes from it and both pool hashes
 * (domain/rules/draw.ts). Drawing twice, or drawing after a pool changed, is refused (409).
 */

import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { IN_SERVICE_STATUSES } from '../../../domain/contracts/institution-enums.ts';
import type {
  CreateDrawPlanBody,
  DrawPlanSummary,
  PublishedDraw,
} from '../../../domain/contracts/supervision.ts';
import {
  commit,
  conflictsHash,
  type DrawInspector,
  type DrawTarget,
  poolHash,
  riskWeight,
  runDraw,
} from '../../../domain/rules/draw.ts';
import { toFieldError } from '../../../domain/rules/reasons.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { divisionInScope, scopeWhere } from '../../platform/guard.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { users } from '../../platform/tables.ts';
import { institutions } from '../institutions/tables.ts';
import { collectConflicts } from './conflicts.ts';
import { drawWeights } from './risk.ts';
import './errors.ts';
import { createDrawInspections } from './inspections.ts';
import { supervisionDrawPlans } from './tables.ts';

type PlanRow = typeof supervisionDrawPlans.$inferSelect;

export const planScope = {
  district: supervisionDrawPlans.districtCode,
  division: supervisionDrawPlans.divisionCode,
};

/**
 * The inspector accounts that can inspect in a division (enabled, division-scoped, their scope covering
 * the division or lying inside it), sorted by id: the draw's inspector pool, and the joint checks' teams.
 */
export function inspectorAccounts(db: Db, districtCode: string, divisionCode: string) {
  return db
    .select({ id: users.id, name: users.displayName, divisionCode: users.scopeDivisionCode })
    .from(users)
    .where(
      and(
        eq(users.districtCode, districtCode),
        eq(users.role, 'inspector'),
        eq(users.disabled, false),
        eq(users.scopeKind, 'division'),
        sql`(${users.scopeDivisionCode} like ${`${divisionCode}%`} or ${divisionCode} like ${users.scopeDivisionCode} || '%')`,
      ),
    )
    .orderBy(asc(users.id));
}

/** The pools of a division as the register holds them now (sorted by id). */
export async function currentPools(
  db: Db,
  districtCode: string,
  divisionCode: string,
  asOf: Date = new Date(),
): Promise<{ targets: DrawTarget[]; inspectors: DrawInspector[] }> {
  const t = await db
    .select({ id: institutions.id })
    .from(institutions)
    .where(
      and(
        eq(institutions.districtCode, districtCode),
        inArray(institutions.status, [...IN_SERVICE_STATUSES]),
        sql`${institutions.townCode} like ${`${divisionCode}%`}`,
      ),
    )
    .orderBy(asc(institutions.id));
  const i = await inspectorAccounts(db, districtCode, divisionCode);
  // Risk weights (risk.ts): serious findings, overdue rectifications, ratio breaches and uncertified staff
  // raise an institution's chance; one without signals weighs 1. Frozen into the plan at its commitment.
  const weights = await drawWeights(db, districtCode, divisionCode, asOf);
  return {
    targets: t.map((r) => ({
      id: r.id,
      weight: weights.get(r.id) ?? riskWeight({ complaints: 0, abnormalRecords: 0 }),
    })),
    inspectors: i.map((r) => ({ id: r.id })),
  };
}

function drawFailure(failure: { reason: Parameters<typeof toFieldError>[0]['reason']; field?: string }) {
  return new DomainError('validation.failed', { errors: [toFieldError(failure)] });
}

function summary(r: PlanRow): DrawPlanSummary {
  return {
    id: r.id,
    month: r.month,
    level: r.level as DrawPlanSummary['level'],
    divisionCode: r.divisionCode,
    status: r.status as DrawPlanSummary['status'],
    sampleSize: r.sampleSize,
    targetsPool: r.targets.length,
    inspectorsPool: r.inspectors.length,
    commitment: r.commitment,
    committedAt: r.committedAt.toISOString(),
    drawnAt: r.drawnAt?.toISOString() ?? null,
  };
}

async function published(db: Db, r: PlanRow): Promise<PublishedDraw> {
  const drawn = r.status === 'drawn';
  const targetIds = r.targets.map((t) => t.id);
  const inspectorIds = r.inspectors.map((i) => i.id);
  const tn = targetIds.length
    ? await db
        .select({ id: institutions.id, name: institutions.name })
        .from(institutions)
        .where(and(eq(institutions.districtCode, r.districtCode), inArray(institutions.id, targetIds)))
    : [];
  const inn = inspectorIds.length
    ? await db
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .where(and(eq(users.districtCode, r.districtCode), inArray(users.id, inspectorIds)))
    : [];
  return {
    id: r.id,
    month: r.month,
    level: r.level as PublishedDraw['level'],
    divisionCode: r.divisionCode,
    status: r.status as PublishedDraw['status'],
    committedAt: r.committedAt.toISOString(),
    drawnAt: r.drawnAt?.toISOString() ?? null,
    commitment: r.commitment,
    sampleSize: r.sampleSize,
    inspectorsPerTarget: r.inspectorsPerTarget,
    targets: r.targets,
    inspectors: r.inspectors,
    conflicts: r.conflicts,
    targetsPoolHash: r.targetsPoolHash,
    inspectorsPoolHash: r.inspectorsPoolHash,
    conflictsHash: r.conflictsHash,
    targetNames: Object.fromEntries(tn.map((x) => [x.id, x.name])),
    inspectorNames: Object.fromEntries(inn.map((x) => [x.id, x.name])),
    secretHex: drawn ? r.secretHex : null,
    result: drawn ? (r.result ?? null) : null,
  };
}

export function createSupervisionService({ db }: { db: Db }) {
  async function getRow(actor: Actor, id: string): Promise<PlanRow> {
    const [row] = await db
      .select()
      .from(supervisionDrawPlans)
      .where(and(scopeWhere(actor, planScope), eq(supervisionDrawPlans.id, id)));
    if (!row) throw new DomainError('not_found');
    return row;
  }

  return {
    async commitPlan(ctx: RequestContext, actor: Actor, body: CreateDrawPlanBody, secretHex?: string) {
      if (!divisionInScope(actor, body.divisionCode)) throw new DomainError('supervision.out_of_scope');
      const level = body.divisionCode === actor.districtCode ? 'district' : 'town';
      const pools = await currentPools(db, actor.districtCode, body.divisionCode, ctx.now);
      const conflicts = await collectConflicts(db, {
        districtCode: actor.districtCode,
        divisionCode: body.divisionCode,
        month: body.month,
        inspectorIds: pools.inspectors.map((i) => i.id),
        targetIds: pools.targets.map((t) => t.id),
      });
      const secret = secretHex ?? randomBytes(32).toString('hex');
      // Check every condition that does not depend on chance now (pools, sizes, ≥ 2 eligible inspectors).
      const trial = runDraw({
        secretHex: secret,
        ...pools,
        conflicts,
        sampleSize: body.sampleSize,
        inspectorsPerTarget: body.inspectorsPerTarget,
      });
      if (!trial.ok) throw drawFailure(trial);
      const c = commit(secret);
      if (!c.ok) throw drawFailure(c);
      const [existing] = await db
        .select({ id: supervisionDrawPlans.id })
        .from(supervisionDrawPlans)
        .where(
          and(
            eq(supervisionDrawPlans.districtCode, actor.districtCode),
            eq(supervisionDrawPlans.divisionCode, body.divisionCode),
            eq(supervisionDrawPlans.month, body.month),
          ),
        );
      if (existing) throw new DomainError('supervision.plan_exists');
      const row = await db.transaction(async (tx) => {
        const [inserted] = await tx
          .insert(supervisionDrawPlans)
          .values({
            districtCode: actor.districtCode,
            id: uuidv7(ctx.now.getTime()),
            month: body.month,
            level,
            divisionCode: body.divisionCode,
            status: 'committed',
            sampleSize: body.sampleSize,
            inspectorsPerTarget: body.inspectorsPerTarget,
            commitment: c.commitment,
            secretHex: secret,
            targets: pools.targets,
            inspectors: pools.inspectors,
            conflicts,
            targetsPoolHash: poolHash(pools.targets),
            inspectorsPoolHash: poolHash(pools.inspectors),
            conflictsHash: conflictsHash(conflicts),
            committedById: actor.userId,
            committedAt: ctx.now,
          })
          .returning();
        await recordAudit(tx, ctx, {
          action: 'supervision.draw_commit',
          objectType: 'draw_plan',
          objectId: inserted!.id,
          changes: {
            month: body.month,
            divisionCode: body.divisionCode,
            sampleSize: body.sampleSize,
            commitment: c.commitment,
            targetsPoolHash: inserted!.targetsPoolHash,
            inspectorsPoolHash: inserted!.inspectorsPoolHash,
          },
        });
        return inserted!;
      });
      return summary(row);
    },

    async draw(ctx: RequestContext, actor: Actor, id: string): Promise<PublishedDraw> {
      const row = await getRow(actor, id);
      if (row.status === 'drawn') throw new DomainError('supervision.already_drawn');
      const now = await currentPools(db, row.districtCode, row.divisionCode, ctx.now);
      // Membership must not change after the commitment; the weights are those frozen into the plan
      // (risk moves every day, the published pool does not).
      const frozen = new Map(row.targets.map((x) => [x.id, x.weight]));
      const members = now.targets.map((x) => ({ id: x.id, weight: frozen.get(x.id) ?? x.weight }));
      if (poolHash(members) !== row.targetsPoolHash || poolHash(now.inspectors) !== row.inspectorsPoolHash) {
        throw new DomainError('supervision.pool_changed');
      }
      const r = runDraw({
        secretHex: row.secretHex,
        targets: row.targets,
        inspectors: row.inspectors,
        conflicts: row.conflicts,
        sampleSize: row.sampleSize,
        inspectorsPerTarget: row.inspectorsPerTarget,
      });
      if (!r.ok) throw drawFailure(r);
      const updated = await db.transaction(async (tx) => {
        const [u] = await tx
          .update(supervisionDrawPlans)
          .set({
            status: 'drawn',
            result: r.result,
            drawnById: actor.userId,
            drawnAt: ctx.now,
            version: sql`${supervisionDrawPlans.version} + 1`,
          })
          .where(
            and(
              eq(supervisionDrawPlans.districtCode, row.districtCode),
              eq(supervisionDrawPlans.id, row.id),
              eq(supervisionDrawPlans.status, 'committed'),
            ),
          )
          .returning();
        if (!u) throw new DomainError('supervision.already_drawn');
        const tasks = await createDrawInspections(tx, ctx, u, r.result);
        await recordAudit(tx, ctx, {
          action: 'supervision.draw_run',
          objectType: 'draw_plan',
          objectId: row.id,
          changes: {
            status: { from: 'committed', to: 'drawn' },
            seed: r.result.seed,
            drawn: r.result.assignments.length,
            inspections: tasks,
          },
        });
        return u;
      });
      return published(db, updated);
    },

    async list(actor: Actor): Promise<{ items: DrawPlanSummary[] }> {
      const rows = await db
        .select()
        .from(supervisionDrawPlans)
        .where(scopeWhere(actor, planScope))
        .orderBy(desc(supervisionDrawPlans.month), asc(supervisionDrawPlans.divisionCode))
        .limit(500);
      return { items: rows.map(summary) };
    },

    async get(actor: Actor, id: string): Promise<PublishedDraw> {
      return published(db, await getRow(actor, id));
    },

    /** Portal: every plan of the district (the commitment is public from the start; the secret after the draw). */
    async publicList(districtCode: string): Promise<{ items: DrawPlanSummary[] }> {
      const rows = await db
        .select()
        .from(supervisionDrawPlans)
        .where(eq(supervisionDrawPlans.districtCode, districtCode))
        .orderBy(desc(supervisionDrawPlans.month), asc(supervisionDrawPlans.divisionCode))
        .limit(500);
      return { items: rows.map(summary) };
    },

    async publicGet(districtCode: string, id: string): Promise<PublishedDraw> {
      const [row] = await db
        .select()
        .from(supervisionDrawPlans)
        .where(and(eq(supervisionDrawPlans.districtCode, districtCode), eq(supervisionDrawPlans.id, id)));
      if (!row) throw new DomainError('not_found');
      return published(db, row);
    },
  };
}
