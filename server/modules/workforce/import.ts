/**
 * The staff import (issue 9 "Workforce"): institution admins and district officers — who may hire one by
 * one; a town officer does not — upload staff with their employment (CSV/XLSX, one person a row) with
 * the kit's import — a dry run with row errors, then a job. Each row is the single hire's input
 * (`createStaffBody`) with the institution named by its unified social credit code, and goes through
 * the single hire's own functions (service.ts):
 * `checkNewPerson` (GB 11643 checksum, 18 or older on the start date, foreign staff's birth date and
 * sex, mobile), `findOrRegisterPerson` (sealed ID and mobile, blind index, ban hash; audited) and
 * `hire` (screening, one active care post; audited), one row at a time inside the kit's batch
 * transaction (people are few — an institution's staff, a district's thousands — and every person and
 * employment gets its own audit entry, as on the single path).
 *
 * Natural key: the document number (matched by its blind index) with the institution: a person already
 * active at that institution is skipped (a re-import adds nothing); a registered person gets the
 * employment only. An existing person's details are not changed by an import.
 *
 * Row errors (nothing is written for them; `prepare` reads the district's institutions, people with
 * their active employments and the active ban list once per pass): the identity and mobile checks; an
 * unknown institution; one outside the caller's scope; a registered number under another name; a
 * lifetime-ban match (and `afterCheck` tells the district officers and audits the attempt, as a single
 * hire does); a second active care post — registered elsewhere (naming the institution only if the
 * caller may see it) or an earlier row of the same file.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { FieldError } from '../../../domain/contracts/common.ts';
import {
  CARE_POSTS,
  type CreateStaffBody,
  EDUCATION_LABELS,
  ID_TYPE_LABELS,
  POST_LABELS,
  RECORD_CHECK_KINDS,
  RECORD_CHECK_RESULT_LABELS,
  type RecordCheckInput,
  type RecordCheckKind,
  type StaffImportRow,
  staffImportRow,
} from '../../../domain/contracts/workforce.ts';
import { citizenIdCheckChar, creditCodeCheckChar, orgCodeCheckChar } from '../../../domain/rules/ids.ts';
import { workforcePolicy } from '../../../domain/workforce/policy.ts';
import { checkDateErrors, preHireDecision, type RecordedCheck } from '../../../domain/workforce/prehire.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { localDate } from '../../platform/clock.ts';
import type { Actor } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { scopeWhere } from '../../platform/guard.ts';
import { bool, codeOf, num, text } from '../../platform/import/cells.ts';
import { type ImportColumn, type ImportDefinition, importColumn } from '../../platform/import/definition.ts';
import { indexCandidates } from '../../platform/personal-data.ts';
import { institutions } from '../institutions/tables.ts';
import { banHash } from './ban-key.ts';
import { workforceErrors } from './errors.ts';
import { reportCheckFound } from './record-checks.ts';
import { institutionScopeCols } from './repository.ts';
import { banHits, checkNewPerson, findOrRegisterPerson, hire, reportBanMatch } from './service.ts';
import { employments, recordChecks, staff } from './tables.ts';

const col = importColumn;
const labels = (l: Record<string, { zh: string }>) =>
  Object.values(l)
    .map((x) => x.zh)
    .join('/');

/** Synthetic examples with valid check characters (a Qingpu address code; 52 = 民政 credit code). */
const EXAMPLE_ID_17 = '31011819900517002';
const EXAMPLE_ID = `${EXAMPLE_ID_17}${citizenIdCheckChar(EXAMPLE_ID_17)}`;
const EXAMPLE_ORG = '00000001';
const EXAMPLE_CREDIT_17 = `52310118${EXAMPLE_ORG}${orgCodeCheckChar(EXAMPLE_ORG)}`;
const EXAMPLE_CREDIT = `${EXAMPLE_CREDIT_17}${creditCodeCheckChar(EXAMPLE_CREDIT_17)}`;

