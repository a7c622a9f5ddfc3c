/** The audit trail as audit_admin reads it. */
import { z } from 'zod';
import { roleSchema } from './auth.ts';
import { boundedDateTime, pageOf, paginationQuery } from './common.ts';

/** How an audited action ended. */
export const AUDIT_RESULTS = ['success', 'failure', 'denied'] as const;

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  role: z.string().nullable(),
  scope: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  result: z.enum(AUDIT_RESULTS),
  requestId: z.string().nullable(),
  changes: z.record(z.string(), z.unknown()).nullable(),
  hash: z.string(),
  /** Read when listed, not part of the chain: the actor's display name. */
  actorName: z.string().nullable(),
  /** The object's name (an account, an institution) when the auditor may name it; else null (show the type). */
  objectName: z.object({ zh: z.string(), en: z.string() }).nullable(),
  /** The scope as a place (青浦区 / 朱家角镇) or an institution's name. */
  scopeLabel: z.object({ zh: z.string(), en: z.string() }).nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuery = z.strictObject({
  ...paginationQuery.shape,
  action: z.string().max(64).optional(),
  actor: z.string().max(64).optional(),
  objectType: z.string().max(64).optional(),
  role: roleSchema.optional(),
  result: z.enum(AUDIT_RESULTS).optional(),
  from: boundedDateTime.optional(),
  to: boundedDateTime.optional(),
});
export const auditPage = pageOf(auditEntrySchema);

export const auditVerifySchema = z.object({
  ok: z.boolean(),
  count: z.number().int(),
  brokenAt: z.number().int().nullable(),
  reason: z.string().nullable(),
});
