/**
 * Families contracts (issue 11): children 0–3 and their guardians from the health commission's birth
 * records, consent per guardian and purpose, home visits, hourly care (计时制) slots and bookings, and
 * applications for a place. One zod source for the routes, the OpenAPI document and the web forms.
 * Personal numbers are answered masked (310118********0026, 138****5678).
 */
import { z } from 'zod';
import { boundedDateTime, pageOf, paginationQuery, versionField } from './common.ts';
import { SERVICE_FORMS } from './institution-enums.ts';

export const CHILD_SEXES = ['male', 'female'] as const;
export const GUARDIAN_RELATIONS = ['mother', 'father', 'grandparent', 'other'] as const;
export const CONSENT_PURPOSES = ['home_visit', 'guidance_signup', 'online_resources'] as const;
export const CONSENT_STATUSES = ['given', 'withdrawn'] as const;
export const CONSENT_CHANNELS = ['paper', 'online', 'phone', 'in_person'] as const;
export const VISIT_STATUSES = ['scheduled', 'done', 'cancelled'] as const;
export const BOOKING_STATUSES = ['booked', 'waitlisted', 'cancelled'] as const;
export const APPLICATION_STATUSES = [
  'submitted',
  'offered',
  'accepted',
  'declined',
  'enrolled',
  'withdrawn',
] as const;
export const APPLICATION_ACTIONS = ['offer', 'accept', 'decline', 'enroll', 'withdraw'] as const;
export const FAMILY_SOURCES = ['birth_record', 'manual'] as const;

export type ChildSex = (typeof CHILD_SEXES)[number];
export type GuardianRelation = (typeof GUARDIAN_RELATIONS)[number];
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];
export type VisitStatus = (typeof VISIT_STATUSES)[number];
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

export const CONSENT_PURPOSE_LABELS: Record<ConsentPurpose, { zh: string; en: string }> = {
  home_visit: { zh: '上门指导', en: 'Home visits' },
  guidance_signup: { zh: '指导活动报名', en: 'Guidance sign-up' },
  online_resources: { zh: '线上育儿资源', en: 'Online resources' },
};

export const dateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, {
  message: '日期格式应为 YYYY-MM-DD / The date must be YYYY-MM-DD',
});
const communityCode = z.string().regex(/^\d{12}$/, {
  message: '社区（村居）代码应为 12 位数字 / The community code has 12 digits',
});

/** One guardian as entered (birth record or a form). */
export const guardianInput = z.strictObject({
  name: z.string().trim().min(1).max(50),
  relation: z.enum(GUARDIAN_RELATIONS),
  idNumber: z.string().trim().max(18).optional(),
  mobile: z.string().trim().min(11).max(20),
});
export type GuardianInput = z.infer<typeof guardianInput>;

/** One row of the health commission's birth records: a child, up to two guardians, the household. */
export const birthRecordBody = z.strictObject({
  childName: z.string().trim().min(1).max(50),
  childIdNumber: z.string().trim().min(1).max(18),
  birthDate: dateString,
  sex: z.enum(CHILD_SEXES),
  guardians: z.array(guardianInput).min(1).max(2),
  address: z.string().trim().min(2).max(200),
  communityCode,
  resident: z.boolean(),
});
export type BirthRecordBody = z.infer<typeof birthRecordBody>;

export const communitySchema = z.object({
  code: z.string(),
  townCode: z.string(),
  name: z.string(),
  /** The health worker in charge of the community's home visits (社区分工), if assigned. */
  workerId: z.uuid().nullable(),
  workerName: z.string().nullable(),
});
/** Assign (or clear, null) the health worker in charge of a community's home visits. */
export const assignWorkerBody = z.strictObject({ workerId: z.uuid().nullable() });
export const communityParams = z.object({ code: z.string().regex(/^\d{12}$/) });
export const healthWorkerSchema = z.object({
  id: z.uuid(),
  displayName: z.string(),
  townCode: z.string().describe('the division the account covers'),
});
export type Community = z.infer<typeof communitySchema>;
export const createCommunityBody = z.strictObject({
  code: communityCode,
  name: z.string().trim().min(2).max(50),
});

