/**
 * Tables of department exchange (issue 15): API clients of other departments' systems and their
 * short-lived access tokens (district_code first in every key; docs/MODULES.md step 4). Only hashes of
 * secrets and tokens are stored; the client id and the token carry the district code, so every lookup
 * pins district_code (the Citus rule) before it knows anything else.
 */
import {
  bigint,
  boolean,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { LICENCE_STATUSES } from '../../../domain/contracts/business-licences.ts';
import {
  CLIENT_SCOPES,
  DEPARTMENTS,
  INSTITUTION_EXCHANGE_FIELDS,
  WEBHOOK_DELIVERY_KINDS,
  WEBHOOK_OUTCOMES,
  WEBHOOK_STATES,
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

/**
 * A client's webhook (ADR 0020): where the change feed is pushed, the signing secret sealed with the
 * platform's encryption key (HMAC needs the secret itself; it is shown once and never logged), and the
 * per-client cursor: the last seq the receiver acknowledged with a 2xx.
 */
export const apiWebhooks = pgTable(
  'api_webhooks',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    clientRef: uuid('client_ref').notNull(),
    url: varchar('url', { length: 500 }).notNull(),
    secretSealed: varchar('secret_sealed', { length: 200 }).notNull(),
    secretRotatedAt: tz('secret_rotated_at').notNull(),
    state: enumText('state', WEBHOOK_STATES).notNull(),
    cursorSeq: bigint('cursor_seq', { mode: 'number' }).notNull(),
    failures: integer('failures').notNull().default(0),
    nextAttemptAt: tz('next_attempt_at'),
    lastAttemptAt: tz('last_attempt_at'),
    lastDeliveredAt: tz('last_delivered_at'),
    lastStatus: integer('last_status'),
    lastOutcome: enumText('last_outcome', WEBHOOK_OUTCOMES),
    failingSince: tz('failing_since'),
    createdBy: varchar('created_by', { length: 64 }).notNull(),
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    uniqueIndex('api_webhooks_client_uq').on(t.districtCode, t.clientRef),
    index('api_webhooks_due_idx').on(t.districtCode, t.state, t.nextAttemptAt),
    ...enumChecks(t),
    foreignKey({
      name: 'api_webhooks_client_fk',
      columns: [t.districtCode, t.clientRef],
      foreignColumns: [apiClients.districtCode, apiClients.id],
    }).onDelete('cascade'),
  ],
);
comment(apiWebhooks, ['接口客户端的变更推送（Webhook）', "API clients' webhooks (pushed change feed)"], {
  districtCode: DISTRICT,
  id: ['推送记录 ID（UUIDv7）', 'Webhook record id (UUIDv7)'],
  clientRef: ['所属客户端记录 ID（每个客户端至多一个）', 'Client record id (at most one webhook per client)'],
  url: ['接收地址（https）', 'Receiver URL (https)'],
  secretSealed: [
    '签名密钥（以平台加密密钥封存；只在设置或轮换时显示一次）',
    'Signing secret, sealed with the platform encryption key (shown once when set or rotated)',
  ],
  secretRotatedAt: ['签名密钥生成时间', 'Signing secret created at'],
  state: ['状态：正常 / 投递失败 / 已停用', 'State: active / failing / disabled'],
  cursorSeq: [
    '接收方已确认（2xx）的最后一个审计链序号',
    'Last audit-chain seq the receiver acknowledged (2xx)',
  ],
  failures: ['连续失败次数（成功后清零）', 'Failed attempts in a row (0 after a success)'],
  nextAttemptAt: ['下次尝试时间（退避）', 'Next attempt at (backoff)'],
  lastAttemptAt: ['最近一次尝试时间', 'Last attempt at'],
  lastDeliveredAt: ['最近一次成功投递时间', 'Last successful delivery at'],
  lastStatus: ['最近一次响应的 HTTP 状态码', 'HTTP status of the last answer'],
  lastOutcome: ['最近一次尝试的结果', 'Outcome of the last attempt'],
  failingSince: ['转为投递失败的时间', 'Failing since'],
  createdBy: ['设置人用户名', 'Set by (username)'],
  createdAt: ['设置时间', 'Set at'],
  updatedAt: ['更新时间', 'Updated at'],
  version: ['版本号（乐观锁）', 'Row version (optimistic locking)'],
});

/** Every delivery attempt of a webhook: what was sent (seq range, counts) and what came back; no secrets, no bodies. */
export const apiWebhookDeliveries = pgTable(
  'api_webhook_deliveries',
  {
    districtCode: districtCode(),
    id: uuid('id').notNull(),
    webhookRef: uuid('webhook_ref').notNull(),
    kind: enumText('kind', WEBHOOK_DELIVERY_KINDS).notNull(),
    firstSeq: bigint('first_seq', { mode: 'number' }),
    lastSeq: bigint('last_seq', { mode: 'number' }),
    events: integer('events').notNull(),
    outcome: enumText('outcome', WEBHOOK_OUTCOMES).notNull(),
    status: integer('status'),
    durationMs: integer('duration_ms').notNull(),
    attempt: integer('attempt').notNull(),
    attemptedAt: tz('attempted_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtCode, t.id] }),
    ...enumChecks(t),
    foreignKey({
      name: 'api_webhook_deliveries_webhook_fk',
      columns: [t.districtCode, t.webhookRef],
      foreignColumns: [apiWebhooks.districtCode, apiWebhooks.id],
    }).onDelete('cascade'),
    index('api_webhook_deliveries_webhook_idx').on(t.districtCode, t.webhookRef, t.attemptedAt),
  ],
);
comment(
  apiWebhookDeliveries,
  [
    'Webhook 投递记录（每次尝试一行，不含密钥和报文）',
    'Webhook delivery attempts (one row each; no secrets, no bodies)',
  ],
  {
    districtCode: DISTRICT,
    id: ['投递记录 ID（UUIDv7，也是请求头中的投递编号）', 'Attempt id (UUIDv7; also the delivery id header)'],
    webhookRef: ['所属推送记录 ID', 'Webhook record id'],
    kind: ['类型：变更事件 / 测试事件', 'Kind: change events / test event'],
    firstSeq: ['本次发送的第一个序号', 'First seq sent'],
    lastSeq: ['本次发送的最后一个序号', 'Last seq sent'],
    events: ['本次发送的事件数', 'Events sent'],
    outcome: [
      '结果：成功 / HTTP 错误 / 超时 / 网络错误 / 地址被拒绝',
      'Outcome: delivered / HTTP error / timeout / network error / address refused',
    ],
    status: ['接收方返回的 HTTP 状态码', "The receiver's HTTP status"],
    durationMs: ['耗时（毫秒）', 'Duration (ms)'],
    attempt: ['第几次尝试（连续失败计数 + 1）', 'Attempt number (failures in a row + 1)'],
    attemptedAt: ['尝试时间', 'Attempted at'],
  },
);

/**
 * Business-licence records from the market-regulation department (ADR 0035), one per credit code in
 * the district: the latest received, replaced when a later batch says otherwise. No personal data.
 */
export const businessLicences = pgTable(
  'business_licences',
  {
    districtCode: districtCode(),
    creditCode: varchar('credit_code', { length: 18 }).notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    status: enumText('status', LICENCE_STATUSES).notNull(),
    registeredOn: date('registered_on', { mode: 'string' }).notNull(),
    statusOn: date('status_on', { mode: 'string' }),
    authority: varchar('authority', { length: 100 }).notNull(),
    businessScope: text('business_scope').notNull().default(''),
    /** `import:<run id>` or `client:<client_id>`. */
    source: varchar('source', { length: 64 }).notNull(),
    receivedAt: tz('received_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.districtCode, t.creditCode] }), ...enumChecks(t)],
);
comment(
  businessLicences,
  [
    '市场监管部门推送或导入的营业执照登记信息（证照比对用）',
    'Business-licence records from market regulation (for 证照比对)',
  ],
  {
    districtCode: DISTRICT,
    creditCode: ['统一社会信用代码', 'Unified social credit code'],
    name: ['企业名称（登记）', 'Registered name'],
    status: [
      '登记状态：存续 / 迁出 / 注销 / 吊销 / 撤销',
      'Status: active / moved out / cancelled / revoked / withdrawn',
    ],
    registeredOn: ['成立日期', 'Registered on'],
    statusOn: ['状态日期（存续时为空）', 'Status date (empty while active)'],
    authority: ['登记机关', 'Registration authority'],
    businessScope: ['经营范围', 'Business scope'],
    source: ['来源：导入批次或接口客户端', 'Source: an import run or an API client'],
    receivedAt: ['最近一次收到或变更的时间', 'Last received or changed at'],
    version: ['版本（每次变更加一）', 'Version (one more per change)'],
  },
);
