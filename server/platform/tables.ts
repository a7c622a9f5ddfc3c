/** Platform tables: divisions (reference), users, sessions, login throttle, audit chain. */

import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { AUDIT_RESULTS } from '../../domain/contracts/audit.ts';
import { ROLES, SCOPE_KINDS } from '../../domain/contracts/auth.ts';
import { DIVISION_LEVELS } from '../../domain/divisions.ts';
import { comment } from './comments.ts';
import { enumChecks, enumText } from './enum-columns.ts';

/** A timestamptz column read as a Date (the catalog test refuses timestamps without time zone). */
export const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
/** The zh/en comment of every tenant table's district_code column. */
export const DISTRICT_COMMENT: [string, string] = [
  '所属区代码（分布列）',
  'District code (distribution column)',
];
/** GB/T 2260 district code: the Citus distribution column of every tenant table. */
export const districtCode = () => varchar('district_code', { length: 6 }).notNull();

// Reference table (Citus reference table: no district_code).
export const divisions = pgTable(
  'divisions',
  {
    code: varchar('code', { length: 12 }).primaryKey(),
    parentCode: varchar('parent_code', { length: 12 }),
    level: enumText('level', DIVISION_LEVELS).notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
  },
  (t) => [...enumChecks(t)],
);
comment(divisions, ['行政区划（参考数据）', 'Administrative divisions (reference data)'], {
  code: ['区划代码（GB/T 2260 或 9 位统计用代码）', 'Division code (GB/T 2260 or 9-digit statistical code)'],
  parentCode: ['上级区划代码', 'Parent division code'],
  level: ['层级：city/district/town', 'Level: city/district/town'],
  nameZh: ['中文名称', 'Name in Chinese'],
  nameEn: ['英文名称', 'Name in English'],
  lat: ['中心点纬度（约）', 'Approximate centre latitude'],
  lng: ['中心点经度（约）', 'Approximate centre longitude'],
});

export const users = pgTable(
  'users',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    username: varchar('username', { length: 64 }).notNull(),
    displayName: varchar('display_name', { length: 64 }).notNull(),
    passwordHash: text('password_hash').notNull(),
    role: enumText('role', ROLES),
    scopeKind: enumText('scope_kind', SCOPE_KINDS),
    scopeDivisionCode: varchar('scope_division_code', { length: 12 }),
    scopeInstitutionId: uuid('scope_institution_id'),
    scopeFamilyId: uuid('scope_family_id'),
    disabled: boolean('disabled').notNull().default(false),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    passwordChangedAt: tz('password_changed_at').notNull(),
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    unique('users_username_uq').on(t.districtCode, t.username),
    ...enumChecks(t),
  ],
);
comment(users, ['用户账号', 'User accounts'], {
  districtCode: DISTRICT_COMMENT,
  id: ['账号 ID（UUIDv7）', 'Account id (UUIDv7)'],
  username: ['登录名', 'Login name'],
  displayName: ['显示名称', 'Display name'],
  passwordHash: ['口令散列（scrypt）', 'Password hash (scrypt)'],
  role: ['角色（一个账号一个角色）', 'Role (one per account)'],
  scopeKind: ['管辖范围类型：division/institution/family', 'Scope kind: division/institution/family'],
  scopeDivisionCode: ['管辖区划代码', 'Scope division code'],
  scopeInstitutionId: ['管辖机构 ID', 'Scope institution id'],
  scopeFamilyId: ['管辖家庭 ID', 'Scope family id'],
  disabled: ['是否停用', 'Disabled'],
  mustChangePassword: ['下次登录须修改口令', 'Must change password at next login'],
  passwordChangedAt: ['口令修改时间', 'Password changed at'],
  createdAt: ['创建时间', 'Created at'],
  updatedAt: ['更新时间', 'Updated at'],
  version: ['版本号（乐观锁）', 'Version (optimistic concurrency)'],
});

export const sessions = pgTable(
  'sessions',
  {
    districtCode: districtCode(),
    id: varchar('id', { length: 64 }).notNull(),
    userId: uuid('user_id').notNull(),
    createdAt: tz('created_at').notNull(),
    lastSeenAt: tz('last_seen_at').notNull(),
    expiresAt: tz('expires_at').notNull(),
    endedAt: tz('ended_at'),
    endedReason: text('ended_reason'),
    ip: text('ip'),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    foreignKey({
      columns: [t.districtCode, t.userId],
      foreignColumns: [users.districtCode, users.id],
    }).onDelete('cascade'),
    index('sessions_user_idx').on(t.districtCode, t.userId),
  ],
);
comment(sessions, ['登录会话', 'Login sessions'], {
  districtCode: DISTRICT_COMMENT,
  id: ['会话令牌的 SHA-256（不存明文）', 'SHA-256 of the session token (never the token)'],
  userId: ['账号 ID', 'Account id'],
  createdAt: ['创建时间', 'Created at'],
  lastSeenAt: ['最近活动时间（空闲超时据此计算）', 'Last activity (idle timeout)'],
  expiresAt: ['绝对过期时间', 'Absolute expiry'],
  endedAt: ['结束时间', 'Ended at'],
  endedReason: ['结束原因', 'Why it ended'],
  ip: ['登录 IP', 'Login IP'],
});

