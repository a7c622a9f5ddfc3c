/**
 * Tables of the Families module (issue 11). Citus rule: district_code first in every primary key,
 * unique index and foreign key; an index on every foreign key. Children's and guardians' ID numbers
 * and phones are sealed (AES-256-GCM) with a keyed blind index; names are clear and masked in the
 * audit trail. The guard scopes everything through the family: by town (officers, health workers,
 * guidance staff), by family (a parent). Slots and bookings are also reached by their institution.
 */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
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
  APPLICATION_STATUSES,
  BOOKING_STATUSES,
  CHILD_SEXES,
  CONSENT_CHANNELS,
  CONSENT_PURPOSES,
  CONSENT_STATUSES,
  FAMILY_REQUEST_FIELDS,
  FAMILY_REQUEST_KINDS,
  FAMILY_REQUEST_STATUSES,
  FAMILY_SOURCES,
  GUARDIAN_RELATIONS,
  GUIDANCE_TOPICS,
  SESSION_STATUSES,
  VISIT_STATUSES,
} from '../../../domain/contracts/families.ts';
import { FACILITY_KINDS } from '../../../domain/contracts/families-facilities.ts';
import {
  DISTRIBUTION_ITEMS,
  ONLINE_PLATFORMS,
  REGISTRATION_CHANNELS,
  RESOURCE_KINDS,
  RESOURCE_STATUSES,
} from '../../../domain/contracts/families-online.ts';
import { SERVICE_FORMS } from '../../../domain/contracts/institution.ts';
import { DEMAND_SOURCES } from '../../../domain/contracts/plan-circle.ts';
import { comment, pd } from '../../platform/comments.ts';
import { enumChecks, enumText } from '../../platform/enum-columns.ts';
import { blindIndex, encryptedText } from '../../platform/personal-data.ts';
import { DISTRICT_COMMENT as DISTRICT, districtCode, tz } from '../../platform/tables.ts';
import { institutions } from '../institutions/tables.ts';

const fk = (
  name: string,
  cols: [AnyPgColumn, AnyPgColumn],
  ref: [AnyPgColumn, AnyPgColumn],
  cascade = true,
) => {
  const f = foreignKey({ name, columns: cols, foreignColumns: ref });
  return cascade ? f.onDelete('cascade') : f;
};

export const familyCommunities = pgTable(
  'family_communities',
  {
    districtCode: districtCode(),
    code: varchar('code', { length: 12 }).notNull(),
    townCode: varchar('town_code', { length: 12 }).notNull(),
    name: varchar('name', { length: 50 }).notNull(),
    workerId: uuid('worker_id'),
    // The 15-minute circle's demand (plan module, circle.ts): where the community is and how many
    // children under 3 live there, from statistics (or synthetic in the demo, marked as such).
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    childrenUnder3: integer('children_under3'),
    demandSource: enumText('demand_source', DEMAND_SOURCES),
    demandAsOf: date('demand_as_of', { mode: 'string' }),
    createdAt: tz('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.code] }),
    index('family_communities_town_idx').on(t.districtCode, t.townCode),
    check('family_communities_children_ck', sql`${t.childrenUnder3} is null or ${t.childrenUnder3} >= 0`),
    ...enumChecks(t),
  ],
);
comment(familyCommunities, ['社区（村居委）名录', 'Communities (residents’ and village committees)'], {
  districtCode: DISTRICT,
  code: ['社区代码（12 位统计用代码）', 'Community code (12-digit statistical code)'],
  townCode: ['所属街镇代码', 'Town code'],
  name: ['社区名称', 'Community name'],
  workerId: [
    '负责上门指导的卫生健康人员账号 ID（社区分工；可空）',
    'Health worker in charge of home visits in the community (account id; optional)',
  ],
  lat: [
    '社区中心纬度（WGS-84；15分钟托育服务圈）',
    "Latitude of the community's centre (WGS-84; 15-minute circle)",
  ],
  lng: ['社区中心经度（WGS-84）', "Longitude of the community's centre (WGS-84)"],
  childrenUnder3: ['3 岁以下婴幼儿数（统计口径）', 'Children under 3 living there (statistics)'],
  demandSource: ['数据来源：statistics 统计 / synthetic 演示合成', 'Source: statistics / synthetic (demo)'],
  demandAsOf: ['统计日期', 'As of (date of the statistics)'],
  createdAt: ['创建时间', 'Created at'],
});

export const families = pgTable(
  'families',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    townCode: varchar('town_code', { length: 12 }).notNull(),
    communityCode: varchar('community_code', { length: 12 }).notNull(),
    address: varchar('address', { length: 200 }).notNull(),
    resident: boolean('resident').notNull(),
    source: enumText('source', FAMILY_SOURCES).notNull(),
    anonymisedAt: tz('anonymised_at'),
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    fk(
      'families_community_fk',
      [t.districtCode, t.communityCode],
      [familyCommunities.districtCode, familyCommunities.code],
      false,
    ),
    index('families_community_idx').on(t.districtCode, t.communityCode),
    index('families_town_idx').on(t.districtCode, t.townCode),
    ...enumChecks(t),
  ],
);
comment(families, ['婴幼儿家庭', 'Families of children under 3'], {
  districtCode: DISTRICT,
  id: ['家庭 ID（UUIDv7）', 'Family id (UUIDv7)'],
  townCode: ['所在街镇代码', 'Town code'],
  communityCode: ['所在社区代码', 'Community code'],
  address: [
    '家庭住址（个人信息，仅管辖范围内可见；匿名化后清空）',
    'Home address (personal; cleared on anonymisation)',
  ],
  resident: ['是否常住人口', 'Resident population (常住人口)'],
  source: ['来源：birth_record 出生登记导入/manual 手工录入', 'Source: birth_record/manual'],
  anonymisedAt: ['匿名化时间（保存期满）', 'Anonymised at (retention ended)'],
  createdAt: ['创建时间', 'Created at'],
  updatedAt: ['更新时间', 'Updated at'],
  version: ['版本号（乐观锁）', 'Version (optimistic concurrency)'],
});

