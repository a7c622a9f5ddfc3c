/**
 * Department exchange (issue 15): API clients of other departments' systems, the OAuth 2.0
 * client-credentials token, and the registry read they may make. One zod source per contract.
 */
import { z } from 'zod';
import { pageOf, versionField } from './common.ts';

/** What a client may be granted. */
export const CLIENT_SCOPES = ['institutions.read', 'licences.write'] as const;
export type ClientScope = (typeof CLIENT_SCOPES)[number];

/**
 * The registry fields a department may receive (public registration data and the filing state). The
 * director's name, ID number and mobile are never among them, whatever the allow-list says.
 */
export const INSTITUTION_EXCHANGE_FIELDS = [
  'name',
  'creditCode',
  'kind',
  'ownership',
  'inclusive',
  'serviceForms',
  'townCode',
  'address',
  'lat',
  'lng',
  'publicPhone',
  'openingHours',
  'status',
  'seats',
  'enrolled',
  'operatorName',
  'operatorCreditCode',
  'filedAt',
  'updatedAt',
] as const;
export type InstitutionExchangeField = (typeof INSTITUTION_EXCHANGE_FIELDS)[number];

/** Departments named by the plan (青府办发〔2021〕35号) as partners in data exchange; "other" for the rest. */
export const DEPARTMENTS = [
  'development_reform',
  'planning_resources',
  'civil_affairs',
  'market_regulation',
  'human_resources',
  'public_security',
  'fire_rescue',
  'health_commission',
  'womens_federation',
  'education',
  'other',
] as const;
export const DEPARTMENT_LABELS: Record<(typeof DEPARTMENTS)[number], { zh: string; en: string }> = {
  development_reform: { zh: '区发展改革委', en: 'Development and Reform Commission' },
  planning_resources: { zh: '区规划资源局', en: 'Planning and Natural Resources Bureau' },
  civil_affairs: { zh: '区民政局', en: 'Civil Affairs Bureau' },
  market_regulation: { zh: '区市场监管局', en: 'Market Regulation Bureau' },
  human_resources: { zh: '区人力资源社会保障局', en: 'Human Resources and Social Security Bureau' },
  public_security: { zh: '区公安分局', en: 'Public Security Sub-bureau' },
  fire_rescue: { zh: '区消防救援支队', en: 'Fire and Rescue Detachment' },
  health_commission: { zh: '区卫生健康委', en: 'Health Commission' },
  womens_federation: { zh: '区妇联', en: "Women's Federation" },
  education: { zh: '区教育局', en: 'Education Bureau' },
  other: { zh: '其他部门', en: 'Other department' },
};

export const createClientBody = z.strictObject({
  name: z.string().trim().min(2).max(100),
  department: z.enum(DEPARTMENTS),
  /** The stated purpose (目的): shown in the audit trail's context and to the security admin. */
  purpose: z.string().trim().min(4).max(300),
  scopes: z.array(z.enum(CLIENT_SCOPES)).min(1).max(CLIENT_SCOPES.length),
  /**
   * The registry fields `institutions.read` returns: at least one for a client with that scope, none for
   * a client without it (a write-only client, e.g. `licences.write`, reads nothing). Checked with the
   * scopes in the service (400 naming `fields`).
   */
  fields: z.array(z.enum(INSTITUTION_EXCHANGE_FIELDS)).max(INSTITUTION_EXCHANGE_FIELDS.length),
  /** Requests a minute (a token request counts too). */
  ratePerMinute: z.number().int().min(1).max(6000).default(60),
  /** Last day the client may get tokens (YYYY-MM-DD); at most 3 years ahead. */
  expiresOn: z.iso.date(),
});
export type CreateClientBody = z.infer<typeof createClientBody>;

