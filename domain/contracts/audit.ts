/** The audit trail as audit_admin reads it. */
import { z } from 'zod';
import { roleSchema } from './auth.ts';
import { boundedDateTime, pageOf, paginationQuery, uuidSchema } from './common.ts';

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

/** The trail's filters (the list and the export share them). */
export const auditFilters = {
  action: z.string().max(64).optional(),
  /** The actor's login name (also finds failed logins of names with no account). */
  actor: z.string().max(64).optional(),
  /** The actor's account, as the account picker gives it (GET /api/v1/audit/actors). */
  actorId: uuidSchema.optional(),
  objectType: z.string().max(64).optional(),
  role: roleSchema.optional(),
  result: z.enum(AUDIT_RESULTS).optional(),
  from: boundedDateTime.optional(),
  to: boundedDateTime.optional(),
};
export const auditQuery = z.strictObject({ ...paginationQuery.shape, ...auditFilters });
export type AuditFilters = Omit<z.infer<typeof auditQuery>, 'page' | 'pageSize'>;
export const auditPage = pageOf(auditEntrySchema);

/** The filtered trail as a file (XLSX or CSV), audited as audit.export. */
export const auditExportQuery = z.strictObject({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  ...auditFilters,
});

/** An account that appears in the trail, for the auditor's account picker (audit_admin cannot read /users). */
export const auditActorSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  /** The account's current role (null: no role granted now). */
  role: z.string().nullable(),
});
export type AuditActor = z.infer<typeof auditActorSchema>;
export const auditActorsSchema = z.object({ items: z.array(auditActorSchema) });

export const auditVerifySchema = z.object({
  ok: z.boolean(),
  count: z.number().int(),
  brokenAt: z.number().int().nullable(),
  reason: z.string().nullable(),
});