export const familyChildren = pgTable(
  'family_children',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    familyId: uuid('family_id').notNull(),
    childName: varchar('child_name', { length: 50 }).notNull(),
    idNumber: encryptedText('id_number'),
    idNumberBidx: blindIndex('id_number_bidx'),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    sex: enumText('sex', CHILD_SEXES).notNull(),
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    fk('family_children_family_fk', [t.districtCode, t.familyId], [families.districtCode, families.id]),
    index('family_children_family_idx').on(t.districtCode, t.familyId),
    uniqueIndex('family_children_id_number_uq').on(t.districtCode, t.idNumberBidx),
    index('family_children_birth_idx').on(t.districtCode, t.birthDate),
    ...enumChecks(t),
  ],
);
comment(familyChildren, ['婴幼儿', 'Children under 3'], {
  districtCode: DISTRICT,
  id: ['婴幼儿 ID', 'Child id'],
  familyId: ['所属家庭 ID', 'Family id'],
  childName: ['姓名', 'Name', pd.plain('name')],
  idNumber: [
    '公民身份号码（AES-256-GCM 加密）',
    'Citizen ID number (AES-256-GCM encrypted)',
    pd.encrypted('citizen_id', { blindIndex: 'idNumberBidx' }),
  ],
  idNumberBidx: [
    '身份号码盲索引（导入去重）',
    'Blind index of the ID number (import key)',
    pd.blindIndex('citizen_id'),
  ],
  birthDate: ['出生日期', 'Birth date'],
  sex: ['性别：male/female', 'Sex: male/female'],
  createdAt: ['创建时间', 'Created at'],
  updatedAt: ['更新时间', 'Updated at'],
});

export const familyGuardians = pgTable(
  'family_guardians',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    familyId: uuid('family_id').notNull(),
    position: integer('position').notNull(),
    guardianName: varchar('guardian_name', { length: 50 }).notNull(),
    relation: enumText('relation', GUARDIAN_RELATIONS).notNull(),
    idNumber: encryptedText('id_number'),
    idNumberBidx: blindIndex('id_number_bidx'),
    mobile: encryptedText('mobile'),
    createdAt: tz('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    fk('family_guardians_family_fk', [t.districtCode, t.familyId], [families.districtCode, families.id]),
    uniqueIndex('family_guardians_position_uq').on(t.districtCode, t.familyId, t.position),
    index('family_guardians_id_number_idx').on(t.districtCode, t.idNumberBidx),
    ...enumChecks(t),
  ],
);
comment(familyGuardians, ['监护人', 'Guardians'], {
  districtCode: DISTRICT,
  id: ['监护人 ID', 'Guardian id'],
  familyId: ['所属家庭 ID', 'Family id'],
  position: ['序号（出生登记中的第几位监护人）', 'Position in the birth record'],
  guardianName: ['姓名', 'Name', pd.plain('name')],
  relation: ['与婴幼儿关系：mother/father/grandparent/other', 'Relation: mother/father/grandparent/other'],
  idNumber: [
    '公民身份号码（加密，可为空）',
    'Citizen ID number (encrypted, optional)',
    pd.encrypted('citizen_id', { blindIndex: 'idNumberBidx' }),
  ],
  idNumberBidx: ['身份号码盲索引', 'Blind index of the ID number', pd.blindIndex('citizen_id')],
  mobile: [
    '手机号码（加密；匿名化后清空）',
    'Mobile (encrypted; cleared on anonymisation)',
    pd.encrypted('phone'),
  ],
  createdAt: ['创建时间', 'Created at'],
});