export const childSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  idNumber: z.string().describe('masked'),
  birthDate: z.string(),
  sex: z.enum(CHILD_SEXES),
  ageMonths: z.number().int(),
});
export const guardianSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  relation: z.enum(GUARDIAN_RELATIONS),
  idNumber: z.string().nullable().describe('masked'),
  mobile: z.string().describe('masked'),
});
export const consentSchema = z.object({
  guardianId: z.uuid(),
  purpose: z.enum(CONSENT_PURPOSES),
  status: z.enum(CONSENT_STATUSES),
  noticeVersion: z.string(),
  channel: z.enum(CONSENT_CHANNELS),
  givenAt: z.string(),
  withdrawnAt: z.string().nullable(),
});
export type Consent = z.infer<typeof consentSchema>;

export const familySummarySchema = z.object({
  id: z.uuid(),
  townCode: z.string(),
  communityCode: z.string(),
  communityName: z.string(),
  resident: z.boolean(),
  children: z.array(z.object({ id: z.uuid(), name: z.string(), birthDate: z.string() })),
  visitedThisYear: z.boolean(),
  consents: z.array(z.enum(CONSENT_PURPOSES)).describe('purposes with a consent in force'),
});
export type FamilySummary = z.infer<typeof familySummarySchema>;
export const familyPage = pageOf(familySummarySchema);

export const familySchema = z.object({
  id: z.uuid(),
  townCode: z.string(),
  communityCode: z.string(),
  communityName: z.string(),
  address: z.string(),
  resident: z.boolean(),
  children: z.array(childSchema),
  guardians: z.array(guardianSchema),
  consents: z.array(consentSchema),
  visits: z.array(z.lazy(() => visitSchema)),
  version: z.number().int(),
});
export type Family = z.infer<typeof familySchema>;

export const familyListQuery = paginationQuery.extend({
  town: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
  community: communityCode.optional(),
  q: z.string().trim().max(50).optional(),
  consent: z.enum(CONSENT_PURPOSES).optional(),
  /** Resident population (常住人口) only ('true') or non-resident only ('false'). */
  resident: z.enum(['true', 'false']).optional(),
});
export const idParams = z.object({ id: z.uuid() });

export const giveConsentBody = z.strictObject({
  guardianId: z.uuid(),
  purpose: z.enum(CONSENT_PURPOSES),
  noticeVersion: z.string().trim().min(1).max(20),
  channel: z.enum(CONSENT_CHANNELS),
});
export const withdrawConsentBody = z.strictObject({
  guardianId: z.uuid(),
  purpose: z.enum(CONSENT_PURPOSES),
});

