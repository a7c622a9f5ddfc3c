/**
 * The working-day calendar as data (issue 18): a district enters a year's holiday notice as a draft;
 * a second district officer confirms it (four eyes, ADR 0011). Shapes only; the date rules live in
 * domain/rules/calendar-year.ts, which the server and the console form both call.
 */
import { z } from 'zod';
import { FESTIVALS } from '../policy/festivals.ts';
import { versionField } from './common.ts';

export { FESTIVAL_LABELS, FESTIVALS, type Festival } from '../policy/festivals.ts';

export const CALENDAR_YEAR_STATUSES = ['draft', 'confirmed', 'rejected', 'withdrawn', 'superseded'] as const;
export type CalendarYearStatus = (typeof CALENDAR_YEAR_STATUSES)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD / Date must be YYYY-MM-DD');

export const holidayRangeSchema = z.strictObject({
  festival: z.enum(FESTIVALS),
  from: isoDate,
  to: isoDate,
});

export const createCalendarYearBody = z.strictObject({
  year: z.number().int().min(2000).max(2099),
  noticeTitle: z.string().trim().min(1).max(200),
  /** e.g. 国办发明电〔2026〕N号; empty when the number was not published with the notice. */
  noticeNumber: z.string().trim().max(50).default(''),
  noticeDate: isoDate,
  holidays: z.array(holidayRangeSchema).min(1).max(20),
  workdays: z.array(isoDate).max(20),
});
export type CreateCalendarYearBody = z.infer<typeof createCalendarYearBody>;

export const decideCalendarYearBody = z.strictObject({
  version: versionField,
  reason: z.string().trim().max(500).optional(),
});
export type DecideCalendarYearBody = z.infer<typeof decideCalendarYearBody>;

export const calendarYearParams = z.strictObject({ id: z.uuid() });

const issue = z.object({
  field: z.string(),
  rule: z.string(),
  message_zh: z.string(),
  message_en: z.string(),
});

/** A locally entered year, any status. */
export const calendarYearSchema = z.object({
  id: z.uuid(),
  year: z.number().int(),
  noticeTitle: z.string(),
  noticeNumber: z.string(),
  noticeDate: z.string(),
  holidays: z.array(holidayRangeSchema),
  workdays: z.array(z.string()),
  status: z.enum(CALENDAR_YEAR_STATUSES),
  enteredBy: z.string(),
  enteredAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  /** Warnings of the checks (festival dates), recomputed on read. */
  warnings: z.array(issue),
  version: z.number().int(),
});
export type CalendarYear = z.infer<typeof calendarYearSchema>;

/** Day-by-day difference between a shipped year and the district's confirmed local year. */
export const yearDifferenceSchema = z.object({
  year: z.number().int(),
  localId: z.uuid(),
  holidaysOnlyShipped: z.array(z.string()),
  holidaysOnlyLocal: z.array(z.string()),
  workdaysOnlyShipped: z.array(z.string()),
  workdaysOnlyLocal: z.array(z.string()),
  /** Which version counts: the confirmed local year while the two differ (ADR 0011). */
  counting: z.enum(['shipped', 'local']),
});
export type YearDifference = z.infer<typeof yearDifferenceSchema>;

/** One year the calendar covers, and where it comes from. */
export const coveredYearSchema = z.object({
  year: z.number().int(),
  source: z.enum(['shipped', 'local']),
  notice: z.string(),
  issued: z.string(),
  /** Shipped years: whether the notice's text was checked while writing the data file. */
  verified: z.boolean(),
  note: z.string().nullable(),
  enteredBy: z.string().nullable(),
  confirmedBy: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  /** A shipped year that the district also confirmed locally, with a different day set. */
  differs: z.boolean(),
});

export const calendarOverviewSchema = z.object({
  /** The last day counted without a gap (working-day counts beyond it answer "outside calendar"). */
  end: z.string().nullable(),
  years: z.array(coveredYearSchema),
  drafts: z.array(calendarYearSchema),
  /** Recent decisions (rejected, withdrawn, superseded): the history of the district's entries. */
  history: z.array(calendarYearSchema),
  differences: z.array(yearDifferenceSchema),
});
export type CalendarOverview = z.infer<typeof calendarOverviewSchema>;
export const calendarDifferencesSchema = z.object({ items: z.array(yearDifferenceSchema) });
