/**
 * Funding (issue 13, 青府办发〔2021〕35号 四、(二) 优化经费投入): per fiscal year, each kindergarten
 * with toddler classes gets rate × 3/2 × max(20, toddler pupils) (domain/rules/funding.ts; the floor per
 * kindergarten or per class as the district sets it, default per kindergarten); its staffing quota
 * (两教一保) is compared with the workforce module's class assignments; staff who passed an assessment on
 * the pack's list (保育员、育婴员等) in the year are counted for the training-fee subsidy (no per-person amount exists
 * in any rule pack, so none is shown); the VAT relief of its care and education is flagged.
 *
 * Every read goes through the jurisdiction guard on the institutions table (a town officer: its town).
 * A kindergarten without a rate for the year is listed as missing, never counted as 0. After the plan
 * period the plan's values are carried forward and the answer says so (pack, article).
 */
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { IN_SERVICE_STATUSES } from '../../../domain/contracts/institution-enums.ts';
import {
  FUNDING_FIRST_YEAR,
  type FundingBudget,
  type FundingFloorScope,
  type FundingRate,
  type FundingRateBody,
  type FundingRow,
  type FundingSettings,
  type FundingSettingsBody,
  type FundingTotals,
} from '../../../domain/contracts/plan.ts';
import { ALL_PACKS, resolvePolicy } from '../../../domain/policy/index.ts';
import {
  toddlerClassAllotment,
  toddlerStaffingQuota,
  trainingSubsidyCount,
} from '../../../domain/rules/funding.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { DomainError, fieldError } from '../../platform/errors.ts';
import { scopeWhere } from '../../platform/guard.ts';
import { institutionScope } from '../institutions/repository.ts';
import { institutionClasses, institutions } from '../institutions/tables.ts';
import { classAssignments, employments, personRecords } from '../workforce/tables.ts';
import './errors.ts';
import { shanghaiDate } from './service.ts';
import { planFundingRates, planFundingSettings } from './tables.ts';

export const DEFAULT_FLOOR_SCOPE: FundingFloorScope = 'kindergarten';
const TEACHER_POSTS = ['teacher'];
const CAREGIVER_POSTS = ['caregiver', 'infant_carer'];
/** Certificate types that prove a passed 保育员 / 育婴员 assessment, as the rule's training kinds. */
type RateRow = typeof planFundingRates.$inferSelect;

