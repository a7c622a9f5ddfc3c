import { describe, expect, it } from 'vitest';
import {
  CLASS_TYPES,
  caregiversRequired,
  checkClass,
  checkFamilyPointTotal,
  classTypesForAge,
  describeClassTypes,
  familyPointCaregiversRequired,
  kindergartenToddlerStaffing,
} from './classes.ts';
import { HUANGPU_2022, QINGPU_2022, QINGPU_2024 } from './test-fixtures.ts';

const V = QINGPU_2022;

describe('class types', () => {
  it('lists five types with labels and the pack bands', () => {
    expect(CLASS_TYPES.map((c) => c.zh)).toEqual(['乳儿班', '托小班', '托大班', '混龄班', '幼儿园托班']);
    const d = describeClassTypes(V);
    expect(d.find((c) => c.type === 'infant')).toMatchObject({
      band: { minMonths: 6, maxMonths: 12 },
      cap: 10,
      childrenPerCaregiver: 3,
    });
    expect(d.find((c) => c.type === 'mixed')).toMatchObject({
      band: { minMonths: 18, maxMonths: 36 },
      cap: 18,
    });
  });

  it.each([
    [5, []],
    [6, ['infant']],
    [11, ['infant']],
    [12, ['toddler_small']],
    [17, ['toddler_small']],
    [18, ['toddler_small', 'mixed']],
    [24, ['toddler_large', 'mixed', 'kindergarten_toddler']],
    [35, ['toddler_large', 'mixed', 'kindergarten_toddler']],
    [36, []],
  ])('age %i months → %j', (months, types) => {
    expect(classTypesForAge(months, V)).toEqual({ ok: true, types });
  });

  it.each([
    [-1, 'count.negative'],
    [1.5, 'count.invalid'],
    [Number.NaN, 'count.invalid'],
  ])('age %s → %s', (months, reason) => {
    expect(classTypesForAge(months, V)).toMatchObject({ ok: false, reason, field: 'ageMonths' });
  });
});

describe('checkClass', () => {
  it.each([
    [{ type: 'infant', capacity: 10, enrolled: 10, minAgeMonths: 6 }, []],
    [{ type: 'infant', capacity: 11, enrolled: 9 }, [{ field: 'capacity', reason: 'class.over_cap' }]],
    [
      { type: 'toddler_small', capacity: 15, enrolled: 16 },
      [{ field: 'enrolled', reason: 'class.over_capacity' }],
    ],
    [
      { type: 'toddler_small', capacity: 16, enrolled: 16 },
      [
        { field: 'capacity', reason: 'class.over_cap' },
        { field: 'enrolled', reason: 'class.over_cap' },
      ],
    ],
    [{ type: 'toddler_large', capacity: 20, enrolled: 20, minAgeMonths: 24 }, []],
    [{ type: 'mixed', capacity: 18, enrolled: 18, minAgeMonths: 18 }, []],
    [
      { type: 'mixed', capacity: 18, enrolled: 12, minAgeMonths: 17 },
      [{ field: 'minAgeMonths', reason: 'class.mixed_min_age' }],
    ],
    [{ type: 'mixed', capacity: 19, enrolled: 12 }, [{ field: 'capacity', reason: 'class.over_cap' }]],
    [
      { type: 'infant', capacity: 10, enrolled: 3, minAgeMonths: 4 },
      [{ field: 'minAgeMonths', reason: 'class.below_min_age' }],
    ],
    [
      { type: 'infant', capacity: 10, enrolled: 3, minAgeMonths: 12 },
      [{ field: 'minAgeMonths', reason: 'class.above_max_age' }],
    ],
    [
      { type: 'kindergarten_toddler', capacity: 21, enrolled: 20 },
      [{ field: 'capacity', reason: 'class.over_cap' }],
    ],
    [{ type: 'nursery', capacity: 10, enrolled: 1 }, [{ field: 'type', reason: 'class.unknown_type' }]],
    [
      { type: 'infant', capacity: -1, enrolled: -2 },
      [
        { field: 'capacity', reason: 'count.negative' },
        { field: 'enrolled', reason: 'count.negative' },
      ],
    ],
    [
      { type: 'infant', capacity: 2.5, enrolled: 11 },
      [
        { field: 'capacity', reason: 'count.invalid' },
        { field: 'enrolled', reason: 'class.over_cap' },
      ],
    ],
  ])('%j → %j', (input, violations) => {
    expect(checkClass(input, V)).toEqual(violations);
  });
});

describe('caregiversRequired', () => {
  it.each([
    ['infant', 0, 0],
    ['infant', 1, 1],
    ['infant', 3, 1],
    ['infant', 4, 2],
    ['infant', 10, 4],
    ['toddler_small', 15, 3],
    ['toddler_small', 16, 4],
    ['toddler_large', 20, 3],
    ['toddler_large', 14, 2],
    ['mixed', 18, 4],
  ])('%s with %i children → %i', (type, children, caregivers) => {
    expect(caregiversRequired(type, children, V)).toEqual({ ok: true, caregivers });
  });

  it.each([
    ['kindergarten_toddler', 10, 'class.no_ratio_rule'],
    ['unknown', 10, 'class.unknown_type'],
    ['infant', -1, 'count.negative'],
    ['infant', 0.5, 'count.invalid'],
  ])('%s with %s → %s', (type, children, reason) => {
    expect(caregiversRequired(type, children, V)).toMatchObject({ ok: false, reason });
  });
});

describe('family childcare points', () => {
  it.each([
    [0, true],
    [5, true],
    [6, false],
  ])('total %i ok=%s', (n, okay) => {
    expect(checkFamilyPointTotal(n, QINGPU_2024).ok).toBe(okay);
  });

  it('reports over cap with the max', () => {
    expect(checkFamilyPointTotal(6, QINGPU_2024)).toMatchObject({
      reason: 'family_point.over_cap',
      detail: { max: 5 },
    });
  });

  it.each([
    [QINGPU_2024, -1, 'count.negative'],
    [QINGPU_2022, 3, 'policy.value_missing'],
  ])('bad input → %s', (values, n, reason) => {
    expect(checkFamilyPointTotal(n, values)).toMatchObject({ ok: false, reason });
  });

  it.each([
    [3, 1],
    [4, 2],
    [5, 2],
  ])('%i children need %i caregivers', (children, caregivers) => {
    expect(familyPointCaregiversRequired(children, QINGPU_2024)).toEqual({ ok: true, caregivers });
  });
});

describe('kindergartenToddlerStaffing (两教一保)', () => {
  it.each([
    [0, 0, 0],
    [1, 2, 1],
    [4, 8, 4],
  ])('%i classes → %i teachers + %i caregivers', (classes, teachers, caregivers) => {
    expect(kindergartenToddlerStaffing(classes, V)).toEqual({
      ok: true,
      teachers,
      caregivers,
      total: teachers + caregivers,
    });
  });

  it.each([
    [V, -1, 'count.negative'],
    [HUANGPU_2022, 2, 'policy.value_missing'],
  ])('bad input → %s', (values, classes, reason) => {
    expect(kindergartenToddlerStaffing(classes, values)).toMatchObject({ ok: false, reason });
  });
});
