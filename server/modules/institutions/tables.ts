/**
 * Institution registry tables. Citus rule: every table carries district_code in its primary key,
 * unique constraints and foreign keys; every foreign key has an index. Child tables (classes,
 * history) are reached only through their institution, so the guard scopes them there. Filing
 * documents are attachments (server/platform/files) owned by the institution.
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
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  unique,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import {
  CLASS_TYPE_VALUES,
  INSTITUTION_KINDS,
  INSTITUTION_STATUSES,
  OWNERSHIPS,
  SERVICE_FORMS,
  TRANSITION_ACTIONS,
} from '../../../domain/contracts/institution.ts';
import type { FieldDifference } from '../../../domain/institutions/national-filing.ts';
import { comment, pd } from '../../platform/comments.ts';
import { enumChecks, enumText, enumTextArray } from '../../platform/enum-columns.ts';
import { blindIndex, encryptedText } from '../../platform/personal-data.ts';
import { historyColumns, historyComments, statusHistory } from '../../platform/status-history.ts';
import { DISTRICT_COMMENT as DISTRICT, districtCode, tz } from '../../platform/tables.ts';

export const institutions = pgTable(
  'institutions',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    // Written with every name (domain/rules/pinyin.ts); '' until backfilled (backfillNamePinyin).
    namePinyin: varchar('name_pinyin', { length: 400 }).notNull().default(''),
    creditCode: varchar('credit_code', { length: 18 }).notNull(),
    kind: enumText('kind', INSTITUTION_KINDS).notNull(),
    ownership: enumText('ownership', OWNERSHIPS).notNull(),
    inclusive: boolean('inclusive').notNull(),
    serviceForms: enumTextArray('service_forms', SERVICE_FORMS).notNull(),
    address: varchar('address', { length: 200 }).notNull(),
    townCode: varchar('town_code', { length: 12 }).notNull(),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
    publicPhone: varchar('public_phone', { length: 20 }).notNull(),
    openingHours: varchar('opening_hours', { length: 100 }).notNull(),
    feeFullDayFen: integer('fee_full_day_fen'),
    feeHalfDayFen: integer('fee_half_day_fen'),
    feeHourlyFen: integer('fee_hourly_fen'),
    mealsProvided: boolean('meals_provided').notNull(),
    directorName: varchar('director_name', { length: 50 }).notNull(),
    operatorName: varchar('operator_name', { length: 100 }),
    operatorCreditCode: varchar('operator_credit_code', { length: 18 }),
    // Filing material (国卫办人口发〔2019〕25号), never public: encrypted, masked, revealed with a purpose.
    directorIdNumber: encryptedText('director_id_number'),
    directorIdNumberBidx: blindIndex('director_id_number_bidx'),
    directorMobile: encryptedText('director_mobile'),
    status: enumText('status', INSTITUTION_STATUSES).notNull(),
    licenceNumber: varchar('licence_number', { length: 50 }),
    licenceIssuedOn: date('licence_issued_on', { mode: 'string' }),
    licenceValidUntil: date('licence_valid_until', { mode: 'string' }),
    licenceIssuer: varchar('licence_issuer', { length: 100 }),
    seats: integer('seats').notNull().default(0),
    enrolled: integer('enrolled').notNull().default(0),
    toddlerClasses: integer('toddler_classes').notNull().default(0),
    classAges: smallint('class_ages').array().notNull().default(sql`'{}'::smallint[]`),
    submittedAt: tz('submitted_at'),
    filedAt: tz('filed_at'),
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    unique('institutions_credit_code_uq').on(t.districtCode, t.creditCode),
    index('institutions_town_idx').on(t.districtCode, t.townCode),
    index('institutions_status_idx').on(t.districtCode, t.status, t.name),
    index('institutions_kind_status_idx').on(t.districtCode, t.kind, t.status, t.townCode),
    index('institutions_name_pinyin_idx').on(t.districtCode, t.namePinyin, t.id),
    // Public search (issue 15): nearest-first (KNN) over the listed institutions' points, and their counts.
    index('institutions_public_point_idx')
      .using('gist', sql`point(${t.lng}, ${t.lat})`)
      .where(sql`status in ('filed', 'operating') and seats > 0`),
    index('institutions_public_count_idx')
      .on(t.districtCode, t.townCode, t.kind, t.inclusive, t.serviceForms, t.classAges)
      .where(sql`status in ('filed', 'operating') and seats > 0`),
    ...enumChecks(t),
    // One institution per director within the district (exact match on the keyed blind index).
    uniqueIndex('institutions_director_id_uq').on(t.districtCode, t.directorIdNumberBidx),
  ],
);
comment(institutions, ['托育机构名录', 'Institution registry'], {
  districtCode: DISTRICT,
  id: ['机构 ID（UUIDv7）', 'Institution id (UUIDv7)'],
  name: ['机构名称', 'Name'],
  namePinyin: [
    '机构名称的拼音排序键（无声调，写入时计算，用于按名称排序）',
    'Pinyin sort key of the name (toneless, computed on write; for ordering by name)',
  ],
  creditCode: ['统一社会信用代码（GB 32100）', 'Unified social credit code (GB 32100)'],
  kind: [
    '类型：childcare_institution 托育机构/kindergarten 幼儿园/community_point 社区托育点/family_point 家庭托育点',
    'Kind',
  ],
  ownership: ['举办性质：public 公办/private 民办', 'Ownership: public/private'],
  inclusive: ['是否普惠性', 'Inclusive (government-priced)'],
  serviceForms: ['服务形式：full_day 全日制/half_day 半日制/hourly 计时制', 'Service forms'],
  address: ['地址', 'Address'],
  townCode: ['所在街镇代码（9 位统计用代码）', 'Town/street code (9-digit statistical code)'],
  lat: ['纬度（WGS-84）', 'Latitude (WGS-84)'],
  lng: ['经度（WGS-84）', 'Longitude (WGS-84)'],
  publicPhone: [
    '对外联系电话（已规范化）',
    'Public phone (normalised)',
    pd.public("the institution's published business phone, shown on the public portal"),
  ],
  openingHours: ['开放时间', 'Opening hours'],
  feeFullDayFen: ['全日制月收费（分）', 'Full-day monthly fee (fen)'],
  feeHalfDayFen: ['半日制月收费（分）', 'Half-day monthly fee (fen)'],
  feeHourlyFen: ['计时制每小时收费（分）', 'Hourly fee (fen)'],
  mealsProvided: ['是否提供膳食', 'Meals provided'],
  operatorName: ['举办者名称（可选）', 'Operator (举办者) name, optional'],
  operatorCreditCode: [
    '举办者统一社会信用代码（可选；同一举办者的机构在质量评估中不互评）',
    "Operator's unified social credit code (optional; institutions of one operator never review each other)",
  ],
  directorName: ['负责人姓名（不对公众公开）', "Director's name (not public)", pd.plain('name')],
  directorIdNumber: [
    '负责人公民身份号码（AES-256-GCM 加密，备案材料，不公开）',
    "Director's citizen ID number (AES-256-GCM encrypted; filing material, not public)",
    pd.encrypted('citizen_id', { blindIndex: 'directorIdNumberBidx' }),
  ],
  directorIdNumberBidx: [
    '负责人身份号码盲索引（HMAC-SHA-256，用于精确查找与区内唯一）',
    "Blind index of the director's ID number (HMAC-SHA-256; exact lookup, unique in the district)",
    pd.blindIndex('citizen_id'),
  ],
  directorMobile: [
    '负责人个人手机号码（加密，不公开）',
    "Director's personal mobile number (encrypted, not disclosed)",
    pd.encrypted('phone'),
  ],
  licenceNumber: [
    '许可证号（托育服务法草案拟设许可，仅存不校验规则；可空）',
    'Licence number (the draft childcare services law may bring licensing; kept, no rules; nullable)',
  ],
  licenceIssuedOn: ['许可发证日期（可空）', 'Licence issued on (nullable)'],
  licenceValidUntil: ['许可有效期至（可空）', 'Licence valid until (nullable)'],
  licenceIssuer: ['许可发证机关（可空）', 'Licence issuer (nullable)'],
  status: ['备案状态：draft/submitted/filed/operating/rectifying/suspended/closed', 'Filing status'],
  seats: ['托额（各班核定容量之和）', 'Seats (sum of class capacities)'],
  enrolled: ['在托人数（各班之和）', 'Children enrolled (sum over classes)'],
  toddlerClasses: ['幼儿园托班数', "Number of a kindergarten's toddler classes"],
  classAges: [
    '各班级收托月龄的并集（整月；某班 最小月龄 ≤ m < 最大月龄 即含 m；写班级时计算，供门户按月龄检索）',
    "The months of age the classes take (m when some class has min ≤ m < max; computed when classes are written, for the portal's age filter)",
  ],
  submittedAt: ['最近一次提交备案时间', 'Last submitted for filing at'],
  filedAt: ['予以备案时间', 'Filed at'],
  createdAt: ['创建时间', 'Created at'],
  updatedAt: ['更新时间', 'Updated at'],
  version: ['版本号（乐观锁）', 'Version (optimistic concurrency)'],
});

const institutionFk = (t: { districtCode: AnyPgColumn; institutionId: AnyPgColumn }, name: string) =>
  foreignKey({
    name,
    columns: [t.districtCode, t.institutionId],
    foreignColumns: [institutions.districtCode, institutions.id],
  }).onDelete('cascade');

/** Classes are replaced as a set under the institution's version; they have no version of their own. */
export const institutionClasses = pgTable(
  'institution_classes',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    institutionId: uuid('institution_id').notNull(),
    position: integer('position').notNull(),
    name: varchar('name', { length: 50 }).notNull(),
    type: enumText('type', CLASS_TYPE_VALUES).notNull(),
    capacity: integer('capacity').notNull(),
    enrolled: integer('enrolled').notNull(),
    minAgeMonths: integer('min_age_months').notNull(),
    maxAgeMonths: integer('max_age_months').notNull(),
    createdAt: tz('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    institutionFk(t, 'institution_classes_institution_fk'),
    index('institution_classes_institution_idx').on(
      t.districtCode,
      t.institutionId,
      t.minAgeMonths,
      t.maxAgeMonths,
    ),
    ...enumChecks(t),
  ],
);
comment(institutionClasses, ['班级', 'Classes'], {
  districtCode: DISTRICT,
  id: ['班级 ID', 'Class id'],
  institutionId: ['所属机构 ID', 'Institution id'],
  position: ['显示顺序', 'Display order'],
  name: ['班级名称', 'Class name'],
  type: [
    '班型：infant 乳儿班/toddler_small 托小班/toddler_large 托大班/mixed 混龄班/kindergarten_toddler 幼儿园托班',
    'Class type',
  ],
  capacity: ['核定容量（不超过规则包班额）', 'Capacity (≤ the rule-pack cap)'],
  enrolled: ['在班人数', 'Children enrolled'],
  minAgeMonths: ['最小收托月龄', 'Youngest age admitted (months)'],
  maxAgeMonths: ['月龄上限（不含）', 'Upper age bound, exclusive (months)'],
  createdAt: ['创建时间', 'Created at'],
});

