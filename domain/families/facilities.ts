/**
 * Pure checks of the facilities register (issue 11): the town is one of the district's and in the
 * caller's scope; a community, when named, is in the register and in that town (a children's home
 * and a child-friendly community site are a community's, so they must name one); the point lies in
 * the district; a facility opens no later than this year and closes no earlier than it opened.
 */

import { checkHourlyPrice } from '../baobaowu/rules.ts';
import type { FieldError } from '../contracts/common.ts';
import {
  BAOBAOWU_FIELDS,
  type CreateFacilityBody,
  type FacilityKind,
} from '../contracts/families-facilities.ts';
import { findDivision, insideDistrict } from '../divisions.ts';
import { toFieldError } from '../rules/reasons.ts';

/** Kinds that belong to one community (儿童之家 in a community; 儿童友好社区示范点 is a community). */
export const COMMUNITY_KINDS: ReadonlySet<FacilityKind> = new Set(['children_home', 'child_friendly_site']);

const fe = (field: string, rule: string, zh: string, en: string): FieldError => ({
  field,
  rule,
  message_zh: zh,
  message_en: en,
});

export interface FacilityContext {
  districtCode: string;
  /** This year in China time. */
  thisYear: number;
  /** Whether the caller may write in this town. */
  townInScope: (townCode: string) => boolean;
  /** The town of a community code in the register, or undefined when it is not in the register. */
  communityTown: (code: string) => string | undefined;
  /** The 宝宝屋 values in force (rule pack), absent where no pack sets them. */
  baobaowu?: { freeHoursPerChildPerYear: number; maxYuanPerHour: number };
}

export function checkFacility(f: CreateFacilityBody, c: FacilityContext): FieldError[] {
  const errors: FieldError[] = [];
  const town = findDivision(f.townCode);
  if (town?.level !== 'town' || town.parentCode !== c.districtCode)
    errors.push(
      fe(
        'townCode',
        'families.town_outside_district',
        '所选街镇不属于本区',
        'The town is not in this district',
      ),
    );
  else if (!c.townInScope(f.townCode))
    errors.push(
      fe(
        'townCode',
        'families.town_outside_scope',
        '所选街镇不在您的管辖范围内',
        'The town is outside your jurisdiction',
      ),
    );
  if (f.communityCode) {
    const communityTown = c.communityTown(f.communityCode);
    if (communityTown === undefined)
      errors.push(
        fe(
          'communityCode',
          'families.unknown_community',
          '社区代码不在社区名录中',
          'The community is not in the register',
        ),
      );
    else if (communityTown !== f.townCode)
      errors.push(
        fe(
          'communityCode',
          'families.community_not_in_town',
          '该社区不属于所选街镇',
          'The community is not in the chosen town',
        ),
      );
  } else if (COMMUNITY_KINDS.has(f.kind))
    errors.push(
      fe(
        'communityCode',
        'families.community_required',
        '儿童之家和儿童友好社区示范点须填写所在社区',
        "A children's home or a child-friendly community site names its community",
      ),
    );
  if (!insideDistrict(c.districtCode, f.lat, f.lng))
    for (const field of ['lat', 'lng'])
      errors.push(
        fe(field, 'families.outside_district', '坐标不在本区范围内', 'The point is outside the district'),
      );
  if (f.openedYear > c.thisYear)
    errors.push(
      fe(
        'openedYear',
        'families.year_future',
        `建成年份不能晚于 ${c.thisYear} 年`,
        `The year opened cannot be after ${c.thisYear}`,
      ),
    );
  if (f.closedYear != null) {
    if (f.closedYear < f.openedYear)
      errors.push(
        fe(
          'closedYear',
          'families.closed_before_opened',
          '撤销年份不能早于建成年份',
          'The year closed cannot be before the year opened',
        ),
      );
    else if (f.closedYear > c.thisYear)
      errors.push(
        fe(
          'closedYear',
          'families.year_future',
          `撤销年份不能晚于 ${c.thisYear} 年`,
          `The year closed cannot be after ${c.thisYear}`,
        ),
      );
  }
  errors.push(...checkBaobaowuFields(f, c));
  return errors;
}

/** A 宝宝屋 has capacity, opening hours, an hourly price under the cap and an operator; other kinds none. */
function checkBaobaowuFields(f: CreateFacilityBody, c: FacilityContext): FieldError[] {
  const errors: FieldError[] = [];
  if (f.kind !== 'baobaowu') {
    for (const field of BAOBAOWU_FIELDS)
      if (f[field] != null)
        errors.push(
          fe(
            field,
            'families.baobaowu_only',
            '仅社区托育“宝宝屋”填写此项',
            'Only a baby house (baobaowu) has this field',
          ),
        );
    return errors;
  }
  for (const field of BAOBAOWU_FIELDS)
    if (f[field] == null)
      errors.push(
        fe(
          field,
          'families.baobaowu_required',
          '社区托育“宝宝屋”须填写此项',
          'A baby house (baobaowu) must have this field',
        ),
      );
  if (f.hourlyPriceFen != null) {
    if (!c.baobaowu)
      errors.push(
        fe(
          'kind',
          'families.baobaowu_no_pack',
          '本区没有在用的“宝宝屋”规则（免费时数与收费上限）',
          'No baby-house (baobaowu) rule (free hours, price cap) is in force in this district',
        ),
      );
    else {
      const price = checkHourlyPrice(f.hourlyPriceFen, c.baobaowu);
      if (!price.ok && price.reason === 'baobaowu.price_above_cap')
        errors.push(
          fe(
            'hourlyPriceFen',
            price.reason,
            `宝宝屋每小时收费不能超过 ${c.baobaowu.maxYuanPerHour} 元`,
            `A baby house (baobaowu) may charge at most ${c.baobaowu.maxYuanPerHour} yuan an hour`,
          ),
        );
      else if (!price.ok) errors.push(toFieldError(price, 'hourlyPriceFen'));
    }
  }
  return errors;
}

/** Whether a facility is open in a year (opened by its end and not closed in an earlier year). */
export function openIn(f: { openedYear: number; closedYear: number | null }, year: number): boolean {
  return f.openedYear <= year && (f.closedYear === null || f.closedYear >= year);
}
