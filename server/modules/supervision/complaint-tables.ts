/** Supervision's public complaints, emergency drills and cameras tables (issue 10; district_code first in every key). */
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { STREAM_KINDS } from '../../../domain/contracts/supervision-cameras.ts';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_STATUSES,
} from '../../../domain/contracts/supervision-complaints.ts';
import { DRILL_KINDS } from '../../../domain/contracts/supervision-drills.ts';
import { comment, pd } from '../../platform/comments.ts';
import { enumChecks, enumText } from '../../platform/enum-columns.ts';
import { encryptedText } from '../../platform/personal-data.ts';
import { DISTRICT_COMMENT as DISTRICT, districtCode, tz } from '../../platform/tables.ts';
import { institutions } from '../institutions/tables.ts';

/** A complaint from the portal about an institution, routed to the officer of the institution's town. */
export const supervisionComplaints = pgTable(
  'supervision_complaints',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    institutionId: uuid('institution_id').notNull(),
    townCode: varchar('town_code', { length: 12 }).notNull(),
    category: enumText('category', COMPLAINT_CATEGORIES).notNull(),
    content: varchar('content', { length: 1000 }).notNull(),
    contactPhone: encryptedText('contact_phone'),
    receiptHash: varchar('receipt_hash', { length: 64 }).notNull(),
    status: enumText('status', COMPLAINT_STATUSES).notNull(),
    substantiated: boolean('substantiated'),
    reply: varchar('reply', { length: 1000 }),
    acceptedAt: tz('accepted_at'),
    acceptedById: uuid('accepted_by_id'),
    closedAt: tz('closed_at'),
    closedById: uuid('closed_by_id'),
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    foreignKey({
      name: 'supervision_complaints_institution_fk',
      columns: [t.districtCode, t.institutionId],
      foreignColumns: [institutions.districtCode, institutions.id],
    }),
    uniqueIndex('supervision_complaints_receipt_uq').on(t.districtCode, t.receiptHash),
    index('supervision_complaints_town_idx').on(t.districtCode, t.townCode, t.status),
    index('supervision_complaints_institution_idx').on(t.districtCode, t.institutionId, t.createdAt),
    ...enumChecks(t),
  ],
);
comment(
  supervisionComplaints,
  [
    '公众投诉（门户提交，按机构所在街镇分派）',
    'Public complaints (from the portal, routed by the institution’s town)',
  ],
  {
    districtCode: DISTRICT,
    id: ['投诉 ID（UUIDv7）', 'Complaint id (UUIDv7)'],
    institutionId: ['被投诉机构 ID', 'Institution complained about'],
    townCode: ['机构所在街镇代码（分派依据）', 'Town code of the institution (routing)'],
    category: [
      '类别：safety/hygiene/staff_conduct/fees/unlicensed/other',
      'Category: safety/hygiene/staff_conduct/fees/unlicensed/other',
    ],
    content: ['投诉内容（投诉人填写）', 'Complaint text (as written by the complainant)'],
    contactPhone: [
      '联系电话（可选，AES-256-GCM 加密）',
      'Contact phone (optional, AES-256-GCM encrypted)',
      pd.encrypted('phone'),
    ],
    receiptHash: [
      '回执码的 SHA-256（回执码只显示一次）',
      'SHA-256 of the receipt code (the code is shown once)',
    ],
    status: ['状态：received/handling/closed', 'Status: received/handling/closed'],
    substantiated: ['是否属实（办结时填写）', 'Substantiated (set when closed)'],
    reply: ['答复（投诉人凭回执码可见）', 'Reply (the complainant reads it with the receipt code)'],
    acceptedAt: ['受理时间', 'Accepted at'],
    acceptedById: ['受理人账号 ID', 'Accepted by (account id)'],
    closedAt: ['办结时间', 'Closed at'],
    closedById: ['办结人账号 ID', 'Closed by (account id)'],
    createdAt: ['提交时间', 'Submitted at'],
    updatedAt: ['更新时间', 'Updated at'],
    version: ['版本号（乐观锁）', 'Version (optimistic concurrency)'],
  },
);

