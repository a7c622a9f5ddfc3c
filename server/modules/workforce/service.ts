/**
 * Workforce service (issue 9): one transaction per write with its audit entry. Hiring screens the
 * person against the lifetime-ban list; a change of the list enqueues the re-screening job.
 */
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { FieldError } from '../../../domain/contracts/common.ts';
import type {
  banListQuery,
  CreateStaffBody,
  createBanBody,
  createCertificateBody,
  createTrainingBody,
  EmploymentInput,
  StaffDetail,
  staffListQuery,
  trainingListQuery,
} from '../../../domain/contracts/workforce.ts';
import {
  CARE_POSTS,
  type IdType,
  type Post,
  type StaffRegistrationBody,
} from '../../../domain/contracts/workforce.ts';
import { normalizeMobile } from '../../../domain/rules/ids.ts';
import { toFieldError } from '../../../domain/rules/reasons.ts';
import { workforcePolicy } from '../../../domain/workforce/policy.ts';
import {
  type Identity,
  isCertified,
  isEthics,
  missingCertificates,
  trainingPace,
  validateCertificateDates,
  validateIdentity,
  validateTrainingHours,
} from '../../../domain/workforce/rules.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { localDate } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { DomainError, fieldError, throwIfErrors } from '../../platform/errors.ts';
import { scopeWhere } from '../../platform/guard.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { Jobs } from '../../platform/jobs/index.ts';
import { notifyRole } from '../../platform/notifications/index.ts';
import { countWhere, paged } from '../../platform/paging.ts';
import { indexCandidates, maskedOf, protect, sealValue } from '../../platform/personal-data.ts';
import { revealValue } from '../../platform/reveal.ts';
import { updateVersioned } from '../../platform/versioned.ts';
import { institutionClasses, institutions } from '../institutions/tables.ts';
import { banHash } from './ban-key.ts';
import { workforcePolicyOn } from './district-values.ts';
import './errors.ts';
import { checkInputErrors, decideHire, reportCheckFound } from './record-checks.ts';
import {
  assignmentsOf,
  attendanceOf,
  bannedOf,
  certificatesOf,
  employmentScope,
  employmentsOf,
  getStaff,
  institutionScopeCols,
  type StaffRow,
  staffVisible,
} from './repository.ts';
import {
  banEntries,
  banMatches,
  certificates,
  classAssignments,
  employments,
  staff,
  trainingAttendance,
  trainingEvents,
} from './tables.ts';

export const RESCREEN_JOB = 'workforce.rescreen';

export interface WorkforceDeps {
  db: Db;
  jobs: Jobs;
}

type Tx = Db;

export function mapEntry(r: typeof banEntries.$inferSelect, matches: number) {
  return {
    id: r.id,
    name: r.fullName,
    role: r.role,
    reason: r.reason,
    reasonCategory: r.reasonCategory,
    decisionRef: r.decisionRef,
    decisionDate: r.decisionDate,
    source: r.source,
    issuingDistrict: r.issuingDistrict ?? r.districtCode,
    relatedEntryId: r.relatedEntryId,
    enteredAt: r.enteredAt.toISOString(),
    liftedAt: r.liftedAt?.toISOString() ?? null,
    liftReason: r.liftReason,
    matches,
  };
}

/** The institution if it lies in the actor's scope. */
async function institutionInScope(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select()
    .from(institutions)
    .where(and(scopeWhere(actor, institutionScopeCols), eq(institutions.id, id)));
  return row;
}

/**
 * The screening query: active ban entries matching a hash (a hire), or every active entry of the
 * district (the staff import reads them once per pass and screens each row against them).
 */
export async function banHits(tx: Tx, districtCode: string, hash?: string) {
  return tx
    .select({ id: banEntries.id, banHash: banEntries.banHash })
    .from(banEntries)
    .where(
      and(
        eq(banEntries.districtCode, districtCode),
        hash === undefined ? undefined : eq(banEntries.banHash, hash),
        isNull(banEntries.liftedAt),
      ),
    );
}

/** The identity and mobile checks of a new person (the single hire and each import row). */
export function checkNewPerson(
  body: Pick<CreateStaffBody, 'idType' | 'idNumber' | 'birthDate' | 'sex' | 'mobile'>,
  today: string,
  startDate: string,
) {
  const idv = validateIdentity(body, today, startDate);
  const errors: FieldError[] = [...idv.errors];
  const mobile = normalizeMobile(body.mobile);
  if (!mobile.ok) errors.push({ ...toFieldError(mobile), field: 'mobile' });
  return { errors, identity: idv.identity, mobile: mobile.ok ? mobile.value : undefined };
}

/**
 * The registered person with this document number, locked, or a new one (sealed ID and mobile, blind
 * index, ban hash; audited `workforce.staff_create`). The same number under another name is a 409.
 */
