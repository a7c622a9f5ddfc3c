/**
 * Institution registry contracts (issue 3): one zod source for route schemas, OpenAPI and web forms.
 * Shapes only (types, enums, lengths); the domain rules (GB 32100, class caps, towns, coordinates,
 * phone) live in domain/institutions/validate.ts, which the server and the web forms both call.
 * Money is integer fen (分) everywhere in the API; `fenToYuan`/`yuanToFen` convert for display/input.
 */
import { z } from 'zod';
import { pageOf, paginationQuery, versionField } from './common.ts';
import {
  CLASS_TYPE_VALUES,
  EDIT_ACTIONS,
  fenToYuan,
  INSTITUTION_KINDS,
  INSTITUTION_STATUSES,
  type InstitutionKind,
  type InstitutionStatus,
  KIND_LABELS,
  OWNERSHIP_LABELS,
  OWNERSHIPS,
  type PermittedAction,
  SERVICE_FORM_LABELS,
  SERVICE_FORMS,
  type ServiceForm,
  STATUS_LABELS,
  TRANSITION_ACTIONS,
  type TransitionAction,
  yuanToFen,
} from './institution-enums.ts';
import { revealBody } from './personal-data.ts';

export type { InstitutionKind, InstitutionStatus, PermittedAction, ServiceForm, TransitionAction };
export {
  CLASS_TYPE_VALUES,
  EDIT_ACTIONS,
  fenToYuan,
  INSTITUTION_KINDS,
  INSTITUTION_STATUSES,
  KIND_LABELS,
  OWNERSHIP_LABELS,
  OWNERSHIPS,
  SERVICE_FORM_LABELS,
  SERVICE_FORMS,
  STATUS_LABELS,
  TRANSITION_ACTIONS,
  yuanToFen,
};

export const institutionKindSchema = z.enum(INSTITUTION_KINDS);
export const ownershipSchema = z.enum(OWNERSHIPS);
export const serviceFormSchema = z.enum(SERVICE_FORMS);
export const institutionStatusSchema = z.enum(INSTITUTION_STATUSES);
export const transitionActionSchema = z.enum(TRANSITION_ACTIONS);
export const classTypeSchema = z.enum(CLASS_TYPE_VALUES);

const fen = z.number().int().min(0).max(100_000_000);
/** Fees per service form, integer fen: monthly for 全日制/半日制, hourly for 计时制. */
export const feesSchema = z.strictObject({
  fullDayMonthlyFen: fen.nullable().optional(),
  halfDayMonthlyFen: fen.nullable().optional(),
  hourlyFen: fen.nullable().optional(),
});
export type Fees = z.infer<typeof feesSchema>;

/** Letters, digits, CJK characters, spaces and the punctuation of document numbers (shape only). */
export function licenceText(max: number, zh: string, en: string) {
  return z
    .string()
    .trim()
    .max(max)
    .regex(/^[0-9A-Za-z\u3400-\u9fff （）()〔〕【】[\]\-—/.·第号字]*$/, {
      message: `${zh}只能包含字母、数字、汉字和 -/()〔〕 等编号符号 / ${en} may hold letters, digits, Chinese characters and - / ( ) 〔〕 only`,
    });
}

/** The editable fields of an institution (create body; PATCH takes any subset plus `version`). */
export const institutionFields = {
  name: z.string().trim().min(2).max(100),
  creditCode: z.string().trim().max(18),
  kind: institutionKindSchema,
  ownership: ownershipSchema,
  inclusive: z.boolean(),
  serviceForms: z.array(serviceFormSchema).max(3),
  address: z.string().trim().min(2).max(200),
  townCode: z.string().regex(/^\d{9}$/),
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  publicPhone: z.string().trim().min(5).max(30),
  openingHours: z.string().trim().max(100).default(''),
  fees: feesSchema.default({}),
  mealsProvided: z.boolean().default(false),
  directorName: z.string().trim().min(1).max(50),
  /**
   * The organisation that runs the institution (举办者), public registration data; optional. Its
   * unified social credit code (GB 32100) identifies it: institutions under the same operator never
   * review each other in a quality round (peer review, issue 12). null/'' = none declared.
   */
  operatorName: z.string().trim().max(100).nullable().optional(),
  operatorCreditCode: z.string().trim().max(18).nullable().optional(),
  /** Filing material, never public; GB 11643 checked (domain/institutions/director.ts); null/'' = none. */
  directorIdNumber: z.string().trim().max(32).nullable().optional(),
  /** The director's personal mobile (not disclosed); null/'' = none. */
  directorMobile: z.string().trim().max(32).nullable().optional(),
  /**
   * Licence (许可) the draft 托育服务法 (first reading 2025-12-22) may bring: kept ready, shape only —
   * no rule about who needs one or for how long is invented. null/'' = none.
   */
  licenceNumber: licenceText(50, '许可证号', 'Licence number').nullable().optional(),
  licenceIssuedOn: z
    .union([z.iso.date(), z.literal('')])
    .nullable()
    .optional(),
  licenceValidUntil: z
    .union([z.iso.date(), z.literal('')])
    .nullable()
    .optional(),
  licenceIssuer: z.string().trim().max(100).nullable().optional(),
};
export const createInstitutionBody = z.strictObject(institutionFields);
export type CreateInstitutionBody = z.infer<typeof createInstitutionBody>;
export type InstitutionInput = z.output<typeof createInstitutionBody>;

