/**
 * Workforce (issue 9): staff registry, employments, class assignments, certificates, the lifetime-ban
 * list, training ledger and staffing compliance. One zod source for the server and the console.
 */
import { z } from 'zod';
import { pageOf, paginationQuery } from './common.ts';
import { licenceText } from './institution.ts';

/** Posts (岗位) of the plan and the 58号 standard. */
export const POSTS = [
  'director', // 负责人
  'caregiver', // 保育人员
  'infant_carer', // 育婴员
  'teacher', // 教师
  'health_worker', // 保健员
  'cook', // 营养员/厨师
  'security', // 保安
  'other', // 其他
] as const;
export type Post = (typeof POSTS)[number];
export const POST_LABELS: Record<Post, { zh: string; en: string }> = {
  director: { zh: '负责人', en: 'Director' },
  caregiver: { zh: '保育人员', en: 'Caregiver' },
  infant_carer: { zh: '育婴员', en: 'Infant carer' },
  teacher: { zh: '教师', en: 'Teacher' },
  health_worker: { zh: '保健员', en: 'Health worker' },
  cook: { zh: '营养员/厨师', en: 'Nutritionist / cook' },
  security: { zh: '保安', en: 'Security guard' },
  other: { zh: '其他', en: 'Other' },
};
/** Posts that care for children directly: they count toward ratios, and one person holds one at a time. */
export const CARE_POSTS: readonly Post[] = ['caregiver', 'infant_carer', 'teacher'];

export const ID_TYPES = ['citizen_id', 'passport', 'work_permit'] as const;
export type IdType = (typeof ID_TYPES)[number];
export const ID_TYPE_LABELS: Record<IdType, { zh: string; en: string }> = {
  citizen_id: { zh: '居民身份证', en: 'Citizen ID' },
  passport: { zh: '护照', en: 'Passport' },
  work_permit: { zh: '外国人工作许可证', en: "Foreigner's work permit" },
};

export const SEXES = ['male', 'female'] as const;

export const EDUCATIONS = [
  'junior_high',
  'senior_high',
  'secondary_vocational',
  'college_diploma',
  'bachelor',
  'master_or_above',
] as const;
export type Education = (typeof EDUCATIONS)[number];
export const EDUCATION_LABELS: Record<Education, { zh: string; en: string }> = {
  junior_high: { zh: '初中', en: 'Junior high school' },
  senior_high: { zh: '高中', en: 'Senior high school' },
  secondary_vocational: { zh: '中专/中职', en: 'Secondary vocational' },
  college_diploma: { zh: '大专', en: 'College diploma' },
  bachelor: { zh: '本科', en: "Bachelor's degree" },
  master_or_above: { zh: '研究生及以上', en: "Master's or above" },
};

export const CERTIFICATE_TYPES = [
  'caregiver', // 保育员证
  'infant_carer', // 育婴员证
  'teacher', // 教师资格证
  'health', // 健康证
  'health_worker', // 保健员培训合格证
  'cook', // 厨师/营养员证
  'security', // 保安员证
] as const;
export type CertificateType = (typeof CERTIFICATE_TYPES)[number];
export const CERTIFICATE_LABELS: Record<CertificateType, { zh: string; en: string }> = {
  caregiver: { zh: '保育员证', en: 'Caregiver certificate' },
  infant_carer: { zh: '育婴员证', en: 'Infant-carer certificate' },
  teacher: { zh: '教师资格证', en: 'Teacher qualification' },
  health: { zh: '健康证', en: 'Health certificate' },
  health_worker: { zh: '保健员培训合格证', en: 'Health-worker training certificate' },
  cook: { zh: '厨师/营养员证', en: 'Cook / nutritionist certificate' },
  security: { zh: '保安员证', en: 'Security guard certificate' },
};

export const EMPLOYMENT_STATUSES = ['active', 'ended', 'blocked'] as const;
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];
export const EMPLOYMENT_STATUS_LABELS: Record<EmploymentStatus, { zh: string; en: string }> = {
  active: { zh: '在职', en: 'Active' },
  ended: { zh: '已离职', en: 'Ended' },
  blocked: { zh: '终身禁入拦截', en: 'Blocked (lifetime ban)' },
};

