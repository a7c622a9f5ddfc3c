import { describe, expect, it } from 'vitest';
import type { ClassInputBody, InstitutionInput } from '../contracts/institution.ts';
import { resolvePolicy } from '../policy/resolve.ts';
import { normalizePublicPhone, validateClasses, validateInstitution } from './validate.ts';

const r = resolvePolicy('310118', '2026-03-02');
if (!r.ok) throw new Error('no policy');
const values = r.values;

const valid: InstitutionInput = {
  name: '青浦区朱家角镇小海豚托育园',
  creditCode: '91350100M000100Y43',
  kind: 'childcare_institution',
  ownership: 'private',
  inclusive: true,
  serviceForms: ['full_day'],
  address: '青浦区朱家角镇珠溪路1号',
  townCode: '310118102',
  lat: 31.1079,
  lng: 121.0533,
  publicPhone: '021-5923 1234',
  openingHours: '',
  fees: { fullDayMonthlyFen: 300000 },
  mealsProvided: true,
  directorName: '王老师',
};

describe('normalizePublicPhone', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['+86 138-0013-8000', '13800138000'],
    ['021-59231234', '021-59231234'],
    ['(021) 5923 1234', '021-59231234'],
    ['59231234', '021-59231234'],
    ['+86 21 5923 1234', '021-59231234'],
    ['0512-65221234', '0512-65221234'],
    ['0571-8765432', '0571-8765432'],
  ])('%s → %s', (input, out) => expect(normalizePublicPhone(input)).toBe(out));
  it.each(['12345', '400-820-8820', '021-0123456', '0211234567890', '1380013800'])('%s is refused', (input) =>
    expect(normalizePublicPhone(input)).toBeUndefined(),
  );
});

describe('validateInstitution', () => {
  it('accepts a valid profile and normalises', () => {
    expect(validateInstitution(valid, '310118')).toEqual({
      errors: [],
      creditCode: '91350100M000100Y43',
      publicPhone: '021-59231234',
      operatorCreditCode: null,
    });
    expect(
      validateInstitution({ ...valid, operatorCreditCode: ' 91350100m000100y43 ' }, '310118')
        .operatorCreditCode,
    ).toBe('91350100M000100Y43');
  });
  const cases: [string, Partial<InstitutionInput>, string, string][] = [
    ['credit code check', { creditCode: '91350100M000100Y44' }, 'creditCode', 'credit.check_character'],
    [
      "operator's credit code check",
      { operatorCreditCode: '91350100M000100Y44' },
      'operatorCreditCode',
      'credit.check_character',
    ],
    ['town of another district', { townCode: '310117101' }, 'townCode', 'institution.town_outside_district'],
    [
      'the district itself as town',
      { townCode: '310118000' },
      'townCode',
      'institution.town_outside_district',
    ],
    [
      'coordinates in central Shanghai',
      { lat: 31.2304, lng: 121.4737 },
      'lng',
      'institution.outside_district',
    ],
    ['no service form', { serviceForms: [] }, 'serviceForms', 'institution.service_form_required'],
    [
      'a fee for a form not offered',
      { fees: { hourlyFen: 5000 } },
      'fees.hourlyFen',
      'institution.fee_without_form',
    ],
  ];
  it.each(cases)('%s', (_n, patch, field, rule) => {
    const errors = validateInstitution({ ...valid, ...patch }, '310118').errors;
    expect(errors).toContainEqual(expect.objectContaining({ field, rule }));
    for (const e of errors) expect(e.message_zh && e.message_en).toBeTruthy();
  });
  it('a kindergarten without toddler classes needs no service form', () => {
    expect(
      validateInstitution({ ...valid, kind: 'kindergarten', serviceForms: [], fees: {} }, '310118').errors,
    ).toEqual([]);
  });
});

describe('validateClasses', () => {
  const c = (x: Partial<ClassInputBody>): ClassInputBody => ({
    name: 'A',
    type: 'infant',
    capacity: 10,
    enrolled: 5,
    ...x,
  });
  it.each([
    [
      'caps 10/15/20/18 are fine',
      'childcare_institution',
      [
        c({}),
        c({ type: 'toddler_small', capacity: 15 }),
        c({ type: 'toddler_large', capacity: 20 }),
        c({ type: 'mixed', capacity: 18, minAgeMonths: 18 }),
      ],
      [],
    ],
    [
      'infant 11 over the cap',
      'childcare_institution',
      [c({ capacity: 11 })],
      ['classes.0.capacity:class.over_cap'],
    ],
    [
      'mixed from 12 months',
      'childcare_institution',
      [c({ type: 'mixed', minAgeMonths: 12 })],
      ['classes.0.minAgeMonths:class.mixed_min_age'],
    ],
    [
      'kindergarten: only toddler classes, ≤ 20',
      'kindergarten',
      [c({ type: 'kindergarten_toddler', capacity: 21 }), c({})],
      ['classes.0.capacity:class.over_cap', 'classes.1.type:institution.class_type_for_kind'],
    ],
    [
      'family point: 5 in all',
      'family_point',
      [
        c({ type: 'mixed', capacity: 3, enrolled: 2, minAgeMonths: 18 }),
        c({ type: 'toddler_large', capacity: 3, enrolled: 2 }),
      ],
      ['classes:family_point.over_cap'],
    ],
  ] as const)('%s', (_n, kind, classes, expected) => {
    expect(validateClasses(kind, classes, values).map((e) => `${e.field}:${e.rule}`)).toEqual(expected);
  });
});
