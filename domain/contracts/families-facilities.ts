/**
 * Facilities for families beyond childcare institutions (issue 11; 青府办发〔2021〕35号 二、(二)):
 * children's service centres in towns (儿童服务中心), children's homes in communities (儿童之家),
 * play-observation and parent-child rooms in community health centres (游戏观察室 / 亲子指导室, pilot),
 * child-friendly community sites (儿童友好社区示范点, ≥ 3 a year) and early development bases
 * (儿童早期发展基地, ≥ 1). A register with town, community, address, coordinates and the years it opened
 * (and closed); the plan counts the sites and bases from it. No personal data.
 */
import { z } from 'zod';
import { pageOf, paginationQuery, versionField } from './common.ts';
import { BOOKING_STATUSES, dateString, slotSchema } from './families.ts';

export const FACILITY_KINDS = [
  'children_service_centre',
  'children_home',
  'play_observation_room',
  'parent_child_room',
  'child_friendly_site',
  'early_development_base',
  'baobaowu',
] as const;
export type FacilityKind = (typeof FACILITY_KINDS)[number];

export const FACILITY_KIND_LABELS: Record<FacilityKind, { zh: string; en: string }> = {
  children_service_centre: { zh: '儿童服务中心', en: "Children's service centre" },
  children_home: { zh: '儿童之家', en: "Children's home" },
  play_observation_room: { zh: '游戏观察室', en: 'Play-observation room' },
  parent_child_room: { zh: '亲子指导室', en: 'Parent-child guidance room' },
  child_friendly_site: { zh: '儿童友好社区示范点', en: 'Child-friendly community site' },
  early_development_base: { zh: '儿童早期发展基地', en: 'Early development base' },
  baobaowu: { zh: '社区托育“宝宝屋”', en: 'Community baby house (baobaowu)' },
};

/** Fields only a 宝宝屋 has (issue 17); required for one, refused for any other kind. */
export const BAOBAOWU_FIELDS = ['capacity', 'openingHours', 'hourlyPriceFen', 'operator'] as const;

/** The first year a facility may open in the register (the plan's first year) and the last (next year). */
export const FACILITY_FIRST_YEAR = 2000;

const year = z.number().int().min(FACILITY_FIRST_YEAR).max(2100);

export const facilityFields = {
  kind: z.enum(FACILITY_KINDS),
  name: z.string().trim().min(2).max(100),
  townCode: z.string().regex(/^\d{9}$/),
  communityCode: z
    .string()
    .regex(/^\d{12}$/)
    .nullable(),
  address: z.string().trim().min(2).max(200),
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  /** Where it is housed (a community health centre, a kindergarten …); optional. */
  host: z.string().trim().max(100).nullable(),
  openedYear: year,
  closedYear: year.nullable(),
  // — 宝宝屋 only (issue 17) —
  /** Children cared for at one time. */
  capacity: z.number().int().min(1).max(200).nullable(),
  /** Opening hours as shown to parents, e.g. 周一至周五 8:30–16:30. */
  openingHours: z.string().trim().min(2).max(100).nullable(),
  /** Price an hour after the free hours, in fen; not above the rule pack's cap (checked by the server). */
  hourlyPriceFen: z.number().int().min(0).max(1_000_000).nullable(),
  /** Who runs it (a kindergarten, a childcare institution, the community …). */
  operator: z.string().trim().min(2).max(100).nullable(),
};

export const createFacilityBody = z.strictObject({
  ...facilityFields,
  communityCode: facilityFields.communityCode.optional(),
  host: facilityFields.host.optional(),
  closedYear: facilityFields.closedYear.optional(),
  capacity: facilityFields.capacity.optional(),
  openingHours: facilityFields.openingHours.optional(),
  hourlyPriceFen: facilityFields.hourlyPriceFen.optional(),
  operator: facilityFields.operator.optional(),
});
export type CreateFacilityBody = z.infer<typeof createFacilityBody>;