export const STAFF_IMPORT_COLUMNS: ImportColumn[] = [
  col('name', '姓名', 'Name', true, '示例人员', '1–50 字，与证件一致', '1–50 characters, as on the document'),
  col(
    'idType',
    '证件类型',
    'Document type',
    false,
    '居民身份证',
    `${labels(ID_TYPE_LABELS)}；空为居民身份证`,
    'Citizen ID (empty), passport or work permit',
  ),
  col(
    'idNumber',
    '证件号码',
    'Document number',
    true,
    EXAMPLE_ID,
    '居民身份证 18 位（GB 11643 校验），入职时须年满 18 周岁；护照/工作许可证 5–20 位字母数字',
    'Citizen ID: 18 characters (GB 11643 check), 18 or older on the start date; passport / permit: 5–20 letters or digits',
  ),
  col(
    'birthDate',
    '出生日期',
    'Birth date',
    false,
    '',
    '仅外籍人员填写：YYYY-MM-DD',
    'Foreign staff only: YYYY-MM-DD',
  ),
  col('sex', '性别', 'Sex', false, '', '仅外籍人员填写：男/女', 'Foreign staff only: male/female'),
  col('nationality', '国籍', 'Nationality', false, '', '外籍人员填写', 'Foreign staff'),
  col('mobile', '手机号码', 'Mobile', true, '13800000000', '11 位手机号码', '11-digit mobile'),
  col(
    'education',
    '学历',
    'Education',
    true,
    '大专',
    labels(EDUCATION_LABELS),
    'One of the education levels',
  ),
  col(
    'managementYears',
    '管理工作年限',
    'Management years',
    false,
    '',
    '负责人填写，0–60 年',
    'Directors: 0–60 years',
  ),
  col(
    'employment.institutionCode',
    '机构统一社会信用代码',
    'Institution credit code',
    true,
    EXAMPLE_CREDIT,
    '18 位，须为您管辖范围内已登记的机构',
    '18 characters, a registered institution in your scope',
  ),
  col('employment.post', '岗位', 'Post', true, '保育人员', labels(POST_LABELS), 'One of the posts'),
  col('employment.startDate', '入职日期', 'Start date', true, '2026-03-01', 'YYYY-MM-DD', 'YYYY-MM-DD'),
  col(
    'employment.labourContract',
    '签订劳动合同',
    'Labour contract',
    false,
    '是',
    '是/否；空为是',
    'yes/no; empty: yes',
  ),
  col(
    'employment.socialInsurance',
    '缴纳社会保险',
    'Social insurance',
    false,
    '是',
    '是/否；空为是',
    'yes/no; empty: yes',
  ),
  ...checkColumns('sex_offence_query', '性侵违法犯罪信息查询', 'Sex-offence query', 'CX-2026-0001'),
  ...checkColumns('no_criminal_record', '无犯罪记录证明', 'No-criminal-record certificate', 'WF-2026-0001'),
];

/**
 * The three columns of one pre-hire record check (入职查询; rule pack `recordChecks.required`): all
 * empty uses the person's checks on record (a registered person); otherwise all three are needed.
 */
function checkColumns(kind: RecordCheckKind, zh: string, en: string, example: string): ImportColumn[] {
  const k = `employment.checks.${kind}`;
  return [
    col(
      `${k}.result`,
      `${zh}结果`,
      `${en} result`,
      false,
      '无记录',
      `${labels(RECORD_CHECK_RESULT_LABELS)}；入职前须有无记录的查询（有记录不得录用）；已登记人员留空则沿用已登记的查询`,
      'Clear or found; a clear check is needed before the start (found bars the hire); empty for a registered person: the check on record is used',
    ),
    col(
      `${k}.checkedOn`,
      `${zh}日期`,
      `${en} date`,
      false,
      '2026-02-20',
      'YYYY-MM-DD，不晚于入职日期',
      'YYYY-MM-DD, not after the start date',
    ),
    col(
      `${k}.referenceNumber`,
      `${zh}编号`,
      `${en} reference`,
      false,
      example,
      '回执或证明编号',
      'Reference number of the query or certificate',
    ),
  ];
}