export const updateInstitutionBody = z.strictObject({
  version: versionField,
  name: institutionFields.name.optional(),
  creditCode: institutionFields.creditCode.optional(),
  kind: institutionFields.kind.optional(),
  ownership: institutionFields.ownership.optional(),
  inclusive: institutionFields.inclusive.optional(),
  serviceForms: institutionFields.serviceForms.optional(),
  address: institutionFields.address.optional(),
  townCode: institutionFields.townCode.optional(),
  lat: institutionFields.lat.optional(),
  lng: institutionFields.lng.optional(),
  publicPhone: institutionFields.publicPhone.optional(),
  openingHours: z.string().trim().max(100).optional(),
  fees: feesSchema.optional(),
  mealsProvided: z.boolean().optional(),
  directorName: institutionFields.directorName.optional(),
  operatorName: institutionFields.operatorName,
  operatorCreditCode: institutionFields.operatorCreditCode,
  directorIdNumber: institutionFields.directorIdNumber,
  directorMobile: institutionFields.directorMobile,
  licenceNumber: institutionFields.licenceNumber,
  licenceIssuedOn: institutionFields.licenceIssuedOn,
  licenceValidUntil: institutionFields.licenceValidUntil,
  licenceIssuer: institutionFields.licenceIssuer,
});
export type UpdateInstitutionBody = z.infer<typeof updateInstitutionBody>;

export const classInputSchema = z.strictObject({
  /** The class kept by this row (its staff assignments stay); without it a row keeps the same-named class. */
  id: z.uuid().optional(),
  name: z.string().trim().min(1).max(50),
  type: classTypeSchema,
  capacity: z.number().int().min(0).max(1000),
  enrolled: z.number().int().min(0).max(1000),
  /** Youngest age admitted, in completed months (defaults to the type's band). */
  minAgeMonths: z.number().int().min(0).max(72).optional(),
});
export type ClassInputBody = z.infer<typeof classInputSchema>;
export const replaceClassesBody = z.strictObject({
  version: versionField,
  classes: z.array(classInputSchema).max(50),
});

export const transitionBody = z.strictObject({
  action: transitionActionSchema,
  reason: z.string().trim().min(1).max(500).optional(),
  version: versionField,
});
export type TransitionBody = z.infer<typeof transitionBody>;

const boolQuery = z.enum(['true', 'false']);
export const institutionFilters = {
  town: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
  kind: institutionKindSchema.optional(),
  status: institutionStatusSchema.optional(),
  inclusive: boolQuery.optional(),
  q: z.string().trim().max(50).optional(),
  /** `missing`: inclusive institutions, filed or operating, with no published fee list (收费公示). */
  feeList: z.enum(['missing']).optional(),
};
/** Columns the registry list sorts by on the server (default: town, then name). */
export const INSTITUTION_SORTS = ['name', 'seats', 'enrolled', 'updatedAt'] as const;
export const institutionListQuery = z.strictObject({
  ...paginationQuery.shape,
  ...institutionFilters,
  sort: z.enum(INSTITUTION_SORTS).optional(),
  order: z.enum(['asc', 'desc']).optional(),
});
export type InstitutionListQuery = z.infer<typeof institutionListQuery>;
export const exportQuery = z.strictObject({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  ...institutionFilters,
});
export type ExportQuery = z.infer<typeof exportQuery>;
export const reviewQueueQuery = z.strictObject({ ...paginationQuery.shape });

export const DOCUMENT_CATEGORIES = [
  'business_license',
  'site_certificate',
  'fire_safety',
  'health_check',
  'other',
] as const;
export const documentUploadQuery = z.strictObject({ category: z.enum(DOCUMENT_CATEGORIES).default('other') });
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
export const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

