/**
 * The published fee list (收费公示) of an institution (issue 17): items with amount, unit, service form and
 * whether optional, the effective date (执行日期) and the price basis (普惠价 approval, free text). The
 * institution keeps one draft and publishes it; each publication is kept as a version. What must be
 * disclosed, and its sources, is in domain/policy/fee-disclosure.ts (unverified).
 */
import { z } from 'zod';
import { SERVICE_FORMS } from './institution-enums.ts';

/** 保育教育费/保育费 (care), 伙食费 (meals), other service charges (代办费, 延时费 …). */
export const FEE_ITEM_KINDS = ['care', 'meals', 'other'] as const;
export type FeeItemKind = (typeof FEE_ITEM_KINDS)[number];
/** Per month, per day, per hour, per term, per year, once. */
export const FEE_UNITS = ['month', 'day', 'hour', 'term', 'year', 'once'] as const;
export type FeeUnit = (typeof FEE_UNITS)[number];
/** Version states: the draft being edited, the list in force, earlier lists. */
export const FEE_LIST_STATES = ['draft', 'published', 'superseded'] as const;
export const FEE_ITEMS_MAX = 30;
/** 100,000 yuan: far above any childcare charge; a typo guard. */
export const FEE_AMOUNT_MAX_FEN = 10_000_000;

export const feeItemInput = z.strictObject({
  kind: z.enum(FEE_ITEM_KINDS),
  name: z.string().trim().min(1).max(50),
  amountFen: z.number().int().min(0).max(FEE_AMOUNT_MAX_FEN),
  unit: z.enum(FEE_UNITS),
  /** The service form the charge belongs to (a care fee per form); null = all forms. */
  serviceForm: z.enum(SERVICE_FORMS).nullable().default(null),
  optional: z.boolean().default(false),
});
export type FeeItemInput = z.infer<typeof feeItemInput>;

export const saveFeeListBody = z.strictObject({
  items: z.array(feeItemInput).max(FEE_ITEMS_MAX),
  /** 执行日期 (YYYY-MM-DD); required to publish. */
  effectiveFrom: z.iso.date().nullable().default(null),
  /** 收费依据: the approval of inclusive prices (document number, note); free text. */
  basis: z.string().trim().max(500).default(''),
  /** 服务内容: what the charges cover (hours, meals, activities); free text. */
  serviceContent: z.string().trim().max(1000).default(''),
  /** 退费规则: how fees are refunded on absence or leaving; free text. */
  refundRule: z.string().trim().max(1000).default(''),
});
export type SaveFeeListBody = z.infer<typeof saveFeeListBody>;

export const feeItemSchema = feeItemInput.extend({ serviceForm: z.enum(SERVICE_FORMS).nullable() });
export const feeListVersionSchema = z.object({
  id: z.uuid(),
  state: z.enum(FEE_LIST_STATES),
  items: z.array(feeItemSchema),
  effectiveFrom: z.iso.date().nullable(),
  basis: z.string(),
  serviceContent: z.string(),
  refundRule: z.string(),
  publishedAt: z.iso.datetime({ offset: true }).nullable(),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type FeeListVersion = z.infer<typeof feeListVersionSchema>;

/** Why an inclusive institution is flagged: no list, no care fee, or a care fee that differs from the registry's. */
export const FEE_LIST_FLAGS = ['missing', 'no_care_fee', 'differs_from_fees'] as const;
export type FeeListFlag = (typeof FEE_LIST_FLAGS)[number];

/** The console's view: the draft (if any), the list in force, how many earlier versions, the flag. */
export const feeListDetailSchema = z.object({
  institutionId: z.uuid(),
  inclusive: z.boolean(),
  draft: feeListVersionSchema.nullable(),
  published: feeListVersionSchema.nullable(),
  earlierVersions: z.number().int(),
  flag: z.enum(FEE_LIST_FLAGS).nullable(),
  /** May the caller edit and publish (the institution's admin, a district officer)? */
  canEdit: z.boolean(),
});
export type FeeListDetail = z.infer<typeof feeListDetailSchema>;

/** The portal's view: only the published list, nothing personal. */
export const publicFeeListSchema = z.object({
  inclusive: z.boolean(),
  published: z
    .object({
      items: z.array(feeItemSchema),
      effectiveFrom: z.iso.date().nullable(),
      basis: z.string(),
      serviceContent: z.string(),
      refundRule: z.string(),
      publishedAt: z.iso.datetime({ offset: true }),
    })
    .nullable(),
});
export type PublicFeeList = z.infer<typeof publicFeeListSchema>;