function toRate(r: RateRow): FundingRate {
  return {
    institutionId: r.institutionId,
    year: r.fiscalYear,
    perPupilRateFen: r.perPupilRateFen,
    source: r.source,
    updatedBy: r.updatedBy,
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

/** Kindergartens in service with toddler classes in the actor's scope: the ones that get a budget (and a rate). */
export function toddlerKindergartens(actor: Actor) {
  return and(
    scopeWhere(actor, institutionScope),
    eq(institutions.kind, 'kindergarten'),
    inArray(institutions.status, [...IN_SERVICE_STATUSES]),
    sql`exists (select 1 from ${institutionClasses} c where c.district_code = ${institutions.districtCode}
      and c.institution_id = ${institutions.id} and c.type = 'kindergarten_toddler')`,
  );
}

/** The funding values for a fiscal year, or the last plan period's, carried forward (with the statement). */
export function fundingPolicyFor(districtCode: string, year: number) {
  const inYear = resolvePolicy(districtCode, `${year}-12-31`);
  if (inYear.ok && inYear.values.funding) return { resolved: inYear, carriedForward: false };
  // The last district pack with funding values whose period ended before the year.
  const earlier = ALL_PACKS.filter(
    (p) =>
      p.level === 'district' &&
      p.jurisdiction === districtCode &&
      p.values.funding &&
      p.effectiveTo !== undefined &&
      Number(p.effectiveTo.slice(0, 4)) < year,
  ).sort((a, b) => (a.effectiveTo! < b.effectiveTo! ? -1 : 1));
  const last = earlier[earlier.length - 1];
  if (!last?.effectiveTo) return null;
  const carried = resolvePolicy(districtCode, last.effectiveTo);
  if (!carried.ok || !carried.values.funding) return null;
  return { resolved: carried, carriedForward: true };
}

function emptyTotals(): FundingTotals {
  return {
    kindergartens: 0,
    withRate: 0,
    missingRate: 0,
    toddlerClasses: 0,
    actualPupils: 0,
    countedPupils: 0,
    allotmentFen: 0,
    quotaTotal: 0,
    actualTotal: 0,
    trainingEligible: 0,
  };
}

function addRow(t: FundingTotals, r: FundingRow): void {
  t.kindergartens += 1;
  if (r.rate) t.withRate += 1;
  else t.missingRate += 1;
  t.toddlerClasses += r.toddlerClasses;
  t.actualPupils += r.actualPupils;
  if (r.rate) t.countedPupils += r.countedPupils;
  t.allotmentFen += r.allotmentFen ?? 0;
  t.quotaTotal += r.quotaTeachers + r.quotaCaregivers;
  t.actualTotal += r.actualTeachers + r.actualCaregivers;
  t.trainingEligible += r.trainingEligible;
}

export function createFundingService(deps: { db: Db }) {
  const { db } = deps;

  async function settings(districtCode: string, tx: Db = db): Promise<FundingSettings> {
    const [row] = await tx
      .select()
      .from(planFundingSettings)
      .where(eq(planFundingSettings.districtCode, districtCode));
    return row
      ? { floorScope: row.floorScope, version: row.version }
      : { floorScope: DEFAULT_FLOOR_SCOPE, version: null };
  }

  /** Kindergartens in service with toddler classes, in the caller's scope. */
  async function kindergartens(actor: Actor, tx: Db = db, institutionId?: string) {
    return tx
      .select({
        id: institutions.id,
        name: institutions.name,
        townCode: institutions.townCode,
        ownership: institutions.ownership,
        inclusive: institutions.inclusive,
      })
      .from(institutions)
      .where(and(toddlerKindergartens(actor), institutionId ? eq(institutions.id, institutionId) : undefined))
      .orderBy(asc(institutions.townCode), asc(institutions.name), asc(institutions.id));
  }

  /** 400 naming `year` outside 2021 … next year (Shanghai time). */
  function checkYear(year: number, now: Date): void {
    const current = Number(shanghaiDate(now).slice(0, 4));
    if (!Number.isInteger(year) || year < FUNDING_FIRST_YEAR || year > current + 1)
      throw fieldError(
        'year',
        'out_of_range',
        `财政年度须在 ${FUNDING_FIRST_YEAR}–${current + 1} 之间`,
        `The fiscal year must lie between ${FUNDING_FIRST_YEAR} and ${current + 1}`,
      );
  }

  async function budget(ctx: RequestContext, actor: Actor, year: number): Promise<FundingBudget> {
    checkYear(year, ctx.now);
    return compute(actor, year, db);
  }

  /** The budget of a (checked) year, read through `tx` (the exporter's read-only transaction). */
  async function compute(actor: Actor, year: number, tx: Db): Promise<FundingBudget> {
    const policy = fundingPolicyFor(actor.districtCode, year);
    if (!policy) throw new DomainError('plan.funding_no_policy');
    const { resolved, carriedForward } = policy;
    const values = resolved.values;
    const funding = values.funding!;
    const src = resolved.sources['funding.toddlerRateMultiplier']!;
    const set = await settings(actor.districtCode, tx);
    const floorScope = set.floorScope;

    const kgs = await kindergartens(actor, tx);
    const ids = kgs.map((k) => k.id);
    const district = actor.districtCode;
    const [classes, rates, assigned, passed] = ids.length
      ? await Promise.all([
          tx
            .select({
              institutionId: institutionClasses.institutionId,
              id: institutionClasses.id,
              enrolled: institutionClasses.enrolled,
            })
            .from(institutionClasses)
            .where(
              and(
                eq(institutionClasses.districtCode, district),
                inArray(institutionClasses.institutionId, ids),
                eq(institutionClasses.type, 'kindergarten_toddler'),
              ),
            )
            .orderBy(asc(institutionClasses.institutionId), asc(institutionClasses.position)),
          tx
            .select()
            .from(planFundingRates)
            .where(
              and(
                eq(planFundingRates.districtCode, district),
                eq(planFundingRates.fiscalYear, year),
                inArray(planFundingRates.institutionId, ids),
              ),
            ),
          tx
            .selectDistinct({
              institutionId: classAssignments.institutionId,
              employmentId: employments.id,
              post: employments.post,
            })
            .from(classAssignments)
            .innerJoin(
              employments,
              and(
                eq(employments.districtCode, classAssignments.districtCode),
                eq(employments.id, classAssignments.employmentId),
              ),
            )
            .innerJoin(
              institutionClasses,
              and(
                eq(institutionClasses.districtCode, classAssignments.districtCode),
                eq(institutionClasses.id, classAssignments.classId),
              ),
            )
            .where(
              and(
                eq(classAssignments.districtCode, district),
                inArray(classAssignments.institutionId, ids),
                eq(institutionClasses.type, 'kindergarten_toddler'),
                eq(employments.status, 'active'),
              ),
            ),
          // Passed assessments (workforce's person records) of the pack's list, entered for the kindergarten.
          tx
            .select({
              institutionId: personRecords.institutionId,
              staffId: personRecords.staffId,
              skill: personRecords.skill,
            })
            .from(personRecords)
            .where(
              and(
                eq(personRecords.districtCode, district),
                inArray(personRecords.institutionId, ids),
                eq(personRecords.kind, 'skill_assessment'),
                inArray(personRecords.grade, ['excellent', 'good', 'passed']),
                gte(personRecords.recordDate, `${year}-01-01`),
                lte(personRecords.recordDate, `${year}-12-31`),
              ),
            ),
        ])
      : [[], [], [], []];

    const rows: FundingRow[] = [];
    for (const k of kgs) {
      const pupils = classes.filter((c) => c.institutionId === k.id).map((c) => c.enrolled);
      const rateRow = rates.find((r) => r.institutionId === k.id);
      const quota = toddlerStaffingQuota(pupils.length, values);
      if (!quota.ok) throw new Error(`staffing quota: ${quota.reason}`);
      // Counted pupils are shown even without a rate (the rate 0 gives the count, never an amount).
      const a = toddlerClassAllotment(
        { perPupilRateFen: rateRow?.perPupilRateFen ?? 0, classPupils: pupils },
        values,
        { floorScope },
      );
      if (!a.ok) throw new Error(`allotment: ${a.reason}`);
      const staff = assigned.filter((s) => s.institutionId === k.id);
      // Each record is a passed assessment; the rule counts each person once, on the pack's list.
      const training = trainingSubsidyCount(
        passed
          .filter((c) => c.institutionId === k.id)
          .map((c) => ({ practitionerId: c.staffId, trainings: [{ kind: c.skill ?? '', passed: true }] })),
        funding.subsidyAssessments ?? [],
      );
      if (!training.ok) throw new Error(`training: ${training.reason}`);
      rows.push({
        institutionId: k.id,
        name: k.name,
        townCode: k.townCode,
        ownership: k.ownership,
        inclusive: k.inclusive,
        toddlerClasses: pupils.length,
        classPupils: pupils,
        actualPupils: a.actualPupils,
        countedPupils: a.countedPupils,
        floorApplied: a.floorApplied,
        rate: rateRow ? toRate(rateRow) : null,
        toddlerRateFen: rateRow ? a.toddlerRateFen : null,
        allotmentFen: rateRow ? a.amountFen : null,
        quotaTeachers: quota.teachers,
        quotaCaregivers: quota.caregivers,
        actualTeachers: staff.filter((s) => TEACHER_POSTS.includes(s.post)).length,
        actualCaregivers: staff.filter((s) => CAREGIVER_POSTS.includes(s.post)).length,
        trainingEligible: training.count,
        taxRelief: k.ownership === 'public' || k.inclusive ? 'exempt' : 'exempt_filed_fees',
      });
    }

    const total = emptyTotals();
    const towns = new Map<string, FundingTotals & { townCode: string }>();
    for (const r of rows) {
      addRow(total, r);
      let town = towns.get(r.townCode);
      if (!town) {
        town = { townCode: r.townCode, ...emptyTotals() };
        towns.set(r.townCode, town);
      }
      addRow(town, r);
    }

    const endYear = src.effectiveTo ? Number(src.effectiveTo.slice(0, 4)) : null;
    return {
      year,
      floorScope,
      settings: set,
      policy: {
        multiplier: funding.toddlerRateMultiplier,
        pupilFloor: funding.pupilFloor,
        teachersPerClass: funding.teachersPerToddlerClass,
        caregiversPerClass: funding.caregiversPerToddlerClass,
        source: {
          packId: src.packId,
          docNumber: src.docNumber,
          article: src.article,
          title: src.title,
          effectiveTo: src.effectiveTo ?? null,
        },
      },
      carriedForward,
      statement: carriedForward
        ? {
            zh: `${year} 年已超出行动计划期（至 ${endYear} 年）。本测算沿用 ${src.title}（${src.docNumber}，规则包 ${src.packId}）${src.article} 的标准：生均定额上浮二分之一、不足 ${funding.pupilFloor} 人按 ${funding.pupilFloor} 人计、每班两教一保。区里出台新文件后应以新文件为准。`,
            en: `${year} lies after the action plan's period (which ended in ${endYear}). This budget carries forward the values of ${src.docNumber} (rule pack ${src.packId}), article 4(2): the per-pupil rate plus one half, fewer than ${funding.pupilFloor} pupils counted as ${funding.pupilFloor}, two teachers and one caregiver per class. A new district document replaces them.`,
          }
        : null,
      training: {
        perPersonFen: null,
        note: {
          zh: '培训费补贴的每人标准未在任何规则包中规定：此处只统计当年在本园鉴定合格（规则包所列项目：保育员、育婴员等）的人数，暂无金额数据源。',
          en: "No rule pack sets a per-person training-fee subsidy: only the people who passed a listed assessment (the rule pack's list: caregiver, infant carer, …) in the year at the kindergarten are counted; no data source for an amount yet.",
        },
      },
      rows,
      missingRates: rows
        .filter((r) => !r.rate)
        .map((r) => ({ institutionId: r.institutionId, name: r.name, townCode: r.townCode })),
      towns: [...towns.values()].sort((a, b) => (a.townCode < b.townCode ? -1 : 1)),
      total,
    };
  }

  /** Enter or change a kindergarten's rate for a year (district officer; audited; stale version 409). */
  async function putRate(
    ctx: RequestContext,
    actor: Actor,
    institutionId: string,
    year: number,
    body: FundingRateBody,
    source: 'entered' | 'imported' = 'entered',
  ): Promise<FundingRate> {
    checkYear(year, ctx.now);
    const fen = body.perPupilRateFen;
    if (typeof fen !== 'number' || !Number.isSafeInteger(fen) || fen < 0 || fen > 2_000_000_000)
      throw fieldError(
        'perPupilRateFen',
        'integer_fen',
        '生均拨款定额须为不小于 0 的整数（单位：分）',
        'The per-pupil rate must be a whole number of fen, 0 or more',
      );
    return db.transaction(async (tx) => {
      const [exists] = await tx
        .select({ id: institutions.id, kind: institutions.kind, name: institutions.name })
        .from(institutions)
        .where(and(scopeWhere(actor, institutionScope), eq(institutions.id, institutionId)));
      if (!exists) throw new DomainError('plan.funding_not_found');
      const [kg] = await kindergartens(actor, tx, institutionId);
      if (!kg)
        throw fieldError(
          'institutionId',
          'kindergarten_with_toddler_classes',
          '只能为在办且设有托班的幼儿园录入生均拨款定额',
          'A rate can only be entered for a kindergarten in service with toddler classes',
        );
      const key = and(
        eq(planFundingRates.districtCode, actor.districtCode),
        eq(planFundingRates.institutionId, institutionId),
        eq(planFundingRates.fiscalYear, year),
      );
      const [current] = await tx.select().from(planFundingRates).where(key).for('update');
      let row: RateRow;
      if (!current) {
        if (body.version !== null) throw new DomainError('conflict.stale_version');
        [row] = (await tx
          .insert(planFundingRates)
          .values({
            districtCode: actor.districtCode,
            institutionId,
            fiscalYear: year,
            perPupilRateFen: fen,
            source,
            updatedBy: actor.username,
            updatedAt: ctx.now,
            version: 1,
          })
          .returning()) as [RateRow];
      } else {
        if (body.version !== current.version) throw new DomainError('conflict.stale_version');
        [row] = (await tx
          .update(planFundingRates)
          .set({
            perPupilRateFen: fen,
            source,
            updatedBy: actor.username,
            updatedAt: ctx.now,
            version: current.version + 1,
          })
          .where(and(key, eq(planFundingRates.version, current.version)))
          .returning()) as [RateRow];
        if (!row) throw new DomainError('conflict.stale_version');
      }
      await recordAudit(tx, ctx, {
        action: 'plan.funding_rate',
        objectType: 'institution',
        objectId: institutionId,
        changes: {
          year,
          perPupilRateFen: { from: current?.perPupilRateFen ?? null, to: fen },
          source,
        },
      });
      return toRate(row);
    });
  }

  /** Set where the floor applies (district officer over the whole district; audited). */
  async function putSettings(
    ctx: RequestContext,
    actor: Actor,
    body: FundingSettingsBody,
  ): Promise<FundingSettings> {
    const s = actor.scope;
    if (s?.kind !== 'division' || s.divisionCode !== actor.districtCode)
      throw new DomainError('plan.funding_district_scope');
    return db.transaction(async (tx) => {
      const [current] = await tx
        .select()
        .from(planFundingSettings)
        .where(eq(planFundingSettings.districtCode, actor.districtCode))
        .for('update');
      if ((current?.version ?? null) !== body.version) throw new DomainError('conflict.stale_version');
      const values = {
        floorScope: body.floorScope,
        updatedBy: actor.username,
        updatedAt: ctx.now,
        version: (current?.version ?? 0) + 1,
      };
      if (current)
        await tx
          .update(planFundingSettings)
          .set(values)
          .where(eq(planFundingSettings.districtCode, actor.districtCode));
      else await tx.insert(planFundingSettings).values({ districtCode: actor.districtCode, ...values });
      await recordAudit(tx, ctx, {
        action: 'plan.funding_settings',
        objectType: 'plan_funding_settings',
        objectId: actor.districtCode,
        changes: { floorScope: { from: current?.floorScope ?? DEFAULT_FLOOR_SCOPE, to: body.floorScope } },
      });
      return settings(actor.districtCode, tx);
    });
  }

  return { budget, compute, checkYear, putRate, putSettings, settings };
}
export type FundingService = ReturnType<typeof createFundingService>;