/** A change: any field, and the version read (409 when stale). */
export const updateFacilityBody = createFacilityBody.partial().extend({ version: versionField });
export type UpdateFacilityBody = z.infer<typeof updateFacilityBody>;

export const facilitySchema = z.object({
  id: z.uuid(),
  kind: z.enum(FACILITY_KINDS),
  name: z.string(),
  townCode: z.string(),
  communityCode: z.string().nullable(),
  communityName: z.string().nullable(),
  address: z.string(),
  lat: z.number(),
  lng: z.number(),
  host: z.string().nullable(),
  openedYear: z.number().int(),
  closedYear: z.number().int().nullable(),
  capacity: z.number().int().nullable(),
  openingHours: z.string().nullable(),
  hourlyPriceFen: z.number().int().nullable(),
  operator: z.string().nullable(),
  version: z.number().int(),
});
export type Facility = z.infer<typeof facilitySchema>;
export const facilityPage = pageOf(facilitySchema);

export const facilityListQuery = paginationQuery.extend({
  kind: z.enum(FACILITY_KINDS).optional(),
  town: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
  /** Facilities open in this year (opened by its end, not closed before it). */
  year: z.coerce.number().int().min(FACILITY_FIRST_YEAR).max(2100).optional(),
  q: z.string().trim().max(50).optional(),
});

// — 宝宝屋 slots and coverage (issue 17) —
export const siteSlotSchema = slotSchema.extend({
  /** Free hours held by the slot's bookings (not cancelled). */
  freeHours: z.number().int(),
  /** Charges of the slot's bookings (not cancelled), fen. */
  chargeFen: z.number().int(),
});
export const siteSlotList = z.object({ items: z.array(siteSlotSchema) });
export const siteSlotQuery = z.object({ from: dateString.optional() });

/** A site's bookings for officers (issue 17): the child named masked, age in months on the slot's date. */
export const siteBookingQuery = z.object({
  /** Only this slot's bookings. */
  slot: z.uuid().optional(),
  /** Slots from this date on (default: 1 January of this year). */
  from: dateString.optional(),
});
export const siteBookingSchema = z.object({
  id: z.uuid(),
  slotId: z.uuid(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  /** Masked (王**). */
  childName: z.string(),
  /** Completed months on the slot's date. */
  ageMonths: z.number().int(),
  status: z.enum(BOOKING_STATUSES),
  /** 1-based place on the slot's waitlist; null unless waitlisted. */
  waitlistPosition: z.number().int().nullable(),
  freeHours: z.number().int(),
  chargedHours: z.number().int(),
  chargeFen: z.number().int(),
});
export const siteBookingList = z.object({ items: z.array(siteBookingSchema) });

export const baobaowuCoverageQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export const townCoverageSchema = z.object({
  townCode: z.string(),
  sites: z.number().int(),
  capacity: z.number().int(),
  children: z.number().int(),
  freeHours: z.number().int(),
  chargedHours: z.number().int(),
});
export const baobaowuCoverageSchema = z.object({
  year: z.number().int(),
  towns: z.array(townCoverageSchema),
  townsWithSite: z.number().int(),
  townCount: z.number().int(),
  sites: z.number().int(),
  children: z.number().int(),
  freeHours: z.number().int(),
  chargedHours: z.number().int(),
  /** The pack values in force (free hours a year, price cap), or null where none is. */
  rule: z.object({ freeHoursPerChildPerYear: z.number().int(), maxYuanPerHour: z.number() }).nullable(),
});
export type BaobaowuCoverage = z.infer<typeof baobaowuCoverageSchema>;

/** A parent's children and the 宝宝屋 free hours each has left in a year (before booking). */
export const baobaowuMineSchema = z.object({
  year: z.number().int(),
  /** The pack's free hours a year, or null where no pack is in force (then no hours are free). */
  freeHoursPerChildPerYear: z.number().int().nullable(),
  children: z.array(
    z.object({ childId: z.uuid(), freeHoursUsed: z.number().int(), freeHoursLeft: z.number().int() }),
  ),
});
export type BaobaowuMine = z.infer<typeof baobaowuMineSchema>;