export const familyConsents = pgTable(
  'family_consents',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    familyId: uuid('family_id').notNull(),
    guardianId: uuid('guardian_id').notNull(),
    purpose: enumText('purpose', CONSENT_PURPOSES).notNull(),
    status: enumText('status', CONSENT_STATUSES).notNull(),
    noticeVersion: varchar('notice_version', { length: 20 }).notNull(),
    channel: enumText('channel', CONSENT_CHANNELS).notNull(),
    givenAt: tz('given_at').notNull(),
    withdrawnAt: tz('withdrawn_at'),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    fk('family_consents_family_fk', [t.districtCode, t.familyId], [families.districtCode, families.id]),
    fk(
      'family_consents_guardian_fk',
      [t.districtCode, t.guardianId],
      [familyGuardians.districtCode, familyGuardians.id],
    ),
    uniqueIndex('family_consents_guardian_purpose_uq').on(t.districtCode, t.guardianId, t.purpose),
    index('family_consents_family_idx').on(t.districtCode, t.familyId, t.purpose, t.status),
    ...enumChecks(t),
  ],
);
comment(familyConsents, ['监护人单独同意（按目的）', 'Guardian consent per purpose'], {
  districtCode: DISTRICT,
  id: ['同意记录 ID', 'Consent id'],
  familyId: ['家庭 ID', 'Family id'],
  guardianId: ['监护人 ID', 'Guardian id'],
  purpose: [
    '目的：home_visit 上门指导/guidance_signup 指导活动报名/online_resources 线上资源',
    'Purpose: home_visit/guidance_signup/online_resources',
  ],
  status: ['状态：given 已同意/withdrawn 已撤回（撤回即停止处理）', 'Status: given/withdrawn'],
  noticeVersion: ['告知书版本', 'Notice version'],
  channel: ['渠道：paper 纸质/online 线上/phone 致电/in_person 当面', 'Channel'],
  givenAt: ['同意时间', 'Given at'],
  withdrawnAt: ['撤回时间', 'Withdrawn at'],
});

export const familyVisits = pgTable(
  'family_visits',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    familyId: uuid('family_id').notNull(),
    townCode: varchar('town_code', { length: 12 }).notNull(),
    communityCode: varchar('community_code', { length: 12 }).notNull(),
    workerId: uuid('worker_id'),
    workerName: varchar('worker_name', { length: 64 }),
    scheduledFor: date('scheduled_for', { mode: 'string' }).notNull(),
    status: enumText('status', VISIT_STATUSES).notNull(),
    visitedOn: date('visited_on', { mode: 'string' }),
    feeding: varchar('feeding', { length: 500 }),
    growth: varchar('growth', { length: 500 }),
    safety: varchar('safety', { length: 500 }),
    diseasePrevention: varchar('disease_prevention', { length: 500 }),
    handbookGiven: boolean('handbook_given'),
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    fk('family_visits_family_fk', [t.districtCode, t.familyId], [families.districtCode, families.id]),
    index('family_visits_family_idx').on(t.districtCode, t.familyId, t.visitedOn),
    index('family_visits_town_idx').on(t.districtCode, t.townCode, t.status, t.scheduledFor),
    index('family_visits_worker_idx').on(t.districtCode, t.workerId, t.status),
    ...enumChecks(t),
  ],
);
comment(familyVisits, ['上门指导（入户访视）', 'Home visits (上门指导)'], {
  districtCode: DISTRICT,
  id: ['访视 ID', 'Visit id'],
  familyId: ['家庭 ID', 'Family id'],
  townCode: ['街镇代码（家庭所在）', "Town code (the family's)"],
  communityCode: ['社区代码（按社区分派）', 'Community code (assignment)'],
  workerId: ['负责的卫生健康人员账号 ID', 'Health worker (account id)'],
  workerName: ['负责人员姓名（记录时的显示名）', "Health worker's display name (as recorded)"],
  scheduledFor: ['计划日期', 'Scheduled for'],
  status: ['状态：scheduled 已安排/done 已完成/cancelled 已取消', 'Status: scheduled/done/cancelled'],
  visitedOn: ['实际访视日期', 'Visited on'],
  feeding: ['喂养指导', 'Feeding guidance'],
  growth: ['生长发育', 'Growth and development'],
  safety: ['安全照护', 'Safety'],
  diseasePrevention: ['疾病预防', 'Disease prevention'],
  handbookGiven: ['是否发放母子健康手册', 'Maternal and child health handbook given'],
  createdAt: ['创建时间', 'Created at'],
  updatedAt: ['更新时间', 'Updated at'],
  version: ['版本号（乐观锁）', 'Version (optimistic concurrency)'],
});

