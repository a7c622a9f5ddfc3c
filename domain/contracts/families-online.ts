/**
 * Online guidance for families (issue 11; 青府办发〔2021〕35号 二、(二)4): the online resource library
 * (videos, articles, audio and courses on 育之有道 / 青浦早教 and others, by topic and the children's age
 * band), families' registrations on those platforms (the plan's online coverage: every family that
 * wants online guidance — an online-resources consent in force — registered), and the distribution of
 * the maternal and child health handbook (母子健康手册) and guidance resource packs.
 */
import { z } from 'zod';
import { pageOf, paginationQuery, versionField } from './common.ts';
import { familyExportSchema, GUIDANCE_TOPICS } from './families.ts';

export const RESOURCE_KINDS = ['video', 'article', 'audio', 'course'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
export const ONLINE_PLATFORMS = ['yuzhiyoudao', 'qingpu_zaojiao', 'other'] as const;
export type OnlinePlatform = (typeof ONLINE_PLATFORMS)[number];
export const RESOURCE_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type ResourceStatus = (typeof RESOURCE_STATUSES)[number];
export const REGISTRATION_CHANNELS = ['staff', 'portal'] as const;
export type RegistrationChannel = (typeof REGISTRATION_CHANNELS)[number];
export const DISTRIBUTION_ITEMS = ['handbook', 'resource_pack'] as const;
export type DistributionItem = (typeof DISTRIBUTION_ITEMS)[number];

export const ONLINE_PLATFORM_LABELS: Record<OnlinePlatform, { zh: string; en: string }> = {
  yuzhiyoudao: { zh: '育之有道', en: 'Yuzhiyoudao app' },
  qingpu_zaojiao: { zh: '青浦早教', en: 'Qingpu early education' },
  other: { zh: '其他平台', en: 'Other platform' },
};

/** The oldest age a resource addresses, in months (children under 3, with a margin). */
export const RESOURCE_MAX_MONTHS = 72;

const dateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, {
  message: '日期格式应为 YYYY-MM-DD / The date must be YYYY-MM-DD',
});
const months = z.number().int().min(0).max(RESOURCE_MAX_MONTHS);

export const resourceFields = {
  title: z.string().trim().min(2).max(200),
  kind: z.enum(RESOURCE_KINDS),
  topic: z.enum(GUIDANCE_TOPICS),
  platform: z.enum(ONLINE_PLATFORMS),
  url: z
    .string()
    .trim()
    .max(500)
    .regex(/^https:\/\/[^\s/$.?#][^\s]*$/, {
      message: '链接须为 https:// 开头的网址 / The link must be an https:// address',
    }),
  ageFromMonths: months,
  ageToMonths: months,
  publishedAt: dateString.nullable(),
  status: z.enum(RESOURCE_STATUSES),
};

export const createResourceBody = z.strictObject({
  ...resourceFields,
  publishedAt: resourceFields.publishedAt.optional(),
  status: resourceFields.status.optional(),
});
export type CreateResourceBody = z.infer<typeof createResourceBody>;
export const updateResourceBody = createResourceBody.partial().extend({ version: versionField });
export type UpdateResourceBody = z.infer<typeof updateResourceBody>;

export const resourceSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: z.enum(RESOURCE_KINDS),
  topic: z.enum(GUIDANCE_TOPICS),
  platform: z.enum(ONLINE_PLATFORMS),
  url: z.string(),
  ageFromMonths: z.number().int(),
  ageToMonths: z.number().int(),
  publishedAt: z.string().nullable(),
  status: z.enum(RESOURCE_STATUSES),
  version: z.number().int(),
});
export type Resource = z.infer<typeof resourceSchema>;
export const resourcePage = pageOf(resourceSchema);

export const resourceListQuery = paginationQuery.extend({
  kind: z.enum(RESOURCE_KINDS).optional(),
  topic: z.enum(GUIDANCE_TOPICS).optional(),
  platform: z.enum(ONLINE_PLATFORMS).optional(),
  status: z.enum(RESOURCE_STATUSES).optional(),
  /** Resources whose age band includes this age in months. */
  ageMonths: z.coerce.number().int().min(0).max(RESOURCE_MAX_MONTHS).optional(),
  q: z.string().trim().max(50).optional(),
});

// — registrations on the online platforms —
export const createRegistrationBody = z.strictObject({
  /** The family (staff); a parent registers their own and leaves it out. */
  familyId: z.uuid().optional(),
  platform: z.enum(ONLINE_PLATFORMS),
  /** The date registered (China date); today when left out. */
  registeredOn: dateString.optional(),
});
export type CreateRegistrationBody = z.infer<typeof createRegistrationBody>;

export const registrationSchema = z.object({
  id: z.uuid(),
  familyId: z.uuid(),
  townCode: z.string(),
  communityName: z.string(),
  platform: z.enum(ONLINE_PLATFORMS),
  registeredOn: z.string(),
  channel: z.enum(REGISTRATION_CHANNELS),
});
export type Registration = z.infer<typeof registrationSchema>;
export const registrationPage = pageOf(registrationSchema);
export const registrationListQuery = paginationQuery.extend({
  familyId: z.uuid().optional(),
  town: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
  platform: z.enum(ONLINE_PLATFORMS).optional(),
});

// — distribution of the handbook and resource packs —
export const createDistributionBody = z.strictObject({
  familyId: z.uuid(),
  item: z.enum(DISTRIBUTION_ITEMS),
  givenOn: dateString,
  note: z.string().trim().max(200).optional(),
});
export type CreateDistributionBody = z.infer<typeof createDistributionBody>;

export const distributionSchema = z.object({
  id: z.uuid(),
  familyId: z.uuid(),
  townCode: z.string(),
  communityName: z.string(),
  item: z.enum(DISTRIBUTION_ITEMS),
  givenOn: z.string(),
  givenBy: z.string().describe('username of the account that recorded it'),
  note: z.string().nullable(),
});
export type Distribution = z.infer<typeof distributionSchema>;
export const distributionPage = pageOf(distributionSchema);
export const distributionListQuery = paginationQuery.extend({
  familyId: z.uuid().optional(),
  town: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
  item: z.enum(DISTRIBUTION_ITEMS).optional(),
});

// — online coverage by town (the plan's online_coverage, for the console) —
export const coverageQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const coverageSchema = z.object({
  year: z.number().int(),
  towns: z.array(
    z.object({
      townCode: z.string(),
      consenting: z.number().int().describe('families with the online-resources consent in force'),
      registered: z.number().int().describe('of them, registered on a platform by the year end'),
    }),
  ),
});
export type Coverage = z.infer<typeof coverageSchema>;

/** What a parent sees: the published resources for their children's ages, and their registrations. */
export const portalOnlineSchema = z.object({
  children: z.array(z.object({ childId: z.uuid(), ageMonths: z.number().int() })),
  resources: z.array(resourceSchema),
  registrations: z.array(registrationSchema),
  consent: z.boolean().describe('an online-resources consent is in force'),
});
export type PortalOnline = z.infer<typeof portalOnlineSchema>;

/** The parent's export (guardians' rights) with the family's online registrations and distributions. */
export const familyFullExportSchema = familyExportSchema.extend({
  onlineRegistrations: z.array(registrationSchema),
  distributions: z.array(distributionSchema),
});
export type FamilyFullExport = z.infer<typeof familyFullExportSchema>;
