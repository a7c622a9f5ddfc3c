/**
 * Dated entries on a person (issue 9): assessments during work (过程考核), vocational skill assessments,
 * rewards and penalties (奖惩); and the training-fee subsidy list (passed assessments on the rule pack's
 * list, 青府办发〔2021〕35号 四、(二)) with its XLSX export through the kit exporter.
 * An institution admin adds for its own staff, a district officer for anyone; every write is audited.
 * Each entry carries the institution it was entered for, which scopes who else reads it.
 */
import { and, asc, desc, eq, inArray, like, sql } from 'drizzle-orm';
import {
  type CreateRecordBody,
  GRADE_LABELS,
  SKILL_ASSESSMENT_LABELS,
  type SkillAssessment,
  type SubsidyRow,
} from '../../../domain/contracts/workforce.ts';
import { findDivision } from '../../../domain/divisions.ts';
import { validateRecord } from '../../../domain/workforce/records.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { localDate } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { throwIfErrors } from '../../platform/errors.ts';
import type { ExportDefinition } from '../../platform/export.ts';
import { scopeWhere } from '../../platform/guard.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { institutions } from '../institutions/tables.ts';
import { workforcePolicyOn } from './district-values.ts';
import { getStaff } from './repository.ts';
import { assertEditable } from './service.ts';
import { employments, personRecords, staff } from './tables.ts';

const recordScope = {
  district: personRecords.districtCode,
  division: personRecords.townCode,
  institution: personRecords.institutionId,
};

type RecordRow = typeof personRecords.$inferSelect;
const mapRecord = (r: RecordRow) => ({
  id: r.id,
  kind: r.kind,
  date: r.recordDate,
  skill: r.skill,
  grade: r.grade,
  description: r.description,
  decisionRef: r.decisionRef,
  institutionId: r.institutionId,
  enteredAt: r.enteredAt.toISOString(),
});

export function createRecordsService(deps: { db: Db }) {
  const { db } = deps;
  async function list(actor: Actor, staffId: string, tx: Db = db) {
    await getStaff(tx, actor, staffId);
    const rows = await tx
      .select()
      .from(personRecords)
      .where(and(scopeWhere(actor, recordScope), eq(personRecords.staffId, staffId)))
      .orderBy(desc(personRecords.recordDate), asc(personRecords.id));
    return { items: rows.map(mapRecord) };
  }
  return {
    list: (_ctx: RequestContext, actor: Actor, staffId: string) => list(actor, staffId),

    async add(ctx: RequestContext, actor: Actor, staffId: string, body: CreateRecordBody) {
      throwIfErrors(validateRecord(body, localDate(ctx.now)));
      return db.transaction(async (tx) => {
        const person = await getStaff(tx, actor, staffId, true);
        await assertEditable(tx, actor, person);
        // The institution it is entered for: the admin's own; for a district officer the current one.
        const [current] = await tx
          .select({ institutionId: employments.institutionId, townCode: employments.townCode })
          .from(employments)
          .where(
            and(
              scopeWhere(actor, {
                district: employments.districtCode,
                division: employments.townCode,
                institution: employments.institutionId,
              }),
              eq(employments.staffId, staffId),
              eq(employments.status, 'active'),
            ),
          )
          .orderBy(desc(employments.startDate))
          .limit(1);
        const id = uuidv7(ctx.now.getTime());
        await tx.insert(personRecords).values({
          districtCode: person.districtCode,
          id,
          staffId,
          kind: body.kind,
          recordDate: body.date,
          skill: body.skill ?? null,
          grade: body.grade ?? null,
          description: body.description,
          decisionRef: body.decisionRef || null,
          institutionId: current?.institutionId ?? null,
          townCode: current?.townCode ?? null,
          enteredBy: actor.userId,
          enteredAt: ctx.now,
        });
        await recordAudit(tx, ctx, {
          action: 'workforce.record_add',
          objectType: 'workforce_staff',
          objectId: staffId,
          changes: { recordId: id, ...body },
        });
        return list(actor, staffId, tx);
      });
    },
  };
}

// ── training-fee subsidy ─────────────────────────────────────────────────────────────────────────
export interface SubsidyFilters {
  year: number;
  townCode?: string | undefined;
}