export const loginAttempts = pgTable(
  'login_attempts',
  {
    districtCode: districtCode(),
    username: varchar('username', { length: 64 }).notNull(),
    failures: integer('failures').notNull().default(0),
    lockedUntil: tz('locked_until'),
    updatedAt: tz('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.districtCode, t.username] })],
);
comment(
  loginAttempts,
  ['登录失败计数与锁定（含不存在的登录名）', 'Login failures and lockout (unknown names too)'],
  {
    districtCode: DISTRICT_COMMENT,
    username: ['登录名', 'Login name'],
    failures: ['连续失败次数', 'Consecutive failures'],
    lockedUntil: ['锁定至', 'Locked until'],
    updatedAt: ['更新时间', 'Updated at'],
  },
);

export const auditLog = pgTable(
  'audit_log',
  {
    districtCode: districtCode(),
    /** Insertion order, from a sequence (no lock): the order the sealer links pending entries in. */
    entryNo: bigint('entry_no', { mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
    /** Null until the sealer links the entry into the chain (ADR 0017). */
    seq: bigint('seq', { mode: 'number' }),
    at: tz('at').notNull(),
    actorId: uuid('actor_id'),
    actorUsername: varchar('actor_username', { length: 64 }),
    role: text('role'),
    scope: text('scope'),
    ip: text('ip'),
    action: text('action').notNull(),
    objectType: text('object_type'),
    objectId: text('object_id'),
    result: enumText('result', AUDIT_RESULTS).notNull(),
    requestId: text('request_id'),
    changes: jsonb('changes'),
    prevHash: varchar('prev_hash', { length: 64 }),
    hash: varchar('hash', { length: 64 }),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.entryNo] }),
    uniqueIndex('audit_log_seq_idx').on(t.districtCode, t.seq),
    index('audit_log_pending_idx').on(t.districtCode, t.entryNo).where(sql`seq is null`),
    index('audit_log_action_idx').on(t.districtCode, t.action, t.at),
    index('audit_log_object_idx').on(t.districtCode, t.objectType, t.objectId),
    index('audit_log_actor_idx').on(t.districtCode, t.actorId, t.at),
    ...enumChecks(t),
  ],
);
comment(auditLog, ['审计日志（哈希链，只追加）', 'Audit trail (hash-chained, append-only)'], {
  districtCode: DISTRICT_COMMENT,
  entryNo: ['写入序号（封链前的顺序）', 'Insertion number (the order entries are sealed in)'],
  seq: ['区内链上序号（封链前为空）', 'Sequence number in the district chain (null until sealed)'],
  at: ['时间', 'Time'],
  actorId: ['操作人账号 ID', 'Actor account id'],
  actorUsername: ['操作人登录名', 'Actor login name'],
  role: ['操作人角色', 'Actor role'],
  scope: ['操作人管辖范围', 'Actor scope'],
  ip: ['来源 IP', 'Source IP'],
  action: ['动作', 'Action'],
  objectType: ['对象类型', 'Object type'],
  objectId: ['对象 ID', 'Object id'],
  result: ['结果：success/failure/denied', 'Result: success/failure/denied'],
  requestId: ['请求 ID', 'Request id'],
  changes: ['变更字段（个人信息已脱敏）', 'Changed fields (personal values masked)'],
  prevHash: ['前一条的哈希（封链前为空）', 'Hash of the previous entry (null until sealed)'],
  hash: [
    '本条哈希 SHA-256(prev_hash + 规范化条目)（封链前为空）',
    'SHA-256(prev_hash + canonical entry) (null until sealed)',
  ],
});

export const auditChainHead = pgTable(
  'audit_chain_head',
  {
    districtCode: districtCode(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    hash: varchar('hash', { length: 64 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.districtCode] })],
);
comment(auditChainHead, ['审计链头（封链时加锁）', 'Audit chain head (locked while sealing)'], {
  districtCode: DISTRICT_COMMENT,
  seq: ['最后一条序号', 'Last sequence number'],
  hash: ['最后一条哈希', 'Last hash'],
});

/** The hash before the first entry of a chain. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * Answers kept across processes (ADR 0033): an expensive computed answer (the plan's measured table) with
 * the district's data version it was measured at. Derived data, written by reads: not audited (an entry
 * would itself change the data version it is keyed on); deleting every row only costs a measurement.
 */
export const keptAnswers = pgTable(
  'kept_answers',
  {
    districtCode: districtCode(),
    cache: varchar('cache', { length: 40 }).notNull(),
    keyHash: varchar('key_hash', { length: 64 }).notNull(),
    dataVersion: bigint('data_version', { mode: 'number' }).notNull(),
    measuredAt: tz('measured_at').notNull(),
    tookMs: integer('took_ms').notNull(),
    answer: jsonb('answer').notNull(),
  },
  (t) => [primaryKey({ columns: [t.districtCode, t.cache, t.keyHash] })],
);
comment(
  keptAnswers,
  [
    '已存统计结果（派生数据，写入即重算）',
    'Kept computed answers (derived data, measured again after writes)',
  ],
  {
    districtCode: DISTRICT_COMMENT,
    cache: ['结果种类（如 plan.dashboard）', 'Kind of answer (e.g. plan.dashboard)'],
    keyHash: [
      '查询键的 SHA-256（角色、范围、年份、镇、日期）',
      'SHA-256 of the query key (role, scope, year, town, day)',
    ],
    dataVersion: [
      '统计时本区的数据版本（已提交审计条目数）',
      "The district's data version when measured (committed audit entries)",
    ],
    measuredAt: ['统计时间', 'Measured at'],
    tookMs: ['统计耗时（毫秒）', 'Time the measurement took (ms)'],
    answer: ['结果（JSON，不含个人信息原文）', 'The answer (JSON; no personal data in clear)'],
  },
);