export const classSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  type: classTypeSchema,
  capacity: z.number().int(),
  enrolled: z.number().int(),
  minAgeMonths: z.number().int(),
  maxAgeMonths: z.number().int(),
});
export const documentSchema = z.object({
  id: z.uuid(),
  category: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: z.string(),
});
export type InstitutionDocument = z.infer<typeof documentSchema>;
export const historySchema = z.object({
  id: z.uuid(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  reason: z.string().nullable(),
  actorUsername: z.string().nullable(),
  /** The actor's display name, read now (null for the system or a removed account). */
  actorName: z.string().nullable(),
  at: z.string(),
});

export const institutionSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  creditCode: z.string(),
  kind: institutionKindSchema,
  ownership: ownershipSchema,
  inclusive: z.boolean(),
  townCode: z.string(),
  status: institutionStatusSchema,
  seats: z.number().int(),
  enrolled: z.number().int(),
  hasToddlerClasses: z.boolean(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type InstitutionSummary = z.infer<typeof institutionSummarySchema>;
export const institutionPage = pageOf(institutionSummarySchema);

export const institutionDetailSchema = institutionSummarySchema.extend({
  serviceForms: z.array(serviceFormSchema),
  address: z.string(),
  lat: z.number(),
  lng: z.number(),
  publicPhone: z.string(),
  openingHours: z.string(),
  fees: feesSchema,
  mealsProvided: z.boolean(),
  directorName: z.string(),
  operatorName: z.string().nullable(),
  operatorCreditCode: z.string().nullable(),
  /** Masked (310118********0026); the full value only through the reveal route. */
  directorIdNumber: z.string().nullable(),
  /** Masked (138****5678). */
  directorMobile: z.string().nullable(),
  licenceNumber: z.string().nullable(),
  licenceIssuedOn: z.string().nullable(),
  licenceValidUntil: z.string().nullable(),
  licenceIssuer: z.string().nullable(),
  submittedAt: z.string().nullable(),
  filedAt: z.string().nullable(),
  createdAt: z.string(),
  classes: z.array(classSchema),
  documents: z.array(documentSchema),
  history: z.array(historySchema),
  /** What the caller may do with this institution now (the UI shows only these). */
  permittedActions: z.array(z.string()),
});
export type InstitutionDetail = z.infer<typeof institutionDetailSchema>;

export const reviewQueueItemSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: institutionKindSchema,
  townCode: z.string(),
  submittedAt: z.string(),
  /** Working days waited since submission (null outside the holiday calendar's years). */
  waitedWorkingDays: z.number().int().nullable(),
  /** Waited more than the filing deadline (5 working days, 国卫办人口发〔2019〕25号). */
  overdue: z.boolean(),
  deadlineWorkingDays: z.number().int(),
  version: z.number().int(),
  /** What the caller may do with this submission now (approve, return…), never inferred from roles. */
  permittedActions: z.array(z.string()),
});
export const reviewQueuePage = pageOf(reviewQueueItemSchema);

// Public portal: nothing personal (no director), only filed and operating institutions.
export const publicSearchQuery = z.strictObject({
  ...paginationQuery.shape,
  /** Keyword: the name or the address contains it (case-insensitive; % and _ match literally). */
  q: z.string().trim().max(50).optional(),
  town: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
  kind: institutionKindSchema.optional(),
  serviceForm: serviceFormSchema.optional(),
  ageMonths: z.coerce.number().int().min(0).max(72).optional(),
  inclusiveOnly: boolQuery.optional(),
  lat: z.coerce.number().min(-90).max(90).optional(),
  lng: z.coerce.number().min(-180).max(180).optional(),
  sort: z.enum(['distance', 'name']).optional(),
  /** Keyset paging: the id of the last item of the previous page; the page continues after it (page is then not skipped). */
  after: z.uuid().optional(),
});
export type PublicSearchQuery = z.infer<typeof publicSearchQuery>;

export const publicInstitutionSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: institutionKindSchema,
  ownership: ownershipSchema,
  inclusive: z.boolean(),
  townCode: z.string(),
  address: z.string(),
  publicPhone: z.string(),
  serviceForms: z.array(serviceFormSchema),
  fees: feesSchema,
  lat: z.number(),
  lng: z.number(),
  seats: z.number().int(),
  status: z.enum(['filed', 'operating']),
  /** Straight-line km from the given point (null without lat/lng). */
  distanceKm: z.number().nullable(),
});
export const publicInstitutionPage = pageOf(publicInstitutionSummarySchema);
export const publicInstitutionDetailSchema = publicInstitutionSummarySchema
  .omit({ distanceKm: true })
  .extend({
    /** The credit code is public business-registration information (国家企业信用信息公示系统). */
    creditCode: z.string(),
    openingHours: z.string(),
    mealsProvided: z.boolean(),
    filedAt: z.string().nullable(),
    classes: z.array(
      z.object({
        type: classTypeSchema,
        minAgeMonths: z.number().int(),
        maxAgeMonths: z.number().int(),
        capacity: z.number().int(),
      }),
    ),
  });

/** Personal fields of an institution that `POST /institutions/:id/reveal` can unmask, one at a time. */
export const INSTITUTION_PERSONAL_FIELDS = ['directorIdNumber', 'directorMobile'] as const;
export const institutionRevealBody = revealBody(INSTITUTION_PERSONAL_FIELDS);
export type InstitutionRevealBody = z.infer<typeof institutionRevealBody>;

export const idParams = z.strictObject({ id: z.uuid() });
export const documentParams = z.strictObject({ id: z.uuid(), docId: z.uuid() });

/** 12345 fen → 123.45 yuan. */
/** 123.45 yuan → 12345 fen (rounded to the fen). */