export const familySlots = pgTable(
  'family_slots',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    institutionId: uuid('institution_id'),
    /** A 宝宝屋 site's slot (issue 17) instead of an institution's. */
    facilityId: uuid('facility_id'),
    townCode: varchar('town_code', { length: 12 }).notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    startTime: varchar('start_time', { length: 5 }).notNull(),
    endTime: varchar('end_time', { length: 5 }).notNull(),
    capacity: integer('capacity').notNull(),
    booked: integer('booked').notNull().default(0),
    cancelDeadline: tz('cancel_deadline').notNull(),
    createdAt: tz('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    fk(
      'family_slots_institution_fk',
      [t.districtCode, t.institutionId],
      [institutions.districtCode, institutions.id],
    ),
    fk(
      'family_slots_facility_fk',
      [t.districtCode, t.facilityId],
      [familyFacilities.districtCode, familyFacilities.id],
      false,
    ),
    check('family_slots_one_owner', sql`(${t.institutionId} is null) <> (${t.facilityId} is null)`),
    index('family_slots_facility_idx').on(t.districtCode, t.facilityId, t.date),
    index('family_slots_institution_idx').on(t.districtCode, t.institutionId, t.date),
    index('family_slots_date_idx').on(t.districtCode, t.date),
    check('family_slots_booked_le_capacity', sql`${t.booked} >= 0 and ${t.booked} <= ${t.capacity}`),
  ],
);
comment(familySlots, ['计时制托育时段', 'Hourly care slots (计时制)'], {
  districtCode: DISTRICT,
  id: ['时段 ID', 'Slot id'],
  institutionId: ['发布机构 ID（宝宝屋时段为空）', 'Institution id (null for a baby house slot)'],
  facilityId: ['宝宝屋 ID（机构时段为空）', 'baby house site id (null for an institution slot)'],
  townCode: ['机构或宝宝屋所在街镇代码', "Institution's or site's town code"],
  date: ['日期', 'Date'],
  startTime: ['开始时间（HH:MM，北京时间）', 'Start (HH:MM, China time)'],
  endTime: ['结束时间', 'End'],
  capacity: ['名额', 'Places'],
  booked: ['已预约人数（条件更新，不超过名额）', 'Places booked (conditional update, never above capacity)'],
  cancelDeadline: ['取消与预约截止时间', 'Booking and cancellation deadline'],
  createdAt: ['创建时间', 'Created at'],
});

export const familyBookings = pgTable(
  'family_bookings',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    slotId: uuid('slot_id').notNull(),
    institutionId: uuid('institution_id'),
    facilityId: uuid('facility_id'),
    familyId: uuid('family_id').notNull(),
    childId: uuid('child_id').notNull(),
    status: enumText('status', BOOKING_STATUSES).notNull(),
    // — a 宝宝屋 booking (issue 17): the hours as quoted at booking (a cancellation gives the free hours back) —
    freeHours: integer('free_hours'),
    chargedHours: integer('charged_hours'),
    chargeFen: integer('charge_fen'),
    createdAt: tz('created_at').notNull(),
    cancelledAt: tz('cancelled_at'),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    fk('family_bookings_slot_fk', [t.districtCode, t.slotId], [familySlots.districtCode, familySlots.id]),
    fk('family_bookings_family_fk', [t.districtCode, t.familyId], [families.districtCode, families.id]),
    fk(
      'family_bookings_child_fk',
      [t.districtCode, t.childId],
      [familyChildren.districtCode, familyChildren.id],
    ),
    index('family_bookings_slot_idx').on(t.districtCode, t.slotId, t.status, t.createdAt),
    index('family_bookings_family_idx').on(t.districtCode, t.familyId),
    index('family_bookings_child_idx').on(t.districtCode, t.childId),
    index('family_bookings_institution_idx').on(t.districtCode, t.institutionId),
    index('family_bookings_child_year_idx').on(t.districtCode, t.childId, t.facilityId),
    check(
      'family_bookings_baobaowu_hours',
      sql`${t.facilityId} is null or (${t.freeHours} >= 0 and ${t.chargedHours} >= 0 and ${t.chargeFen} >= 0)`,
    ),
    uniqueIndex('family_bookings_one_per_child_uq')
      .on(t.districtCode, t.slotId, t.childId)
      .where(sql`${t.status} <> 'cancelled'`),
    ...enumChecks(t),
  ],
);
comment(familyBookings, ['计时制预约', 'Hourly care bookings'], {
  districtCode: DISTRICT,
  id: ['预约 ID', 'Booking id'],
  slotId: ['时段 ID', 'Slot id'],
  institutionId: [
    '机构 ID（机构按此查看；宝宝屋预约为空）',
    'Institution id (null for a baby house booking)',
  ],
  facilityId: ['宝宝屋 ID', 'baby house site id'],
  freeHours: ['宝宝屋：本次免费时数', 'baby house: free hours of this booking'],
  chargedHours: ['宝宝屋：本次收费时数', 'baby house: charged hours'],
  chargeFen: ['宝宝屋：本次收费（分）', 'baby house: charge (fen)'],
  familyId: ['家庭 ID', 'Family id'],
  childId: ['婴幼儿 ID', 'Child id'],
  status: ['状态：booked 已预约/waitlisted 候补/cancelled 已取消', 'Status: booked/waitlisted/cancelled'],
  createdAt: ['预约时间（候补按此排序）', 'Booked at (waitlist order)'],
  cancelledAt: ['取消时间', 'Cancelled at'],
});