export const TRAINING_CATEGORIES = ['ethics', 'norms', 'skills', 'safety', 'mental_health'] as const;
export type TrainingCategory = (typeof TRAINING_CATEGORIES)[number];
export const TRAINING_CATEGORY_LABELS: Record<TrainingCategory, { zh: string; en: string }> = {
  ethics: { zh: '职业道德', en: 'Professional ethics' },
  norms: { zh: '职业规范', en: 'Professional norms' },
  skills: { zh: '职业技能', en: 'Professional skills' },
  safety: { zh: '安全防范', en: 'Safety' },
  mental_health: { zh: '心理健康', en: 'Mental health' },
};

export const BAN_ROLES = ['perpetrator', 'direct_manager'] as const;
export const BAN_ROLE_LABELS: Record<(typeof BAN_ROLES)[number], { zh: string; en: string }> = {
  perpetrator: { zh: '行为人', en: 'Perpetrator' },
  direct_manager: { zh: '直接管理人员', en: 'Direct manager' },
};
export const BAN_SOURCES = ['local', 'imported'] as const;
/** Reason categories of a ban (exported with the list instead of the free-text reason, which may name people). */
export const BAN_REASON_CATEGORIES = ['abuse', 'neglect', 'other'] as const;
export type BanReasonCategory = (typeof BAN_REASON_CATEGORIES)[number];
export const BAN_REASON_CATEGORY_LABELS: Record<BanReasonCategory, { zh: string; en: string }> = {
  abuse: { zh: '虐待、伤害婴幼儿', en: 'Abuse or injury of children' },
  neglect: { zh: '严重失职、疏于照护', en: 'Serious neglect of care' },
  other: { zh: '其他', en: 'Other' },
};
export const MATCH_SOURCES = ['hire', 'rescreen'] as const;

const date = z.iso.date();
function citationSchemaBase() {
  return z.object({ docNumber: z.string(), article: z.string() });
}
const text = (max: number) => z.string().trim().min(1).max(max);

// ── pre-hire record checks (入职查询, issue 17) ──────────────────────────────────────────────────
/** The two checks recorded before an employment starts (rule pack `recordChecks.required`). */
export const RECORD_CHECK_KINDS = ['sex_offence_query', 'no_criminal_record'] as const;
export type RecordCheckKind = (typeof RECORD_CHECK_KINDS)[number];
export const RECORD_CHECK_KIND_LABELS: Record<RecordCheckKind, { zh: string; en: string }> = {
  sex_offence_query: { zh: '性侵违法犯罪信息查询', en: 'Sex-offence record query' },
  no_criminal_record: { zh: '无犯罪记录证明', en: 'No-criminal-record certificate' },
};
export const RECORD_CHECK_RESULTS = ['clear', 'found'] as const;
export type RecordCheckResult = (typeof RECORD_CHECK_RESULTS)[number];
export const RECORD_CHECK_RESULT_LABELS: Record<RecordCheckResult, { zh: string; en: string }> = {
  clear: { zh: '无记录', en: 'Clear' },
  found: { zh: '有记录', en: 'Record found' },
};
/** One check as the hire form, the import row and the record route give it. */
export const recordCheckInput = z.strictObject({
  kind: z.enum(RECORD_CHECK_KINDS),
  result: z.enum(RECORD_CHECK_RESULTS),
  checkedOn: date,
  /** The query's or certificate's reference number, as entered (never logged). */
  referenceNumber: text(50),
});
export type RecordCheckInput = z.infer<typeof recordCheckInput>;
export const recordCheckBody = recordCheckInput.extend({
  /** The institution the check is recorded for (in the caller's scope). */
  institutionId: z.uuid(),
});
export const recordCheckSchema = z.object({
  id: z.uuid(),
  kind: z.enum(RECORD_CHECK_KINDS),
  result: z.enum(RECORD_CHECK_RESULTS),
  checkedOn: z.string(),
  referenceNumber: z.string(),
  institutionId: z.uuid(),
  institutionName: z.string(),
  fileId: z.uuid().nullable(),
  recordedAt: z.string(),
});
export type RecordCheck = z.infer<typeof recordCheckSchema>;
export const recordCheckList = z.object({ items: z.array(recordCheckSchema) });
export const recordCheckParams = z.strictObject({ id: z.uuid(), checkId: z.uuid() });