/** An import row's checks as the hire takes them (the groups that were filled in). */
export function rowChecks(v: StaffImportRow): RecordCheckInput[] {
  return RECORD_CHECK_KINDS.flatMap((kind) => {
    const c = v.employment.checks[kind];
    return c ? [{ kind, ...c }] : [];
  });
}

const checkField = (kind: RecordCheckKind) => `employment.checks.${kind}.checkedOn`;

function checkCells(c: Record<string, string>, kind: RecordCheckKind) {
  const k = `employment.checks.${kind}`;
  const cells = [c[`${k}.result`], c[`${k}.checkedOn`], c[`${k}.referenceNumber`]].map(text);
  if (cells.every((x) => x === undefined)) return undefined;
  return {
    result: labelCode(RECORD_CHECK_RESULT_LABELS, cells[0]),
    checkedOn: cells[1] ?? '',
    referenceNumber: cells[2] ?? '',
  };
}

/** A label → its code, also by one part of a label written with a slash ("厨师" for 营养员/厨师). */
function labelCode<C extends string>(l: Record<C, { zh: string; en: string }>, s: string | undefined) {
  const code = codeOf(l, s?.trim());
  if (!s || code !== s.trim()) return code;
  const v = s.trim().toLowerCase();
  for (const [c, x] of Object.entries(l) as [C, { zh: string; en: string }][])
    if ([...x.zh.split('/'), ...x.en.split('/')].some((part) => part.trim().toLowerCase() === v)) return c;
  return code;
}

const SEX: Record<string, string> = { 男: 'male', 女: 'female', male: 'male', female: 'female' };
const sexOf = (s: string | undefined) => (s ? (SEX[s.trim().toLowerCase()] ?? s) : undefined);
const normalised = (n: string) => n.replace(/\s+/g, '').toUpperCase();

function toInput(c: Record<string, string>): unknown {
  return {
    name: c.name ?? '',
    idType: labelCode(ID_TYPE_LABELS, text(c.idType)) ?? 'citizen_id',
    idNumber: normalised(c.idNumber ?? ''),
    birthDate: text(c.birthDate),
    sex: sexOf(c.sex),
    nationality: text(c.nationality),
    mobile: c.mobile ?? '',
    education: labelCode(EDUCATION_LABELS, c.education),
    managementYears: num(c.managementYears),
    employment: {
      institutionCode: (c['employment.institutionCode'] ?? '').toUpperCase(),
      post: labelCode(POST_LABELS, c['employment.post']),
      startDate: c['employment.startDate'] ?? '',
      labourContract: bool(c['employment.labourContract']),
      socialInsurance: bool(c['employment.socialInsurance']),
      checks: {
        sex_offence_query: checkCells(c, 'sex_offence_query'),
        no_criminal_record: checkCells(c, 'no_criminal_record'),
      },
    },
  };
}

type InstitutionRef = { id: string; name: string; inScope: boolean };
type PersonRef = { id: string; name: string; activeAt: Set<string>; careAt: string | null };
export interface StaffImportContext {
  today: string;
  /** credit code → institution of the district (in the caller's scope or not) */
  institutions: Map<string, InstitutionRef>;
  /** institution id → institution */
  byId: Map<string, InstitutionRef>;
  /** blind index (either document column) → registered person with their active employments */
  people: Map<string, PersonRef>;
  /** ban hash → active ban entries */
  bans: Map<string, string[]>;
  /** person id → their pre-hire record checks on record */
  checks: Map<string, RecordedCheck[]>;
  /** the record checks the pack requires today */
  required: ReturnType<typeof workforcePolicy>['recordChecks'];
  /** this pass: rows whose record check found a record (told by afterCheck after the dry run) */
  found: { institutionName: string; staffId: string | null; kinds: RecordCheckKind[] }[];
  /** this pass: person key → the name and the care post's institution of an earlier row */
  inFile: Map<string, { name: string; careAt: string | null }>;
  /** this pass: rows that matched the ban list (told by afterCheck after the dry run) */
  banned: {
    institutionId: string;
    institutionName: string;
    post: string;
    startDate: string;
    staffId: string | null;
    banEntryIds: string[];
  }[];
}

