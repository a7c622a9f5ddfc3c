/**
 * Childcare subsidy (育儿补贴) contracts (issue 17): applications arriving from the national system
 * (import), the town's review with the 30-working-day clock, payment batches, returns and corrections,
 * and the parent's view. One zod source for the routes, the OpenAPI document and the web forms.
 * Personal numbers (ID numbers, mobiles, bank accounts) are answered masked.
 */
import { z } from 'zod';
import { pageOf, paginationQuery, versionField } from './common.ts';

export const SUBSIDY_STATUSES = ['submitted', 'approved', 'rejected', 'stopped'] as const;
export const SUBSIDY_ACTIONS = ['approve', 'reject', 'stop'] as const;
export const APPLICANT_RELATIONS = ['mother', 'father', 'guardian', 'welfare_institution'] as const;
export const ACCOUNT_KINDS = ['card', 'passbook'] as const;
export const END_REASONS = ['death', 'emigration', 'hukou_moved', 'other'] as const;
export const BATCH_STATUSES = ['draft', 'submitted', 'paid'] as const;
export const BATCH_ACTIONS = ['submit', 'mark_paid'] as const;
export const LINE_STATUSES = ['pending', 'paid', 'returned'] as const;
/** The yearly renewal's states (subsidy-renewal.ts): open → confirmed | stopped. */
export const RENEWAL_STATES = ['open', 'confirmed', 'stopped'] as const;

export type SubsidyStatus = (typeof SUBSIDY_STATUSES)[number];
export type SubsidyAction = (typeof SUBSIDY_ACTIONS)[number];
export type BatchStatus = (typeof BATCH_STATUSES)[number];

export const SUBSIDY_STATUS_LABELS: Record<SubsidyStatus, { zh: string; en: string }> = {
  submitted: { zh: '待审核', en: 'Awaiting review' },
  approved: { zh: '审核通过', en: 'Approved' },
  rejected: { zh: '不予通过', en: 'Rejected' },
  stopped: { zh: '已停发', en: 'Stopped' },
};

export const APPLICANT_RELATION_LABELS: Record<
  (typeof APPLICANT_RELATIONS)[number],
  { zh: string; en: string }
> = {
  mother: { zh: '母亲', en: 'Mother' },
  father: { zh: '父亲', en: 'Father' },
  guardian: { zh: '监护人', en: 'Guardian' },
  welfare_institution: { zh: '儿童福利机构', en: 'Welfare institution' },
};
export const ACCOUNT_KIND_LABELS: Record<(typeof ACCOUNT_KINDS)[number], { zh: string; en: string }> = {
  card: { zh: '银行卡', en: 'Card' },
  passbook: { zh: '存折', en: 'Passbook' },
};

const dateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, {
  message: '日期格式应为 YYYY-MM-DD / The date must be YYYY-MM-DD',
});
const monthString = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, {
  message: '月份格式应为 YYYY-MM / The month must be YYYY-MM',
});

/** One application as the national system sends it (one row of its export, or one API call). */
export const subsidyApplicationBody = z.strictObject({
  applicationNo: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{6,40}$/, {
      message: '申请编号应为 6–40 位字母、数字或连字符 / 6–40 letters, digits or hyphens',
    }),
  childName: z.string().trim().min(1).max(50),
  childIdNumber: z.string().trim().min(1).max(18),
  childBirthDate: dateString,
  hukouTownCode: z.string().regex(/^\d{9}$/, {
    message: '户籍街镇代码应为 9 位数字 / The hukou town code has 9 digits',
  }),
  localHukou: z.boolean(),
  adoptedOn: dateString.optional(),
  hukouFrom: dateString.optional(),
  applicantName: z.string().trim().min(1).max(50),
  applicantRelation: z.enum(APPLICANT_RELATIONS),
  applicantMobile: z.string().trim().min(11).max(20),
  bankName: z.string().trim().min(2).max(50),
  accountKind: z.enum(ACCOUNT_KINDS),
  bankAccount: z.string().trim().min(1).max(40),
  appliedOn: dateString,
});
export type SubsidyApplicationBody = z.infer<typeof subsidyApplicationBody>;