// ── staff ──────────────────────────────────────────────────────────────────────────────────────
export const employmentInput = z.strictObject({
  institutionId: z.uuid(),
  post: z.enum(POSTS),
  startDate: date,
  labourContract: z.boolean().default(true),
  socialInsurance: z.boolean().default(true),
  /**
   * The pre-hire record checks recorded with the hire (both kinds, unless the person has qualifying
   * checks on record already — a returning person's are reused). Recorded even when the hire fails on
   * a `found` result.
   */
  checks: z.array(recordCheckInput).max(4).optional(),
});
export type EmploymentInput = z.infer<typeof employmentInput>;

/**
 * 托育师 registration the draft 托育服务法 (first reading 2025-12-22) may bring: kept ready, shape only —
 * no rule about who must register, by when or with whom is invented. null/'' = none.
 */
export const staffRegistrationFields = {
  registrationNumber: licenceText(50, '托育师注册编号', 'Registration number').nullable().optional(),
  registrationDate: z
    .union([z.iso.date(), z.literal('')])
    .nullable()
    .optional(),
  registrationIssuer: z.string().trim().max(100).nullable().optional(),
};
/** PUT staff/:id/registration: the three fields as they should stand (null/'' clears one). */
export const staffRegistrationBody = z.strictObject(staffRegistrationFields);
export type StaffRegistrationBody = z.infer<typeof staffRegistrationBody>;

export const createStaffBody = z.strictObject({
  name: text(50),
  idType: z.enum(ID_TYPES),
  idNumber: text(40),
  /** Foreign staff only (passport / work permit): birth date and sex are not in the number. */
  birthDate: date.optional(),
  sex: z.enum(SEXES).optional(),
  nationality: z.string().trim().max(50).optional(),
  mobile: text(20),
  education: z.enum(EDUCATIONS),
  managementYears: z.number().int().min(0).max(60).optional(),
  ...staffRegistrationFields,
  employment: employmentInput,
});
export type CreateStaffBody = z.infer<typeof createStaffBody>;

export const staffListQuery = paginationQuery.extend({
  q: z.string().trim().max(50).optional(),
  institutionId: z.uuid().optional(),
  post: z.enum(POSTS).optional(),
  townCode: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
});

export const staffSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  idType: z.enum(ID_TYPES),
  idNumber: z.string().nullable(),
  mobile: z.string().nullable(),
  sex: z.enum(SEXES).nullable(),
  birthDate: z.string().nullable(),
  education: z.enum(EDUCATIONS),
  post: z.enum(POSTS).nullable(),
  institutionId: z.uuid().nullable(),
  institutionName: z.string().nullable(),
  certified: z.boolean(),
  banned: z.boolean(),
});
export const staffPage = pageOf(staffSummary);

export const employmentSchema = z.object({
  id: z.uuid(),
  institutionId: z.uuid(),
  institutionName: z.string(),
  townCode: z.string(),
  post: z.enum(POSTS),
  startDate: z.string(),
  endDate: z.string().nullable(),
  labourContract: z.boolean(),
  socialInsurance: z.boolean(),
  status: z.enum(EMPLOYMENT_STATUSES),
  classes: z.array(z.object({ id: z.uuid(), name: z.string() })),
  version: z.number().int(),
});

export const certificateSchema = z.object({
  id: z.uuid(),
  type: z.enum(CERTIFICATE_TYPES),
  number: z.string(),
  issuer: z.string(),
  issuedOn: z.string(),
  expiresOn: z.string().nullable(),
  valid: z.boolean(),
  /** The current scan (files kit attachment) or null; download at …/certificates/{certificateId}/scan. */
  fileId: z.uuid().nullable(),
});

