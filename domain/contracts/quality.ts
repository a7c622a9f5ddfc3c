/**
 * Quality evaluation (issue 12): indicator frameworks (dimensions → items → points, veto items),
 * rounds (self / peer / commissioned evaluation, weights, deadlines, blind or not), results, feedback,
 * improvement plans and demonstration institutions. One zod source for the server and the web.
 */
import { z } from 'zod';
import { versionField } from './common.ts';

export const EVALUATION_KINDS = ['self', 'peer', 'commissioned'] as const;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];
export const EVALUATION_STATUSES = ['assigned', 'submitted'] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];
export const ROUND_STATUSES = ['open', 'completed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];
/** What the portal shows of a completed round. */
export const PUBLICATIONS = ['none', 'grade', 'grade_and_dimensions'] as const;
export type Publication = (typeof PUBLICATIONS)[number];
export const GRADES = ['excellent', 'good', 'qualified', 'unqualified'] as const;
export type Grade = (typeof GRADES)[number];
export const IMPROVEMENT_STATUSES = ['open', 'done'] as const;
export type ImprovementStatus = (typeof IMPROVEMENT_STATUSES)[number];

export const GRADE_LABELS: Record<Grade, { zh: string; en: string }> = {
  excellent: { zh: '优秀', en: 'Excellent' },
  good: { zh: '良好', en: 'Good' },
  qualified: { zh: '合格', en: 'Qualified' },
  unqualified: { zh: '不合格', en: 'Unqualified' },
};
export const KIND_LABELS: Record<EvaluationKind, { zh: string; en: string }> = {
  self: { zh: '自评', en: 'Self-evaluation' },
  peer: { zh: '同行互评', en: 'Peer review' },
  commissioned: { zh: '委托评估', en: 'Commissioned evaluation' },
};

const code = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/, {
  message: '编码只能含字母、数字、点、横线 / Letters, digits, dot, dash',
});
const name = z.string().trim().min(1).max(100);

export const frameworkItemSchema = z.strictObject({
  code,
  name: z.string().trim().min(1).max(200),
  /** Full marks of the item (whole points). */
  points: z.number().int().min(1).max(100),
  guidance: z.string().trim().max(1000).default(''),
  /** 一票否决: failing this item makes the result unqualified whatever the points. */
  veto: z.boolean().default(false),
});
export const frameworkDimensionSchema = z.strictObject({
  code,
  name,
  items: z.array(frameworkItemSchema).min(1).max(50),
});
/** Lowest percentage (0–100) of the total for each grade above 'unqualified', best first. */
export const gradeBandsSchema = z.strictObject({
  excellent: z.number().int().min(1).max(100),
  good: z.number().int().min(1).max(100),
  qualified: z.number().int().min(1).max(100),
});
export type GradeBands = z.infer<typeof gradeBandsSchema>;
export type FrameworkItem = z.infer<typeof frameworkItemSchema>;
export type FrameworkDimension = z.infer<typeof frameworkDimensionSchema>;

export const frameworkBody = z.strictObject({
  code,
  name: z.string().trim().min(1).max(200),
  dimensions: z.array(frameworkDimensionSchema).min(1).max(20),
  gradeBands: gradeBandsSchema,
});
export type FrameworkBody = z.infer<typeof frameworkBody>;
export const updateFrameworkBody = frameworkBody.omit({ code: true }).extend({ version: versionField });
export type UpdateFrameworkBody = z.infer<typeof updateFrameworkBody>;