export const subsidyApplicationSchema = z.object({
  id: z.uuid(),
  applicationNo: z.string(),
  childName: z.string(),
  childIdNumber: z.string().describe('masked'),
  childBirthDate: z.string(),
  townCode: z.string(),
  localHukou: z.boolean(),
  adoptedOn: z.string().nullable(),
  hukouFrom: z.string().nullable(),
  applicantName: z.string(),
  applicantRelation: z.enum(APPLICANT_RELATIONS),
  applicantMobile: z.string().describe('masked'),
  bankName: z.string(),
  accountKind: z.enum(ACCOUNT_KINDS),
  bankAccount: z.string().describe('masked'),
  appliedOn: z.string(),
  dueOn: z
    .string()
    .nullable()
    .describe('30 working days after appliedOn; null while the calendar does not cover it'),
  calendarCovered: z.boolean(),
  overdue: z.boolean(),
  status: z.enum(SUBSIDY_STATUSES),
  decidedOn: z.string().nullable(),
  reviewedInTime: z
    .boolean()
    .nullable()
    .describe('decided on or before dueOn (null while undecided or uncovered)'),
  reason: z.string().nullable(),
  endsOn: z.string().nullable(),
  endReason: z.enum(END_REASONS).nullable(),
  dueFrom: z.string().nullable().describe('first month due (YYYY-MM)'),
  dueTo: z.string().nullable().describe('last month due (YYYY-MM)'),
  monthsDue: z.number().int().describe('months due in all'),
  monthsPaid: z.number().int().describe('months in batches, not returned'),
  amountPaid: z.number(),
  familyLinked: z
    .boolean()
    .describe('the child is in the families register (the parent sees the application)'),
  permittedActions: z.array(z.enum(SUBSIDY_ACTIONS)),
  version: z.number().int(),
});
export type SubsidyApplication = z.infer<typeof subsidyApplicationSchema>;
export const subsidyApplicationPage = pageOf(subsidyApplicationSchema);

export const subsidyListQuery = paginationQuery.extend({
  status: z.enum(SUBSIDY_STATUSES).optional(),
  townCode: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(40).optional().describe('application number (prefix)'),
});

export const subsidyDecisionBody = z.strictObject({
  action: z.enum(SUBSIDY_ACTIONS),
  reason: z.string().trim().max(500).optional(),
  endsOn: dateString.optional(),
  endReason: z.enum(END_REASONS).optional(),
  version: versionField,
});
export type SubsidyDecisionBody = z.infer<typeof subsidyDecisionBody>;

/** A correction of the bank account (after a returned payment or the applicant's request). */
export const subsidyAccountBody = z.strictObject({
  bankName: z.string().trim().min(2).max(50),
  accountKind: z.enum(ACCOUNT_KINDS),
  bankAccount: z.string().trim().min(1).max(40),
  reason: z.string().trim().min(2).max(500),
  version: versionField,
});

export const createBatchBody = z.strictObject({
  year: z.number().int().min(2025).max(2100),
  through: monthString.describe('the last month paid in this batch (YYYY-MM, in the year)'),
});

export const townTotalSchema = z.object({
  townCode: z.string(),
  children: z.number().int(),
  months: z.number().int(),
  amount: z.number(),
});
export const batchSchema = z.object({
  id: z.uuid(),
  year: z.number().int(),
  through: z.string(),
  status: z.enum(BATCH_STATUSES),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  paidAt: z.string().nullable(),
  children: z.number().int(),
  months: z.number().int(),
  amount: z.number(),
  returned: z.number().int().describe('lines returned by the bank'),
  towns: z.array(townTotalSchema),
  permittedActions: z.array(z.enum(BATCH_ACTIONS)),
  version: z.number().int(),
});
export type Batch = z.infer<typeof batchSchema>;
export const batchPage = pageOf(batchSchema);
export const batchTransitionBody = z.strictObject({ action: z.enum(BATCH_ACTIONS), version: versionField });

export const batchLineSchema = z.object({
  id: z.uuid(),
  applicationId: z.uuid(),
  applicationNo: z.string(),
  childName: z.string(),
  townCode: z.string(),
  fromMonth: z.string(),
  toMonth: z.string(),
  months: z.number().int(),
  amount: z.number(),
  bankName: z.string(),
  bankAccount: z.string().describe('masked'),
  status: z.enum(LINE_STATUSES),
  returnReason: z.string().nullable(),
});
export const batchLinePage = pageOf(batchLineSchema);
export const batchLineQuery = paginationQuery.extend({
  townCode: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
  status: z.enum(LINE_STATUSES).optional(),
});
export const returnLineBody = z.strictObject({ reason: z.string().trim().min(2).max(500) });

/** What a parent sees of their children's applications. */
export const mySubsidySchema = z.object({
  items: z.array(
    z.object({
      applicationNo: z.string(),
      childName: z.string(),
      childIdNumber: z.string().describe('masked'),
      status: z.enum(SUBSIDY_STATUSES),
      appliedOn: z.string(),
      dueOn: z.string().nullable(),
      reason: z.string().nullable(),
      dueFrom: z.string().nullable(),
      dueTo: z.string().nullable(),
      monthsDue: z.number().int(),
      monthsPaid: z.number().int(),
      amountPaid: z.number(),
      bankAccount: z.string().describe('masked'),
      renewal: z
        .object({
          year: z.number().int(),
          state: z.enum(RENEWAL_STATES),
          stopReason: z.enum(END_REASONS).nullable(),
        })
        .nullable()
        .describe("this year's renewal (年度复核) of the application, null when none was opened"),
    }),
  ),
  yuanPerMonth: z.number(),
  source: z.string().describe('the packs the values come from'),
  unverified: z.boolean().describe('some value was not checked against the official text'),
});
export type MySubsidy = z.infer<typeof mySubsidySchema>;

export const subsidyIdParams = z.object({ id: z.uuid() });
export const lineParams = z.object({ id: z.uuid(), lineId: z.uuid() });