export const trainingYearSchema = z.object({
  year: z.number().int(),
  ethicsHours: z.number(),
  skillsHours: z.number(),
  ethicsTarget: z.number(),
  skillsTarget: z.number(),
  /** Hours expected by now at an even pace through the year. */
  ethicsExpected: z.number(),
  skillsExpected: z.number(),
  pace: z.enum(['on_track', 'behind', 'met']),
});

export const staffDetail = staffSummary.extend({
  nationality: z.string().nullable(),
  managementYears: z.number().int().nullable(),
  registrationNumber: z.string().nullable(),
  registrationDate: z.string().nullable(),
  registrationIssuer: z.string().nullable(),
  employments: z.array(employmentSchema),
  certificates: z.array(certificateSchema),
  missingCertificates: z.array(z.enum(CERTIFICATE_TYPES)),
  training: trainingYearSchema,
  attendance: z.array(
    z.object({
      eventId: z.uuid(),
      title: z.string(),
      category: z.enum(TRAINING_CATEGORIES),
      startDate: z.string(),
      hours: z.number(),
    }),
  ),
  version: z.number().int(),
});
export type StaffDetail = z.infer<typeof staffDetail>;

export const staffParams = z.strictObject({ id: z.uuid() });
export const employmentParams = z.strictObject({ id: z.uuid(), employmentId: z.uuid() });

export const endEmploymentBody = z.strictObject({ endDate: date, version: z.number().int().min(1) });
export const assignClassesBody = z.strictObject({
  classIds: z.array(z.uuid()).max(20),
  version: z.number().int().min(1),
});

