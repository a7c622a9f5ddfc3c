/**
 * An institution's integrity record (信用记录) on its public page (issue 10: "Integrity records from
 * serious findings, overdue rectification, commendations and bans, shown on the public institution page
 * for a configured period").
 */
import { z } from 'zod';
import { CHECKLIST_CATEGORIES } from './supervision-inspections.ts';

export const INTEGRITY_KINDS = ['serious_finding', 'overdue_rectification', 'commendation'] as const;
export type IntegrityKind = (typeof INTEGRITY_KINDS)[number];

export const integrityItemSchema = z.strictObject({
  kind: z.enum(INTEGRITY_KINDS),
  /** The finding's, the deadline's or the commendation's date (YYYY-MM-DD, China time). */
  date: z.string(),
  /** Findings: the checklist category and item. */
  category: z.enum(CHECKLIST_CATEGORIES).nullable(),
  zh: z.string(),
  en: z.string(),
  /** Findings and overdue items: rectified (with the date) or still open. */
  rectified: z.boolean().nullable(),
  rectifiedOn: z.string().nullable(),
});
export const publicIntegritySchema = z.strictObject({
  /** The period shown (INTEGRITY_MONTHS): records dated from `since` on. */
  months: z.number().int(),
  since: z.string(),
  items: z.array(integrityItemSchema),
});
export type PublicIntegrity = z.infer<typeof publicIntegritySchema>;
