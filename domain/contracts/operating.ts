/**
 * Inclusive-care operating subsidies paid on attendance (普惠托育运营补贴, issue 17): the contracts of the
 * district's settings. The amount per child per month is a district value (its own document, cited by the
 * district when it enters it), never a number from a rule pack or a guess: while none is in force the
 * amount shows as 未设定. The minimum attended days for a child-month to count is a local choice
 * (docs/adr/0024-operating-subsidy-minimum-days.md), default OPERATING_DEFAULT_MIN_DAYS.
 */
import { z } from 'zod';
import { pageOf, paginationQuery } from './common.ts';

/**
 * Default minimum attended days for a child-month to count: 10, about half of a month's ~21 working days.
 * A local choice of this platform, NOT taken from any policy text; the district changes it in its settings.
 */
export const OPERATING_DEFAULT_MIN_DAYS = 10;
/** The largest minimum a district may set (a month has at most 23 working days). */
export const OPERATING_MAX_MIN_DAYS = 23;
/** Upper bound of an amount per child per month (fen): 100 000 yuan, far above any known figure (200–500 yuan). */
export const OPERATING_MAX_AMOUNT_FEN = 10_000_000;

const isoDate = z.iso.date();

/** A district amount with its effective date and citation (appended; the one in force on a month's 1st applies). */
export const operatingRateBody = z.strictObject({
  effectiveFrom: isoDate,
  amountFen: z.number().int().min(1).max(OPERATING_MAX_AMOUNT_FEN),
  citation: z.string().trim().min(2).max(300),
});
export type OperatingRateBody = z.infer<typeof operatingRateBody>;

export const operatingRateSchema = z.object({
  id: z.uuid(),
  effectiveFrom: isoDate,
  amountFen: z.number().int(),
  citation: z.string(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type OperatingRate = z.infer<typeof operatingRateSchema>;

export const operatingSettingsBody = z.strictObject({
  minAttendedDays: z.number().int().min(1).max(OPERATING_MAX_MIN_DAYS),
  /** null when the district has not saved its settings yet. */
  version: z.number().int().min(1).nullable(),
});
export type OperatingSettingsBody = z.infer<typeof operatingSettingsBody>;

export const operatingSettingsSchema = z.object({
  minAttendedDays: z.number().int(),
  /** true while the district has not set it: the platform's local default applies (not from a text). */
  minAttendedDaysIsDefault: z.boolean(),
  /** null while the district has not saved its settings. */
  version: z.number().int().nullable(),
  /** Every amount entered, newest effective date first. */
  rates: z.array(operatingRateSchema),
  /** The amount in force today; null = 未设定 (claims can be built, their amount shows as not set). */
  current: operatingRateSchema.nullable(),
});
export type OperatingSettings = z.infer<typeof operatingSettingsSchema>;

export const operatingMonthQuery = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
});

/** The attendance register: a class's roster (minimal, synthetic-safe) and its daily tick list. */
export const OPERATING_MAX_CLASS_CHILDREN = 60;

export const classParams = z.strictObject({ classId: z.uuid() });
export const classDayParams = z.strictObject({ classId: z.uuid(), day: isoDate });
export const rosterChildParams = z.strictObject({ classId: z.uuid(), childId: z.uuid() });

export const rosterChildBody = z.strictObject({
  name: z.string().trim().min(1).max(40),
  birthMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
});
export type RosterChildBody = z.infer<typeof rosterChildBody>;

export const rosterChildSchema = z.object({
  id: z.uuid(),
  classId: z.uuid(),
  /** Masked (王**) in every list. */
  name: z.string(),
  birthMonth: z.string(),
  /** The first day the child is no longer in the class (离园); null while enrolled. */
  leftOn: isoDate.nullable(),
});
export type RosterChild = z.infer<typeof rosterChildSchema>;
/** A child leaves the class from `leftOn` on (null: the leaving is undone). */
export const rosterLeaveBody = z.strictObject({
  leftOn: isoDate.nullable(),
});
export type RosterLeaveBody = z.infer<typeof rosterLeaveBody>;
export const rosterSchema = z.object({
  classId: z.uuid(),
  className: z.string(),
  institutionId: z.uuid(),
  children: z.array(rosterChildSchema),
});
export type Roster = z.infer<typeof rosterSchema>;

export const attendanceBody = z.strictObject({
  /** The children present that day (ids from the class roster); the day's marks are replaced. */
  present: z.array(z.uuid()).max(OPERATING_MAX_CLASS_CHILDREN),
});
export type AttendanceBody = z.infer<typeof attendanceBody>;

export const attendanceDaySchema = z.object({
  classId: z.uuid(),
  day: isoDate,
  /** The roster with each child's mark (names masked). */
  marks: z.array(z.object({ childId: z.uuid(), name: z.string(), present: z.boolean() })),
  presentCount: z.number().int(),
});
export type AttendanceDay = z.infer<typeof attendanceDaySchema>;

/** The classes the caller may open in the register (its own institution's, or its town's / district's). */
export const registerClassSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  institutionId: z.uuid(),
  institutionName: z.string(),
});
export type RegisterClass = z.infer<typeof registerClassSchema>;

export const registerMonthQuery = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
});

/**
 * A class's register for a month: the working days on the district calendar (empty when the calendar does
 * not cover the year), the days with marks, and per child (name masked) the days attended.
 */