export const familyApplications = pgTable(
  'family_applications',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    familyId: uuid('family_id').notNull(),
    childId: uuid('child_id').notNull(),
    townCode: varchar('town_code', { length: 12 }).notNull(),
    preferences: uuid('preferences').array().notNull(),
    serviceForm: enumText('service_form', SERVICE_FORMS).notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    status: enumText('status', APPLICATION_STATUSES).notNull(),
    offeredInstitutionId: uuid('offered_institution_id'),
    reason: varchar('reason', { length: 200 }),
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    fk('family_applications_family_fk', [t.districtCode, t.familyId], [families.districtCode, families.id]),
    fk(
      'family_applications_child_fk',
      [t.districtCode, t.childId],
      [familyChildren.districtCode, familyChildren.id],
    ),
    index('family_applications_family_idx').on(t.districtCode, t.familyId),
    index('family_applications_child_idx').on(t.districtCode, t.childId),
    index('family_applications_status_idx').on(t.districtCode, t.status, t.createdAt),
    index('family_applications_preferences_idx').using('gin', t.preferences),
    ...enumChecks(t),
  ],
);
comment(familyApplications, ['入托申请', 'Applications for a place'], {
  districtCode: DISTRICT,
  id: ['申请 ID', 'Application id'],
  familyId: ['家庭 ID', 'Family id'],
  childId: ['婴幼儿 ID', 'Child id'],
  townCode: ['家庭所在街镇代码', "Family's town code"],
  preferences: ['意向机构 ID（按志愿顺序，最多 3 个）', 'Preferred institutions (in order, at most 3)'],
  serviceForm: ['服务形式：full_day/half_day/hourly', 'Service form'],
  startDate: ['希望入托日期', 'Wished start date'],
  status: [
    '状态：submitted 已提交/offered 已录取/accepted 已接受/declined 已放弃/enrolled 已入托/withdrawn 已撤回',
    'Status: submitted/offered/accepted/declined/enrolled/withdrawn',
  ],
  offeredInstitutionId: ['录取机构 ID', 'Offering institution id'],
  reason: ['说明', 'Note'],
  createdAt: ['提交时间（候补顺序）', 'Submitted at (waitlist order)'],
  updatedAt: ['更新时间', 'Updated at'],
  version: ['版本号（乐观锁）', 'Version (optimistic concurrency)'],
});

export const familyStations = pgTable(
  'family_stations',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    townCode: varchar('town_code', { length: 12 }).notNull(),
    name: varchar('name', { length: 60 }).notNull(),
    hostInstitutionId: uuid('host_institution_id'),
    hostName: varchar('host_name', { length: 100 }).notNull(),
    address: varchar('address', { length: 200 }).notNull(),
    openedYear: integer('opened_year').notNull(),
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    fk(
      'family_stations_host_fk',
      [t.districtCode, t.hostInstitutionId],
      [institutions.districtCode, institutions.id],
      false,
    ),
    uniqueIndex('family_stations_town_uq').on(t.districtCode, t.townCode),
    index('family_stations_host_idx').on(t.districtCode, t.hostInstitutionId),
  ],
);
comment(familyStations, ['家庭科学育儿指导站（每街镇一个）', 'Family guidance stations (one per town)'], {
  districtCode: DISTRICT,
  id: ['指导站 ID', 'Station id'],
  townCode: ['所在街镇代码（每街镇一个）', 'Town code (one station per town)'],
  name: ['指导站名称', 'Station name'],
  hostInstitutionId: [
    '依托的公办幼儿园（机构 ID，可为空）',
    'Host public kindergarten (institution id, optional)',
  ],
  hostName: ['依托幼儿园名称', 'Host kindergarten name'],
  address: ['地址', 'Address'],
  openedYear: ['建站年份', 'Year opened'],
  createdAt: ['创建时间', 'Created at'],
  updatedAt: ['更新时间', 'Updated at'],
  version: ['版本号（乐观锁）', 'Version (optimistic concurrency)'],
});

export const familySessions = pgTable(
  'family_sessions',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    stationId: uuid('station_id'),
    townCode: varchar('town_code', { length: 12 }),
    topic: enumText('topic', GUIDANCE_TOPICS).notNull(),
    title: varchar('title', { length: 100 }).notNull(),
    place: varchar('place', { length: 200 }).notNull(),
    startsAt: tz('starts_at').notNull(),
    capacity: integer('capacity').notNull(),
    signedUp: integer('signed_up').notNull().default(0),
    status: enumText('status', SESSION_STATUSES).notNull(),
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    fk(
      'family_sessions_station_fk',
      [t.districtCode, t.stationId],
      [familyStations.districtCode, familyStations.id],
      false,
    ),
    index('family_sessions_station_idx').on(t.districtCode, t.stationId, t.startsAt),
    index('family_sessions_town_idx').on(t.districtCode, t.townCode, t.startsAt),
    check(
      'family_sessions_signed_up_le_capacity',
      sql`${t.signedUp} >= 0 and ${t.signedUp} <= ${t.capacity}`,
    ),
    ...enumChecks(t),
  ],
);
comment(
  familySessions,
  [
    '线下育儿指导活动（指导站活动与区级育儿加油站）',
    'Offline guidance sessions (station sessions and district activities)',
  ],
  {
    districtCode: DISTRICT,
    id: ['活动 ID', 'Session id'],
    stationId: ['指导站 ID（为空表示区级活动“育儿加油站”）', 'Station id (null: a district-level activity)'],
    townCode: ['街镇代码（指导站所在；区级活动为空）', "Town code (the station's; null for district-level)"],
    topic: [
      '主题：feeding/sleep/play/language/emotion/safety/health（七会）、grandparents 隔代养育、general 综合',
      'Topic: the seven parent skills, grandparents (隔代养育) or general',
    ],
    title: ['活动名称', 'Title'],
    place: ['活动地点', 'Place'],
    startsAt: ['开始时间', 'Starts at'],
    capacity: ['名额', 'Places'],
    signedUp: [
      '已报名家庭数（条件更新，不超过名额）',
      'Families signed up (conditional update, never above capacity)',
    ],
    status: ['状态：scheduled 已安排/held 已举办/cancelled 已取消', 'Status: scheduled/held/cancelled'],
    createdAt: ['创建时间', 'Created at'],
    updatedAt: ['更新时间', 'Updated at'],
  },
);

