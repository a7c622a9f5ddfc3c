/**
 * Tables of the Workforce (issue 9) module (district_code first in every key; docs/MODULES.md step 4).
 * A person (staff) belongs to the district; what an institution or town sees of a person is reached
 * through their employments there (repository.ts scopes every query that way).
 */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import {
  BAN_REASON_CATEGORIES,
  BAN_ROLES,
  BAN_SOURCES,
  CERTIFICATE_TYPES,
  EDUCATIONS,
  EMPLOYMENT_STATUSES,
  GRADES,
  ID_TYPES,
  MATCH_SOURCES,
  POSTS,
  RECORD_CHECK_KINDS,
  RECORD_CHECK_RESULTS,
  RECORD_KINDS,
  SEXES,
  SKILL_ASSESSMENTS,
  TRAINING_CATEGORIES,
} from '../../../domain/contracts/workforce.ts';
import { comment, pd } from '../../platform/comments.ts';
import { enumChecks, enumText } from '../../platform/enum-columns.ts';
import { blindIndex, encryptedText } from '../../platform/personal-data.ts';
import { DISTRICT_COMMENT as DISTRICT, districtCode, tz } from '../../platform/tables.ts';
import { institutionClasses, institutions } from '../institutions/tables.ts';

const day = (name: string) => date(name, { mode: 'string' });

export const staff = pgTable(
  'workforce_staff',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    fullName: varchar('full_name', { length: 50 }).notNull(),
    idType: enumText('id_type', ID_TYPES).notNull(),
    idNumber: encryptedText('id_number'),
    idNumberBidx: blindIndex('id_number_bidx'),
    passportNumber: encryptedText('passport_number'),
    passportNumberBidx: blindIndex('passport_number_bidx'),
    banHash: varchar('ban_hash', { length: 64 }).notNull(),
    birthDate: day('birth_date').notNull(),
    sex: enumText('sex', SEXES).notNull(),
    nationality: varchar('nationality', { length: 50 }),
    mobile: encryptedText('mobile'),
    education: enumText('education', EDUCATIONS).notNull(),
    managementYears: integer('management_years'),
    /** 托育师 registration the draft 托育服务法 (first reading 2025-12-22) may bring: kept ready, shape only. */
    registrationNumber: varchar('registration_number', { length: 50 }),
    registrationDate: day('registration_date'),
    registrationIssuer: varchar('registration_issuer', { length: 100 }),
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    uniqueIndex('workforce_staff_id_number_uq').on(t.districtCode, t.idNumberBidx),
    uniqueIndex('workforce_staff_passport_uq').on(t.districtCode, t.passportNumberBidx),
    index('workforce_staff_ban_hash_idx').on(t.districtCode, t.banHash),
    index('workforce_staff_name_idx').on(t.districtCode, t.fullName),
    ...enumChecks(t),
  ],
);
comment(staff, ['托育从业人员', 'Childcare staff (one row per person in the district)'], {
  districtCode: DISTRICT,
  id: ['人员 ID（UUIDv7）', 'Person id (UUIDv7)'],
  fullName: ['姓名', 'Name', pd.plain('name')],
  idType: [
    '所持身份文件类型：citizen_id/passport/work_permit',
    'Document type: citizen_id/passport/work_permit',
  ],
  idNumber: [
    '公民身份号码（AES-256-GCM 加密）',
    'Citizen ID number (AES-256-GCM encrypted)',
    pd.encrypted('citizen_id', { blindIndex: 'idNumberBidx' }),
  ],
  idNumberBidx: [
    '身份号码盲索引（区内唯一）',
    'Blind index of the ID number (unique in the district)',
    pd.blindIndex('citizen_id'),
  ],
  passportNumber: [
    '护照或外国人工作许可证号码（加密）',
    'Passport or work-permit number (encrypted)',
    pd.encrypted('passport', { blindIndex: 'passportNumberBidx' }),
  ],
  passportNumberBidx: [
    '护照号码盲索引（区内唯一）',
    'Blind index of the passport/permit number',
    pd.blindIndex('passport'),
  ],
  banHash: [
    '终身禁入筛查散列（区际共享密钥 HMAC-SHA-256，ADR 0013）',
    'Ban-list screening hash (HMAC-SHA-256 under the inter-district shared key; ADR 0013)',
  ],
  birthDate: [
    '出生日期（由公民号码推出，或外籍人员填写）',
    'Birth date (from the ID number, or given for foreign staff)',
  ],
  sex: ['性别：male/female', 'Sex: male/female'],
  nationality: ['国籍（外籍人员）', 'Nationality (foreign staff)'],
  mobile: ['手机号码（加密）', 'Mobile (encrypted)', pd.encrypted('phone')],
  education: ['学历', 'Education'],
  managementYears: ['管理工作年限（负责人）', 'Years of management experience (directors)'],
  registrationNumber: [
    '托育师注册编号（托育服务法草案，规则未定，仅校验格式）',
    'Childcare practitioner (托育师) registration number (draft childcare law; no rule yet, shape only)',
  ],
  registrationDate: ['托育师注册日期', 'Registration date'],
  registrationIssuer: ['托育师注册机关', 'Registration issuer'],
  createdAt: ['创建时间', 'Created at'],
  updatedAt: ['更新时间', 'Updated at'],
  version: ['版本号（乐观锁）', 'Version (optimistic concurrency)'],
});

