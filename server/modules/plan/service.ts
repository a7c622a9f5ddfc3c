/**
 * The plan-target service (issue 13): the district's action plans as versions, their targets as rows,
 * each measured at request time by the source registered for its key (kit.targets) — through the
 * caller's jurisdiction guard — and given a status (domain/plan/status.ts). A key without a source
 * is 'no_data'. After the last plan's period, until the district creates a successor, the last
 * plan's targets are carried forward and the answer says so.
 */
import { and, asc, eq, gte, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { FieldError } from '../../../domain/contracts/common.ts';
import type {
  CreateSuccessorBody,
  DrillPage,
  PlanDashboard,
  PlanTarget,
  PlanVersion,
  PublicPlan,
  TargetChangesBody,
  TargetPreview,
  TargetPreviewBody,
  VersionTargets,
} from '../../../domain/contracts/plan.ts';
import { townsOf } from '../../../domain/divisions.ts';
import { previewRows, type TargetChange, targetChangeProblems } from '../../../domain/plan/changes.ts';
import { type PolicyTargetRow, policyTargetRows } from '../../../domain/plan/policy-targets.ts';
import { type MeasuredValue, planTargetStatus, rowsForYear } from '../../../domain/plan/status.ts';
import {
  metricOfSeed,
  type PlanTargetRow,
  perUnitTarget,
  targetRowsOf,
} from '../../../domain/plan/targets.ts';
import { ALL_PACKS } from '../../../domain/policy/index.ts';
import type { PolicyPack } from '../../../domain/policy/types.ts';
import type { Db } from '../../db/client.ts';
import { createAnswerCache } from '../../platform/answer-cache.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { type Actor, districtActor, type RequestContext } from '../../platform/context.ts';
import { DomainError, throwIfErrors } from '../../platform/errors.ts';
import { scopeWhere } from '../../platform/guard.ts';
import { uuidv7 } from '../../platform/ids.ts';
import {
  TARGET_KEYS,
  type TargetKey,
  type TargetMeasure,
  type TargetQuery,
  type TargetSource,
} from '../../platform/targets.ts';
import './errors.ts';
import { planTargets, planVersions } from './tables.ts';

type VersionRow = typeof planVersions.$inferSelect;
type TargetRow = typeof planTargets.$inferSelect;

/** The guard's view of the target table: town rows belong to their town; district rows to the district only. */
export const planTargetScope = { district: planTargets.districtCode, division: planTargets.townCode };

/** Today's date in Shanghai (UTC+8, no daylight saving). */
export function shanghaiDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

function toVersion(v: VersionRow): PlanVersion {
  return {
    id: v.id,
    code: v.code,
    title: v.title,
    docNumber: v.docNumber,
    citation: v.citation,
    periodStart: v.periodStart,
    periodEnd: v.periodEnd,
    predecessorId: v.predecessorId,
    status: v.status,
  };
}

/** What a source is asked for one plan row: the caller, the year, the town, and the row's metric and value. */
function targetQuery(
  actor: Actor,
  row: Pick<PlanTargetRow, 'townCode' | 'metric' | 'value'>,
  year: number,
  asOf: Date,
  shared?: Map<string, Promise<unknown>>,
): TargetQuery {
  return {
    actor,
    year,
    asOf,
    ...(shared ? { shared } : {}),
    ...(row.townCode ? { townCode: row.townCode } : {}),
    ...(row.value !== null ? { target: { metric: row.metric, value: row.value } } : {}),
  };
}

function asPlanRow(t: TargetRow): PlanTargetRow & { id: string } {
  return {
    id: t.id,
    seedId: t.seedId,
    key: t.targetKey,
    metric: metricOfSeed(t.seedId),
    scope: t.scope,
    townCode: t.townCode,
    year: t.year,
    comparison: t.comparison,
    value: t.value,
    valueMax: t.valueMax,
    unit: t.unit,
    titleZh: t.titleZh,
    citation: t.citation,
    periodStart: t.periodStart,
    periodEnd: t.periodEnd,
  };
}

/**
 * Seed the district's first plan from its district pack (idempotent; demo data and tests call it). A
 * demo of a district without a pack of its own may give the pack to copy (plan/demo.ts demoPlanPack).
 */
export async function seedPlanFromPack(
  db: Db,
  districtCode: string,
  now: Date,
  source?: PolicyPack,
): Promise<string | null> {
  const [existing] = await db
    .select({ id: planVersions.id })
    .from(planVersions)
    .where(eq(planVersions.districtCode, districtCode))
    .limit(1);
  if (existing) return existing.id;
  const pack = source ?? ALL_PACKS.find((p) => p.level === 'district' && p.jurisdiction === districtCode);
  if (!pack?.values.plan?.targets) return null;
  const id = uuidv7(now.getTime());
  const towns = townsOf(districtCode).map((t) => t.code);
  const rows = targetRowsOf(pack, towns);
  await db.transaction(async (tx) => {
    await tx.insert(planVersions).values({
      districtCode,
      id,
      code: pack.id,
      title: pack.title,
      docNumber: pack.docNumber ?? '',
      citation: `${pack.docNumber ?? ''} ${pack.values.plan?.targets?.article ?? ''}`.trim().slice(0, 300),
      periodStart: pack.effectiveFrom,
      periodEnd: pack.effectiveTo ?? `${pack.effectiveFrom.slice(0, 4)}-12-31`,
      predecessorId: null,
      status: 'active',
      createdBy: 'seed',
      createdAt: now,
    });
    await tx.insert(planTargets).values(
      rows.map((r) => ({
        districtCode,
        id: uuidv7(now.getTime()),
        versionId: id,
        seedId: r.seedId,
        targetKey: r.key,
        scope: r.scope,
        townCode: r.townCode,
        year: r.year,
        comparison: r.comparison,
        value: r.value,
        valueMax: r.valueMax,
        unit: r.unit,
        titleZh: r.titleZh,
        citation: r.citation.slice(0, 300),
        periodStart: r.periodStart,
        periodEnd: r.periodEnd,
        createdAt: now,
      })),
    );
  });
  return id;
}

/** The plan's measured tables in the kept_answers table (ADR 0033). */
const PLAN_ANSWERS = 'plan.dashboard';

export function createPlanService(deps: {
  db: Db;
  targets: readonly TargetSource[];
  /** How old a summary answer may be (ms; 0 or absent: always current). */
  summaryMaxAgeMs?: number;
  /** After a write, an answer whose measurement took longer is served as it was and measured behind it (ADR 0033). */
  measureBehindMs?: number;
}) {
  const { db, targets } = deps;
  // One table per scope, year and town (today's date is its epoch; a few hundred at most per district), also kept in the
  // kept_answers table so another process serves them (ADR 0033).
  const answers = createAnswerCache<PlanDashboard>({
    maxEntries: 500,
    store: PLAN_ANSWERS,
    // What an earlier build measured is not served by this one (module registration must not touch
    // the database: the OpenAPI document is built from an app on an empty one).
    forgetStoredOnFirstUse: true,
  });
  const sourceOf = (key: string) => targets.find((s) => s.key === key);

  async function versions(districtCode: string): Promise<VersionRow[]> {
    return db
      .select()
      .from(planVersions)
      .where(eq(planVersions.districtCode, districtCode))
      .orderBy(asc(planVersions.periodStart));
  }

  /** The plan in force for `year` (or the last one, carried forward, after every plan's period). */
  async function versionFor(districtCode: string, year: number): Promise<VersionRow | undefined> {
    const all = await versions(districtCode);
    const covering = all.filter(
      (v) => Number(v.periodStart.slice(0, 4)) <= year && Number(v.periodEnd.slice(0, 4)) >= year,
    );
    if (covering.length > 0) return covering[covering.length - 1];
    const before = all.filter((v) => Number(v.periodEnd.slice(0, 4)) < year);
    return before[before.length - 1];
  }

  async function measureRow(
    ctx: RequestContext,
    actor: Actor,
    row: PlanTargetRow & { id: string },
    year: number,
    shared?: Map<string, Promise<unknown>>,
  ): Promise<PlanTarget> {
    const source = sourceOf(row.key);
    let measured: TargetMeasure | null = null;
    const q = targetQuery(actor, row, year, ctx.now, shared);
    if (source && (source.available?.(q) ?? true)) measured = await source.measure(db, q);
    // Judged today: a past year's target is final (met or missed), the current year's has a pace.
    const { status, scaled } = planTargetStatus(row, measured as MeasuredValue | null, shanghaiDate(ctx.now));
    return {
      id: row.id,
      key: row.key,
      seedId: row.seedId,
      titleZh: row.titleZh,
      citation: row.citation,
      scope: row.scope,
      townCode: row.townCode,
      year: row.year,
      comparison: row.comparison,
      value: row.value,
      valueMax: row.valueMax,
      unit: row.unit,
      periodStart: row.periodStart,
      periodEnd: row.periodEnd,
      sourceModule: source?.module ?? null,
      measured,
      scaled,
      status,
    };
  }

  /**
   * The targets beyond the plan (domain/plan/policy-targets.ts) the caller may see for `year`: the
   * same rule as the plan's rows — a town officer its town's rows; the district its own (or one town's).
   */
  function visiblePolicyRows(actor: Actor, year: number, town?: string): PolicyTargetRow[] {
    const s = actor.scope;
    if (s?.kind !== 'division') return [];
    const all = policyTargetRows(
      actor.districtCode,
      year,
      townsOf(actor.districtCode).map((t) => t.code),
    );
    const wholeDistrict = s.divisionCode === actor.districtCode;
    return all.filter((r) =>
      town
        ? r.townCode === town && r.townCode.startsWith(s.divisionCode)
        : wholeDistrict
          ? r.townCode === null
          : r.townCode?.startsWith(s.divisionCode),
    );
  }

  async function measurePolicyRows(
    ctx: RequestContext,
    actor: Actor,
    year: number,
    town: string | undefined,
    shared: Map<string, Promise<unknown>>,
  ) {
    const rows = visiblePolicyRows(actor, year, town);
    rows.sort((a, b) => TARGET_KEYS.indexOf(a.key) - TARGET_KEYS.indexOf(b.key));
    const out = [];
    for (const r of rows)
      out.push({ ...(await measureRow(ctx, actor, r, year, shared)), carriedFromYear: r.carriedFromYear });
    return out;
  }

  /** The rows of `version` the caller may see: a town officer its town's rows; others the district's (or one town's). */
  async function visibleRows(actor: Actor, versionId: string, town?: string): Promise<TargetRow[]> {
    const s = actor.scope;
    const wholeDistrict = s?.kind === 'division' && s.divisionCode === actor.districtCode;
    const conds: (SQL | undefined)[] = [
      scopeWhere(actor, planTargetScope),
      eq(planTargets.versionId, versionId),
    ];
    if (town) conds.push(eq(planTargets.townCode, town));
    else if (wholeDistrict) conds.push(isNull(planTargets.townCode));
    return db
      .select()
      .from(planTargets)
      .where(and(...conds))
      .orderBy(asc(planTargets.seedId), asc(planTargets.townCode), asc(planTargets.year));
  }

  /**
   * The targets of `year` the caller may see, measured. Kept per scope, query and day while nothing is
   * written in the district (answer-cache.ts); `summary` answers (the portal's table, the home page's
   * widget) may also be up to `summaryMaxAgeMs` old — `asOf` says when they were measured.
   */
  async function dashboard(
    ctx: RequestContext,
    actor: Actor,
    q: { year?: number | undefined; town?: string | undefined },
    o: { summary?: boolean } = {},
  ): Promise<PlanDashboard> {
    const year = q.year ?? Number(shanghaiDate(ctx.now).slice(0, 4));
    const key = JSON.stringify([actor.role, actor.scope, year, q.town ?? null]);
    return answers.get(db, actor.districtCode, key, () => measureDashboard(ctx, actor, year, q.town), {
      // Statuses are judged on today's date: yesterday's table is not today's answer, but a slow
      // measurement may serve it, marked, while today's is measured behind it (ADR 0033).
      epoch: shanghaiDate(ctx.now),
      ...(o.summary && deps.summaryMaxAgeMs ? { maxStaleMs: deps.summaryMaxAgeMs } : {}),
      ...(deps.measureBehindMs !== undefined ? { refreshBehindMs: deps.measureBehindMs } : {}),
      stale: (d) => ({ ...d, refreshing: true }),
    });
  }

  async function measureDashboard(
    ctx: RequestContext,
    actor: Actor,
    year: number,
    town: string | undefined,
  ): Promise<PlanDashboard> {
    const q = { town };
    const version = await versionFor(actor.districtCode, year);
    // One answer's sources share their common work (e.g. workforce's compliance: sharedWork).
    const shared = new Map<string, Promise<unknown>>();
    const policyTargets = await measurePolicyRows(ctx, actor, year, q.town, shared);
    if (!version)
      return {
        year,
        asOf: ctx.now.toISOString(),
        version: null,
        carriedForward: false,
        carriedFromYear: null,
        targets: [],
        policyTargets,
      };
    const rows = (await visibleRows(actor, version.id, q.town)).map(asPlanRow);
    const forYear = rowsForYear(rows, year);
    // In the order of TARGET_KEYS (registry, workforce, supervision, families, quality, plan).
    forYear.rows.sort((a, b) => TARGET_KEYS.indexOf(a.key) - TARGET_KEYS.indexOf(b.key));
    const measured = [];
    for (const r of forYear.rows) measured.push(await measureRow(ctx, actor, r, year, shared));
    return {
      year,
      asOf: ctx.now.toISOString(),
      version: toVersion(version),
      carriedForward: forYear.carriedForward,
      carriedFromYear: forYear.fromYear,
      targets: measured,
      policyTargets,
    };
  }

  async function getRow(actor: Actor, id: string): Promise<TargetRow> {
    const [row] = await db
      .select()
      .from(planTargets)
      .where(and(scopeWhere(actor, planTargetScope), eq(planTargets.id, id)));
    if (!row) throw new DomainError('plan.not_found');
    return row;
  }

  /** The policy row with this id for the year asked (ids are derived from district, target, town and year). */
  function policyRowById(actor: Actor, id: string, year: number): PolicyTargetRow | undefined {
    return (
      visiblePolicyRows(actor, year).find((r) => r.id === id) ??
      visiblePolicyRowsAllTowns(actor, year).find((r) => r.id === id)
    );
  }

  function visiblePolicyRowsAllTowns(actor: Actor, year: number): PolicyTargetRow[] {
    return townsOf(actor.districtCode).flatMap((t) => visiblePolicyRows(actor, year, t.code));
  }

  async function drill(
    ctx: RequestContext,
    actor: Actor,
    id: string,
    q: { page: number; pageSize: number; year?: number | undefined },
  ): Promise<DrillPage> {
    const thisYear = Number(shanghaiDate(ctx.now).slice(0, 4));
    // A target beyond the plan is computed for its year (its id names it); else a stored plan row.
    const policy = policyRowById(actor, id, q.year ?? thisYear);
    const row = policy ?? asPlanRow(await getRow(actor, id));
    const year = q.year ?? row.year ?? thisYear;
    const target = await measureRow(ctx, actor, row, year);
    const source = sourceOf(row.key);
    const page = { page: q.page, pageSize: q.pageSize };
    const dq = targetQuery(actor, row, year, ctx.now);
    if (!source || !(source.available?.(dq) ?? true)) return { items: [], total: 0, ...page, target };
    const { rows, total } = await source.drillDown(db, dq, {
      offset: (q.page - 1) * q.pageSize,
      limit: q.pageSize,
    });
    return { items: rows, total, ...page, target };
  }

  /** One target key's district-level (or the caller's town-level) value and status per year of the plan up to now. */
  async function trend(ctx: RequestContext, actor: Actor, key: TargetKey) {
    const all = await versions(actor.districtCode);
    const points: { year: number; scaled: number | null; status: PlanTarget['status'] }[] = [];
    const first = all[0];
    if (!first) return { key, points };
    const thisYear = Number(shanghaiDate(ctx.now).slice(0, 4));
    for (let y = Number(first.periodStart.slice(0, 4)); y <= thisYear; y++) {
      const d = await dashboard(ctx, actor, { year: y });
      const t = d.targets.find((r) => r.key === key) ?? d.policyTargets.find((r) => r.key === key);
      if (t) points.push({ year: y, scaled: t.scaled, status: t.status });
    }
    return { key, points };
  }

  async function listVersions(actor: Actor): Promise<PlanVersion[]> {
    return (await versions(actor.districtCode)).map(toVersion);
  }

  /** A successor plan: a new version copied from the latest one, with its own period and citation. */
  async function createSuccessor(
    ctx: RequestContext,
    actor: Actor,
    body: CreateSuccessorBody,
  ): Promise<PlanVersion> {
    const s = actor.scope;
    if (!(s?.kind === 'division' && s.divisionCode === actor.districtCode))
      throw new DomainError('plan.district_scope');
    const all = await versions(actor.districtCode);
    const prev = all[all.length - 1];
    if (!prev) throw new DomainError('plan.no_plan');
    if (body.periodEnd < body.periodStart || body.periodStart <= prev.periodEnd)
      throw new DomainError('plan.period_order');
    if (all.some((v) => v.code === body.code)) throw new DomainError('plan.code_taken');
    const prevRows = (
      await db
        .select()
        .from(planTargets)
        .where(and(eq(planTargets.districtCode, actor.districtCode), eq(planTargets.versionId, prev.id)))
    ).map(asPlanRow);
    const lastYear = Number(prev.periodEnd.slice(0, 4));
    const template = prevRows.filter((r) => r.year === null || r.year === lastYear);
    const y0 = Number(body.periodStart.slice(0, 4));
    const y1 = Number(body.periodEnd.slice(0, 4));
    const id = uuidv7(ctx.now.getTime());
    const version = await db.transaction(async (tx) => {
      const [v] = await tx
        .insert(planVersions)
        .values({
          districtCode: actor.districtCode,
          id,
          code: body.code,
          title: body.title,
          docNumber: body.docNumber,
          citation: body.citation,
          periodStart: body.periodStart,
          periodEnd: body.periodEnd,
          predecessorId: prev.id,
          status: 'active',
          createdBy: actor.username,
          createdAt: ctx.now,
        })
        .returning();
      await tx
        .update(planVersions)
        .set({ status: 'superseded' })
        .where(and(eq(planVersions.districtCode, actor.districtCode), eq(planVersions.id, prev.id)));
      const copies = template.flatMap((r) => {
        const years: (number | null)[] = [];
        if (r.year === null) years.push(null);
        else for (let y = y0; y <= y1; y++) years.push(y);
        return years.map((y) => ({
          districtCode: actor.districtCode,
          id: uuidv7(ctx.now.getTime()),
          versionId: id,
          seedId: r.seedId,
          targetKey: r.key,
          scope: r.scope,
          townCode: r.townCode,
          year: y,
          comparison: r.comparison,
          value: r.value,
          valueMax: r.valueMax,
          unit: r.unit,
          titleZh: r.titleZh,
          citation: body.citation,
          periodStart: y === null || y === y0 ? body.periodStart : `${y}-01-01`,
          periodEnd: y === null || y === y1 ? body.periodEnd : `${y}-12-31`,
          createdAt: ctx.now,
        }));
      });
      if (copies.length > 0) await tx.insert(planTargets).values(copies);
      await recordAudit(tx, ctx, {
        action: 'plan.create_successor',
        objectType: 'plan_version',
        objectId: id,
        changes: { ...body, predecessor: prev.code, targets: copies.length },
      });
      return v!;
    });
    return toVersion(version);
  }

  const wholeDistrict = (actor: Actor) =>
    actor.scope?.kind === 'division' && actor.scope.divisionCode === actor.districtCode;
  /** The district's own successor plans can change their values while active; the seeded document cannot. */
  const isEditable = (v: VersionRow) => v.predecessorId !== null && v.status === 'active';

  async function versionById(districtCode: string, id: string): Promise<VersionRow> {
    const [v] = await db
      .select()
      .from(planVersions)
      .where(and(eq(planVersions.districtCode, districtCode), eq(planVersions.id, id)));
    if (!v) throw new DomainError('plan.version_not_found');
    return v;
  }

  /** The version's targets, one per target id (its district-level row of the year judged, else the first). */
  async function versionTargets(ctx: RequestContext, actor: Actor, id: string): Promise<VersionTargets> {
    const v = await versionById(actor.districtCode, id);
    const year = judgeYear(v, shanghaiDate(ctx.now));
    const rows = await db
      .select()
      .from(planTargets)
      .where(
        and(
          scopeWhere(actor, planTargetScope),
          eq(planTargets.versionId, v.id),
          isNull(planTargets.townCode),
        ),
      )
      .orderBy(asc(planTargets.seedId), asc(planTargets.year));
    const bySeed = new Map<string, TargetRow>();
    for (const r of rows) {
      const had = bySeed.get(r.seedId);
      if (!had || r.year === year) bySeed.set(r.seedId, r);
    }
    const targets = [...bySeed.values()]
      .sort((a, b) => TARGET_KEYS.indexOf(a.targetKey) - TARGET_KEYS.indexOf(b.targetKey))
      .map((r) => ({
        seedId: r.seedId,
        key: r.targetKey,
        titleZh: r.titleZh,
        scope: r.scope,
        comparison: r.comparison,
        value: r.value,
        valueMax: r.valueMax,
        unit: r.unit,
        citation: r.citation,
      }));
    return { version: toVersion(v), editable: isEditable(v) && wholeDistrict(actor), targets };
  }

  /** The plan year a version is judged for today: this year inside its period, else its nearest year. */
  function judgeYear(v: VersionRow, today: string): number {
    const y = Number(today.slice(0, 4));
    return Math.min(Number(v.periodEnd.slice(0, 4)), Math.max(Number(v.periodStart.slice(0, 4)), y));
  }

  /** Check the changes, measure the rows they touch once, and judge them against old and new values. */
  async function judge(
    ctx: RequestContext,
    actor: Actor,
    v: VersionRow,
    changes: readonly TargetChange[],
  ): Promise<Omit<TargetPreview, 'updated'>> {
    if (!wholeDistrict(actor)) throw new DomainError('plan.district_scope');
    const all = (
      await db
        .select()
        .from(planTargets)
        .where(and(scopeWhere(actor, planTargetScope), eq(planTargets.versionId, v.id)))
    ).map(asPlanRow);
    const units = new Map(all.map((r) => [r.seedId, r.unit]));
    const problems = targetChangeProblems(
      [...units].map(([seedId, unit]) => ({ seedId, unit })),
      changes,
    );
    const errors: FieldError[] = problems.map((p) => ({
      field: p.field,
      rule: p.rule,
      message_zh: p.zh,
      message_en: p.en,
    }));
    throwIfErrors(errors);
    const onDate = shanghaiDate(ctx.now);
    const year = judgeYear(v, onDate);
    const seeds = new Set(changes.map((c) => c.seedId));
    const touched = rowsForYear(all, year).rows.filter((r) => seeds.has(r.seedId));
    const bySeed = new Map(changes.map((c) => [c.seedId, c]));
    const measured = [];
    for (const row of touched) {
      const source = sourceOf(row.key);
      const m = source ? await source.measure(db, targetQuery(actor, row, year, ctx.now)) : null;
      // A per-unit target (hours per practitioner, sessions per family) is measured against its own value:
      // with the new value, the share of units reaching it is measured again.
      const next = bySeed.get(row.seedId)?.value ?? null;
      const after =
        source && m && next !== null && next !== row.value && perUnitTarget(m.unit, row.unit)
          ? await source.measure(db, targetQuery(actor, { ...row, value: next }, year, ctx.now))
          : undefined;
      measured.push({
        row,
        measured: m as MeasuredValue | null,
        ...(after ? { measuredAfter: after as MeasuredValue } : {}),
      });
    }
    const judgedRows = previewRows(measured, changes, onDate);
    const byId = new Map(touched.map((r) => [r.id, r]));
    const rows = judgedRows.map((p) => {
      const r = byId.get(p.id)!;
      return { ...p, titleZh: r.titleZh, townCode: r.townCode, unit: r.unit };
    });
    rows.sort(
      (a, b) => (a.townCode ?? '').localeCompare(b.townCode ?? '') || a.seedId.localeCompare(b.seedId),
    );
    return { versionId: v.id, year, onDate, rows, changed: rows.filter((r) => r.changes).length };
  }

  /** What a change of target values would do to each target's status (nothing is written). */
  async function previewTargets(
    ctx: RequestContext,
    actor: Actor,
    id: string,
    body: TargetPreviewBody,
  ): Promise<TargetPreview> {
    const v = await versionById(actor.districtCode, id);
    if (!isEditable(v)) throw new DomainError('plan.version_locked');
    return { ...(await judge(ctx, actor, v, body.changes)), updated: 0 };
  }

  /**
   * Change a successor plan's target values, audited: every town row and every year from the year judged
   * on (this year inside the period); earlier years keep the values they were judged against.
   */
  async function changeTargets(
    ctx: RequestContext,
    actor: Actor,
    id: string,
    body: TargetChangesBody,
  ): Promise<TargetPreview> {
    const v = await versionById(actor.districtCode, id);
    if (!isEditable(v)) throw new DomainError('plan.version_locked');
    const preview = await judge(ctx, actor, v, body.changes);
    const seeds = body.changes.map((c) => c.seedId);
    const updated = await db.transaction(async (tx) => {
      const before = await tx
        .select({ seedId: planTargets.seedId, value: planTargets.value, valueMax: planTargets.valueMax })
        .from(planTargets)
        .where(
          and(
            eq(planTargets.districtCode, actor.districtCode),
            eq(planTargets.versionId, v.id),
            inArray(planTargets.seedId, seeds),
            isNull(planTargets.townCode),
          ),
        );
      let n = 0;
      for (const c of body.changes) {
        const done = await tx
          .update(planTargets)
          .set({ value: c.value, valueMax: c.valueMax, citation: body.citation })
          .where(
            and(
              eq(planTargets.districtCode, actor.districtCode),
              eq(planTargets.versionId, v.id),
              eq(planTargets.seedId, c.seedId),
              // from the year judged on: past years keep the values they were judged against
              or(isNull(planTargets.year), gte(planTargets.year, preview.year)),
            ),
          )
          .returning({ id: planTargets.id });
        n += done.length;
      }
      await recordAudit(tx, ctx, {
        action: 'plan.change_targets',
        objectType: 'plan_version',
        objectId: v.id,
        changes: {
          citation: body.citation,
          fromYear: preview.year,
          rows: n,
          targets: body.changes.map((c) => {
            const b = before.find((x) => x.seedId === c.seedId);
            return {
              seedId: c.seedId,
              before: { value: b?.value ?? null, valueMax: b?.valueMax ?? null },
              after: { value: c.value, valueMax: c.valueMax },
            };
          }),
          statusChanges: preview.changed,
        },
      });
      return n;
    });
    return { ...preview, updated };
  }

  /**
   * The portal's yearly table: the district-level targets' numbers, measured over the whole district
   * (a read-only district view built here, never a session), without drill-down rows.
   */
  async function publicTable(ctx: RequestContext, year: number | undefined): Promise<PublicPlan> {
    const reader = districtActor(ctx.districtCode, {
      userId: '00000000-0000-0000-0000-000000000000',
      username: 'public',
      sessionId: 'public',
    });
    const d = await dashboard({ ...ctx, actor: null }, reader, { year }, { summary: true });
    return {
      year: d.year,
      asOf: d.asOf,
      version: d.version
        ? {
            title: d.version.title,
            docNumber: d.version.docNumber,
            periodStart: d.version.periodStart,
            periodEnd: d.version.periodEnd,
          }
        : null,
      carriedForward: d.carriedForward,
      carriedFromYear: d.carriedFromYear,
      targets: d.targets.map((r) => ({
        key: r.key,
        titleZh: r.titleZh,
        citation: r.citation,
        comparison: r.comparison,
        value: r.value,
        valueMax: r.valueMax,
        unit: r.unit,
        scaled: r.scaled,
        status: r.status,
      })),
    };
  }

  return {
    dashboard,
    /** The measured tables kept (stats, and `settled()` for measurements running behind an answer). */
    answers,
    drill,
    trend,
    listVersions,
    createSuccessor,
    versionTargets,
    previewTargets,
    changeTargets,
    publicTable,
  };
}
export type PlanService = ReturnType<typeof createPlanService>;