export const familySessionSignups = pgTable(
  'family_session_signups',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    sessionId: uuid('session_id').notNull(),
    familyId: uuid('family_id').notNull(),
    townCode: varchar('town_code', { length: 12 }).notNull(),
    signedUpAt: tz('signed_up_at').notNull(),
    attended: boolean('attended'),
    attendanceRecordedAt: tz('attendance_recorded_at'),
    cancelledAt: tz('cancelled_at'),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    fk(
      'family_session_signups_session_fk',
      [t.districtCode, t.sessionId],
      [familySessions.districtCode, familySessions.id],
    ),
    fk(
      'family_session_signups_family_fk',
      [t.districtCode, t.familyId],
      [families.districtCode, families.id],
    ),
    index('family_session_signups_session_idx').on(t.districtCode, t.sessionId),
    index('family_session_signups_family_idx').on(t.districtCode, t.familyId),
    uniqueIndex('family_session_signups_one_per_family_uq')
      .on(t.districtCode, t.sessionId, t.familyId)
      .where(sql`${t.cancelledAt} is null`),
  ],
);
comment(familySessionSignups, ['指导活动报名与签到', 'Guidance session sign-ups and attendance'], {
  districtCode: DISTRICT,
  id: ['报名 ID', 'Sign-up id'],
  sessionId: ['活动 ID', 'Session id'],
  familyId: ['家庭 ID', 'Family id'],
  townCode: ['家庭所在街镇代码', "Family's town code"],
  signedUpAt: ['报名时间', 'Signed up at'],
  attended: ['是否到场（活动开始后由指导人员记录）', 'Attended (recorded after the start)'],
  attendanceRecordedAt: ['签到记录时间', 'Attendance recorded at'],
  cancelledAt: ['取消报名时间', 'Cancelled at'],
});

// Facilities beyond childcare institutions (儿童服务中心, 儿童之家, 游戏观察室/亲子指导室,
// 儿童友好社区示范点, 儿童早期发展基地): no personal data; counted by the plan.
export const familyFacilities = pgTable(
  'family_facilities',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    kind: enumText('kind', FACILITY_KINDS).notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    townCode: varchar('town_code', { length: 12 }).notNull(),
    communityCode: varchar('community_code', { length: 12 }),
    address: varchar('address', { length: 200 }).notNull(),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
    host: varchar('host', { length: 100 }),
    openedYear: integer('opened_year').notNull(),
    closedYear: integer('closed_year'),
    // — 宝宝屋 only (issue 17) —
    capacity: integer('capacity'),
    openingHours: varchar('opening_hours', { length: 100 }),
    hourlyPriceFen: integer('hourly_price_fen'),
    operator: varchar('operator', { length: 100 }),
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    check(
      'family_facilities_baobaowu_check',
      sql`(${t.capacity} is null or ${t.capacity} > 0) and (${t.hourlyPriceFen} is null or ${t.hourlyPriceFen} >= 0)`,
    ),
    fk(
      'family_facilities_community_fk',
      [t.districtCode, t.communityCode],
      [familyCommunities.districtCode, familyCommunities.code],
      false,
    ),
    index('family_facilities_community_idx').on(t.districtCode, t.communityCode),
    index('family_facilities_town_kind_idx').on(t.districtCode, t.townCode, t.kind),
    check(
      'family_facilities_years_check',
      sql`${t.closedYear} is null or ${t.closedYear} >= ${t.openedYear}`,
    ),
    ...enumChecks(t),
  ],
);
comment(
  familyFacilities,
  ['儿童服务设施名录（托育机构以外）', 'Facilities for families beyond institutions'],
  {
    districtCode: DISTRICT,
    id: ['设施 ID（UUIDv7）', 'Facility id (UUIDv7)'],
    kind: [
      '类型：children_service_centre 儿童服务中心/children_home 儿童之家/play_observation_room 游戏观察室/parent_child_room 亲子指导室/child_friendly_site 儿童友好社区示范点/early_development_base 儿童早期发展基地/baobaowu 社区托育宝宝屋',
      'Kind: children_service_centre/children_home/play_observation_room/parent_child_room/child_friendly_site/early_development_base/baobaowu (baby house)',
    ],
    name: ['名称', 'Name'],
    townCode: ['所在街镇代码', 'Town code'],
    communityCode: ['所在社区代码（可空）', 'Community code (optional)'],
    address: ['地址（公共场所）', 'Address (a public place)'],
    lat: ['纬度（WGS-84）', 'Latitude (WGS-84)'],
    lng: ['经度（WGS-84）', 'Longitude (WGS-84)'],
    host: ['依托单位（如社区卫生服务中心、幼儿园）', 'Host (a community health centre, a kindergarten …)'],
    capacity: ['宝宝屋同时照护人数', 'baby house: children cared for at one time'],
    openingHours: ['宝宝屋开放时间', 'baby house: opening hours'],
    hourlyPriceFen: [
      '宝宝屋免费时数以外每小时收费（分，不超过规则包上限）',
      'Baby house: price an hour after the free hours (fen, not above the pack cap)',
    ],
    operator: ['宝宝屋运营方', 'baby house: operator'],
    openedYear: ['建成/挂牌年份', 'Year opened'],
    closedYear: ['撤销年份（可空）', 'Year closed (optional)'],
    createdAt: ['创建时间', 'Created at'],
    updatedAt: ['更新时间', 'Updated at'],
    version: ['版本号（乐观锁）', 'Version (optimistic concurrency)'],
  },
);