const staffFk = (t: { districtCode: AnyPgColumn; staffId: AnyPgColumn }, name: string) =>
  foreignKey({
    name,
    columns: [t.districtCode, t.staffId],
    foreignColumns: [staff.districtCode, staff.id],
  }).onDelete('cascade');

export const employments = pgTable(
  'workforce_employments',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    staffId: uuid('staff_id').notNull(),
    institutionId: uuid('institution_id').notNull(),
    townCode: varchar('town_code', { length: 12 }).notNull(),
    post: enumText('post', POSTS).notNull(),
    care: boolean('care').notNull(),
    startDate: day('start_date').notNull(),
    endDate: day('end_date'),
    labourContract: boolean('labour_contract').notNull(),
    socialInsurance: boolean('social_insurance').notNull(),
    status: enumText('status', EMPLOYMENT_STATUSES).notNull(),
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    staffFk(t, 'workforce_employments_staff_fk'),
    foreignKey({
      name: 'workforce_employments_institution_fk',
      columns: [t.districtCode, t.institutionId],
      foreignColumns: [institutions.districtCode, institutions.id],
    }).onDelete('cascade'),
    index('workforce_employments_staff_idx').on(t.districtCode, t.staffId),
    index('workforce_employments_institution_idx').on(t.districtCode, t.institutionId, t.status),
    index('workforce_employments_town_idx').on(t.districtCode, t.townCode),
    // One active caregiving employment per person (the service answers 409 first, naming what it may).
    uniqueIndex('workforce_employments_one_active_care_uq')
      .on(t.districtCode, t.staffId)
      .where(sql`status = 'active' AND care`),
    ...enumChecks(t),
  ],
);
comment(employments, ['从业人员任职', 'Employments of staff at institutions'], {
  districtCode: DISTRICT,
  id: ['任职 ID', 'Employment id'],
  staffId: ['人员 ID', 'Person id'],
  institutionId: ['机构 ID', 'Institution id'],
  townCode: ['机构所在街镇代码（用于管辖范围）', "The institution's town code (for the jurisdiction guard)"],
  post: ['岗位', 'Post'],
  care: ['是否保育岗位（保育人员/育婴员/教师）', 'Caregiving post (caregiver, infant carer, teacher)'],
  startDate: ['入职日期', 'Start date'],
  endDate: ['离职日期', 'End date'],
  labourContract: ['是否签订劳动合同', 'Labour contract signed'],
  socialInsurance: ['是否缴纳社会保险', 'Social insurance paid'],
  status: ['状态：active 在职/ended 离职/blocked 禁入拦截', 'Status: active/ended/blocked'],
  createdAt: ['创建时间', 'Created at'],
  updatedAt: ['更新时间', 'Updated at'],
  version: ['版本号（乐观锁）', 'Version (optimistic concurrency)'],
});