/** An emergency drill an institution ran (issue 10), recorded by the institution. */
export const supervisionDrills = pgTable(
  'supervision_drills',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    institutionId: uuid('institution_id').notNull(),
    townCode: varchar('town_code', { length: 12 }).notNull(),
    kind: enumText('kind', DRILL_KINDS).notNull(),
    drillDate: date('drill_date', { mode: 'string' }).notNull(),
    staff: integer('staff').notNull(),
    children: integer('children').notNull(),
    note: varchar('note', { length: 500 }),
    recordedBy: uuid('recorded_by').notNull(),
    createdAt: tz('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    foreignKey({
      name: 'supervision_drills_institution_fk',
      columns: [t.districtCode, t.institutionId],
      foreignColumns: [institutions.districtCode, institutions.id],
    }),
    index('supervision_drills_institution_idx').on(t.districtCode, t.institutionId, t.drillDate),
    ...enumChecks(t),
  ],
);
comment(supervisionDrills, ['应急演练记录（机构填报）', 'Emergency drills (recorded by the institution)'], {
  districtCode: DISTRICT,
  id: ['演练记录 ID（UUIDv7）', 'Drill id (UUIDv7)'],
  institutionId: ['机构 ID', 'Institution'],
  townCode: ['机构所在街镇代码', 'Town code of the institution'],
  kind: [
    '类型：fire 消防/earthquake 防震/intrusion 防暴/epidemic 传染病/food 食物中毒/other 其他',
    'Kind: fire/earthquake/intrusion/epidemic/food/other',
  ],
  drillDate: ['演练日期', 'Drill date'],
  staff: ['参加工作人员数', 'Staff taking part'],
  children: ['参加婴幼儿数', 'Children taking part'],
  note: ['说明', 'Note'],
  recordedBy: ['填报人账号 ID', 'Recorded by (account id)'],
  createdAt: ['填报时间', 'Recorded at'],
});

/** A camera of an institution (issue 10): registry and the probe's last answer; no footage. */
export const supervisionCameras = pgTable(
  'supervision_cameras',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    institutionId: uuid('institution_id').notNull(),
    townCode: varchar('town_code', { length: 12 }).notNull(),
    room: varchar('room', { length: 50 }).notNull(),
    streamKind: enumText('stream_kind', STREAM_KINDS).notNull(),
    streamUrl: varchar('stream_url', { length: 300 }),
    deviceId: varchar('device_id', { length: 20 }),
    retentionDays: integer('retention_days').notNull(),
    lastProbeAt: tz('last_probe_at'),
    lastProbeOk: boolean('last_probe_ok'),
    lastSeenAt: tz('last_seen_at'),
    createdBy: uuid('created_by').notNull(),
    createdAt: tz('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    foreignKey({
      name: 'supervision_cameras_institution_fk',
      columns: [t.districtCode, t.institutionId],
      foreignColumns: [institutions.districtCode, institutions.id],
    }),
    index('supervision_cameras_institution_idx').on(t.districtCode, t.institutionId),
    ...enumChecks(t),
  ],
);
comment(
  supervisionCameras,
  ['机构监控摄像头登记（不存储、不转发视频）', 'Institution cameras (no footage stored or relayed)'],
  {
    districtCode: DISTRICT,
    id: ['摄像头 ID（UUIDv7）', 'Camera id (UUIDv7)'],
    institutionId: ['机构 ID', 'Institution'],
    townCode: ['机构所在街镇代码', 'Town code of the institution'],
    room: ['安装位置（房间）', 'Room'],
    streamKind: ['流类型：rtsp/hls/gb28181', 'Stream kind: rtsp/hls/gb28181'],
    streamUrl: ['流地址（rtsp 或 hls；不含账号密码）', 'Stream address (rtsp or hls; no credentials)'],
    deviceId: ['GB/T 28181 设备编码（20 位）', 'GB/T 28181 device id (20 digits)'],
    retentionDays: ['录像保存天数（申报）', 'Recording retention in days (declared)'],
    lastProbeAt: ['最近探测时间', 'Last probed at'],
    lastProbeOk: ['最近探测是否在线', 'Last probe answered'],
    lastSeenAt: ['最近在线时间', 'Last seen online at'],
    createdBy: ['登记人账号 ID', 'Registered by (account id)'],
    createdAt: ['登记时间', 'Registered at'],
  },
);