export const clientSchema = z.object({
  id: z.uuid(),
  clientId: z.string(),
  name: z.string(),
  department: z.enum(DEPARTMENTS),
  purpose: z.string(),
  scopes: z.array(z.enum(CLIENT_SCOPES)),
  fields: z.array(z.enum(INSTITUTION_EXCHANGE_FIELDS)),
  ratePerMinute: z.number().int(),
  expiresOn: z.string(),
  status: z.enum(['active', 'expired', 'disabled']),
  lastUsedAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type ApiClient = z.infer<typeof clientSchema>;
/** The answer to a registration: the secret, shown this once (only its hash is stored). */
export const createdClientSchema = clientSchema.extend({ clientSecret: z.string() });
export const clientParams = z.strictObject({ id: z.uuid() });
export const disableClientBody = z.strictObject({ version: versionField });

/** RFC 6749 §4.4.2 (form-encoded, or JSON); client_id / client_secret may come in HTTP Basic instead. */
export const tokenRequestBody = z.strictObject({
  grant_type: z.string().max(64),
  client_id: z.string().max(100).optional(),
  client_secret: z.string().max(200).optional(),
  scope: z.string().max(200).optional(),
});
export const tokenResponseSchema = z.object({
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int(),
  scope: z.string(),
});

export const exchangeInstitutionsQuery = z.strictObject({
  /** Rows changed after this instant (ISO 8601), for incremental pulls. */
  updatedAfter: z.iso.datetime({ offset: true }).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});
/** One institution as a department sees it: its id and only the fields of its allow-list. */
export const exchangeInstitutionSchema = z
  .object({ id: z.uuid() })
  .catchall(z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]));
export const exchangeInstitutionPage = pageOf(exchangeInstitutionSchema);

/**
 * The change feed (pull): events after a cursor, in commit order. The cursor is the district audit
 * chain's sequence number (ADR 0019): entries are linked into the chain after they commit, in order,
 * so a consumer that saves `next` and asks again misses nothing and sees nothing twice.
 */
export const changesQuery = z.strictObject({
  /** The `next` of the previous answer (0 for the start). */
  after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export const CHANGE_OBJECT_TYPES = ['institution'] as const;
export const changeEventSchema = z.object({
  /** Stable across redeliveries: `<district>-<seq>`. */
  eventId: z.string(),
  seq: z.number().int(),
  at: z.string(),
  objectType: z.enum(CHANGE_OBJECT_TYPES),
  objectId: z.uuid(),
  /** What happened, e.g. institutions.update, institutions.approve; no field values (read the object). */
  action: z.string(),
});
export const changeFeedSchema = z.object({
  items: z.array(changeEventSchema),
  /** The cursor for the next call: the last event's seq, or `after` when there was none. */
  next: z.number().int(),
  hasMore: z.boolean(),
});
export type ChangeFeed = z.infer<typeof changeFeedSchema>;

/**
 * Webhooks (push, ADR 0020): a client's URL receives the same events as the change feed, signed with
 * HMAC-SHA-256 (`X-Tuoyu-Signature: t=<unix>,v1=<hex>` over "t.body"), retried with backoff; the
 * cursor advances only on a 2xx, so a redelivery repeats the same event ids.
 */
export const WEBHOOK_STATES = ['active', 'failing', 'disabled'] as const;
export const WEBHOOK_OUTCOMES = ['delivered', 'http_error', 'timeout', 'network_error', 'refused'] as const;
export const WEBHOOK_DELIVERY_KINDS = ['events', 'test'] as const;

export const setWebhookBody = z.strictObject({
  /** https://… (plain http only where the deployment allows it for tests; never this host or private ranges). */
  url: z.url().max(500),
  /** The webhook's version when changing an existing one (optimistic locking); omitted for a new one. */
  version: versionField.optional(),
});
export const webhookVersionBody = z.strictObject({ version: versionField });

export const webhookSchema = z.object({
  url: z.string(),
  state: z.enum(WEBHOOK_STATES),
  /** The last seq the receiver acknowledged (2xx); the next delivery starts after it. */
  cursorSeq: z.number().int(),
  /** Failed attempts in a row (0 after a 2xx). */
  failures: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastDeliveredAt: z.string().nullable(),
  lastStatus: z.number().int().nullable(),
  lastOutcome: z.enum(WEBHOOK_OUTCOMES).nullable(),
  secretRotatedAt: z.string(),
  version: z.number().int(),
});
export type Webhook = z.infer<typeof webhookSchema>;
/** Setting a new webhook or rotating its secret: the signing secret, shown this once. */
export const webhookWithSecretSchema = webhookSchema.extend({ signingSecret: z.string().optional() });
export const webhookTestResultSchema = z.object({
  outcome: z.enum(WEBHOOK_OUTCOMES),
  status: z.number().int().nullable(),
  durationMs: z.number().int(),
});

/** A client as the console lists it: with its webhook, if one is set (ADR 0020). */
export const clientListItemSchema = clientSchema.extend({ webhook: webhookSchema.nullable() });
export const clientPage = pageOf(clientListItemSchema);