export async function findOrRegisterPerson(
  tx: Tx,
  ctx: RequestContext,
  actor: Actor,
  body: Omit<CreateStaffBody, 'employment'>,
  identity: Identity,
  mobile: string,
): Promise<StaffRow> {
  const citizen = body.idType === 'citizen_id';
  const kind = citizen ? ('citizen_id' as const) : ('passport' as const);
  const bidxCol = citizen ? staff.idNumberBidx : staff.passportNumberBidx;
  const [existing] = await tx
    .select()
    .from(staff)
    .where(
      and(
        eq(staff.districtCode, actor.districtCode),
        inArray(bidxCol, indexCandidates(kind, identity.idNumber)),
      ),
    )
    .for('update');
  if (existing) {
    if (existing.fullName !== body.name) throw new DomainError('workforce.person_exists');
    return existing;
  }
  const p = protect(kind, identity.idNumber);
  const id = uuidv7(ctx.now.getTime());
  const [inserted] = await tx
    .insert(staff)
    .values({
      districtCode: actor.districtCode,
      id,
      fullName: body.name,
      idType: body.idType,
      idNumber: citizen ? p.sealed : null,
      idNumberBidx: citizen ? p.index : null,
      passportNumber: citizen ? null : p.sealed,
      passportNumberBidx: citizen ? null : p.index,
      banHash: banHash(body.idType, identity.idNumber),
      birthDate: identity.birthDate,
      sex: identity.sex,
      nationality: body.nationality ?? null,
      mobile: sealValue('phone', mobile),
      education: body.education,
      managementYears: body.managementYears ?? null,
      ...registrationColumns(body),
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  await recordAudit(tx, ctx, {
    action: 'workforce.staff_create',
    objectType: 'workforce_staff',
    objectId: id,
    changes: { ...body, name: undefined, fullName: body.name, employment: undefined },
  });
  return inserted!;
}

/**
 * A hire that matched the lifetime-ban list: the matches recorded against the registered person (if
 * any — a staff-import row that matched writes no person) and the district's officers told at once.
 */
export async function reportBanMatch(
  tx: Tx,
  ctx: RequestContext,
  m: {
    districtCode: string;
    staffId: string | null;
    banEntryIds: string[];
    institutionName: string;
    dedupeKey: string;
  },
) {
  const { staffId } = m;
  if (staffId && m.banEntryIds.length)
    await tx
      .insert(banMatches)
      .values(
        m.banEntryIds.map((banEntryId) => ({
          districtCode: m.districtCode,
          staffId,
          banEntryId,
          source: 'hire' as const,
          detectedAt: ctx.now,
        })),
      )
      .onConflictDoNothing();
  await notifyRole(
    tx,
    { districtCode: m.districtCode, role: 'district_officer' },
    {
      kind: 'workforce.ban_match',
      titleZh: '入职筛查命中终身禁入名单',
      titleEn: 'A hire matched the lifetime ban list',
      bodyZh: `${m.institutionName} 录用的一名人员命中终身禁入名单，任职已被拦截。`,
      bodyEn: `A person hired by ${m.institutionName} matched the lifetime ban list; the employment was blocked.`,
      link: staffId ? `/admin/workforce/staff/${staffId}` : '/admin/workforce/bans',
      dedupeKey: m.dedupeKey,
    },
    { now: ctx.now },
  );
}

/**
 * Insert an employment after the checks: screening (a match blocks it, records the match and tells the
 * district officers); the pre-hire record checks (入职查询: the input's checks recorded, then the
 * person's checks on record decide — missing, too old or after the start is a 400 naming
 * `checksField` and the caller's transaction writes nothing; a record found blocks the employment and
 * tells the district officers); one active care post (409, naming the other institution if the caller
 * sees it).
 */
export async function hire(
  tx: Tx,
  ctx: RequestContext,
  actor: Actor,
  person: StaffRow,
  input: EmploymentInput,
  inst: typeof institutions.$inferSelect,
  checksField = 'checks',
): Promise<{ employmentId: string; blocked: boolean; blockedBy: 'ban' | 'record_check' | null }> {
  const care = CARE_POSTS.includes(input.post);
  const hits = await banHits(tx, person.districtCode, person.banHash);
  const id = uuidv7(ctx.now.getTime());
  const decision = await decideHire(
    tx,
    ctx,
    {
      districtCode: person.districtCode,
      staffId: person.id,
      institutionId: inst.id,
      startDate: input.startDate,
    },
    input.checks,
    checksField,
    hits.length === 0,
  );
  const found = !decision.ok && decision.found ? decision.foundKinds : [];
  if (!hits.length && !found.length && care) {
    const [other] = await tx
      .select({ id: employments.id, institutionId: employments.institutionId, name: institutions.name })
      .from(employments)
      .innerJoin(
        institutions,
        and(
          eq(institutions.districtCode, employments.districtCode),
          eq(institutions.id, employments.institutionId),
        ),
      )
      .where(
        and(
          eq(employments.districtCode, person.districtCode),
          eq(employments.staffId, person.id),
          eq(employments.status, 'active'),
          eq(employments.care, true),
        ),
      );
    if (other) {
      const visible = await institutionInScope(tx, actor, other.institutionId);
      throw new DomainError(
        'workforce.already_employed',
        visible ? { detailZh: `（${other.name}）`, detailEn: ` (${other.name})` } : {},
      );
    }
  }
  const blockedBy = hits.length > 0 ? ('ban' as const) : found.length ? ('record_check' as const) : null;
  const blocked = blockedBy !== null;
  await tx.insert(employments).values({
    districtCode: person.districtCode,
    id,
    staffId: person.id,
    institutionId: inst.id,
    townCode: inst.townCode,
    post: input.post,
    care,
    startDate: input.startDate,
    endDate: null,
    labourContract: input.labourContract,
    socialInsurance: input.socialInsurance,
    status: blocked ? 'blocked' : 'active',
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  await recordAudit(tx, ctx, {
    action: blocked ? 'workforce.hire_blocked' : 'workforce.hire',
    objectType: 'workforce_staff',
    objectId: person.id,
    changes: {
      employmentId: id,
      institutionId: inst.id,
      post: input.post,
      startDate: input.startDate,
      ...(blockedBy ? { blockedBy } : {}),
      ...(found.length ? { recordFound: found } : {}),
    },
    ...(blocked ? { result: 'denied' as const } : {}),
  });
  if (hits.length)
    await reportBanMatch(tx, ctx, {
      districtCode: person.districtCode,
      staffId: person.id,
      banEntryIds: hits.map((h) => h.id),
      institutionName: inst.name,
      dedupeKey: `ban-match:${person.id}:${id}`,
    });
  if (found.length)
    await reportCheckFound(tx, ctx, {
      districtCode: person.districtCode,
      staffId: person.id,
      kinds: found,
      institutionName: inst.name,
      dedupeKey: `record-check-found:${person.id}:${id}`,
    });
  return { employmentId: id, blocked, blockedBy };
}

/** After the hire's transaction committed the blocked employment and told the officers: the caller's 409. */
function throwIfBlocked(blockedBy: 'ban' | 'record_check' | null, checksField: string) {
  if (blockedBy === 'ban') throw new DomainError('workforce.banned');
  if (blockedBy === 'record_check')
    throw new DomainError('workforce.record_check_found', {
      errors: [
        {
          field: checksField,
          rule: 'record_check_found',
          message_zh: '入职查询结果为有记录，不得录用；已通知区级主管部门',
          message_en:
            'A pre-hire record check found a record; the person cannot be hired. The district officers have been told',
        },
      ],
    });
}

export function createWorkforceService(deps: WorkforceDeps) {
  const { db, jobs } = deps;

  async function detail(ctx: RequestContext, actor: Actor, id: string, tx: Db = db): Promise<StaffDetail> {
    const row = await getStaff(tx, actor, id);
    const today = localDate(ctx.now);
    // The district's own plan and funding version apply to the training targets shown.
    const policy = await workforcePolicyOn(tx, actor.districtCode, today);
    const emps = await employmentsOf(tx, actor, [row.id]);
    const assigned = await assignmentsOf(
      tx,
      row.districtCode,
      emps.map((e) => e.e.id),
    );
    const certs = await certificatesOf(tx, row.districtCode, [row.id]);
    const banned = (await bannedOf(tx, row.districtCode, [row.id])).has(row.id);
    const year = Number(today.slice(0, 4));
    const att = await attendanceOf(tx, row.districtCode, [row.id], year);
    const current = [...emps].reverse().find((e) => e.e.status === 'active') ?? emps.at(-1);
    const post = current?.e.post ?? null;
    const ethics = att.filter((a) => isEthics(a.category)).reduce((s, a) => s + a.hours, 0);
    const skills = att.filter((a) => !isEthics(a.category)).reduce((s, a) => s + a.hours, 0);
    const targets = { ethics: policy.ethicsHours ?? 0, skills: policy.skillsHours ?? 0 };
    const pace = trainingPace({ ethics, skills }, targets, year, today);
    return {
      ...summaryOf(row, current ?? null, certs, banned, today, policy.postCertificates),
      nationality: row.nationality,
      managementYears: row.managementYears,
      registrationNumber: row.registrationNumber,
      registrationDate: row.registrationDate,
      registrationIssuer: row.registrationIssuer,
      employments: emps.map(({ e, institutionName }) => ({
        id: e.id,
        institutionId: e.institutionId,
        institutionName,
        townCode: e.townCode,
        post: e.post,
        startDate: e.startDate,
        endDate: e.endDate,
        labourContract: e.labourContract,
        socialInsurance: e.socialInsurance,
        status: e.status,
        classes: assigned
          .filter((a) => a.employmentId === e.id)
          .map((a) => ({ id: a.classId, name: a.name })),
        version: e.version,
      })),
      certificates: certs.map((c) => ({
        id: c.id,
        type: c.type,
        number: c.number,
        issuer: c.issuer,
        issuedOn: c.issuedOn,
        expiresOn: c.expiresOn,
        valid: c.issuedOn <= today && (c.expiresOn === null || c.expiresOn >= today),
        fileId: c.fileId,
      })),
      missingCertificates: post ? missingCertificates(post, certs, today, policy.postCertificates) : [],
      training: {
        year,
        ethicsHours: ethics,
        skillsHours: skills,
        ethicsTarget: targets.ethics,
        skillsTarget: targets.skills,
        ethicsExpected: pace.ethicsExpected,
        skillsExpected: pace.skillsExpected,
        pace: pace.pace,
      },
      attendance: att.map((a) => ({
        eventId: a.eventId,
        title: a.title,
        category: a.category,
        startDate: a.startDate,
        hours: a.hours,
      })),
      version: row.version,
    };
  }

  return {
    detail,

    async list(ctx: RequestContext, actor: Actor, q: z.infer<typeof staffListQuery>) {
      const today = localDate(ctx.now);
      const policy = workforcePolicy(actor.districtCode, today);
      const empFilter =
        q.institutionId || q.post || q.townCode
          ? sql`exists (select 1 from ${employments} where ${employments.districtCode} = ${staff.districtCode} and ${employments.staffId} = ${staff.id} and ${employments.status} = 'active' and ${scopeWhere(actor, employmentScope)}${q.institutionId ? sql` and ${employments.institutionId} = ${q.institutionId}` : sql``}${q.post ? sql` and ${employments.post} = ${q.post}` : sql``}${q.townCode ? sql` and ${employments.townCode} = ${q.townCode}` : sql``})`
          : undefined;
      const where = and(
        eq(staff.districtCode, actor.districtCode),
        staffVisible(actor),
        empFilter,
        q.q ? sql`${staff.fullName} like ${`%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}` : undefined,
      );
      const page = await paged(q, {
        rows: (limit, offset) =>
          db
            .select()
            .from(staff)
            .where(where)
            .orderBy(asc(staff.fullName), asc(staff.id))
            .limit(limit)
            .offset(offset),
        count: () => countWhere(db, staff, where),
      });
      const ids = page.items.map((r) => r.id);
      const emps = await employmentsOf(db, actor, ids);
      const certs = await certificatesOf(db, actor.districtCode, ids);
      const banned = await bannedOf(db, actor.districtCode, ids);
      return {
        ...page,
        items: page.items.map((r) => {
          const mine = emps.filter((e) => e.e.staffId === r.id);
          const current = [...mine].reverse().find((e) => e.e.status === 'active') ?? mine.at(-1) ?? null;
          return summaryOf(
            r,
            current,
            certs.filter((c) => c.staffId === r.id),
            banned.has(r.id),
            today,
            policy.postCertificates,
          );
        }),
      };
    },

    async create(ctx: RequestContext, actor: Actor, body: CreateStaffBody) {
      const checked = checkNewPerson(body, localDate(ctx.now), body.employment.startDate);
      const errors = checked.errors;
      errors.push(...checkInputErrors(body.employment.checks, localDate(ctx.now), 'employment.checks'));
      const inst = await institutionInScope(db, actor, body.employment.institutionId);
      if (!inst)
        errors.push({
          field: 'employment.institutionId',
          rule: 'out_of_scope',
          message_zh: '机构不存在或不在您的管辖范围内',
          message_en: 'The institution does not exist or is outside your scope',
        });
      throwIfErrors(errors);
      const { employment, ...person } = body;
      const result = await db.transaction(async (tx) => {
        const row = await findOrRegisterPerson(tx, ctx, actor, person, checked.identity!, checked.mobile!);
        const hired = await hire(tx, ctx, actor, row, employment, inst!, 'employment.checks');
        return { id: row.id, ...hired };
      });
      throwIfBlocked(result.blockedBy, 'employment.checks');
      return detail(ctx, actor, result.id);
    },

    async addEmployment(ctx: RequestContext, actor: Actor, staffId: string, input: EmploymentInput) {
      const inst = await institutionInScope(db, actor, input.institutionId);
      if (!inst)
        throw fieldError(
          'institutionId',
          'out_of_scope',
          '机构不存在或不在您的管辖范围内',
          'The institution does not exist or is outside your scope',
        );
      const blocked = await db.transaction(async (tx) => {
        const person = await getStaff(tx, actor, staffId, true);
        const idv = validateIdentity(
          { idType: 'passport', idNumber: 'XXXXX', birthDate: person.birthDate, sex: person.sex },
          localDate(ctx.now),
          input.startDate,
        );
        throwIfErrors([
          ...idv.errors.map((e) => ({ ...e, field: 'startDate' })),
          ...checkInputErrors(input.checks, localDate(ctx.now), 'checks'),
        ]);
        return (await hire(tx, ctx, actor, person, input, inst, 'checks')).blockedBy;
      });
      throwIfBlocked(blocked, 'checks');
      return detail(ctx, actor, staffId);
    },

    async endEmployment(
      ctx: RequestContext,
      actor: Actor,
      staffId: string,
      employmentId: string,
      body: { endDate: string; version: number },
    ) {
      await db.transaction(async (tx) => {
        const e = await employmentInScope(tx, actor, staffId, employmentId);
        if (e.status !== 'active') throw new DomainError('workforce.employment_not_active');
        if (body.endDate < e.startDate)
          throw fieldError(
            'endDate',
            'range_reversed',
            '离职日期早于入职日期',
            'The end date is before the start date',
          );
        await updateVersioned(
          tx,
          employments,
          e,
          body.version,
          { status: 'ended', endDate: body.endDate },
          ctx.now,
        );
        await tx
          .delete(classAssignments)
          .where(
            and(eq(classAssignments.districtCode, e.districtCode), eq(classAssignments.employmentId, e.id)),
          );
        await recordAudit(tx, ctx, {
          action: 'workforce.employment_end',
          objectType: 'workforce_staff',
          objectId: staffId,
          changes: { employmentId, endDate: body.endDate },
        });
      });
      return detail(ctx, actor, staffId);
    },

    async assignClasses(
      ctx: RequestContext,
      actor: Actor,
      staffId: string,
      employmentId: string,
      body: { classIds: string[]; version: number },
    ) {
      await db.transaction(async (tx) => {
        const e = await employmentInScope(tx, actor, staffId, employmentId);
        if (e.status !== 'active') throw new DomainError('workforce.employment_not_active');
        const ids = [...new Set(body.classIds)];
        const cls = ids.length
          ? await tx
              .select({ id: institutionClasses.id })
              .from(institutionClasses)
              .where(
                and(
                  eq(institutionClasses.districtCode, e.districtCode),
                  eq(institutionClasses.institutionId, e.institutionId),
                  inArray(institutionClasses.id, ids),
                ),
              )
          : [];
        if (cls.length !== ids.length)
          throw fieldError(
            'classIds',
            'not_in_institution',
            '班级不属于该机构',
            'A class is not a class of this institution',
          );
        await updateVersioned(tx, employments, e, body.version, {}, ctx.now);
        await tx
          .delete(classAssignments)
          .where(
            and(eq(classAssignments.districtCode, e.districtCode), eq(classAssignments.employmentId, e.id)),
          );
        if (ids.length)
          await tx.insert(classAssignments).values(
            ids.map((classId) => ({
              districtCode: e.districtCode,
              employmentId: e.id,
              classId,
              institutionId: e.institutionId,
              createdAt: ctx.now,
            })),
          );
        await recordAudit(tx, ctx, {
          action: 'workforce.assign_classes',
          objectType: 'workforce_staff',
          objectId: staffId,
          changes: { employmentId, classIds: ids },
        });
      });
      return detail(ctx, actor, staffId);
    },

    /** The 托育师 registration fields as they should stand (draft law: shape only), audited. */
    async setRegistration(ctx: RequestContext, actor: Actor, staffId: string, body: StaffRegistrationBody) {
      await db.transaction(async (tx) => {
        const person = await getStaff(tx, actor, staffId, true);
        await assertEditable(tx, actor, person);
        const set = registrationColumns(body);
        await tx
          .update(staff)
          .set({ ...set, updatedAt: ctx.now, version: person.version + 1 })
          .where(and(eq(staff.districtCode, person.districtCode), eq(staff.id, person.id)));
        await recordAudit(tx, ctx, {
          action: 'workforce.staff_registration',
          objectType: 'workforce_staff',
          objectId: staffId,
          changes: set,
        });
      });
      return detail(ctx, actor, staffId);
    },

    async addCertificate(
      ctx: RequestContext,
      actor: Actor,
      staffId: string,
      body: z.infer<typeof createCertificateBody>,
    ) {
      throwIfErrors(validateCertificateDates(body.issuedOn, body.expiresOn, localDate(ctx.now)));
      await db.transaction(async (tx) => {
        const person = await getStaff(tx, actor, staffId, true);
        // Only the people the caller employs (or the district) may be given certificates.
        await assertEditable(tx, actor, person);
        const id = uuidv7(ctx.now.getTime());
        await tx.insert(certificates).values({
          districtCode: person.districtCode,
          id,
          staffId: person.id,
          type: body.type,
          number: body.number,
          issuer: body.issuer,
          issuedOn: body.issuedOn,
          expiresOn: body.expiresOn ?? null,
          fileId: null,
          createdAt: ctx.now,
        });
        await recordAudit(tx, ctx, {
          action: 'workforce.certificate_add',
          objectType: 'workforce_staff',
          objectId: staffId,
          changes: { certificateId: id, ...body },
        });
      });
      return detail(ctx, actor, staffId);
    },

    async reveal(
      ctx: RequestContext,
      actor: Actor,
      staffId: string,
      body: { field: 'idNumber' | 'mobile'; purpose: string },
    ) {
      return db.transaction(async (tx) => {
        const person = await getStaff(tx, actor, staffId);
        if (body.field === 'mobile')
          return revealValue(tx, ctx, {
            objectType: 'workforce_staff',
            objectId: staffId,
            field: 'mobile',
            kind: 'phone',
            sealed: person.mobile,
            purpose: body.purpose,
          });
        const citizen = person.idType === 'citizen_id';
        return revealValue(tx, ctx, {
          objectType: 'workforce_staff',
          objectId: staffId,
          field: 'idNumber',
          kind: citizen ? 'citizen_id' : 'passport',
          sealed: citizen ? person.idNumber : person.passportNumber,
          purpose: body.purpose,
        });
      });
    },

    // ── ban list ──
    async listBans(_ctx: RequestContext, actor: Actor, q: z.infer<typeof banListQuery>) {
      const where = and(
        scopeWhere(actor, { district: banEntries.districtCode }),
        q.lifted === 'true'
          ? isNotNull(banEntries.liftedAt)
          : q.lifted === 'false'
            ? isNull(banEntries.liftedAt)
            : undefined,
      );
      const page = await paged(q, {
        rows: (limit, offset) =>
          db
            .select()
            .from(banEntries)
            .where(where)
            .orderBy(desc(banEntries.enteredAt), asc(banEntries.id))
            .limit(limit)
            .offset(offset),
        count: () => countWhere(db, banEntries, where),
      });
      const ids = page.items.map((r) => r.id);
      const counts = ids.length
        ? await db
            .select({ id: banMatches.banEntryId, n: count() })
            .from(banMatches)
            .where(and(eq(banMatches.districtCode, actor.districtCode), inArray(banMatches.banEntryId, ids)))
            .groupBy(banMatches.banEntryId)
        : [];
      return {
        ...page,
        items: page.items.map((r) => mapEntry(r, counts.find((c) => c.id === r.id)?.n ?? 0)),
      };
    },

    async createBan(ctx: RequestContext, actor: Actor, body: z.infer<typeof createBanBody>) {
      const today = localDate(ctx.now);
      const errors: FieldError[] = [];
      const people = [body.person, ...body.managers].map((p, i) => {
        const v = validateIdentity(
          { idType: p.idType, idNumber: p.idNumber, birthDate: '1900-01-01', sex: 'male' },
          today,
          undefined,
          i === 0 ? 'person.' : `managers.${i - 1}.`,
        );
        errors.push(...v.errors);
        return { ...p, number: v.identity?.idNumber ?? '' };
      });
      if (body.decisionDate > today)
        errors.push({
          field: 'decisionDate',
          rule: 'in_future',
          message_zh: '决定日期不能晚于今天',
          message_en: 'The decision date cannot be in the future',
        });
      throwIfErrors(errors);
      return db.transaction(async (tx) => {
        const rows: (typeof banEntries.$inferInsert)[] = [];
        const mainId = uuidv7(ctx.now.getTime());
        people.forEach((p, i) => {
          rows.push({
            districtCode: actor.districtCode,
            id: i === 0 ? mainId : uuidv7(ctx.now.getTime()),
            banHash: banHash(p.idType, p.number),
            fullName: p.name,
            role: i === 0 ? 'perpetrator' : 'direct_manager',
            relatedEntryId: i === 0 ? null : mainId,
            reason: body.reason,
            reasonCategory: body.reasonCategory,
            decisionRef: body.decisionRef,
            decisionDate: body.decisionDate,
            source: 'local',
            enteredBy: actor.userId,
            enteredAt: ctx.now,
          });
        });
        const inserted = await tx.insert(banEntries).values(rows).returning();
        for (const r of inserted)
          await recordAudit(tx, ctx, {
            action: 'workforce.ban_add',
            objectType: 'workforce_ban_entry',
            objectId: r.id,
            changes: {
              name: r.fullName,
              role: r.role,
              reason: r.reason,
              reasonCategory: r.reasonCategory,
              decisionRef: r.decisionRef,
              decisionDate: r.decisionDate,
            },
          });
        const rescreenJobId = await jobs.enqueue(tx, {
          districtCode: actor.districtCode,
          kind: RESCREEN_JOB,
          payload: { reason: `ban_add:${mainId}` },
          idempotencyKey: `ban-change:${mainId}`,
          createdBy: actor.userId,
        });
        return { entries: inserted.map((r) => mapEntry(r, 0)), rescreenJobId };
      });
    },

    async liftBan(ctx: RequestContext, actor: Actor, id: string, body: { reason: string }) {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .select()
          .from(banEntries)
          .where(and(scopeWhere(actor, { district: banEntries.districtCode }), eq(banEntries.id, id)))
          .for('update');
        if (!row) throw new DomainError('not_found');
        if (row.liftedAt) throw new DomainError('workforce.ban_lifted');
        const [next] = await tx
          .update(banEntries)
          .set({ liftedAt: ctx.now, liftedBy: actor.userId, liftReason: body.reason })
          .where(and(eq(banEntries.districtCode, row.districtCode), eq(banEntries.id, id)))
          .returning();
        await recordAudit(tx, ctx, {
          action: 'workforce.ban_lift',
          objectType: 'workforce_ban_entry',
          objectId: id,
          changes: { reason: body.reason },
        });
        await jobs.enqueue(tx, {
          districtCode: actor.districtCode,
          kind: RESCREEN_JOB,
          payload: { reason: `ban_lift:${id}` },
          idempotencyKey: `ban-change:lift:${id}`,
          createdBy: actor.userId,
        });
        return mapEntry(next!, 0);
      });
    },

    // ── training ──
    async listTrainings(ctx: RequestContext, actor: Actor, q: z.infer<typeof trainingListQuery>) {
      const year = q.year ?? Number(localDate(ctx.now).slice(0, 4));
      const where = and(
        trainingScope(actor),
        sql`${trainingEvents.startDate} between ${`${year}-01-01`} and ${`${year}-12-31`}`,
        q.districtLevel ? eq(trainingEvents.districtLevel, q.districtLevel === 'true') : undefined,
      );
      const page = await paged(q, {
        rows: (limit, offset) =>
          db
            .select()
            .from(trainingEvents)
            .where(where)
            .orderBy(desc(trainingEvents.startDate), asc(trainingEvents.id))
            .limit(limit)
            .offset(offset),
        count: () => countWhere(db, trainingEvents, where),
      });
      const ids = page.items.map((r) => r.id);
      const counts = ids.length
        ? await db
            .select({ id: trainingAttendance.eventId, n: count() })
            .from(trainingAttendance)
            .where(
              and(
                eq(trainingAttendance.districtCode, actor.districtCode),
                inArray(trainingAttendance.eventId, ids),
              ),
            )
            .groupBy(trainingAttendance.eventId)
        : [];
      return {
        ...page,
        items: page.items.map((r) => toTraining(r, counts.find((c) => c.id === r.id)?.n ?? 0)),
      };
    },

    async createTraining(ctx: RequestContext, actor: Actor, body: z.infer<typeof createTrainingBody>) {
      throwIfErrors(validateTrainingHours(body.hours, body.startDate, body.endDate));
      const institutionId = actor.scope?.kind === 'institution' ? actor.scope.institutionId : null;
      if (institutionId && body.districtLevel)
        throw fieldError(
          'districtLevel',
          'district_only',
          '只有区级部门可登记区级专业培训',
          'Only the district records district professional trainings',
        );
      return db.transaction(async (tx) => {
        const id = uuidv7(ctx.now.getTime());
        const [row] = await tx
          .insert(trainingEvents)
          .values({
            districtCode: actor.districtCode,
            id,
            ...body,
            institutionId,
            createdBy: actor.userId,
            createdAt: ctx.now,
          })
          .returning();
        await recordAudit(tx, ctx, {
          action: 'workforce.training_create',
          objectType: 'workforce_training',
          objectId: id,
          changes: body,
        });
        return toTraining(row!, 0);
      });
    },

    async addAttendance(
      ctx: RequestContext,
      actor: Actor,
      eventId: string,
      body: { staffIds: string[]; hours?: number | undefined },
    ) {
      return db.transaction(async (tx) => {
        const [event] = await tx
          .select()
          .from(trainingEvents)
          .where(and(trainingScope(actor), eq(trainingEvents.id, eventId)));
        if (!event) throw new DomainError('not_found');
        const hours = body.hours ?? event.hours;
        throwIfErrors(validateTrainingHours(hours, event.startDate, event.endDate));
        if (hours > event.hours)
          throw fieldError(
            'hours',
            'more_than_event',
            '计入课时不能超过培训课时',
            'Credited hours cannot exceed the training hours',
          );
        const ids = [...new Set(body.staffIds)];
        const visible = await tx
          .select({ id: staff.id })
          .from(staff)
          .where(
            and(eq(staff.districtCode, actor.districtCode), inArray(staff.id, ids), staffVisible(actor)),
          );
        if (visible.length !== ids.length)
          throw fieldError(
            'staffIds',
            'out_of_scope',
            '有人员不存在或不在您的管辖范围内',
            'A person does not exist or is outside your scope',
          );
        const added = await tx
          .insert(trainingAttendance)
          .values(
            ids.map((staffId) => ({
              districtCode: actor.districtCode,
              eventId,
              staffId,
              hours,
              createdAt: ctx.now,
            })),
          )
          .onConflictDoNothing()
          .returning({ staffId: trainingAttendance.staffId });
        await recordAudit(tx, ctx, {
          action: 'workforce.attendance_add',
          objectType: 'workforce_training',
          objectId: eventId,
          changes: { staffIds: added.map((a) => a.staffId), hours },
        });
        return { added: added.length };
      });
    },
  };
}

/** Trainings an actor sees: the district's own (institution id empty) and those of institutions in scope. */
export function trainingScope(actor: Actor) {
  return and(
    eq(trainingEvents.districtCode, actor.districtCode),
    actor.scope?.kind === 'institution'
      ? sql`(${trainingEvents.institutionId} is null or ${trainingEvents.institutionId} = ${actor.scope.institutionId})`
      : actor.scope?.kind === 'division'
        ? sql`true`
        : sql`false`,
  );
}

function toTraining(r: typeof trainingEvents.$inferSelect, attendees: number) {
  return {
    id: r.id,
    title: r.title,
    organiser: r.organiser,
    category: r.category,
    startDate: r.startDate,
    endDate: r.endDate,
    hours: r.hours,
    districtLevel: r.districtLevel,
    attendees,
  };
}

/** The employment of a person, in the actor's scope (404 otherwise), locked. */
async function employmentInScope(tx: Db, actor: Actor, staffId: string, employmentId: string) {
  const [e] = await tx
    .select()
    .from(employments)
    .where(
      and(
        scopeWhere(actor, employmentScope),
        eq(employments.staffId, staffId),
        eq(employments.id, employmentId),
      ),
    )
    .for('update');
  if (!e) throw new DomainError('not_found');
  return e;
}

/** A town officer reads; a district officer or the employing institution's admin edits. */
export async function assertEditable(tx: Db, actor: Actor, person: StaffRow) {
  if (actor.scope?.kind === 'division' && actor.scope.divisionCode === actor.districtCode) return;
  const [e] = await tx
    .select({ id: employments.id })
    .from(employments)
    .where(
      and(
        scopeWhere(actor, employmentScope),
        eq(employments.staffId, person.id),
        eq(employments.status, 'active'),
      ),
    );
  if (!e) throw new DomainError('not_found');
}

function summaryOf(
  r: StaffRow,
  current: { e: typeof employments.$inferSelect; institutionName: string } | null,
  certs: readonly (typeof certificates.$inferSelect)[],
  banned: boolean,
  today: string,
  postCertificates: Record<string, string[][]>,
) {
  const post: Post | null = current?.e.post ?? null;
  const citizen = r.idType === 'citizen_id';
  return {
    id: r.id,
    name: r.fullName,
    idType: r.idType as IdType,
    idNumber: citizen ? maskedOf('citizen_id', r.idNumber) : maskedOf('passport', r.passportNumber),
    mobile: maskedOf('phone', r.mobile),
    sex: r.sex,
    birthDate: r.birthDate,
    education: r.education,
    post,
    institutionId: current?.e.institutionId ?? null,
    institutionName: current?.institutionName ?? null,
    certified: post ? isCertified(post, certs, today, postCertificates) : false,
    banned,
  };
}

/** Re-screen every active employment against the list (the job's body; also the bench's subject). */
export async function rescreen(
  db: Db,
  districtCode: string,
  now: Date,
  audit?: (
    tx: Db,
    event: { action: string; objectType: string; objectId: string; changes: Record<string, unknown> },
  ) => Promise<void>,
) {
  return db.transaction(async (tx) => {
    // One statement: the hash join first (materialised: it is small), the employment check on its few
    // rows only, the new matches recorded, and the matched people's active employments blocked.
    const found = await tx.execute(sql`
      with hits as materialized (
        select s.district_code, s.id as staff_id, b.id as ban_entry_id
          from ${staff} s
          join ${banEntries} b on b.district_code = s.district_code and b.ban_hash = s.ban_hash and b.lifted_at is null
         where s.district_code = ${districtCode}),
      ins as (
        insert into ${banMatches} (district_code, staff_id, ban_entry_id, source, detected_at)
        select h.district_code, h.staff_id, h.ban_entry_id, 'rescreen', ${now.toISOString()}::timestamptz
          from hits h
         -- A scalar subquery (not EXISTS): the planner expects thousands of hits and would hash-join the
         -- whole district's employments; it is run for the few hits only, on the (district, staff) index.
         where (select true from ${employments} e where e.district_code = h.district_code and e.staff_id = h.staff_id and e.status = 'active' limit 1)
        on conflict do nothing
        returning staff_id),
      blk as (
        -- = ANY of one array (an InitPlan): an index scan on (district, staff), not a hash of the district.
        update ${employments} e set status = 'blocked', updated_at = ${now.toISOString()}::timestamptz, version = e.version + 1
         where e.district_code = ${districtCode} and e.status = 'active'
           and e.staff_id = any((select array_agg(staff_id) from ins)::uuid[])
        returning e.id, e.institution_id)
      select 'match' as kind, staff_id::text as a, null::text as b from ins
      union all
      select 'blocked', id::text, institution_id::text from blk`);
    const rows = (found as unknown as { rows: { kind: string; a: string; b: string | null }[] }).rows;
    const staffIds = [...new Set(rows.filter((r) => r.kind === 'match').map((r) => r.a))];
    const blocked = rows.filter((r) => r.kind === 'blocked').map((r) => ({ id: r.a, institutionId: r.b! }));
    if (staffIds.length) {
      await notifyRole(
        tx,
        { districtCode, role: 'district_officer' },
        {
          kind: 'workforce.ban_match',
          titleZh: `名单复查：${staffIds.length} 名在职人员命中终身禁入名单`,
          titleEn: `Re-screening: ${staffIds.length} employed people matched the lifetime ban list`,
          bodyZh: `复查发现 ${staffIds.length} 人命中名单，${blocked.length} 项任职已被拦截。`,
          bodyEn: `${staffIds.length} people matched the list; ${blocked.length} employments were blocked.`,
          link: '/admin/workforce/bans',
          dedupeKey: `rescreen:${now.toISOString()}`,
        },
        { now },
      );
      // One notice per institution (not per employment).
      for (const institutionId of new Set(blocked.map((b) => b.institutionId)))
        await notifyRole(
          tx,
          {
            districtCode,
            role: 'institution_admin',
            scope: { kind: 'institution', institutionId },
          },
          {
            kind: 'workforce.employment_blocked',
            titleZh: '一项任职因终身禁入名单被拦截',
            titleEn: 'An employment was blocked by the lifetime ban list',
            bodyZh: '该人员不得继续从事托育工作，请立即安排离岗。',
            bodyEn: 'This person may no longer work in childcare; take them off duty now.',
            link: '/admin/workforce/staff',
            dedupeKey: `blocked:${institutionId}:${now.toISOString()}`,
          },
          { now },
        );
    }
    if (audit)
      await audit(tx, {
        action: 'workforce.rescreen',
        objectType: 'workforce_ban_list',
        objectId: districtCode,
        changes: { matched: staffIds.length, blockedEmployments: blocked.length },
      });
    return { matched: staffIds.length, blocked: blocked.length };
  });
}

/** '' or null → null; trimmed otherwise (the contract checked the shape). */
function registrationColumns(body: {
  registrationNumber?: string | null;
  registrationDate?: string | null;
  registrationIssuer?: string | null;
}) {
  const v = (x: string | null | undefined) => (x?.trim() ? x.trim() : null);
  return {
    registrationNumber: v(body.registrationNumber),
    registrationDate: v(body.registrationDate),
    registrationIssuer: v(body.registrationIssuer),
  };
}