// — guardians' rights (rights.ts): correction and deletion requests —
export const familyRequests = pgTable(
  'family_requests',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    familyId: uuid('family_id').notNull(),
    townCode: varchar('town_code', { length: 12 }).notNull(),
    guardianId: uuid('guardian_id').notNull(),
    requestedBy: uuid('requested_by').notNull(),
    kind: enumText('kind', FAMILY_REQUEST_KINDS).notNull(),
    field: enumText('field', FAMILY_REQUEST_FIELDS),
    detail: varchar('detail', { length: 500 }),
    status: enumText('status', FAMILY_REQUEST_STATUSES).notNull(),
    submittedOn: date('submitted_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    resolution: varchar('resolution', { length: 200 }),
    handledBy: uuid('handled_by'),
    handledAt: tz('handled_at'),
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    fk('family_requests_family_fk', [t.districtCode, t.familyId], [families.districtCode, families.id]),
    fk(
      'family_requests_guardian_fk',
      [t.districtCode, t.guardianId],
      [familyGuardians.districtCode, familyGuardians.id],
    ),
    index('family_requests_family_idx').on(t.districtCode, t.familyId),
    index('family_requests_guardian_idx').on(t.districtCode, t.guardianId),
    index('family_requests_town_idx').on(t.districtCode, t.townCode, t.status, t.dueOn),
    ...enumChecks(t),
  ],
);
comment(
  familyRequests,
  [
    '监护人更正、删除申请（15 个工作日内办理）',
    "Guardians' correction and deletion requests (15 working days)",
  ],
  {
    districtCode: DISTRICT,
    id: ['申请 ID', 'Request id'],
    familyId: ['家庭 ID', 'Family id'],
    townCode: ['家庭所在街镇代码（按街镇办理）', "Family's town code (handled by town)"],
    guardianId: ['提出申请的监护人 ID', 'Guardian who asked'],
    requestedBy: ['提交账号 ID（家长）', 'Submitting account (parent)'],
    kind: ['类型：correction 更正/deletion 删除', 'Kind: correction/deletion'],
    field: [
      '更正项：child_name/child_id_number/birth_date/guardian_name/guardian_id_number/mobile/address/other',
      'Field to correct: child_name/child_id_number/birth_date/guardian_name/guardian_id_number/mobile/address/other',
    ],
    detail: [
      '申请说明（更正内容；匿名化后清空）',
      'Text of the request (the correction; cleared on anonymisation)',
    ],
    status: ['状态：submitted 已提交/done 已办结/rejected 不予办理', 'Status: submitted/done/rejected'],
    submittedOn: ['提交日期（北京时间）', 'Submitted on (China date)'],
    dueOn: [
      '办理期限（提交日后第 15 个工作日；节假日日历未覆盖时为空）',
      'Due on (15th working day after submission; null while the holiday calendar does not cover it)',
    ],
    resolution: ['办理结果或不予办理的理由', 'Outcome, or the reason for rejection'],
    handledBy: ['办理人账号 ID', 'Handled by (account id)'],
    handledAt: ['办理时间', 'Handled at'],
    createdAt: ['提交时间', 'Created at'],
    updatedAt: ['更新时间', 'Updated at'],
    version: ['版本号（乐观锁）', 'Version (optimistic concurrency)'],
  },
);

