/** The year's annual-visit coverage with a schedule suggestion (issue 10; domain/supervision/visits.ts). */
import { z } from 'zod';
import { uuidSchema } from './common.ts';

export const visitCoverageQuery = z.strictObject({
  townCode: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
});
export const visitCoverageSchema = z.strictObject({
  year: z.number().int(),
  asOf: z.string(),
  /** Institutions in service in scope, and how many have had a signed on-site inspection this year. */
  total: z.number().int(),
  visited: z.number().int(),
  unvisited: z.array(
    z.strictObject({
      institutionId: uuidSchema,
      name: z.string(),
      townCode: z.string(),
      lat: z.number(),
      lng: z.number(),
    }),
  ),
  /** The remaining months of the year (this one included), whole towns where they fit. */
  schedule: z.array(
    z.strictObject({
      month: z.string(),
      total: z.number().int(),
      towns: z.array(z.strictObject({ townCode: z.string(), count: z.number().int() })),
    }),
  ),
});

/** Working days after the last signature within which an inspection's result is disclosed (issue 10). */
export const DISCLOSURE_WORKING_DAYS = 20;

/** The results of a drawn plan's inspections as the portal discloses them (no inspector notes, no people). */
export const publicResultsSchema = z.strictObject({
  items: z.array(
    z.strictObject({
      institutionId: uuidSchema,
      name: z.string(),
      /** open: not yet signed by every inspector; signed: the result is public from `signedOn`. */
      status: z.enum(['open', 'signed']),
      signedOn: z.string().nullable(),
      /** The last day the result may be disclosed (20 working days after signing); null outside the calendar. */
      dueOn: z.string().nullable(),
      findings: z.strictObject({
        minor: z.number().int(),
        major: z.number().int(),
        serious: z.number().int(),
      }),
      /** Rectification items from the findings: closed (verified) of all. */
      rectified: z.number().int(),
    }),
  ),
});