export const frameworkSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  revision: z.number().int(),
  name: z.string(),
  sample: z.boolean(),
  dimensions: z.array(frameworkDimensionSchema),
  gradeBands: gradeBandsSchema,
  maxPoints: z.number().int(),
  inUse: z.boolean(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Framework = z.infer<typeof frameworkSchema>;
export const frameworkListSchema = z.object({ items: z.array(frameworkSchema) });

export const idParams = z.strictObject({ id: z.uuid() });

/** Weights of the three sources in percent; they add up to 100. */
export const weightsSchema = z
  .strictObject({
    self: z.number().int().min(0).max(100),
    peer: z.number().int().min(0).max(100),
    commissioned: z.number().int().min(0).max(100),
  })
  .refine((w) => w.self + w.peer + w.commissioned === 100, {
    message: '三项权重之和须为 100 / The three weights must add up to 100',
  });
export type Weights = z.infer<typeof weightsSchema>;

export const createRoundBody = z
  .strictObject({
    year: z.number().int().min(2020).max(2100),
    name: z.string().trim().min(1).max(100),
    frameworkId: z.uuid(),
    institutionIds: z.array(z.uuid()).min(3).max(500),
    weights: weightsSchema,
    reviewersPerInstitution: z.number().int().min(2).max(5).default(2),
    selfDeadline: z.iso.datetime({ offset: true }),
    reviewDeadline: z.iso.datetime({ offset: true }),
    blind: z.boolean().default(true),
    publication: z.enum(PUBLICATIONS).default('grade'),
    /** Owner/operator (举办者) of institutions the registry has none for (the registry's value wins). */
    operators: z.record(z.uuid(), z.string().trim().min(1).max(100)).default({}),
  })
  .refine((b) => b.reviewDeadline >= b.selfDeadline, {
    path: ['reviewDeadline'],
    message: '评审截止不能早于自评截止 / The review deadline cannot precede the self-evaluation deadline',
  });
export type CreateRoundBody = z.infer<typeof createRoundBody>;

export const drawSchema = z.object({
  algorithm: z.string(),
  commitment: z.string(),
  secretHex: z.string().nullable(),
  seed: z.string().nullable(),
  targetsPoolHash: z.string().nullable(),
  inspectorsPoolHash: z.string().nullable(),
  conflictsHash: z.string().nullable(),
  drawnAt: z.string().nullable(),
});

export const dimensionScoreSchema = z.object({
  code: z.string(),
  name: z.string(),
  score: z.number(),
  max: z.number(),
});
export type DimensionScore = z.infer<typeof dimensionScoreSchema>;

export const participantSchema = z.object({
  id: z.uuid(),
  institutionId: z.uuid(),
  institutionName: z.string(),
  townCode: z.string(),
  total: z.number().nullable(),
  percent: z.number().nullable(),
  grade: z.enum(GRADES).nullable(),
  vetoed: z.boolean(),
  dimensions: z.array(dimensionScoreSchema),
  submitted: z.object({
    self: z.boolean(),
    peer: z.number().int(),
    peerNeeded: z.number().int(),
    commissioned: z.boolean(),
  }),
  demonstration: z.boolean(),
  version: z.number().int(),
});
export type Participant = z.infer<typeof participantSchema>;

export const roundSummarySchema = z.object({
  id: z.uuid(),
  year: z.number().int(),
  name: z.string(),
  status: z.enum(ROUND_STATUSES),
  frameworkId: z.uuid(),
  frameworkName: z.string(),
  weights: z.object({ self: z.number(), peer: z.number(), commissioned: z.number() }),
  reviewersPerInstitution: z.number().int(),
  selfDeadline: z.string(),
  reviewDeadline: z.string(),
  blind: z.boolean(),
  publication: z.enum(PUBLICATIONS),
  participants: z.number().int(),
  version: z.number().int(),
});
export type RoundSummary = z.infer<typeof roundSummarySchema>;
export const roundListSchema = z.object({ items: z.array(roundSummarySchema) });
export const roundDetailSchema = roundSummarySchema.extend({
  draw: drawSchema,
  evaluators: z.array(z.object({ userId: z.uuid(), username: z.string() })),
  items: z.array(participantSchema),
});
export type RoundDetail = z.infer<typeof roundDetailSchema>;

export const versionBody = z.strictObject({ version: versionField });
export const assignEvaluatorBody = z.strictObject({ username: z.string().trim().min(1).max(64) });

export const scoreEntrySchema = z.strictObject({
  itemCode: code,
  /** Points given, in steps of 0.5, at most the item's points. */
  score: z.number().min(0).max(100).multipleOf(0.5),
  /** For a veto item: the institution fails it. */
  vetoed: z.boolean().default(false),
  note: z.string().trim().max(500).default(''),
});
export type ScoreEntry = z.infer<typeof scoreEntrySchema>;
export const submitEvaluationBody = z.strictObject({
  version: versionField,
  scores: z.array(scoreEntrySchema).min(1).max(500),
  comment: z.string().trim().max(2000).default(''),
});
export type SubmitEvaluationBody = z.infer<typeof submitEvaluationBody>;

export const evaluationSchema = z.object({
  id: z.uuid(),
  roundId: z.uuid(),
  roundName: z.string(),
  kind: z.enum(EVALUATION_KINDS),
  status: z.enum(EVALUATION_STATUSES),
  institutionId: z.uuid(),
  institutionName: z.string(),
  /** null where the round is blind and the caller is the evaluated institution. */
  reviewerInstitutionId: z.uuid().nullable(),
  reviewerName: z.string().nullable(),
  deadline: z.string(),
  scores: z.array(
    z.object({ itemCode: z.string(), score: z.number(), vetoed: z.boolean(), note: z.string() }),
  ),
  total: z.number().nullable(),
  vetoed: z.boolean(),
  comment: z.string(),
  submittedAt: z.string().nullable(),
  version: z.number().int(),
});
export type Evaluation = z.infer<typeof evaluationSchema>;
export const evaluationListSchema = z.object({ items: z.array(evaluationSchema) });
export const evidenceSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: z.string(),
});
export const evaluationDetailSchema = evaluationSchema.extend({
  framework: frameworkSchema,
  evidence: z.array(evidenceSchema),
});
export const evidenceParams = z.strictObject({ id: z.uuid(), fileId: z.uuid() });