// — online guidance (online.ts): the resource library, platform registrations, handbook and packs —
export const familyResources = pgTable(
  'family_resources',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    title: varchar('title', { length: 200 }).notNull(),
    kind: enumText('kind', RESOURCE_KINDS).notNull(),
    topic: enumText('topic', GUIDANCE_TOPICS).notNull(),
    platform: enumText('platform', ONLINE_PLATFORMS).notNull(),
    url: varchar('url', { length: 500 }).notNull(),
    ageFromMonths: integer('age_from_months').notNull(),
    ageToMonths: integer('age_to_months').notNull(),
    publishedAt: date('published_at', { mode: 'string' }),
    status: enumText('status', RESOURCE_STATUSES).notNull(),
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    index('family_resources_status_idx').on(t.districtCode, t.status, t.ageFromMonths),
    check('family_resources_age_check', sql`${t.ageToMonths} >= ${t.ageFromMonths}`),
    check('family_resources_url_check', sql`${t.url} like 'https://%'`),
    ...enumChecks(t),
  ],
);
comment(familyResources, ['线上育儿资源库', 'Online parenting resource library'], {
  districtCode: DISTRICT,
  id: ['资源 ID（UUIDv7）', 'Resource id (UUIDv7)'],
  title: ['标题', 'Title'],
  kind: ['类型：video 视频/article 文章/audio 音频/course 课程', 'Kind: video/article/audio/course'],
  topic: [
    '主题：feeding/sleep/play/language/emotion/safety/health/grandparents/general',
    'Topic: feeding/sleep/play/language/emotion/safety/health/grandparents/general',
  ],
  platform: [
    '平台：yuzhiyoudao 育之有道/qingpu_zaojiao 青浦早教/other 其他',
    'Platform: yuzhiyoudao/qingpu_zaojiao/other',
  ],
  url: ['链接（仅 https）', 'Link (https only)'],
  ageFromMonths: ['适用月龄起', 'Age band from (months)'],
  ageToMonths: ['适用月龄止', 'Age band to (months)'],
  publishedAt: ['发布日期', 'Published on'],
  status: ['状态：draft 草稿/published 已发布/withdrawn 已下架', 'Status: draft/published/withdrawn'],
  createdAt: ['创建时间', 'Created at'],
  updatedAt: ['更新时间', 'Updated at'],
  version: ['版本号（乐观锁）', 'Version (optimistic concurrency)'],
});

export const familyOnlineRegistrations = pgTable(
  'family_online_registrations',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    familyId: uuid('family_id').notNull(),
    townCode: varchar('town_code', { length: 12 }).notNull(),
    platform: enumText('platform', ONLINE_PLATFORMS).notNull(),
    registeredOn: date('registered_on', { mode: 'string' }).notNull(),
    channel: enumText('channel', REGISTRATION_CHANNELS).notNull(),
    recordedBy: uuid('recorded_by').notNull(),
    createdAt: tz('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    fk(
      'family_online_registrations_family_fk',
      [t.districtCode, t.familyId],
      [families.districtCode, families.id],
    ),
    index('family_online_registrations_family_idx').on(t.districtCode, t.familyId, t.registeredOn),
    index('family_online_registrations_town_idx').on(t.districtCode, t.townCode),
    uniqueIndex('family_online_registrations_one_uq').on(t.districtCode, t.familyId, t.platform),
    ...enumChecks(t),
  ],
);
comment(familyOnlineRegistrations, ['家庭线上平台注册记录', "Families' online platform registrations"], {
  districtCode: DISTRICT,
  id: ['注册记录 ID', 'Registration id'],
  familyId: ['家庭 ID', 'Family id'],
  townCode: ['家庭所在街镇代码', "Family's town code"],
  platform: [
    '平台：yuzhiyoudao 育之有道/qingpu_zaojiao 青浦早教/other 其他',
    'Platform: yuzhiyoudao/qingpu_zaojiao/other',
  ],
  registeredOn: ['注册日期（北京时间）', 'Registered on (China date)'],
  channel: ['记录渠道：staff 工作人员/portal 家长自报', 'Channel: staff/portal (the parent)'],
  recordedBy: ['记录人账号 ID', 'Recorded by (account id)'],
  createdAt: ['记录时间', 'Recorded at'],
});

export const familyDistributions = pgTable(
  'family_distributions',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    familyId: uuid('family_id').notNull(),
    townCode: varchar('town_code', { length: 12 }).notNull(),
    item: enumText('item', DISTRIBUTION_ITEMS).notNull(),
    givenOn: date('given_on', { mode: 'string' }).notNull(),
    givenBy: uuid('given_by').notNull(),
    givenByName: varchar('given_by_name', { length: 64 }).notNull(),
    note: varchar('note', { length: 200 }),
    createdAt: tz('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    fk('family_distributions_family_fk', [t.districtCode, t.familyId], [families.districtCode, families.id]),
    index('family_distributions_family_idx').on(t.districtCode, t.familyId, t.item),
    index('family_distributions_town_idx').on(t.districtCode, t.townCode, t.givenOn),
    ...enumChecks(t),
  ],
);
comment(
  familyDistributions,
  ['母子健康手册与育儿资源包发放记录', 'Handbook and resource-pack distribution records'],
  {
    districtCode: DISTRICT,
    id: ['发放记录 ID', 'Distribution id'],
    familyId: ['家庭 ID', 'Family id'],
    townCode: ['家庭所在街镇代码', "Family's town code"],
    item: ['发放物品：handbook 母子健康手册/resource_pack 育儿资源包', 'Item: handbook/resource_pack'],
    givenOn: ['发放日期', 'Given on'],
    givenBy: ['发放人账号 ID', 'Given by (account id)'],
    givenByName: ['发放人用户名（记录时）', "Giver's username (as recorded)"],
    note: ['备注（不含个人信息）', 'Note (no personal data)'],
    createdAt: ['记录时间', 'Recorded at'],
  },
);
