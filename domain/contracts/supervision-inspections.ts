/**
 * Supervision (issue 10): checklist templates, inspection records, rectification items and the
 * institution's self-check. Shapes only; rules in domain/supervision/.
 */
import { z } from 'zod';
import { uuidSchema } from './common.ts';

export const CHECKLIST_CATEGORIES = [
  'safety',
  'health',
  'fire',
  'food',
  'fees',
  'staff',
  'emergency',
] as const;
export type ChecklistCategory = (typeof CHECKLIST_CATEGORIES)[number];
/** 一般 / 较重 / 严重 */
export const SEVERITIES = ['minor', 'major', 'serious'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const INSPECTION_KINDS = ['draw', 'self_check', 'special'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];
export const INSPECTION_STATUSES = ['open', 'signed'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];
export const ITEM_OUTCOMES = ['pass', 'finding'] as const;
export const RECTIFICATION_STATUSES = ['open', 'evidence_submitted', 'closed'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];
export const RECTIFICATION_ACTIONS = ['submit_evidence', 'verify', 'return'] as const;
export type RectificationAction = (typeof RECTIFICATION_ACTIONS)[number];

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM / Month must be YYYY-MM');

export const checklistItemSchema = z.strictObject({
  code: z
    .string()
    .regex(/^[a-z0-9-]{2,40}$/, '条目编号：小写字母、数字、连字符 2–40 位 / Item code: 2–40 of a-z 0-9 -'),
  severity: z.enum(SEVERITIES),
  points: z.number().int().min(1).max(100),
  zh: z.string().trim().min(1).max(200),
  en: z.string().trim().min(1).max(200),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

export const checklistSchema = z.strictObject({
  id: uuidSchema,
  category: z.enum(CHECKLIST_CATEGORIES),
  version: z.number().int(),
  items: z.array(checklistItemSchema),
  publishedAt: z.string(),
});
export type Checklist = z.infer<typeof checklistSchema>;
export const checklistListSchema = z.strictObject({ items: z.array(checklistSchema) });
export const checklistCategoryParams = z.strictObject({ category: z.enum(CHECKLIST_CATEGORIES) });

/** Publish a new version of a category's template (older inspections keep the version they used). */
export const publishChecklistBody = z.strictObject({
  items: z.array(checklistItemSchema).min(1).max(60),
});
export type PublishChecklistBody = z.infer<typeof publishChecklistBody>;

export const itemResultSchema = z.strictObject({
  itemCode: z.string().min(1).max(40),
  outcome: z.enum(ITEM_OUTCOMES),
  note: z.string().trim().max(500).optional(),
});
export type ItemResult = z.infer<typeof itemResultSchema>;

export const inspectionParams = z.strictObject({ id: uuidSchema });
export const inspectionListQuery = z.strictObject({
  mine: z.enum(['true', 'false']).optional(),
  kind: z.enum(INSPECTION_KINDS).optional(),
  status: z.enum(INSPECTION_STATUSES).optional(),
});

export const inspectionSummarySchema = z.strictObject({
  id: uuidSchema,
  kind: z.enum(INSPECTION_KINDS),
  planId: uuidSchema.nullable(),
  /** The joint special check the inspection belongs to (kind `special`). */
  specialCheckId: uuidSchema.nullable(),
  month,
  institutionId: uuidSchema,
  institutionName: z.string(),
  townCode: z.string(),
  inspectorIds: z.array(z.string()),
  inspectorNames: z.array(z.string()),
  status: z.enum(INSPECTION_STATUSES),
  score: z.number().int().nullable(),
  findings: z.number().int(),
  signedAt: z.string().nullable(),
});
export type InspectionSummary = z.infer<typeof inspectionSummarySchema>;
export const inspectionListSchema = z.strictObject({ items: z.array(inspectionSummarySchema) });

/** A stored file (kit attachments): what a reader needs to list, show and download it. */
export const evidenceFileSchema = z.strictObject({
  id: uuidSchema,
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: z.string(),
  uploadedBy: z.string().nullable(),
});
export type EvidenceFile = z.infer<typeof evidenceFileSchema>;
/** A photo of a finding, taken by the inspector during the inspection (purpose inspection_photo). */
export const inspectionPhotoSchema = z.strictObject({ ...evidenceFileSchema.shape, itemCode: z.string() });
export type InspectionPhoto = z.infer<typeof inspectionPhotoSchema>;
export const inspectionPhotoListSchema = z.strictObject({ items: z.array(inspectionPhotoSchema) });
export const evidenceFileListSchema = z.strictObject({ items: z.array(evidenceFileSchema) });
export const inspectionItemParams = z.strictObject({ id: uuidSchema, itemCode: z.string().min(1).max(40) });
export const fileParams = z.strictObject({ id: uuidSchema, fileId: uuidSchema });

export const INSPECTION_ACTIONS = ['record', 'sign'] as const;
export const inspectionDetailSchema = z.strictObject({
  ...inspectionSummarySchema.shape,
  checklists: z.array(checklistSchema),
  results: z.array(itemResultSchema),
  signoffs: z.array(z.strictObject({ userId: z.string(), name: z.string(), at: z.string() })),
  photos: z.array(inspectionPhotoSchema),
  version: z.number().int(),
  permittedActions: z.array(z.enum(INSPECTION_ACTIONS)),
});
export type InspectionDetail = z.infer<typeof inspectionDetailSchema>;

/** Save the results (replaces them; clears earlier sign-offs, since each signer signs what they saw). */
export const saveResultsBody = z.strictObject({
  version: z.number().int().min(1),
  results: z.array(itemResultSchema).max(500),
});
export type SaveResultsBody = z.infer<typeof saveResultsBody>;
export const signInspectionBody = z.strictObject({ version: z.number().int().min(1) });

/** The institution's monthly self-check (its admin records and signs it). */
export const createSelfCheckBody = z.strictObject({ month });

export const rectificationParams = z.strictObject({ id: uuidSchema });
export const rectificationListQuery = z.strictObject({
  status: z.enum(RECTIFICATION_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
});
export const rectificationSchema = z.strictObject({
  id: uuidSchema,
  inspectionId: uuidSchema,
  inspectionKind: z.enum(INSPECTION_KINDS),
  institutionId: uuidSchema,
  institutionName: z.string(),
  townCode: z.string(),
  category: z.enum(CHECKLIST_CATEGORIES),
  itemCode: z.string(),
  itemZh: z.string(),
  itemEn: z.string(),
  severity: z.enum(SEVERITIES),
  note: z.string(),
  deadline: z.string(),
  overdue: z.boolean(),
  status: z.enum(RECTIFICATION_STATUSES),
  evidenceText: z.string().nullable(),
  evidenceSubmittedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** Photos and documents the institution attached (purpose rectification_evidence), oldest first. */
  attachments: z.array(evidenceFileSchema),
  version: z.number().int(),
  permittedActions: z.array(z.enum(RECTIFICATION_ACTIONS)),
});
export type Rectification = z.infer<typeof rectificationSchema>;
export const rectificationListSchema = z.strictObject({ items: z.array(rectificationSchema) });
export const rectificationTransitionBody = z.strictObject({
  version: z.number().int().min(1),
  action: z.enum(RECTIFICATION_ACTIONS),
  evidenceText: z.string().trim().max(2000).optional(),
  reason: z.string().trim().max(500).optional(),
});
export type RectificationTransitionBody = z.infer<typeof rectificationTransitionBody>;
