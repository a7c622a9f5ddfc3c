/**
 * Business-licence data from the market-regulation department (区市场监管局; issue 15, ADR 0035): the
 * registration record of each business by its unified social credit code, sent by the department's
 * system (API client, scope `licences.write`) or uploaded by a district officer from the department's
 * export (import kit). The platform compares it with the registry: 证照比对. No personal data: the
 * legal representative is not taken.
 */
import { z } from 'zod';
import { pageOf, paginationQuery } from './common.ts';

/** 登记状态 as the national enterprise credit system publishes it. */
export const LICENCE_STATUSES = ['active', 'moved_out', 'cancelled', 'revoked', 'withdrawn'] as const;
export type LicenceStatus = (typeof LICENCE_STATUSES)[number];
export const LICENCE_STATUS_LABELS: Record<LicenceStatus, { zh: string; en: string }> = {
  active: { zh: '存续', en: 'Active' },
  moved_out: { zh: '迁出', en: 'Moved out' },
  cancelled: { zh: '注销', en: 'Cancelled' },
  revoked: { zh: '吊销', en: 'Revoked' },
  withdrawn: { zh: '撤销', en: 'Withdrawn' },
};

/** One licence record. The credit code's GB 32100 check and the dates' order are domain rules. */
export const licenceRecordSchema = z.strictObject({
  creditCode: z.string().trim().max(18),
  /** 企业名称 as registered. */
  name: z.string().trim().min(2).max(100),
  status: z.enum(LICENCE_STATUSES),
  /** 成立日期. */
  registeredOn: z.iso.date(),
  /** The day the status took effect (注销/吊销/撤销/迁出 date); empty while active. */
  statusOn: z.iso.date().nullable().default(null),
  /** 登记机关. */
  authority: z.string().trim().min(2).max(100),
  /** 经营范围 (as registered; used to see whether childcare is in it). */
  businessScope: z.string().trim().max(2000).default(''),
});
export type LicenceRecord = z.infer<typeof licenceRecordSchema>;

/** What the department's system sends: up to 1,000 records a call, written all or none. */
export const licenceBatchBody = z.strictObject({
  records: z.array(licenceRecordSchema).min(1).max(1000),
});
export const licenceBatchResult = z.object({
  received: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});

/** What the comparison finds for an institution (domain/exchange/licence-check.ts). */
export const LICENCE_FINDINGS = ['no_record', 'not_active', 'name_differs', 'scope_lacks_childcare'] as const;
export type LicenceFinding = (typeof LICENCE_FINDINGS)[number];

export const licenceChecksQuery = paginationQuery.extend({
  /** Only institutions with this finding; none = every institution with at least one. */
  finding: z.enum(LICENCE_FINDINGS).optional(),
  townCode: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
});
export const licenceCheckSchema = z.object({
  institutionId: z.uuid(),
  name: z.string(),
  creditCode: z.string(),
  townCode: z.string(),
  status: z.string(),
  findings: z.array(z.enum(LICENCE_FINDINGS)),
  licence: z
    .object({
      name: z.string(),
      status: z.enum(LICENCE_STATUSES),
      registeredOn: z.string(),
      statusOn: z.string().nullable(),
      authority: z.string(),
      receivedAt: z.string(),
    })
    .nullable(),
});
export type LicenceCheck = z.infer<typeof licenceCheckSchema>;
export const licenceCheckPage = pageOf(licenceCheckSchema).extend({
  /** Institutions compared (in scope, in service) and how many carry each finding. */
  compared: z.number().int(),
  counts: z.object({
    no_record: z.number().int(),
    not_active: z.number().int(),
    name_differs: z.number().int(),
    scope_lacks_childcare: z.number().int(),
  } satisfies Record<LicenceFinding, z.ZodNumber>),
  /** When the newest record was received, or null when none has been. */
  lastReceivedAt: z.string().nullable(),
});