export const createCertificateBody = z.strictObject({
  type: z.enum(CERTIFICATE_TYPES),
  number: text(50),
  issuer: text(100),
  issuedOn: date,
  expiresOn: date.optional(),
});
/** Path of a certificate's scan: PUT (multipart, one PDF/JPEG/PNG ≤ 5 MB, replaces the current one) and GET. */
export const certificateParams = z.strictObject({ id: z.uuid(), certificateId: z.uuid() });
export const certificateScanSchema = z.object({
  fileId: z.uuid(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
});

// ── ban list ───────────────────────────────────────────────────────────────────────────────────
const banPerson = z.strictObject({
  name: text(50),
  idType: z.enum(ID_TYPES),
  idNumber: text(40),
});
export const createBanBody = z.strictObject({
  person: banPerson,
  reason: text(500),
  reasonCategory: z.enum(BAN_REASON_CATEGORIES).default('abuse'),
  decisionRef: text(100),
  decisionDate: date,
  /** The direct managers named in the decision: each becomes its own entry. */
  managers: z.array(banPerson).max(10).default([]),
});
export const liftBanBody = z.strictObject({ reason: text(500) });
export const banEntrySchema = z.object({
  id: z.uuid(),
  name: z.string().nullable(),
  role: z.enum(BAN_ROLES),
  reason: z.string(),
  reasonCategory: z.enum(BAN_REASON_CATEGORIES),
  decisionRef: z.string(),
  decisionDate: z.string(),
  source: z.enum(BAN_SOURCES),
  /** The district that issued the decision (this district for local entries). */
  issuingDistrict: z.string(),
  relatedEntryId: z.uuid().nullable(),
  enteredAt: z.string(),
  liftedAt: z.string().nullable(),
  liftReason: z.string().nullable(),
  matches: z.number().int(),
});
export const banPage = pageOf(banEntrySchema);
export const banListQuery = paginationQuery.extend({ lifted: z.enum(['true', 'false']).optional() });
export const createBanResponse = z.object({ entries: z.array(banEntrySchema), rescreenJobId: z.string() });

/** The signed file exchanged between districts (ADR 0018): hashes and decision data only, never names or numbers. */
export const BAN_LIST_FORMAT = 'tuoyu-ban-list/1';
const districtCodeField = z.string().regex(/^[1-9]\d{5}$/);
export const banListFileEntry = z.strictObject({
  hash: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  role: z.enum(BAN_ROLES),
  reasonCategory: z.enum(BAN_REASON_CATEGORIES),
  decisionRef: text(100),
  decisionDate: date,
  issuingDistrict: districtCodeField,
});
export type BanListFileEntry = z.infer<typeof banListFileEntry>;
export const banListFile = z.strictObject({
  format: z.literal(BAN_LIST_FORMAT),
  /** The district that exported (signed) the file. */
  exportedBy: districtCodeField,
  exportedAt: z.iso.datetime(),
  entries: z.array(banListFileEntry).max(20_000),
  /** HMAC-SHA-256 (hex) of the canonical body under the signing key derived from the shared ban-list key. */
  signature: z.string().regex(/^[0-9a-f]{64}$/),
});
export type BanListFile = z.infer<typeof banListFile>;
export const banImportResponse = z.object({
  received: z.number().int(),
  added: z.number().int(),
  /** Entries already on the list (re-import) or issued by this district. */
  skipped: z.number().int(),
  rescreenJobId: z.string().nullable(),
});

// ── assessments (过程考核) and rewards/penalties (奖惩) ────────────────────────────────────────
export const RECORD_KINDS = ['process_assessment', 'skill_assessment', 'reward', 'penalty'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
export const RECORD_KIND_LABELS: Record<RecordKind, { zh: string; en: string }> = {
  process_assessment: { zh: '过程考核', en: 'Assessment during work' },
  skill_assessment: { zh: '职业技能鉴定', en: 'Vocational skill assessment' },
  reward: { zh: '奖励', en: 'Reward' },
  penalty: { zh: '惩处', en: 'Penalty' },
};
/** Vocational assessments (鉴定) a practitioner may pass; which ones earn the training-fee subsidy is a rule-pack list. */
export const SKILL_ASSESSMENTS = [
  'caregiver',
  'infant_carer',
  'health_worker',
  'nutritionist',
  'other',
] as const;
export type SkillAssessment = (typeof SKILL_ASSESSMENTS)[number];
export const SKILL_ASSESSMENT_LABELS: Record<SkillAssessment, { zh: string; en: string }> = {
  caregiver: { zh: '保育员', en: 'Caregiver' },
  infant_carer: { zh: '育婴员', en: 'Infant carer' },
  health_worker: { zh: '保健员', en: 'Health worker' },
  nutritionist: { zh: '营养配餐员', en: 'Nutrition caterer' },
  other: { zh: '其他', en: 'Other' },
};
export const GRADES = ['excellent', 'good', 'passed', 'failed'] as const;
export type Grade = (typeof GRADES)[number];
export const GRADE_LABELS: Record<Grade, { zh: string; en: string }> = {
  excellent: { zh: '优秀', en: 'Excellent' },
  good: { zh: '良好', en: 'Good' },
  passed: { zh: '合格', en: 'Passed' },
  failed: { zh: '不合格', en: 'Failed' },
};
export const createRecordBody = z.strictObject({
  kind: z.enum(RECORD_KINDS),
  date,
  /** Skill assessments: which one. */
  skill: z.enum(SKILL_ASSESSMENTS).optional(),
  /** Assessments: the result or grade. */
  grade: z.enum(GRADES).optional(),
  description: text(500),
  /** Rewards and penalties: the decision reference (required for them). */
  decisionRef: z.string().trim().max(100).optional(),
});
export type CreateRecordBody = z.infer<typeof createRecordBody>;
export const personRecordSchema = z.object({
  id: z.uuid(),
  kind: z.enum(RECORD_KINDS),
  date: z.string(),
  skill: z.enum(SKILL_ASSESSMENTS).nullable(),
  grade: z.enum(GRADES).nullable(),
  description: z.string(),
  decisionRef: z.string().nullable(),
  institutionId: z.uuid().nullable(),
  enteredAt: z.string(),
});
export const personRecordList = z.object({ items: z.array(personRecordSchema) });

// ── training-fee subsidy (培训费补贴) ─────────────────────────────────────────────────────────
export const subsidyQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  townCode: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
});
export const subsidyRowSchema = z.object({
  recordId: z.uuid(),
  staffId: z.uuid(),
  staffName: z.string(),
  skill: z.enum(SKILL_ASSESSMENTS),
  date: z.string(),
  grade: z.enum(GRADES),
  institutionId: z.uuid().nullable(),
  institutionName: z.string().nullable(),
  townCode: z.string().nullable(),
});
export type SubsidyRow = z.infer<typeof subsidyRowSchema>;
export const subsidyAnswer = z.object({
  year: z.number().int(),
  /** The rule pack's list of assessments that earn the subsidy, with its citation. */
  assessments: z.array(z.enum(SKILL_ASSESSMENTS)),
  citation: citationSchemaBase().nullable(),
  items: z.array(subsidyRowSchema),
});

