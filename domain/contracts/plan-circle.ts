/**
 * The 15-minute childcare circle (15分钟社区托育服务圈, 青府办发〔2021〕35号 三、(一)2) and the site
 * planner (issue 13): children under 3 by community against inclusive institutions' free places within
 * N walking minutes (domain/rules/coverage.ts, geo.ts), and k new sites picked among the communities'
 * centres to cover the most children still uncovered (domain/rules/site-planner.ts).
 */
import { z } from 'zod';

/** Where a community's children count comes from: official statistics, or made up for the demo. */
export const DEMAND_SOURCES = ['statistics', 'synthetic'] as const;

/** The plan's name gives the minutes: 15分钟社区托育服务圈 (35号 三、(一)2). */
export const CIRCLE_MINUTES = 15;

const town = z
  .string()
  .regex(/^\d{9}$/, '街镇代码应为 9 位数字 / The town code must be 9 digits')
  .optional();
const minutes = z.coerce
  .number()
  .int('步行分钟数须为整数 / Walking minutes must be a whole number')
  .min(5, '步行分钟数须在 5–60 之间 / Walking minutes must be 5–60')
  .max(60, '步行分钟数须在 5–60 之间 / Walking minutes must be 5–60')
  .optional();

export const circleQuery = z.strictObject({ town, minutes });

export const circleCommunitySchema = z.object({
  code: z.string(),
  name: z.string(),
  townCode: z.string(),
  lat: z.number(),
  lng: z.number(),
  children: z.number().int(),
  covered: z.number().int(),
  source: z.enum(DEMAND_SOURCES).nullable(),
  asOf: z.string().nullable(),
});

export const circleInstitutionSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  townCode: z.string(),
  lat: z.number(),
  lng: z.number(),
  freePlaces: z.number().int(),
  used: z.number().int(),
});

export const circleSchema = z.object({
  minutes: z.number().int(),
  /** The walking model (geo.ts): straight distance × detour at speed km/h. */
  speedKmh: z.number(),
  detour: z.number(),
  totalChildren: z.number().int(),
  coveredChildren: z.number().int(),
  /** covered ÷ total; null when no community in scope has a location and a count. */
  share: z.number().nullable(),
  communities: z.array(circleCommunitySchema),
  /** Communities in scope without a location or a count: not counted, listed so they can be filled in. */
  missing: z.array(z.object({ code: z.string(), name: z.string(), townCode: z.string() })),
  institutions: z.array(circleInstitutionSchema),
  /** True when any count in scope is synthetic (demo data): the page says so. */
  synthetic: z.boolean(),
});
export type Circle = z.infer<typeof circleSchema>;

export const sitePlanBody = z.strictObject({
  k: z
    .number()
    .int('新增点位数须为整数 / k must be a whole number')
    .min(1, '新增点位数须在 1–20 之间 / k must be 1–20')
    .max(20, '新增点位数须在 1–20 之间 / k must be 1–20'),
  /** Places at each new site; default: the median seats of the inclusive institutions in scope. */
  capacity: z
    .number()
    .int('每个新点位的托位数须为整数 / Places per site must be a whole number')
    .min(1, '每个新点位的托位数须在 1–500 之间 / Places per site must be 1–500')
    .max(500, '每个新点位的托位数须在 1–500 之间 / Places per site must be 1–500')
    .optional(),
  town,
  minutes: z
    .number()
    .int('步行分钟数须为整数 / Walking minutes must be a whole number')
    .min(5, '步行分钟数须在 5–60 之间 / Walking minutes must be 5–60')
    .max(60, '步行分钟数须在 5–60 之间 / Walking minutes must be 5–60')
    .optional(),
});

export const sitePlanSchema = z.object({
  minutes: z.number().int(),
  capacity: z.number().int(),
  /** Where the capacity came from. */
  capacitySource: z.enum(['given', 'median_inclusive_seats']),
  picks: z.array(
    z.object({
      communityCode: z.string(),
      name: z.string(),
      townCode: z.string(),
      lat: z.number(),
      lng: z.number(),
      /** Children newly covered by this pick (after the earlier picks). */
      gain: z.number().int(),
      /** Communities within reach of the site (codes and names). */
      reaches: z.array(z.object({ code: z.string(), name: z.string() })),
    }),
  ),
  totalChildren: z.number().int(),
  coveredBefore: z.number().int(),
  coveredAfter: z.number().int(),
  shareBefore: z.number().nullable(),
  shareAfter: z.number().nullable(),
});
export type SitePlan = z.infer<typeof sitePlanSchema>;

/** One row of the community statistics import (the 15-minute circle's demand). */
export const communityDemandRow = z.strictObject({
  code: z
    .string()
    .regex(
      /^\d{12}$/,
      '社区代码应为 12 位统计用区划代码 / The community code must be the 12-digit statistical code',
    ),
  name: z
    .string()
    .trim()
    .min(2, '社区名称 2–50 字 / The name takes 2–50 characters')
    .max(50, '社区名称 2–50 字 / The name takes 2–50 characters'),
  lat: z.number('纬度须为数字 / The latitude must be a number').min(-90).max(90),
  lng: z.number('经度须为数字 / The longitude must be a number').min(-180).max(180),
  childrenUnder3: z
    .number('婴幼儿数须为数字 / The count must be a number')
    .int('婴幼儿数须为整数 / The count must be a whole number')
    .min(0, '婴幼儿数不能为负 / The count cannot be negative')
    .max(100_000, '婴幼儿数不超过 100000 / At most 100,000 children'),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '统计日期格式应为 YYYY-MM-DD / The date must be YYYY-MM-DD'),
});
export type CommunityDemandRow = z.infer<typeof communityDemandRow>;
