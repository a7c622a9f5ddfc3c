/**
 * Tables of department exchange (issue 15): API clients of other departments' systems and their
 * short-lived access tokens (district_code first in every key; docs/MODULES.md step 4). Only hashes of
 * secrets and tokens are stored; the client id and the token carry the district code, so every lookup
 * pins district_code (the Citus rule) before it knows anything else.
 */
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
import {
  CLIENT_SCOPES,
  DEPARTMENTS,
  INSTITUTION_EXCHANGE_FIELDS,
} from '../../../domain/contracts/exchange.ts';
import { comment } from '../../platform/comments.ts';
import { enumChecks, enumText, enumTextArray } from '../../platform/enum-columns.ts';
import { DISTRICT_COMMENT as DISTRICT, districtCode, tz } from '../../platform/tables.ts';

export const apiClients = pgTable(
  'api_clients',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    clientId: varchar('client_id', { length: 40 }).notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    department: enumText('department', DEPARTMENTS).notNull(),
    purpose: varchar('purpose', { length: 300 }).notNull(),
    scopes: enumTextArray('scopes', CLIENT_SCOPES).notNull(),
    fields: enumTextArray('fields', INSTITUTION_EXCHANGE_FIELDS).notNull(),
    ratePerMinute: integer('rate_per_minute').notNull(),
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    secretHash: varchar('secret_hash', { length: 64 }).notNull(),
    disabled: boolean('disabled').notNull().default(false),
    lastUsedAt: tz('last_used_at'),
    createdBy: varchar('created_by', { length: 64 }).notNull(),
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    uniqueIndex('api_clients_client_id_uq').on(t.districtCode, t.clientId),
    ...enumChecks(t),
  ],
);
comment(
  apiClients,
  [
    '对接部门的接口客户端（OAuth 2.0 客户端凭证）',
    "Other departments' API clients (OAuth 2.0 client credentials)",
  ],
  {
    districtCode: DISTRICT,
    id: ['客户端记录 ID（UUIDv7）', 'Client record id (UUIDv7)'],
    clientId: [
      '客户端编号（client_id，含区代码，公开）',
      'client_id (carries the district code; not secret)',
    ],
    name: ['客户端名称（对接系统）', 'Client name (the connecting system)'],
    department: ['所属部门', 'Department'],
    purpose: ['对接目的（审计与复核用）', 'Stated purpose (for audit and review)'],
    scopes: ['授权范围（OAuth scope）', 'Granted scopes (OAuth)'],
    fields: ['允许返回的字段（白名单）', 'Field allow-list'],
    ratePerMinute: ['每分钟请求上限', 'Requests allowed per minute'],
    expiresOn: ['有效期至（含）', 'Valid until (inclusive)'],
    secretHash: [
      '客户端密钥的 SHA-256（密钥只在登记时显示一次）',
      'SHA-256 of the client secret (shown once at registration)',
    ],
    disabled: ['是否已停用', 'Disabled'],
    lastUsedAt: ['最近一次获取令牌时间', 'Last token issued at'],
    createdBy: ['登记人用户名', 'Registered by (username)'],
    createdAt: ['登记时间', 'Registered at'],
    updatedAt: ['更新时间', 'Updated at'],
    version: ['版本号（乐观锁）', 'Row version (optimistic locking)'],
  },
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    districtCode: districtCode(),
    tokenHash: varchar('token_hash', { length: 64 }).notNull(),
    clientRef: uuid('client_ref').notNull(),
    scopes: enumTextArray('scopes', CLIENT_SCOPES).notNull(),
    expiresAt: tz('expires_at').notNull(),
    createdAt: tz('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.tokenHash] }),
    ...enumChecks(t),
    foreignKey({
      name: 'api_tokens_client_fk',
      columns: [t.districtCode, t.clientRef],
      foreignColumns: [apiClients.districtCode, apiClients.id],
    }).onDelete('cascade'),
    index('api_tokens_client_idx').on(t.districtCode, t.clientRef, t.expiresAt),
  ],
);
comment(apiTokens, ['接口访问令牌（短期，仅存哈希）', 'API access tokens (short-lived; hashes only)'], {
  districtCode: DISTRICT,
  tokenHash: ['访问令牌的 SHA-256', 'SHA-256 of the access token'],
  clientRef: ['所属客户端记录 ID', 'Client record id'],
  scopes: ['令牌的授权范围', "The token's scopes"],
  expiresAt: ['过期时间', 'Expires at'],
  createdAt: ['签发时间', 'Issued at'],
});