/** What a history row may record: the creation (in the console or by import), then the lifecycle's actions. */
export const HISTORY_ACTIONS = ['create', 'import', ...TRANSITION_ACTIONS] as const;

/** One row per lifecycle transition (and the creation). Immutable. */
export const institutionStatusHistory = pgTable(
  'institution_status_history',
  {
    ...historyColumns(INSTITUTION_STATUSES, HISTORY_ACTIONS),
    institutionId: uuid('institution_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    institutionFk(t, 'institution_status_history_institution_fk'),
    index('institution_status_history_institution_idx').on(t.districtCode, t.institutionId, t.at),
    ...enumChecks(t),
  ],
);
comment(institutionStatusHistory, ['机构状态变更记录', 'Institution status history'], {
  ...historyComments([
    '原因（退回、整改、停业、注销时必填）',
    'Reason (required to return, rectify, suspend, close)',
  ]),
  institutionId: ['所属机构 ID', 'Institution id'],
});

/** Append and read the institutions' status history (server/platform/status-history.ts). */
export const institutionHistory = statusHistory(institutionStatusHistory, 'institutionId');

export const NATIONAL_SYNC_STATES = ['queued', 'synced', 'failed', 'differs'] as const;

/**
 * The national filing sync of one institution (docs/filing-sync.md): the last record sent, where it stands,
 * the national side's message and the fields its stored copy differs in. One row per institution.
 */
export const institutionNationalSync = pgTable(
  'institution_national_sync',
  {
    districtCode: districtCode(),
    institutionId: uuid('institution_id').notNull(),
    lastRecordId: varchar('last_record_id', { length: 80 }),
    state: enumText('state', NATIONAL_SYNC_STATES).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastAttemptAt: tz('last_attempt_at'),
    resultAt: tz('result_at'),
    message: varchar('message', { length: 500 }),
    differences: jsonb('differences').$type<FieldDifference[]>().notNull().default([]),
    updatedAt: tz('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.institutionId] }),
    institutionFk(t, 'institution_national_sync_institution_fk'),
    index('institution_national_sync_state_idx').on(t.districtCode, t.state),
    ...enumChecks(t),
  ],
);
comment(institutionNationalSync, ['国家备案系统同步状态', 'National filing sync status'], {
  districtCode: DISTRICT,
  institutionId: ['机构 ID', 'Institution id'],
  lastRecordId: ['最近发送的记录编号', 'Last record id sent'],
  state: [
    '同步状态：queued 待发送/synced 已同步/failed 失败/differs 不一致',
    'State: queued/synced/failed/differs',
  ],
  attempts: ['本轮发送尝试次数', 'Attempts in this round'],
  lastAttemptAt: ['最近一次尝试时间', 'Last attempt at'],
  resultAt: ['最近一次结果时间', 'Last result at'],
  message: ['国家系统返回的说明', "The national side's message"],
  differences: ['国家系统存档与本系统不一致的字段', 'Fields where the stored national copy differs'],
  updatedAt: ['更新时间', 'Updated at'],
});

/** The registry fields whose edit changes the national record (keys of CHANGE_FIELD_LABELS). */
export const NATIONAL_EDIT_FIELDS = [
  'name',
  'creditCode',
  'kind',
  'ownership',
  'inclusive',
  'townCode',
  'address',
  'directorName',
  'serviceForms',
  'seats',
] as const;

/**
 * Edits of a filed institution that change its national record (docs/filing-sync.md): each one is a
 * change record (变更) with its own stable id, sent by the sync job after the status records. Immutable.
 */
export const institutionNationalEdits = pgTable(
  'institution_national_edits',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    institutionId: uuid('institution_id').notNull(),
    at: tz('at').notNull(),
    fields: enumTextArray('fields', NATIONAL_EDIT_FIELDS).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    institutionFk(t, 'institution_national_edits_institution_fk'),
    index('institution_national_edits_institution_idx').on(t.districtCode, t.institutionId, t.at),
    ...enumChecks(t),
  ],
);
comment(
  institutionNationalEdits,
  ['备案后影响国家备案记录的信息变更', 'Edits after filing that change the national record'],
  {
    districtCode: DISTRICT,
    id: ['变更 ID', 'Edit id'],
    institutionId: ['机构 ID', 'Institution id'],
    at: ['变更时间', 'Edited at'],
    fields: [
      '变更的登记字段（国家记录所含字段）',
      'Registry fields changed (those the national record carries)',
    ],
  },
);
