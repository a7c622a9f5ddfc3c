/**
 * Funding (issue 13, 青府办发〔2021〕35号 四、(二) 优化经费投入): per fiscal year, each kindergarten
 * with toddler classes gets rate × 3/2 × max(20, toddler pupils) (domain/rules/funding.ts; the floor per
 * kindergarten or per class as the district sets it, default per kindergarten); its staffing quota
 * (两教一保) is compared with the workforce module's class assignments; staff who passed an assessment on
 * the list (保育员、育婴员等) in the year are counted for the training-fee subsidy (no per-person amount exists
 * in any rule pack; a district version may set them); the VAT relief of its care and education is flagged.
 * The values come from the district's funding version in force on 31 December of the year, else from the
 * pack (ADR 0028); the computation itself is domain/plan/funding-values.ts.
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
  type FundingPreview,
  type FundingRate,
  type FundingRateBody,
  type FundingSettings,
  type FundingSettingsBody,
  type FundingVersion,
  type FundingVersionBody,
  type FundingVersionList,
} from '../../../domain/contracts/plan.ts';
import {
  computeFunding,
  type FundingKindergarten,
  type FundingValues,
  fundingDelta,
  packFundingValues,
  validateFundingVersion,
  versionInForce,
} from '../../../domain/plan/funding-values.ts';
import { ALL_PACKS, resolvePolicy } from '../../../domain/policy/index.ts';
import { toddlerClassStaffing } from '../../../domain/workforce/rules.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { localDate } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { DomainError, fieldError, throwIfErrors } from '../../platform/errors.ts';
import { scopeWhere } from '../../platform/guard.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { institutionScope } from '../institutions/repository.ts';
import { institutionClasses, institutions } from '../institutions/tables.ts';
import { computeCompliance } from '../workforce/compliance.ts';
import { classAssignments, employments, personRecords } from '../workforce/tables.ts';
import './errors.ts';
import { shanghaiDate } from './service.ts';
import { planFundingRates, planFundingSettings, planFundingVersions } from './tables.ts';

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

type VersionRow = typeof planFundingVersions.$inferSelect;

function toVersion(r: VersionRow): FundingVersion {
  return {
    id: r.id,
    versionNo: r.versionNo,
    effectiveFrom: r.effectiveFrom,
    citation: {
      issuer: r.citationIssuer,
      docNumber: r.citationDocNumber,
      title: r.citationTitle,
      date: r.citationDate,
    },
    multiplier: { numerator: r.multiplierNumerator, denominator: r.multiplierDenominator },
    pupilFloor: r.pupilFloor,
    teachersPerClass: r.teachersPerClass,
    caregiversPerClass: r.caregiversPerClass,
    trainingSubsidies: r.trainingSubsidies.map((t) => ({ occupation: t.occupation, amountFen: t.amountFen })),
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
  };
}

function versionFundingValues(r: VersionRow): FundingValues {
  return {
    multiplier: { numerator: r.multiplierNumerator, denominator: r.multiplierDenominator },
    pupilFloor: r.pupilFloor,
    teachersPerClass: r.teachersPerClass,
    caregiversPerClass: r.caregiversPerClass,
    trainingSubsidies: r.trainingSubsidies,
  };
}

function bodyValues(b: FundingVersionBody): FundingValues {
  return {
    multiplier: b.multiplier,
    pupilFloor: b.pupilFloor,
    teachersPerClass: b.teachersPerClass,
    caregiversPerClass: b.caregiversPerClass,
    trainingSubsidies: b.trainingSubsidies,
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
  function checkYear(year: number, now: Date, field = 'year'): void {
    const current = Number(shanghaiDate(now).slice(0, 4));
    if (!Number.isInteger(year) || year < FUNDING_FIRST_YEAR || year > current + 1)
      throw fieldError(
        field,
        'out_of_range',
        `财政年度须在 ${FUNDING_FIRST_YEAR}–${current + 1} 之间`,
        `The fiscal year must lie between ${FUNDING_FIRST_YEAR} and ${current + 1}`,
      );
  }

  async function budget(ctx: RequestContext, actor: Actor, year: number): Promise<FundingBudget> {
    checkYear(year, ctx.now);
    return compute(actor, year, db);
  }

  /** The values for a fiscal year: the district version in force on 31 December, else the pack (carried forward). */
  async function valuesFor(districtCode: string, year: number, tx: Db) {
    const policy = fundingPolicyFor(districtCode, year);
    if (!policy) throw new DomainError('plan.funding_no_policy');
    const versions = await listRows(districtCode, tx);
    const version = versionInForce(versions, `${year}-12-31`);
    const values = version
      ? versionFundingValues(version)
      : packFundingValues(policy.resolved.values.funding!);
    return { policy, version, values };
  }

  /** The inputs of the year's computation: kindergartens in scope, classes, rates, staff, passed assessments. */
  async function inputs(actor: Actor, year: number, tx: Db) {
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
          // Passed assessments (workforce's person records), entered for the kindergarten in the year.
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
    return kgs.map((k): FundingKindergarten => {
      const rateRow = rates.find((r) => r.institutionId === k.id);
      const staff = assigned.filter((s) => s.institutionId === k.id);
      return {
        institutionId: k.id,
        name: k.name,
        townCode: k.townCode,
        ownership: k.ownership,
        inclusive: k.inclusive,
        classPupils: classes.filter((c) => c.institutionId === k.id).map((c) => c.enrolled),
        rate: rateRow ? toRate(rateRow) : null,
        actualTeachers: staff.filter((s) => TEACHER_POSTS.includes(s.post)).length,
        actualCaregivers: staff.filter((s) => CAREGIVER_POSTS.includes(s.post)).length,
        passed: passed.filter((c) => c.institutionId === k.id),
      };
    });
  }

  /** The budget of a (checked) year, read through `tx` (the exporter's read-only transaction). */
  async function compute(actor: Actor, year: number, tx: Db): Promise<FundingBudget> {
    const { policy, version, values } = await valuesFor(actor.districtCode, year, tx);
    const { resolved } = policy;
    const carriedForward = policy.carriedForward && !version;
    const src = resolved.sources['funding.toddlerRateMultiplier']!;
    const set = await settings(actor.districtCode, tx);
    const floorScope = set.floorScope;
    const kgs = await inputs(actor, year, tx);
    const { rows, towns, total } = computeFunding(kgs, values, floorScope);

    const endYear = src.effectiveTo ? Number(src.effectiveTo.slice(0, 4)) : null;
    return {
      year,
      floorScope,
      settings: set,
      policy: {
        multiplier: values.multiplier,
        pupilFloor: values.pupilFloor,
        teachersPerClass: values.teachersPerClass,
        caregiversPerClass: values.caregiversPerClass,
        source: {
          packId: src.packId,
          docNumber: src.docNumber,
          article: src.article,
          title: src.title,
          effectiveTo: src.effectiveTo ?? null,
        },
      },
      districtVersion: version ? toVersion(version) : null,
      carriedForward,
      statement: carriedForward
        ? {
            zh: `${year} 年已超出行动计划期（至 ${endYear} 年）。本测算沿用 ${src.title}（${src.docNumber}，规则包 ${src.packId}）${src.article} 的标准：生均定额上浮二分之一、不足 ${values.pupilFloor} 人按 ${values.pupilFloor} 人计、每班两教一保。区里出台新文件后应以新文件为准。`,
            en: `${year} lies after the action plan's period (which ended in ${endYear}). This budget carries forward the values of ${src.docNumber} (rule pack ${src.packId}), article 4(2): the per-pupil rate plus one half, fewer than ${values.pupilFloor} pupils counted as ${values.pupilFloor}, two teachers and one caregiver per class. A new district document replaces them.`,
          }
        : null,
      training: {
        perPersonFen: null,
        subsidies: values.trainingSubsidies.map((t) => ({ ...t })),
        note: version
          ? {
              zh: `培训费补贴按区级经费标准第 ${version.versionNo} 版（${version.citationDocNumber}）所列项目和每人金额计算：当年在本园鉴定合格者，每人每个项目计一次。`,
              en: `The training-fee subsidy follows district funding version ${version.versionNo} (${version.citationDocNumber}): its listed assessments and amount per person, once per person and assessment passed in the year at the kindergarten.`,
            }
          : {
              zh: '培训费补贴的每人标准未在任何规则包中规定：此处只统计当年在本园鉴定合格（规则包所列项目：保育员、育婴员等）的人数；区里可新建经费标准版本录入金额。',
              en: "No rule pack sets a per-person training-fee subsidy: only the people who passed a listed assessment (the rule pack's list: caregiver, infant carer, …) in the year at the kindergarten are counted; the district can add the amounts as a new funding version.",
            },
      },
      rows,
      missingRates: rows
        .filter((r) => !r.rate)
        .map((r) => ({ institutionId: r.institutionId, name: r.name, townCode: r.townCode })),
      towns,
      total,
    };
  }

  /** The district's versions, oldest first. */
  async function listRows(districtCode: string, tx: Db = db): Promise<VersionRow[]> {
    return tx
      .select()
      .from(planFundingVersions)
      .where(eq(planFundingVersions.districtCode, districtCode))
      .orderBy(asc(planFundingVersions.versionNo));
  }

  /** The versions (newest first), the one in force today and the values a new one starts from. */
  async function listVersions(ctx: RequestContext, actor: Actor): Promise<FundingVersionList> {
    const rows = await listRows(actor.districtCode);
    const today = shanghaiDate(ctx.now);
    const current = versionInForce(rows, today);
    const latest = rows[rows.length - 1];
    let template: FundingVersionList['template'];
    if (current) {
      const v = toVersion(current);
      template = {
        multiplier: v.multiplier,
        pupilFloor: v.pupilFloor,
        teachersPerClass: v.teachersPerClass,
        caregiversPerClass: v.caregiversPerClass,
        trainingSubsidies: v.trainingSubsidies,
      };
    } else {
      const policy = fundingPolicyFor(actor.districtCode, Number(today.slice(0, 4)));
      if (!policy) throw new DomainError('plan.funding_no_policy');
      const p = packFundingValues(policy.resolved.values.funding!);
      template = {
        multiplier: p.multiplier,
        pupilFloor: p.pupilFloor,
        teachersPerClass: p.teachersPerClass,
        caregiversPerClass: p.caregiversPerClass,
        trainingSubsidies: p.trainingSubsidies.map((t) => ({ occupation: t.occupation, amountFen: 0 })),
      };
    }
    return {
      items: rows.map(toVersion).reverse(),
      inForce: current?.versionNo ?? null,
      template,
      latest: latest ? { versionNo: latest.versionNo, effectiveFrom: latest.effectiveFrom } : null,
    };
  }

  function checkDistrict(actor: Actor): void {
    const s = actor.scope;
    if (s?.kind !== 'division' || s.divisionCode !== actor.districtCode)
      throw new DomainError('plan.funding_district_scope');
  }

  function validate(body: FundingVersionBody, rows: VersionRow[]): void {
    const latest = rows[rows.length - 1];
    throwIfErrors(validateFundingVersion(body, latest ?? null));
  }

  /** What the proposed version would change in the fiscal year of its effective date (nothing written). */
  async function previewVersion(
    ctx: RequestContext,
    actor: Actor,
    body: FundingVersionBody,
  ): Promise<FundingPreview> {
    checkDistrict(actor);
    const rows = await listRows(actor.districtCode);
    validate(body, rows);
    const year = Number(body.effectiveFrom.slice(0, 4));
    checkYear(year, ctx.now, 'effectiveFrom');
    const { values } = await valuesFor(actor.districtCode, year, db);
    const set = await settings(actor.districtCode);
    const kgs = await inputs(actor, year, db);
    const before = computeFunding(kgs, values, set.floorScope);
    const after = computeFunding(kgs, bodyValues(body), set.floorScope);
    return { ...fundingDelta(year, before, after), staffing: await staffingChanges(ctx, actor, body) };
  }

  /**
   * The toddler classes whose staffing check would change under the proposed per-class staffing, with
   * today's certified staff: the workforce computation once, each toddler class judged again by the same
   * rule (toddlerClassStaffing) with the proposed numbers. Nothing written.
   */
  async function staffingChanges(
    ctx: RequestContext,
    actor: Actor,
    body: FundingVersionBody,
  ): Promise<FundingPreview['staffing']> {
    const proposed = { teachers: body.teachersPerClass, caregivers: body.caregiversPerClass };
    const { classes: now } = await computeCompliance(db, actor, {}, ctx.now);
    const classes = now.flatMap((b) => {
      if (b.rule !== 'two_teachers_one_caregiver') return [];
      const a = toddlerClassStaffing(
        { teachers: b.certifiedTeachers, caregivers: b.certifiedCaregivers },
        proposed,
      );
      if (a.compliant === b.compliant) return [];
      return [
        {
          classId: b.classId,
          className: b.className,
          institutionId: b.institutionId,
          institutionName: b.institutionName,
          townCode: b.townCode,
          certifiedTeachers: b.certifiedTeachers,
          certifiedCaregivers: b.certifiedCaregivers,
          requiredBefore: b.required,
          requiredAfter: a.required,
          compliantBefore: b.compliant,
          compliantAfter: a.compliant,
        },
      ];
    });
    return { asOf: localDate(ctx.now), classes };
  }

  /** Append a version (district-wide officer; audited; the latest read must still be the latest: 409). */
  async function createVersion(
    ctx: RequestContext,
    actor: Actor,
    body: FundingVersionBody,
  ): Promise<FundingVersion> {
    checkDistrict(actor);
    return db.transaction(async (tx) => {
      // One creator at a time per district: the version number and the date order are checked under the lock.
      await tx.execute(
        sql`select pg_advisory_xact_lock(hashtext(${`plan_funding_versions:${actor.districtCode}`}))`,
      );
      const rows = await listRows(actor.districtCode, tx);
      const latest = rows[rows.length - 1];
      if ((latest?.versionNo ?? null) !== body.basedOn) throw new DomainError('conflict.stale_version');
      validate(body, rows);
      checkYear(Number(body.effectiveFrom.slice(0, 4)), ctx.now, 'effectiveFrom');
      const c = body.citation;
      const [row] = (await tx
        .insert(planFundingVersions)
        .values({
          districtCode: actor.districtCode,
          id: uuidv7(ctx.now.getTime()),
          versionNo: (latest?.versionNo ?? 0) + 1,
          effectiveFrom: body.effectiveFrom,
          citationIssuer: c.issuer.trim(),
          citationDocNumber: c.docNumber.trim(),
          citationTitle: c.title.trim(),
          citationDate: c.date,
          multiplierNumerator: body.multiplier.numerator,
          multiplierDenominator: body.multiplier.denominator,
          pupilFloor: body.pupilFloor,
          teachersPerClass: body.teachersPerClass,
          caregiversPerClass: body.caregiversPerClass,
          trainingSubsidies: body.trainingSubsidies.map((t) => ({
            occupation: t.occupation,
            amountFen: t.amountFen,
          })),
          createdBy: actor.username,
          createdAt: ctx.now,
        })
        .returning()) as [VersionRow];
      const v = toVersion(row);
      await recordAudit(tx, ctx, {
        action: 'plan.funding_version',
        objectType: 'plan_funding_version',
        objectId: row.id,
        changes: {
          versionNo: v.versionNo,
          effectiveFrom: v.effectiveFrom,
          citation: v.citation,
          multiplier: v.multiplier,
          pupilFloor: v.pupilFloor,
          teachersPerClass: v.teachersPerClass,
          caregiversPerClass: v.caregiversPerClass,
          trainingSubsidies: v.trainingSubsidies,
        },
      });
      return v;
    });
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
    checkDistrict(actor);
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

  return {
    budget,
    compute,
    checkYear,
    putRate,
    putSettings,
    settings,
    listVersions,
    previewVersion,
    createVersion,
  };
}
export type FundingService = ReturnType<typeof createFundingService>;