// — home visits —
export const visitRecordFields = {
  feeding: z.string().trim().min(1).max(500),
  growth: z.string().trim().min(1).max(500),
  safety: z.string().trim().min(1).max(500),
  diseasePrevention: z.string().trim().min(1).max(500),
  handbookGiven: z.boolean(),
};
export const visitSchema = z.object({
  id: z.uuid(),
  familyId: z.uuid(),
  townCode: z.string(),
  communityCode: z.string(),
  workerId: z.uuid().nullable(),
  workerName: z.string().nullable(),
  scheduledFor: z.string(),
  status: z.enum(VISIT_STATUSES),
  visitedOn: z.string().nullable(),
  feeding: z.string().nullable(),
  growth: z.string().nullable(),
  safety: z.string().nullable(),
  diseasePrevention: z.string().nullable(),
  handbookGiven: z.boolean().nullable(),
  overdue: z.boolean(),
  version: z.number().int(),
});
export type Visit = z.infer<typeof visitSchema>;
export const visitPage = pageOf(visitSchema);
export const scheduleVisitBody = z.strictObject({
  familyId: z.uuid(),
  scheduledFor: dateString,
  workerId: z.uuid().optional(),
});
export const recordVisitBody = z.strictObject({
  ...visitRecordFields,
  visitedOn: dateString,
  version: versionField,
});
export const visitListQuery = paginationQuery.extend({
  status: z.enum(VISIT_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  town: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
  mine: z.enum(['true', 'false']).optional(),
});
export const coverageRowSchema = z.object({
  townCode: z.string(),
  eligible: z.number().int().describe('resident families with a home-visit consent in force'),
  visited: z.number().int().describe('of them, visited this year'),
  overdue: z.number().int().describe('scheduled visits past their date'),
});
export const workerCoverageRowSchema = z.object({
  workerId: z.uuid(),
  workerName: z.string().nullable(),
  visited: z.number().int().describe('families this worker visited this year (recorded visits)'),
  scheduled: z.number().int().describe('visits assigned to the worker and still scheduled'),
  overdue: z.number().int().describe('of them, past their date'),
});
export const coverageSchema = z.object({
  year: z.number().int(),
  eligible: z.number().int(),
  visited: z.number().int(),
  share: z.number().nullable(),
  towns: z.array(coverageRowSchema),
  /** Per health worker: visits recorded this year, still scheduled and overdue (visits in scope). */
  workers: z.array(workerCoverageRowSchema),
});
export type Coverage = z.infer<typeof coverageSchema>;

// — hourly care (计时制) —
/** A slot of a 宝宝屋 site (issue 17): whole hours, published by the district or town officer. */
export const createSiteSlotBody = z.strictObject({
  date: dateString,
  startTime: z.string().regex(/^([01]\d|2[0-3]):00$/),
  endTime: z.string().regex(/^([01]\d|2[0-3]):00$/),
  capacity: z.number().int().min(1).max(100),
  cancelHoursBefore: z.number().int().min(0).max(72).default(2),
});
export const createSlotBody = z.strictObject({
  date: dateString,
  startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  endTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  capacity: z.number().int().min(1).max(100),
  cancelHoursBefore: z.number().int().min(0).max(72).default(2),
});
export const slotSchema = z.object({
  id: z.uuid(),
  /** Null for a 宝宝屋 site's slot (then facilityId is set). */
  institutionId: z.uuid().nullable(),
  facilityId: z.uuid().nullable(),
  /** The institution's or the 宝宝屋's name. */
  institutionName: z.string(),
  /** A 宝宝屋 slot: the site's hourly price after the free hours (fen); null for an institution slot. */
  hourlyPriceFen: z.number().int().nullable(),
  townCode: z.string(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  capacity: z.number().int(),
  booked: z.number().int(),
  waitlisted: z.number().int(),
  cancelDeadline: z.string(),
});
export type Slot = z.infer<typeof slotSchema>;
export const slotPage = pageOf(slotSchema);
export const slotListQuery = paginationQuery.extend({
  from: dateString.optional(),
  institution: z.uuid().optional(),
});
export const bookSlotBody = z.strictObject({
  childId: z.uuid(),
  waitlist: z.boolean().default(false),
});
export const bookingSchema = z.object({
  id: z.uuid(),
  slotId: z.uuid(),
  childId: z.uuid(),
  familyId: z.uuid(),
  status: z.enum(BOOKING_STATUSES),
  waitlistPosition: z.number().int().nullable(),
  date: z.string(),
  startTime: z.string(),
  institutionName: z.string(),
  /** A 宝宝屋 booking (issue 17): its free and charged hours, the charge, the child's free hours left this year. */
  baobaowu: z
    .object({
      facilityId: z.uuid(),
      freeHours: z.number().int(),
      chargedHours: z.number().int(),
      chargeFen: z.number().int(),
      year: z.number().int(),
      freeHoursLeft: z.number().int(),
    })
    .nullable(),
});
export type Booking = z.infer<typeof bookingSchema>;
export const bookingList = z.object({ items: z.array(bookingSchema) });

// — applications for a place —
export const createApplicationBody = z.strictObject({
  childId: z.uuid(),
  preferences: z.array(z.uuid()).min(1).max(3),
  serviceForm: z.enum(SERVICE_FORMS),
  startDate: dateString,
});
export const applicationSchema = z.object({
  id: z.uuid(),
  familyId: z.uuid(),
  childId: z.uuid(),
  childName: z.string(),
  preferences: z.array(z.object({ id: z.uuid(), name: z.string() })),
  serviceForm: z.enum(SERVICE_FORMS),
  startDate: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  offeredInstitutionId: z.uuid().nullable(),
  waitlistPosition: z.number().int().nullable(),
  createdAt: z.string(),
  permittedActions: z.array(z.enum(APPLICATION_ACTIONS)),
  version: z.number().int(),
});
export type Application = z.infer<typeof applicationSchema>;
export const applicationPage = pageOf(applicationSchema);
export const applicationListQuery = paginationQuery.extend({
  status: z.enum(APPLICATION_STATUSES).optional(),
});
export const applicationTransitionBody = z.strictObject({
  action: z.enum(APPLICATION_ACTIONS),
  institutionId: z.uuid().optional(),
  reason: z.string().trim().max(200).optional(),
  version: versionField,
});

// — guidance stations and sessions (家庭科学育儿指导站, 育儿加油站) —
/**
 * Session topics: the "七会" parent topics (one value each), the grandparents' course (隔代养育) and
 * a general topic. Labels in GUIDANCE_TOPIC_LABELS.
 */
export const GUIDANCE_TOPICS = [
  'feeding',
  'sleep',
  'play',
  'language',
  'emotion',
  'safety',
  'health',
  'grandparents',
  'general',
] as const;
export const SESSION_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
export type GuidanceTopic = (typeof GUIDANCE_TOPICS)[number];
export type SessionStatus = (typeof SESSION_STATUSES)[number];
/** The yearly number of offline sessions the plan gives each family that wants them (35号). */
export const GUIDANCE_SESSIONS_PER_YEAR = 6;

export const GUIDANCE_TOPIC_LABELS: Record<GuidanceTopic, { zh: string; en: string }> = {
  feeding: { zh: '七会·会喂养', en: 'Seven skills: feeding' },
  sleep: { zh: '七会·会睡眠', en: 'Seven skills: sleep' },
  play: { zh: '七会·会游戏', en: 'Seven skills: play' },
  language: { zh: '七会·会交流', en: 'Seven skills: talking together' },
  emotion: { zh: '七会·会陪伴', en: 'Seven skills: emotional care' },
  safety: { zh: '七会·会防护', en: 'Seven skills: safety' },
  health: { zh: '七会·会保健', en: 'Seven skills: health care' },
  grandparents: { zh: '隔代养育课堂', en: "Grandparents' course" },
  general: { zh: '综合育儿指导', en: 'General guidance' },
};

const townCodeField = z.string().regex(/^\d{9}$/, {
  message: '街镇代码应为 9 位数字 / The town code has 9 digits',
});

export const stationSchema = z.object({
  id: z.uuid(),
  townCode: z.string(),
  name: z.string(),
  hostInstitutionId: z.uuid().nullable(),
  hostName: z.string(),
  address: z.string(),
  openedYear: z.number().int(),
  version: z.number().int(),
});
export type Station = z.infer<typeof stationSchema>;
export const stationList = z.object({ items: z.array(stationSchema) });
const stationFields = {
  name: z.string().trim().min(2).max(60),
  hostInstitutionId: z.uuid().nullable().optional(),
  hostName: z.string().trim().min(2).max(100),
  address: z.string().trim().min(2).max(200),
  openedYear: z.number().int().min(2000).max(2100),
};
export const createStationBody = z.strictObject({ townCode: townCodeField, ...stationFields });
export const updateStationBody = z.strictObject({ ...stationFields, version: versionField });

export const sessionSchema = z.object({
  id: z.uuid(),
  stationId: z.uuid().nullable().describe('null: a district-level activity (育儿加油站)'),
  stationName: z.string().nullable(),
  townCode: z.string().nullable(),
  topic: z.enum(GUIDANCE_TOPICS),
  title: z.string(),
  place: z.string(),
  startsAt: z.string(),
  capacity: z.number().int(),
  signedUp: z.number().int(),
  status: z.enum(SESSION_STATUSES),
  /** For a parent: their family's sign-up to this session, if any. */
  mySignupId: z.uuid().nullable(),
});
export type Session = z.infer<typeof sessionSchema>;
export const sessionPage = pageOf(sessionSchema);
export const sessionListQuery = paginationQuery.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  station: z.uuid().optional(),
  district: z.enum(['true', 'false']).optional().describe('true: district-level activities only'),
  topic: z.enum(GUIDANCE_TOPICS).optional(),
  status: z.enum(SESSION_STATUSES).optional(),
  upcoming: z.enum(['true', 'false']).optional(),
});
export const createSessionBody = z.strictObject({
  stationId: z.uuid().nullable().describe('null: a district-level activity (district officers)'),
  topic: z.enum(GUIDANCE_TOPICS),
  title: z.string().trim().min(2).max(100),
  place: z.string().trim().min(2).max(200),
  startsAt: boundedDateTime,
  capacity: z.number().int().min(1).max(500),
});