function subsidyWhere(actor: Actor, f: SubsidyFilters, listed: readonly string[]) {
  return and(
    scopeWhere(actor, recordScope),
    eq(personRecords.kind, 'skill_assessment'),
    inArray(
      personRecords.skill,
      listed.length ? (listed as SkillAssessment[]) : ['__none__' as SkillAssessment],
    ),
    inArray(personRecords.grade, ['excellent', 'good', 'passed']),
    sql`${personRecords.recordDate} between ${`${f.year}-01-01`} and ${`${f.year}-12-31`}`,
    f.townCode ? like(personRecords.townCode, `${f.townCode}%`) : undefined,
  );
}

/**
 * The list in force at the end of the year asked (or today, for the current year): the district's funding
 * version then in force, else the pack's.
 */
async function listedFor(db: Db, actor: Actor, year: number, today: string) {
  const day = `${year}-12-31` < today ? `${year}-12-31` : today;
  const policy = await workforcePolicyOn(db, actor.districtCode, day);
  return { listed: policy.subsidyAssessments, citation: policy.citations.subsidyAssessments ?? null };
}

async function subsidyRows(
  tx: Db,
  actor: Actor,
  f: SubsidyFilters,
  today: string,
  page?: { offset: number; limit: number },
): Promise<SubsidyRow[]> {
  const { listed } = await listedFor(tx, actor, f.year, today);
  const q = tx
    .select({ r: personRecords, staffName: staff.fullName, institutionName: institutions.name })
    .from(personRecords)
    .innerJoin(
      staff,
      and(eq(staff.districtCode, personRecords.districtCode), eq(staff.id, personRecords.staffId)),
    )
    .leftJoin(
      institutions,
      and(
        eq(institutions.districtCode, personRecords.districtCode),
        eq(institutions.id, personRecords.institutionId),
      ),
    )
    .where(subsidyWhere(actor, f, listed))
    .orderBy(
      asc(personRecords.townCode),
      asc(institutions.name),
      asc(personRecords.recordDate),
      asc(personRecords.id),
    );
  const rows = page ? await q.limit(page.limit).offset(page.offset) : await q;
  return rows.map(({ r, staffName, institutionName }) => ({
    recordId: r.id,
    staffId: r.staffId,
    staffName,
    skill: r.skill!,
    date: r.recordDate,
    grade: r.grade!,
    institutionId: r.institutionId,
    institutionName: institutionName ?? null,
    townCode: r.townCode,
  }));
}

/** The eligibility list of a year (the API answer). */
export async function subsidyList(db: Db, actor: Actor, f: SubsidyFilters, now: Date) {
  const today = localDate(now);
  const { listed, citation } = await listedFor(db, actor, f.year, today);
  return {
    year: f.year,
    assessments: listed as SkillAssessment[],
    citation,
    items: await subsidyRows(db, actor, f, today),
  };
}

export const subsidyExport: ExportDefinition<SubsidyRow, SubsidyFilters & { asOf: string }> = {
  kind: 'workforce.subsidy',
  sheetName: '培训费补贴 Subsidy',
  objectType: 'workforce_subsidy',
  columns: [
    {
      header: '街镇 Town',
      width: 16,
      value: (r) => (r.townCode ? (findDivision(r.townCode)?.nameZh ?? r.townCode) : null),
    },
    { header: '机构 Institution', width: 30, value: (r) => r.institutionName },
    { header: '姓名 Name', width: 14, value: (r) => r.staffName },
    {
      header: '鉴定项目 Assessment',
      width: 18,
      value: (r) => `${SKILL_ASSESSMENT_LABELS[r.skill].zh} ${SKILL_ASSESSMENT_LABELS[r.skill].en}`,
    },
    { header: '鉴定日期 Date', width: 12, value: (r) => r.date },
    {
      header: '结果 Result',
      width: 12,
      value: (r) => `${GRADE_LABELS[r.grade].zh} ${GRADE_LABELS[r.grade].en}`,
    },
  ],
  async count(tx, actor, f) {
    return (await subsidyRows(tx, actor, f, localDate(new Date(f.asOf)))).length;
  },
  rows(tx, actor, f, page) {
    return subsidyRows(tx, actor, f, localDate(new Date(f.asOf)), page);
  },
};