// ── training ───────────────────────────────────────────────────────────────────────────────────
export const createTrainingBody = z.strictObject({
  title: text(100),
  organiser: text(100),
  category: z.enum(TRAINING_CATEGORIES),
  startDate: date,
  endDate: date,
  hours: z.number(),
  districtLevel: z.boolean().default(false),
});
export const trainingEventSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  organiser: z.string(),
  category: z.enum(TRAINING_CATEGORIES),
  startDate: z.string(),
  endDate: z.string(),
  hours: z.number(),
  districtLevel: z.boolean(),
  attendees: z.number().int(),
});
export const trainingPage = pageOf(trainingEventSchema);
export const trainingListQuery = paginationQuery.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** Only district professional trainings (true) or only the others (false). */
  districtLevel: z.enum(['true', 'false']).optional(),
});
export const trainingParams = z.strictObject({ id: z.uuid() });
export const attendanceBody = z.strictObject({
  staffIds: z.array(z.uuid()).min(1).max(500),
  /** Hours each attended; default: the event's hours. */
  hours: z.number().optional(),
});
export const attendanceResponse = z.object({ added: z.number().int() });
/** Who attended a training, among the people the caller may see. */
export const attendeeSchema = z.object({
  staffId: z.uuid(),
  name: z.string(),
  post: z.enum(POSTS).nullable(),
  institutionName: z.string().nullable(),
  hours: z.number(),
});
export const attendeeList = z.object({ items: z.array(attendeeSchema) });
/**
 * One row of the attendance import (kit import, `workforce_attendance`): the training by its title and
 * start date, the person by document number (checked against the name registered), hours credited.
 */
export const attendanceImportRow = z.strictObject({
  title: text(100),
  startDate: date,
  idNumber: z.string().trim().min(5).max(30),
  name: text(50),
  hours: z.number().optional(),
});
export type AttendanceImportRow = z.infer<typeof attendanceImportRow>;

const labelList = (l: Record<string, { zh: string; en: string }>, lang: 'zh' | 'en') =>
  Object.values(l)
    .map((x) => x[lang])
    .join(lang === 'zh' ? '、' : ', ');
/** An enum cell of an import: an unknown label answers which labels there are, in Chinese and English. */
const labelled = <const T extends readonly [string, ...string[]]>(
  values: T,
  labels: Record<T[number], { zh: string; en: string }>,
  zh: string,
  en: string,
) =>
  z.enum(values, {
    error: (issue) =>
      issue.input === undefined
        ? undefined
        : `${zh}不在列表中，应为：${labelList(labels, 'zh')} / Unknown ${en}: one of ${labelList(labels, 'en')}`,
  });
/** One check's columns in an import row (the kind is the column group's). */
const importCheck = z.strictObject({
  result: labelled(RECORD_CHECK_RESULTS, RECORD_CHECK_RESULT_LABELS, '查询结果', 'check result'),
  checkedOn: date,
  referenceNumber: text(50),
});

/**
 * One row of the staff import (kit import, `workforce_staff`): the person as `createStaffBody` has them
 * and the employment, whose institution is named by its unified social credit code (the registry's
 * public key) instead of an id.
 */
export const staffImportRow = createStaffBody.extend({
  idType: labelled(ID_TYPES, ID_TYPE_LABELS, '证件类型', 'document type'),
  education: labelled(EDUCATIONS, EDUCATION_LABELS, '学历', 'education'),
  employment: employmentInput.omit({ institutionId: true, checks: true }).extend({
    institutionCode: z.string().trim().min(1).max(18),
    post: labelled(POSTS, POST_LABELS, '岗位', 'post'),
    /** The pre-hire record checks, one group of columns per kind (empty: the checks on record are used). */
    checks: z.strictObject({
      sex_offence_query: importCheck.optional(),
      no_criminal_record: importCheck.optional(),
    }),
  }),
});
export type StaffImportRow = z.infer<typeof staffImportRow>;