export const classAssignments = pgTable(
  'workforce_class_assignments',
  {
    districtCode: districtCode(),
    employmentId: uuid('employment_id').notNull(),
    classId: uuid('class_id').notNull(),
    institutionId: uuid('institution_id').notNull(),
    createdAt: tz('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.employmentId, t.classId] }),
    foreignKey({
      name: 'workforce_class_assignments_employment_fk',
      columns: [t.districtCode, t.employmentId],
      foreignColumns: [employments.districtCode, employments.id],
    }).onDelete('cascade'),
    // A class edit keeps the class ids that stay; a removed class takes its assignments with it.
    foreignKey({
      name: 'workforce_class_assignments_class_fk',
      columns: [t.districtCode, t.classId],
      foreignColumns: [institutionClasses.districtCode, institutionClasses.id],
    }).onDelete('cascade'),
    index('workforce_class_assignments_class_idx').on(t.districtCode, t.classId),
    index('workforce_class_assignments_institution_idx').on(t.districtCode, t.institutionId),
  ],
);
comment(classAssignments, ['班级配班', 'Class assignments of employments'], {
  districtCode: DISTRICT,
  employmentId: ['任职 ID', 'Employment id'],
  classId: ['班级 ID', 'Class id'],
  institutionId: ['机构 ID', 'Institution id'],
  createdAt: ['创建时间', 'Created at'],
});

export const certificates = pgTable(
  'workforce_certificates',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    staffId: uuid('staff_id').notNull(),
    type: enumText('type', CERTIFICATE_TYPES).notNull(),
    number: varchar('number', { length: 50 }).notNull(),
    issuer: varchar('issuer', { length: 100 }).notNull(),
    issuedOn: day('issued_on').notNull(),
    expiresOn: day('expires_on'),
    fileId: uuid('file_id'),
    createdAt: tz('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    staffFk(t, 'workforce_certificates_staff_fk'),
    index('workforce_certificates_staff_idx').on(t.districtCode, t.staffId),
    index('workforce_certificates_expiry_idx').on(t.districtCode, t.expiresOn),
    ...enumChecks(t),
  ],
);
comment(certificates, ['从业人员证书', 'Certificates of staff'], {
  districtCode: DISTRICT,
  id: ['证书 ID', 'Certificate id'],
  staffId: ['人员 ID', 'Person id'],
  type: ['证书类型', 'Certificate type'],
  number: ['证书编号', 'Certificate number'],
  issuer: ['发证机关', 'Issuer'],
  issuedOn: ['发证日期', 'Issued on'],
  expiresOn: ['有效期至（空为长期）', 'Valid until (empty: no expiry)'],
  fileId: ['扫描件（附件 ID）', 'Scan (attachment id)'],
  createdAt: ['创建时间', 'Created at'],
});

export const banEntries = pgTable(
  'workforce_ban_entries',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    banHash: varchar('ban_hash', { length: 64 }).notNull(),
    fullName: varchar('full_name', { length: 50 }),
    role: enumText('role', BAN_ROLES).notNull(),
    relatedEntryId: uuid('related_entry_id'),
    reason: varchar('reason', { length: 500 }).notNull(),
    reasonCategory: enumText('reason_category', BAN_REASON_CATEGORIES).notNull().default('abuse'),
    decisionRef: varchar('decision_ref', { length: 100 }).notNull(),
    decisionDate: day('decision_date').notNull(),
    source: enumText('source', BAN_SOURCES).notNull(),
    issuingDistrict: varchar('issuing_district', { length: 6 }),
    enteredBy: uuid('entered_by'),
    enteredAt: tz('entered_at').notNull(),
    liftedAt: tz('lifted_at'),
    liftedBy: uuid('lifted_by'),
    liftReason: varchar('lift_reason', { length: 500 }),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    index('workforce_ban_entries_hash_idx').on(t.districtCode, t.banHash),
    // Re-importing a list adds nothing (ADR 0018).
    uniqueIndex('workforce_ban_entries_imported_uq')
      .on(t.districtCode, t.issuingDistrict, t.banHash, t.decisionRef)
      .where(sql`${t.source} = 'imported'`),
    ...enumChecks(t),
  ],
);
comment(banEntries, ['终身禁入名单（仅存共享密钥散列）', 'Lifetime ban list (keyed hashes only)'], {
  districtCode: DISTRICT,
  id: ['条目 ID', 'Entry id'],
  banHash: [
    '共享密钥 HMAC-SHA-256 散列（ADR 0013）',
    'HMAC-SHA-256 under the shared ban-list key (ADR 0013)',
  ],
  fullName: [
    '姓名（本区录入时；导入条目为空）',
    'Name (entries made here; empty for imported ones)',
    pd.plain('name'),
  ],
  role: ['身份：perpetrator 行为人/direct_manager 直接管理人员', 'Role: perpetrator/direct_manager'],
  relatedEntryId: ['对应行为人的条目 ID（直接管理人员）', "The perpetrator's entry (for a direct manager)"],
  reason: ['事由', 'Reason'],
  reasonCategory: [
    '事由类别：abuse 虐待伤害/neglect 严重失职/other 其他（随名单交换）',
    'Reason category: abuse/neglect/other (exchanged with the list)',
  ],
  issuingDistrict: [
    '作出决定的区（外区导入条目；本区条目为空即本区）',
    'District that issued the decision (imported entries; empty = this district)',
  ],
  decisionRef: ['处理决定文号', 'Decision reference'],
  decisionDate: ['决定日期', 'Decision date'],
  source: ['来源：local 本区录入/imported 外区导入', 'Source: local/imported'],
  enteredBy: ['录入人账号 ID', 'Entered by (account id)'],
  enteredAt: ['录入时间', 'Entered at'],
  liftedAt: ['解除时间', 'Lifted at'],
  liftedBy: ['解除人账号 ID', 'Lifted by (account id)'],
  liftReason: ['解除理由', 'Why it was lifted'],
});