const e = (field: string, rule: string, zh: string, en: string): FieldError => ({
  field,
  rule,
  message_zh: zh,
  message_en: en,
});
const fromCatalog = (field: string, code: keyof typeof workforceErrors, detail?: string) => {
  const d = workforceErrors[code];
  return e(
    field,
    code.replace('workforce.', ''),
    `${d.zh}${detail ? `（${detail}）` : ''}`,
    `${d.en}${detail ? ` (${detail})` : ''}`,
  );
};

const personKey = (v: StaffImportRow) =>
  `${v.idType === 'citizen_id' ? 'citizen_id' : 'foreign'}\u0000${normalised(v.idNumber)}`;
const indexesOf = (idType: string, number: string) =>
  indexCandidates(idType === 'citizen_id' ? 'citizen_id' : 'passport', number) as string[];

/** The rules of one row against what the district holds (pure given the context, but for noting rows). */
export function staffRowErrors(v: StaffImportRow, actor: Actor, c: StaffImportContext): FieldError[] {
  // As the single hire: the identity, the mobile and the institution first (its 400).
  const checked = checkNewPerson(v, c.today, v.employment.startDate);
  const errors = checked.errors;
  const inst = c.institutions.get(v.employment.institutionCode);
  if (!inst)
    errors.push(
      e(
        'employment.institutionCode',
        'unknown_institution',
        '本区没有该统一社会信用代码的机构：请核对代码，或先登记机构',
        'No institution in the district has this credit code: check it, or register the institution first',
      ),
    );
  else if (!inst.inScope)
    errors.push(
      e(
        'employment.institutionCode',
        'out_of_scope',
        actor.scope?.kind === 'institution'
          ? '只能导入本机构的人员：该机构不是您的机构'
          : '该机构不在您的管辖范围内',
        actor.scope?.kind === 'institution'
          ? 'You may import staff of your own institution only'
          : 'The institution is outside your scope',
      ),
    );
  if (errors.length || !inst || !checked.identity) return errors;
  const identity = checked.identity;
  const key = personKey(v);
  const person = indexesOf(v.idType, identity.idNumber)
    .map((i) => c.people.get(i))
    .find(Boolean);
  const earlier = c.inFile.get(key);
  // The same number registered (or in an earlier row) under another name: the single hire's 409.
  if ((person && person.name !== v.name) || (earlier && earlier.name !== v.name))
    return [fromCatalog('name', 'workforce.person_exists')];
  if (person?.activeAt.has(inst.id)) return []; // employed there already: skipped
  const hits = c.bans.get(banHash(v.idType, identity.idNumber));
  if (hits) {
    c.banned.push({
      institutionId: inst.id,
      institutionName: inst.name,
      post: v.employment.post,
      startDate: v.employment.startDate,
      staffId: person?.id ?? null,
      banEntryIds: hits,
    });
    return [fromCatalog('idNumber', 'workforce.banned')];
  }
  // The pre-hire record checks: the row's own (dated not after today) with the person's on record.
  const given = rowChecks(v);
  const dateErrors = given.flatMap((g) => checkDateErrors(g.checkedOn, c.today, checkField(g.kind)));
  if (dateErrors.length) return dateErrors;
  const decision = preHireDecision(
    [...(person ? (c.checks.get(person.id) ?? []) : []), ...given],
    v.employment.startDate,
    c.required,
    checkField,
  );
  if (!decision.ok) {
    if (decision.found)
      c.found.push({ institutionName: inst.name, staffId: person?.id ?? null, kinds: decision.foundKinds });
    return decision.errors;
  }
  const care = CARE_POSTS.includes(v.employment.post);
  const otherCare = care ? (person?.careAt ?? earlier?.careAt ?? null) : null;
  if (otherCare && otherCare !== inst.id) {
    const other = c.byId.get(otherCare);
    return [
      fromCatalog('employment.post', 'workforce.already_employed', other?.inScope ? other.name : undefined),
    ];
  }
  c.inFile.set(key, { name: v.name, careAt: care ? inst.id : (earlier?.careAt ?? null) });
  return [];
}