export const improvementBody = z.strictObject({
  title: z.string().trim().min(1).max(200),
  dimensionCode: z.string().max(32).default(''),
  dueDate: z.iso.date(),
});
export const completeImprovementBody = z.strictObject({
  version: versionField,
  note: z.string().trim().min(1).max(500),
});
export const improvementSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  dimensionCode: z.string(),
  dueDate: z.string(),
  status: z.enum(IMPROVEMENT_STATUSES),
  doneAt: z.string().nullable(),
  doneNote: z.string().nullable(),
  version: z.number().int(),
});

export const findingsSchema = z.object({
  source: z.enum(['none', 'supervision']),
  label: z.object({ zh: z.string(), en: z.string() }),
  items: z.array(z.object({ date: z.string(), title: z.string(), serious: z.boolean() })),
});
export type Findings = z.infer<typeof findingsSchema>;

export const feedbackSchema = z.object({
  participant: participantSchema,
  round: roundSummarySchema,
  /** Gaps: items that lost the most points, largest first. */
  gaps: z.array(z.object({ dimension: z.string(), item: z.string(), lost: z.number(), points: z.number() })),
  previous: z
    .object({
      roundId: z.uuid(),
      year: z.number().int(),
      percent: z.number().nullable(),
      dimensions: z.array(dimensionScoreSchema),
    })
    .nullable(),
  peerReviews: z.array(
    z.object({ reviewer: z.string().nullable(), total: z.number().nullable(), comment: z.string() }),
  ),
  improvements: z.array(improvementSchema),
  findings: findingsSchema,
});
export type Feedback = z.infer<typeof feedbackSchema>;

export const candidateSchema = z.object({
  participantId: z.uuid(),
  institutionId: z.uuid(),
  institutionName: z.string(),
  percent: z.number(),
  grade: z.enum(GRADES),
  rank: z.number().int(),
  demonstration: z.boolean(),
  findingsChecked: z.boolean(),
  version: z.number().int(),
});
export const candidateListSchema = z.object({
  roundId: z.uuid().nullable(),
  /** The seam's label while supervision findings are not yet wired. */
  findingsNote: z.object({ zh: z.string(), en: z.string() }),
  items: z.array(candidateSchema),
});
export const demonstrationBody = z.strictObject({ version: versionField, demonstration: z.boolean() });

export const publicQualitySchema = z.object({
  institutionId: z.uuid(),
  demonstration: z.object({ year: z.number().int(), roundName: z.string() }).nullable(),
  result: z
    .object({
      year: z.number().int(),
      roundName: z.string(),
      grade: z.enum(GRADES),
      dimensions: z.array(dimensionScoreSchema).nullable(),
    })
    .nullable(),
});
export type PublicQuality = z.infer<typeof publicQualitySchema>;

export const exportQuery = z.strictObject({ format: z.enum(['xlsx', 'csv']).default('xlsx') });