// ── compliance ─────────────────────────────────────────────────────────────────────────────────
export const CLASS_RULES = ['ratio', 'two_teachers_one_caregiver', 'family_point', 'none'] as const;
export const complianceQuery = z.strictObject({
  townCode: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
  institutionId: z.uuid().optional(),
});
export const citationSchema = citationSchemaBase();
export const classComplianceSchema = z.object({
  classId: z.uuid(),
  className: z.string(),
  classType: z.string(),
  institutionId: z.uuid(),
  institutionName: z.string(),
  townCode: z.string(),
  enrolled: z.number().int(),
  rule: z.enum(CLASS_RULES),
  /** Children per certified caregiver allowed (null for 两教一保). */
  ratio: z.number().nullable(),
  /** Certified carers counted; a person assigned to n classes counts 1/n in each (two decimals). */
  certifiedCaregivers: z.number(),
  certifiedTeachers: z.number(),
  /** How many of the counted staff also serve other classes. */
  sharedStaff: z.number().int(),
  required: z.number().int(),
  /** The teachers and caregivers a kindergarten toddler class is held to (the pack's 两教一保 or a district funding version); null under the other rules. */
  perClass: z.object({ teachers: z.number().int(), caregivers: z.number().int() }).nullable(),
  compliant: z.boolean(),
  citation: citationSchema.nullable(),
});
export type ClassCompliance = z.infer<typeof classComplianceSchema>;
export const rateSchema = z.object({
  certified: z.number().int(),
  staff: z.number().int(),
  rate: z.number().nullable(),
});
export const complianceSchema = z.object({
  asOf: z.string(),
  district: rateSchema,
  byTown: z.array(rateSchema.extend({ townCode: z.string() })),
  byInstitution: z.array(
    rateSchema.extend({ institutionId: z.uuid(), institutionName: z.string(), townCode: z.string() }),
  ),
  classes: z.array(classComplianceSchema),
  classesCompliant: z.number().int(),
  expiringSoon: z.array(
    z.object({
      certificateId: z.uuid(),
      staffId: z.uuid(),
      staffName: z.string(),
      type: z.enum(CERTIFICATE_TYPES),
      expiresOn: z.string(),
      institutionName: z.string().nullable(),
    }),
  ),
  trainingBehind: z.number().int(),
  /** The people behind pace this year (hours so far against the hours expected by the month), furthest behind first. */
  behindPace: z.array(
    z.object({
      staffId: z.uuid(),
      name: z.string(),
      institutionId: z.uuid(),
      institutionName: z.string(),
      townCode: z.string(),
      ethicsHours: z.number(),
      skillsHours: z.number(),
      ethicsExpected: z.number(),
      skillsExpected: z.number(),
    }),
  ),
  /** The year's targets (72 skills, 40 ethics in 35号); null when no pack gives one. */
  trainingTargets: z.object({ ethics: z.number().nullable(), skills: z.number().nullable() }),
  districtTrainings: z.object({ count: z.number().int(), target: z.number().nullable() }),
  /**
   * Active directors (负责人) of childcare institutions and community points (not kindergartens or family
   * points, which have their own rules), and those short of 58号's education or management years.
   */
  directorsTotal: z.number().int(),
  directorsShort: z.array(
    z.object({
      staffId: z.uuid(),
      name: z.string(),
      institutionId: z.uuid(),
      institutionName: z.string(),
      townCode: z.string(),
      education: z.enum(EDUCATIONS),
      managementYears: z.number().int().nullable(),
      shortfalls: z.array(z.enum(['education', 'management_years'])),
    }),
  ),
  citations: z.object({
    certifiedPct: citationSchema.nullable(),
    postCertificates: citationSchema,
    director: citationSchema.nullable(),
  }),
});
export type Compliance = z.infer<typeof complianceSchema>;

export { paginationQuery };
