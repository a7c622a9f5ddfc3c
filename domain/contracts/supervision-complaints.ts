/**
 * Public complaints (issue 10: "Public complaints from the portal (no login needed, contact optional,
 * rate-limited) routed to the town officer; status visible to the complainant through a receipt code").
 */
import { z } from 'zod';
import { uuidSchema } from './common.ts';

export const COMPLAINT_CATEGORIES = [
  'safety',
  'hygiene',
  'staff_conduct',
  'fees',
  'unlicensed',
  'other',
] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];
export const COMPLAINT_STATUSES = ['received', 'handling', 'closed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const COMPLAINT_ACTIONS = ['accept', 'close'] as const;
export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number];

/** A receipt code: 12 characters of Crockford base32 (no I, L, O, U), shown once, stored as a hash. */
export const RECEIPT_CODE = /^[0-9A-HJKMNP-TV-Z]{12}$/;

export const complaintBody = z.strictObject({
  institutionId: uuidSchema,
  category: z.enum(COMPLAINT_CATEGORIES),
  content: z
    .string()
    .trim()
    .min(10, '投诉内容至少 10 个字 / The complaint needs at least 10 characters')
    .max(1000, '投诉内容最多 1000 个字 / The complaint is at most 1,000 characters'),
  /** Optional: a mobile (11 digits from 1) or a landline (0 + area code), for the officer to call back. */
  contactPhone: z
    .string()
    .trim()
    .regex(
      /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/,
      '联系电话应为 11 位手机号或带区号的固定电话 / Contact phone must be an 11-digit mobile or a landline with area code',
    )
    .optional(),
});
export type ComplaintBody = z.infer<typeof complaintBody>;

export const complaintReceipt = z.strictObject({
  receiptCode: z.string().describe('Shown once: the complainant keeps it to follow the complaint'),
  status: z.enum(COMPLAINT_STATUSES),
  submittedAt: z.string(),
});

export const complaintLookupBody = z.strictObject({
  receiptCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(RECEIPT_CODE, '回执码为 12 位字母数字 / The receipt code is 12 letters and digits'),
});

/** What the complainant sees with the receipt code (no contact, no officer names). */
export const complaintPublicStatus = z.strictObject({
  institutionName: z.string(),
  category: z.enum(COMPLAINT_CATEGORIES),
  status: z.enum(COMPLAINT_STATUSES),
  submittedAt: z.string(),
  acceptedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  reply: z.string().nullable(),
});

export const complaintListQuery = z.strictObject({
  status: z.enum(COMPLAINT_STATUSES).optional(),
});

export const complaintSchema = z.strictObject({
  id: uuidSchema,
  institutionId: uuidSchema,
  institutionName: z.string(),
  townCode: z.string(),
  category: z.enum(COMPLAINT_CATEGORIES),
  content: z.string(),
  /** Masked (138****0000); null when the complainant left none. */
  contactPhone: z.string().nullable().describe('masked'),
  status: z.enum(COMPLAINT_STATUSES),
  substantiated: z.boolean().nullable(),
  reply: z.string().nullable(),
  submittedAt: z.string(),
  acceptedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
  permittedActions: z.array(z.enum(COMPLAINT_ACTIONS)),
});
export type Complaint = z.infer<typeof complaintSchema>;
export const complaintListSchema = z.strictObject({
  items: z.array(complaintSchema),
  counts: z.strictObject({
    received: z.number().int(),
    handling: z.number().int(),
    closed: z.number().int(),
  }),
});

export const complaintTransitionBody = z.strictObject({
  version: z.number().int().min(1),
  action: z.enum(COMPLAINT_ACTIONS),
  /** Required to close: the answer the complainant reads with the receipt code. */
  reply: z.string().trim().max(1000).optional(),
  /** Required to close: whether the complaint was found to be true (feeds the institution's risk). */
  substantiated: z.boolean().optional(),
});
export type ComplaintTransitionBody = z.infer<typeof complaintTransitionBody>;