async function loadContext(db: Db, actor: Actor, today: string): Promise<StaffImportContext> {
  const d = actor.districtCode;
  const [all, scoped, people, active, bans] = await Promise.all([
    db
      .select({ id: institutions.id, name: institutions.name, code: institutions.creditCode })
      .from(institutions)
      .where(eq(institutions.districtCode, d)),
    db.select({ id: institutions.id }).from(institutions).where(scopeWhere(actor, institutionScopeCols)),
    db
      .select({ id: staff.id, name: staff.fullName, a: staff.idNumberBidx, b: staff.passportNumberBidx })
      .from(staff)
      .where(eq(staff.districtCode, d)),
    db
      .select({
        staffId: employments.staffId,
        institutionId: employments.institutionId,
        care: employments.care,
      })
      .from(employments)
      .where(and(eq(employments.districtCode, d), eq(employments.status, 'active'))),
    banHits(db, d),
  ]);
  const checks = new Map<string, RecordedCheck[]>();
  for (const r of await db
    .select({
      staffId: recordChecks.staffId,
      kind: recordChecks.kind,
      result: recordChecks.result,
      checkedOn: recordChecks.checkedOn,
    })
    .from(recordChecks)
    .where(eq(recordChecks.districtCode, d)))
    checks.set(r.staffId, [...(checks.get(r.staffId) ?? []), r]);
  const inScope = new Set(scoped.map((r) => r.id));
  const byStaff = new Map<string, PersonRef>();
  const peopleMap = new Map<string, PersonRef>();
  for (const p of people) {
    const ref: PersonRef = { id: p.id, name: p.name, activeAt: new Set(), careAt: null };
    byStaff.set(p.id, ref);
    if (p.a) peopleMap.set(p.a, ref);
    if (p.b) peopleMap.set(p.b, ref);
  }
  for (const a of active) {
    const ref = byStaff.get(a.staffId);
    if (!ref) continue;
    ref.activeAt.add(a.institutionId);
    if (a.care) ref.careAt = a.institutionId;
  }
  const banMap = new Map<string, string[]>();
  for (const b of bans) banMap.set(b.banHash, [...(banMap.get(b.banHash) ?? []), b.id]);
  return {
    today,
    institutions: new Map(all.map((i) => [i.code, { id: i.id, name: i.name, inScope: inScope.has(i.id) }])),
    byId: new Map(all.map((i) => [i.id, { id: i.id, name: i.name, inScope: inScope.has(i.id) }])),
    people: peopleMap,
    bans: banMap,
    checks,
    required: workforcePolicy(d, today).recordChecks,
    found: [],
    inFile: new Map(),
    banned: [],
  };
}