export const signupSchema = z.object({
  id: z.uuid(),
  sessionId: z.uuid(),
  familyId: z.uuid(),
  familyLabel: z.string().describe('community and a short id; no personal data'),
  signedUpAt: z.string(),
  attended: z.boolean().nullable(),
  attendanceRecordedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
});
export type Signup = z.infer<typeof signupSchema>;
export const signupList = z.object({ items: z.array(signupSchema) });
export const signUpBody = z.strictObject({
  familyId: z.uuid().optional().describe('guidance staff: the family; a parent: their own (omit)'),
});
export const attendanceBody = z.strictObject({
  attendance: z
    .array(z.strictObject({ signupId: z.uuid(), attended: z.boolean() }))
    .min(1)
    .max(500),
});
export const guidanceHistoryQuery = z.object({
  family: z.uuid().optional().describe('a parent: omitted (their own family)'),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export const guidanceHistorySchema = z.object({
  familyId: z.uuid(),
  year: z.number().int(),
  attended: z.number().int(),
  required: z.number().int(),
  items: z.array(
    z.object({
      signupId: z.uuid(),
      sessionId: z.uuid(),
      title: z.string(),
      topic: z.enum(GUIDANCE_TOPICS),
      place: z.string(),
      startsAt: z.string(),
      sessionStatus: z.enum(SESSION_STATUSES),
      attended: z.boolean().nullable(),
      cancelledAt: z.string().nullable(),
    }),
  ),
});
export type GuidanceHistory = z.infer<typeof guidanceHistorySchema>;
// — guardians' rights: export, correction and deletion requests (PIPL 第四十五–四十七条;
//   《儿童个人信息网络保护规定》 第十九–二十条) —
export const FAMILY_REQUEST_KINDS = ['correction', 'deletion'] as const;
export const FAMILY_REQUEST_STATUSES = ['submitted', 'done', 'rejected'] as const;
export const FAMILY_REQUEST_ACTIONS = ['complete', 'reject'] as const;
/** What a correction is about (the officer applies it; `other` names it in the text). */
export const FAMILY_REQUEST_FIELDS = [
  'child_name',
  'child_id_number',
  'birth_date',
  'guardian_name',
  'guardian_id_number',
  'mobile',
  'address',
  'other',
] as const;
export type FamilyRequestKind = (typeof FAMILY_REQUEST_KINDS)[number];
export type FamilyRequestStatus = (typeof FAMILY_REQUEST_STATUSES)[number];
export type FamilyRequestAction = (typeof FAMILY_REQUEST_ACTIONS)[number];
export type FamilyRequestField = (typeof FAMILY_REQUEST_FIELDS)[number];

/** A parent's request; `text` is required for a correction (checked by the service: 400 naming `text`). */
export const createFamilyRequestBody = z.strictObject({
  kind: z.enum(FAMILY_REQUEST_KINDS),
  guardianId: z.uuid(),
  field: z.enum(FAMILY_REQUEST_FIELDS).optional(),
  text: z.string().trim().max(500).optional(),
});
export type CreateFamilyRequestBody = z.infer<typeof createFamilyRequestBody>;
export const familyRequestSchema = z.object({
  id: z.uuid(),
  familyId: z.uuid(),
  townCode: z.string(),
  communityName: z.string(),
  kind: z.enum(FAMILY_REQUEST_KINDS),
  guardianId: z.uuid(),
  guardianName: z.string(),
  field: z.enum(FAMILY_REQUEST_FIELDS).nullable(),
  text: z.string().nullable(),
  status: z.enum(FAMILY_REQUEST_STATUSES),
  submittedOn: z.string(),
  dueOn: z
    .string()
    .nullable()
    .describe('15 working days after submittedOn; null while the holiday calendar does not cover it'),
  calendarCovered: z.boolean(),
  overdue: z.boolean(),
  resolution: z.string().nullable(),
  handledAt: z.string().nullable(),
  permittedActions: z.array(z.enum(FAMILY_REQUEST_ACTIONS)),
  version: z.number().int(),
});
export type FamilyRequest = z.infer<typeof familyRequestSchema>;
export const familyRequestPage = pageOf(familyRequestSchema);
export const familyRequestListQuery = paginationQuery.extend({
  status: z.enum(FAMILY_REQUEST_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
});
export const familyRequestTransitionBody = z.strictObject({
  action: z.enum(FAMILY_REQUEST_ACTIONS),
  reason: z.string().trim().max(200).optional(),
  version: versionField,
});
/** A family's data as its parent exports it: personal numbers masked (see server/modules/families/rights.ts). */
export const familyExportSchema = z.object({
  exportedAt: z.string(),
  masked: z.literal(true).describe('ID numbers and mobiles are masked in the export'),
  family: familySchema,
  bookings: z.array(bookingSchema),
  applications: z.array(applicationSchema),
  requests: z.array(familyRequestSchema),
  /** Guidance sessions signed up for, one entry per year with any. */
  guidance: z.array(z.lazy(() => guidanceHistorySchema)),
});
export type FamilyExport = z.infer<typeof familyExportSchema>;