export const registerMonthSchema = z.object({
  classId: z.uuid(),
  className: z.string(),
  institutionName: z.string(),
  month: z.string(),
  /** false when the district calendar does not cover the month's year: nothing can be entered. */
  calendarCovered: z.boolean(),
  /** The month's working days (all of them, also those after today). */
  workingDays: z.array(isoDate),
  /** The Shanghai date today (days after it cannot be entered). */
  today: isoDate,
  /** Days with at least one mark, and how many were present. */
  days: z.array(z.object({ day: isoDate, presentCount: z.number().int() })),
  children: z.array(
    rosterChildSchema.extend({
      /** The days this child was marked present in the month. */
      attended: z.array(isoDate),
      /** attended ≥ the district's minimum attended days. */
      counted: z.boolean(),
    }),
  ),
  /** Sum of children × days present in the month. */
  childDays: z.number().int(),
  /** The district's minimum attended days (as set today). */
  minAttendedDays: z.number().int(),
});
export type RegisterMonth = z.infer<typeof registerMonthSchema>;

/**
 * One row of the attendance import (kit import `operating_attendance`): the class by its name, the child by
 * the register's key (the roster id, shown on the register page and in the template), the day, present or
 * not. present = 否 removes a mark (the last row for a child-day wins).
 */
export const attendanceImportRow = z.strictObject({
  className: z.string().trim().min(1).max(100),
  childId: z.uuid(),
  day: isoDate,
  present: z.boolean(),
});
export type AttendanceImportRow = z.infer<typeof attendanceImportRow>;

/**
 * Monthly claims (issue 17, part 2): an institution builds its month's claim from the attendance register.
 * States: draft → submitted → approved / rejected (reason) / returned (reason; rebuilt and resubmitted).
 */
export const OPERATING_CLAIM_STATUSES = ['draft', 'submitted', 'approved', 'rejected', 'returned'] as const;
export type OperatingClaimStatus = (typeof OPERATING_CLAIM_STATUSES)[number];
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

export const operatingClaimBody = z.strictObject({
  month,
  /** Optional: the days the claim names; each must have attendance marks in the register (else 400 `days`). */
  days: z.array(isoDate).max(31).optional(),
});
export type OperatingClaimBody = z.infer<typeof operatingClaimBody>;

export const claimParams = z.strictObject({ claimId: z.uuid() });

export const operatingClaimDecisionBody = z
  .strictObject({
    decision: z.enum(['approve', 'reject', 'return']),
    reason: z.string().trim().min(2).max(300).optional(),
  })
  .refine((b) => b.decision === 'approve' || b.reason !== undefined, {
    path: ['reason'],
    message: 'A reason is required to reject or return a claim / 驳回或退回须填写理由',
  });
export type OperatingClaimDecisionBody = z.infer<typeof operatingClaimDecisionBody>;

/** The claims in the caller's scope, a page at a time (newest month first, then institution). */
export const operatingClaimQuery = paginationQuery.extend({
  month: month.optional(),
  status: z.enum(OPERATING_CLAIM_STATUSES).optional(),
});

export const operatingClaimLineSchema = z.object({
  classId: z.uuid(),
  className: z.string(),
  /** Children with at least one mark in the month. */
  childrenMarked: z.number().int(),
  /** Child-months that count (attended ≥ minAttendedDays). */
  countedChildMonths: z.number().int(),
});
export type OperatingClaimLine = z.infer<typeof operatingClaimLineSchema>;

export const operatingClaimSchema = z.object({
  id: z.uuid(),
  institutionId: z.uuid(),
  institutionName: z.string(),
  townCode: z.string(),
  month: z.string(),
  status: z.enum(OPERATING_CLAIM_STATUSES),
  minAttendedDays: z.number().int(),
  lines: z.array(operatingClaimLineSchema),
  countedChildMonths: z.number().int(),
  /** The amount per child per month in force on the month's 1st; null = 未设定. */
  rateFen: z.number().int().nullable(),
  /** Counted child-months × rate; null while the amount is 未设定. */
  totalFen: z.number().int().nullable(),
  reason: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type OperatingClaim = z.infer<typeof operatingClaimSchema>;
export const operatingClaimPage = pageOf(operatingClaimSchema);

/**
 * The district's review deadline for a submitted claim: 10 working days. A local choice of this platform
 * (no text found that fixes one), shown as such; past it the queue flags the claim `overdue`.
 */
export const OPERATING_REVIEW_WORKING_DAYS = 10;

export const operatingReviewQuery = z.strictObject({ ...paginationQuery.shape, month: month.optional() });

export const operatingReviewItemSchema = operatingClaimSchema.extend({
  submittedAt: z.string(),
  /** Working days waited since submission (null outside the holiday calendar's years: never guessed). */
  waitedWorkingDays: z.number().int().nullable(),
  overdue: z.boolean(),
  deadlineWorkingDays: z.number().int(),
  permittedActions: z.array(z.enum(['approve', 'reject', 'return'])),
});
export type OperatingReviewItem = z.infer<typeof operatingReviewItemSchema>;
export const operatingReviewPage = pageOf(operatingReviewItemSchema);

export const operatingPaymentQuery = z.strictObject({ month });
export const operatingPaymentExportQuery = z.strictObject({
  month,
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
});

export const operatingPaymentTownSchema = z.object({
  townCode: z.string(),
  townName: z.string(),
  claims: z.number().int(),
  countedChildMonths: z.number().int(),
  totalFen: z.number().int(),
});
export const operatingPaymentListSchema = z.object({
  month: z.string(),
  /** Approved claims of the month, by town then institution. */
  claims: z.array(operatingClaimSchema),
  towns: z.array(operatingPaymentTownSchema),
  countedChildMonths: z.number().int(),
  totalFen: z.number().int(),
});
export type OperatingPaymentList = z.infer<typeof operatingPaymentListSchema>;