export function staffImport(deps: {
  clock: { now(): Date };
}): ImportDefinition<StaffImportRow, StaffImportContext> {
  const today = () => localDate(deps.clock.now());
  return {
    kind: 'workforce_staff',
    titleZh: '从业人员',
    columns: STAFF_IMPORT_COLUMNS,
    toInput,
    schema: staffImportRow,
    prepare: (db, actor) => loadContext(db, actor, today()),
    rules: staffRowErrors,
    keyField: 'idNumber',
    naturalKey: (v) => `${personKey(v)}\u0000${v.employment.institutionCode}`,
    async existingKeys(db, actor, keys) {
      if (keys.length === 0) return new Set();
      const parsed = keys.map((k) => {
        const [kind, number, code] = k.split('\u0000') as [string, string, string];
        return { k, indexes: indexesOf(kind, number), code };
      });
      const indexes = [...new Set(parsed.flatMap((p) => p.indexes))];
      const rows = await db
        .select({ a: staff.idNumberBidx, b: staff.passportNumberBidx, code: institutions.creditCode })
        .from(employments)
        .innerJoin(
          staff,
          and(eq(staff.districtCode, employments.districtCode), eq(staff.id, employments.staffId)),
        )
        .innerJoin(
          institutions,
          and(
            eq(institutions.districtCode, employments.districtCode),
            eq(institutions.id, employments.institutionId),
          ),
        )
        .where(
          and(
            eq(employments.districtCode, actor.districtCode),
            eq(employments.status, 'active'),
            inArray(institutions.creditCode, [...new Set(parsed.map((p) => p.code))]),
            scopeWhere(actor, institutionScopeCols),
          ),
        );
      const have = new Set(rows.flatMap((r) => [r.a, r.b].filter(Boolean).map((i) => `${i}\u0000${r.code}`)));
      const wanted = new Set(indexes);
      return new Set(
        parsed
          .filter((p) => p.indexes.some((i) => wanted.has(i) && have.has(`${i}\u0000${p.code}`)))
          .map((p) => p.k),
      );
    },
    async afterCheck(tx, ctx, actor, c, runId) {
      for (const [i, b] of c.banned.entries()) {
        await recordAudit(tx, ctx, {
          action: 'workforce.hire_blocked',
          objectType: 'import_run',
          objectId: runId,
          changes: {
            source: 'import',
            staffId: b.staffId,
            institutionId: b.institutionId,
            post: b.post,
            startDate: b.startDate,
            banEntryIds: b.banEntryIds,
          },
          result: 'denied',
        });
        await reportBanMatch(tx, ctx, {
          districtCode: actor.districtCode,
          staffId: b.staffId,
          banEntryIds: b.banEntryIds,
          institutionName: b.institutionName,
          dedupeKey: `ban-import:${runId}:${i}`,
        });
      }
      for (const [i, f] of c.found.entries()) {
        await recordAudit(tx, ctx, {
          action: 'workforce.hire_blocked',
          objectType: 'import_run',
          objectId: runId,
          changes: { source: 'import', staffId: f.staffId, blockedBy: 'record_check', recordFound: f.kinds },
          result: 'denied',
        });
        await reportCheckFound(tx, ctx, {
          districtCode: actor.districtCode,
          staffId: f.staffId,
          kinds: f.kinds,
          institutionName: f.institutionName,
          dedupeKey: `record-check-import:${runId}:${i}`,
        });
      }
    },
    async commitBatch(tx, ctx, actor, rows) {
      const codes = [...new Set(rows.map((r) => r.employment.institutionCode))];
      const insts = await tx
        .select()
        .from(institutions)
        .where(and(scopeWhere(actor, institutionScopeCols), inArray(institutions.creditCode, codes)));
      const byCode = new Map(insts.map((i) => [i.creditCode, i]));
      let added = 0;
      for (const r of rows) {
        const inst = byCode.get(r.employment.institutionCode);
        const checked = checkNewPerson(r, localDate(ctx.now), r.employment.startDate);
        // Checked by the rules in this pass; only a change in between (scope, registry) lands here.
        if (!inst || !checked.identity || !checked.mobile) throw new DomainError('not_found');
        const { employment, ...fields } = r;
        const person = await findOrRegisterPerson(
          tx,
          ctx,
          actor,
          fields as Omit<CreateStaffBody, 'employment'>,
          checked.identity,
          checked.mobile,
        );
        const [there] = await tx
          .select({ id: employments.id })
          .from(employments)
          .where(
            and(
              eq(employments.districtCode, person.districtCode),
              eq(employments.staffId, person.id),
              eq(employments.institutionId, inst.id),
              eq(employments.status, 'active'),
            ),
          );
        if (there) continue;
        const { institutionCode: _code, checks: _checks, ...input } = employment;
        const hired = await hire(
          tx,
          ctx,
          actor,
          person,
          { ...input, institutionId: inst.id, checks: rowChecks(r) },
          inst,
          'employment.checks',
        );
        if (!hired.blocked) added += 1;
      }
      return added;
    },
    analyzeTables: ['workforce_staff', 'workforce_employments'],
  };
}