export const banMatches = pgTable(
  'workforce_ban_matches',
  {
    districtCode: districtCode(),
    staffId: uuid('staff_id').notNull(),
    banEntryId: uuid('ban_entry_id').notNull(),
    source: enumText('source', MATCH_SOURCES).notNull(),
    detectedAt: tz('detected_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.staffId, t.banEntryId] }),
    staffFk(t, 'workforce_ban_matches_staff_fk'),
    foreignKey({
      name: 'workforce_ban_matches_entry_fk',
      columns: [t.districtCode, t.banEntryId],
      foreignColumns: [banEntries.districtCode, banEntries.id],
    }).onDelete('cascade'),
    index('workforce_ban_matches_entry_idx').on(t.districtCode, t.banEntryId),
    ...enumChecks(t),
  ],
);
comment(banMatches, ['禁入名单命中记录', 'Ban-list matches of staff'], {
  districtCode: DISTRICT,
  staffId: ['人员 ID', 'Person id'],
  banEntryId: ['名单条目 ID', 'Ban entry id'],
  source: ['发现方式：hire 入职筛查/rescreen 名单变更复查', 'Found by: hire screening / re-screening'],
  detectedAt: ['发现时间', 'Detected at'],
});

export const trainingEvents = pgTable(
  'workforce_training_events',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    title: varchar('title', { length: 100 }).notNull(),
    organiser: varchar('organiser', { length: 100 }).notNull(),
    category: enumText('category', TRAINING_CATEGORIES).notNull(),
    startDate: day('start_date').notNull(),
    endDate: day('end_date').notNull(),
    hours: doublePrecision('hours').notNull(),
    districtLevel: boolean('district_level').notNull(),
    /** The institution that organised it (null: district or town level). */
    institutionId: uuid('institution_id'),
    createdBy: uuid('created_by'),
    createdAt: tz('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    index('workforce_training_events_date_idx').on(t.districtCode, t.startDate),
    index('workforce_training_events_institution_idx').on(t.districtCode, t.institutionId),
    ...enumChecks(t),
  ],
);
comment(trainingEvents, ['培训活动', 'Training events'], {
  districtCode: DISTRICT,
  id: ['培训 ID', 'Training id'],
  title: ['名称', 'Title'],
  organiser: ['组织单位', 'Organiser'],
  category: ['内容类别：职业道德/职业规范/职业技能/安全防范/心理健康', 'Content category'],
  startDate: ['开始日期', 'Start date'],
  endDate: ['结束日期', 'End date'],
  hours: ['课时', 'Class hours'],
  districtLevel: [
    '是否区级专业培训（计入每年6次）',
    'District professional training (counts toward 6 a year)',
  ],
  institutionId: ['组织机构 ID（区、镇组织为空）', 'Organising institution (empty: district or town)'],
  createdBy: ['录入人账号 ID', 'Entered by (account id)'],
  createdAt: ['创建时间', 'Created at'],
});

export const trainingAttendance = pgTable(
  'workforce_training_attendance',
  {
    districtCode: districtCode(),
    eventId: uuid('event_id').notNull(),
    staffId: uuid('staff_id').notNull(),
    hours: doublePrecision('hours').notNull(),
    createdAt: tz('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.eventId, t.staffId] }),
    foreignKey({
      name: 'workforce_training_attendance_event_fk',
      columns: [t.districtCode, t.eventId],
      foreignColumns: [trainingEvents.districtCode, trainingEvents.id],
    }).onDelete('cascade'),
    staffFk(t, 'workforce_training_attendance_staff_fk'),
    index('workforce_training_attendance_staff_idx').on(t.districtCode, t.staffId),
  ],
);
comment(trainingAttendance, ['培训出勤', 'Training attendance'], {
  districtCode: DISTRICT,
  eventId: ['培训 ID', 'Training id'],
  staffId: ['人员 ID', 'Person id'],
  hours: ['计入课时', 'Hours credited'],
  createdAt: ['创建时间', 'Created at'],
});

export const personRecords = pgTable(
  'workforce_person_records',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    staffId: uuid('staff_id').notNull(),
    kind: enumText('kind', RECORD_KINDS).notNull(),
    recordDate: day('record_date').notNull(),
    skill: enumText('skill', SKILL_ASSESSMENTS),
    grade: enumText('grade', GRADES),
    description: varchar('description', { length: 500 }).notNull(),
    decisionRef: varchar('decision_ref', { length: 100 }),
    institutionId: uuid('institution_id'),
    townCode: varchar('town_code', { length: 9 }),
    enteredBy: uuid('entered_by'),
    enteredAt: tz('entered_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    staffFk(t, 'workforce_person_records_staff_fk'),
    foreignKey({
      name: 'workforce_person_records_institution_fk',
      columns: [t.districtCode, t.institutionId],
      foreignColumns: [institutions.districtCode, institutions.id],
    }),
    index('workforce_person_records_staff_idx').on(t.districtCode, t.staffId, t.recordDate),
    index('workforce_person_records_kind_idx').on(t.districtCode, t.kind, t.recordDate),
    index('workforce_person_records_institution_idx').on(t.districtCode, t.institutionId),
    ...enumChecks(t),
  ],
);
comment(
  personRecords,
  ['过程考核、职业技能鉴定与奖惩记录', 'Assessments during work, skill assessments, rewards and penalties'],
  {
    districtCode: DISTRICT,
    id: ['记录 ID', 'Record id'],
    staffId: ['人员 ID', 'Person id'],
    kind: [
      '类别：process_assessment 过程考核/skill_assessment 职业技能鉴定/reward 奖励/penalty 惩处',
      'Kind: process_assessment/skill_assessment/reward/penalty',
    ],
    recordDate: ['日期', 'Date'],
    skill: ['鉴定项目（职业技能鉴定）', 'Assessment taken (skill assessments)'],
    grade: ['结果/等级（考核、鉴定）', 'Result or grade (assessments)'],
    description: ['说明', 'Description'],
    decisionRef: ['决定文号（奖惩）', 'Decision reference (rewards and penalties)'],
    institutionId: ['录入时的任职机构 ID', 'Institution of the employment it was entered for'],
    townCode: ['该机构所在街镇', "That institution's town"],
    enteredBy: ['录入人账号 ID', 'Entered by (account id)'],
    enteredAt: ['录入时间', 'Entered at'],
  },
);

/**
 * Pre-hire record checks (入职查询, issue 17): the sex-offence record query and the no-criminal-record
 * certificate an institution records before an employment starts (rule pack `recordChecks.required`).
 */
export const recordChecks = pgTable(
  'staff_record_checks',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    staffId: uuid('staff_id').notNull(),
    kind: enumText('kind', RECORD_CHECK_KINDS).notNull(),
    result: enumText('result', RECORD_CHECK_RESULTS).notNull(),
    checkedOn: day('checked_on').notNull(),
    referenceNumber: varchar('reference_number', { length: 50 }).notNull(),
    fileId: uuid('file_id'),
    institutionId: uuid('institution_id').notNull(),
    recordedBy: uuid('recorded_by'),
    recordedAt: tz('recorded_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    staffFk(t, 'staff_record_checks_staff_fk'),
    foreignKey({
      name: 'staff_record_checks_institution_fk',
      columns: [t.districtCode, t.institutionId],
      foreignColumns: [institutions.districtCode, institutions.id],
    }).onDelete('cascade'),
    index('staff_record_checks_staff_idx').on(t.districtCode, t.staffId, t.kind),
    index('staff_record_checks_institution_idx').on(t.districtCode, t.institutionId),
    ...enumChecks(t),
  ],
);
comment(recordChecks, ['从业人员入职查询记录', 'Pre-hire record checks of staff'], {
  districtCode: DISTRICT,
  id: ['查询记录 ID（UUIDv7）', 'Check id (UUIDv7)'],
  staffId: ['人员 ID', 'Person id'],
  kind: [
    '类别：sex_offence_query 性侵违法犯罪信息查询（高检发〔2020〕14号）/no_criminal_record 无犯罪记录证明（WS/T 821）',
    'Kind: sex_offence_query (高检发〔2020〕14号) / no_criminal_record certificate (WS/T 821)',
  ],
  result: [
    '结果：clear 无记录/found 有记录（有记录则不得录用）',
    'Result: clear / found (a record found bars the hire)',
  ],
  checkedOn: ['查询或开具日期', 'Date of the query or of the certificate'],
  referenceNumber: [
    '查询回执或证明编号（按录入保存，不写入日志）',
    'Reference number of the query or certificate (stored as entered, never logged)',
  ],
  fileId: ['扫描件（附件 ID）', 'Scan (attachment id)'],
  institutionId: ['录入时所为的机构 ID', 'Institution the check was recorded for'],
  recordedBy: ['录入人账号 ID', 'Recorded by (account id)'],
  recordedAt: ['录入时间', 'Recorded at'],
});
