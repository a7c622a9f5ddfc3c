import { describe, expect, it } from 'vitest';
import { citizenIdCheckChar } from '../rules/ids.ts';
import { workforcePolicy } from './policy.ts';
import {
  ageInYears,
  certifiedRate,
  classStaffing,
  directorShortfalls,
  isCertified,
  missingCertificates,
  trainingPace,
  validateCertificateDates,
  validateIdentity,
  validateTrainingHours,
} from './rules.ts';

const id = (first17: string) => first17 + citizenIdCheckChar(first17);
const policy = workforcePolicy('310118', '2026-03-02');

describe('validateIdentity', () => {
  it.each([
    ['valid adult', id('31011819900307002'), '2026-03-02', undefined, undefined],
    [
      'bad checksum',
      `${id('31011819900307002').slice(0, 17)}${id('31011819900307002')[17] === '0' ? '1' : '0'}`,
      '2026-03-02',
      'idNumber',
      'id.check_character',
    ],
    ['17 on the start date', id('31011820090303002'), '2026-03-02', 'idNumber', 'under_18'],
    ['18th birthday is the start date', id('31011820080302002'), '2026-03-02', undefined, undefined],
  ])('%s', (_n, idNumber, hire, field, rule) => {
    const r = validateIdentity({ idType: 'citizen_id', idNumber }, '2026-03-02', hire);
    if (!field) {
      expect(r.errors).toEqual([]);
      expect(r.identity?.sex).toBe('female');
    } else expect(r.errors[0]).toMatchObject({ field, rule });
  });
  it('derives birth date and sex from the number', () => {
    const r = validateIdentity(
      { idType: 'citizen_id', idNumber: id('31011819900307001') },
      '2026-03-02',
      undefined,
    );
    expect(r.identity).toEqual({ idNumber: id('31011819900307001'), birthDate: '1990-03-07', sex: 'male' });
  });
  it.each([
    [
      { idType: 'passport' as const, idNumber: 'E1234567', birthDate: '1990-01-01', sex: 'male' as const },
      undefined,
    ],
    [
      { idType: 'passport' as const, idNumber: 'E1', birthDate: '1990-01-01', sex: 'male' as const },
      'document_format',
    ],
    [{ idType: 'work_permit' as const, idNumber: 'P123456789' }, 'required'],
  ])('foreign document %#', (input, rule) => {
    const r = validateIdentity(input, '2026-03-02', '2026-03-02');
    if (rule) expect(r.errors[0]?.rule).toBe(rule);
    else expect(r.errors).toEqual([]);
  });
  it('ageInYears counts whole years', () => {
    expect(ageInYears('2000-03-02', '2018-03-01')).toBe(17);
    expect(ageInYears('2000-03-02', '2018-03-02')).toBe(18);
  });
});

describe('certificates', () => {
  it.each([
    ['2026-01-01', '2025-12-31', 'expiry_before_issue'],
    ['2026-04-01', undefined, 'issued_in_future'],
    ['2026-01-01', '2026-01-01', undefined],
  ])('dates %s – %s', (issued, expires, rule) => {
    const e = validateCertificateDates(issued, expires, '2026-03-02');
    expect(e[0]?.rule).toBe(rule);
  });
  const pc = policy.postCertificates;
  it.each([
    [
      'caregiver',
      [
        ['caregiver', null],
        ['health', null],
      ],
      true,
    ],
    [
      'caregiver',
      [
        ['infant_carer', null],
        ['health', null],
      ],
      true,
    ],
    [
      'caregiver',
      [
        ['caregiver', '2026-03-01'],
        ['health', null],
      ],
      false,
    ],
    [
      'caregiver',
      [
        ['caregiver', '2026-03-02'],
        ['health', null],
      ],
      true,
    ],
    ['caregiver', [['caregiver', null]], false],
    [
      'teacher',
      [
        ['caregiver', null],
        ['health', null],
      ],
      false,
    ],
    [
      'security',
      [
        ['security', null],
        ['health', null],
      ],
      true,
    ],
    ['other', [['health', null]], true],
  ] as const)('%s with %j certified=%s', (post, certs, ok) => {
    const list = certs.map(([type, expiresOn]) => ({ type, issuedOn: '2020-01-01', expiresOn }));
    expect(isCertified(post, list, '2026-03-02', pc)).toBe(ok);
  });
  it('names what is missing', () => {
    expect(missingCertificates('teacher', [], '2026-03-02', pc)).toEqual(['teacher', 'health']);
  });
});

describe('classStaffing', () => {
  const s = policy.staffing;
  it.each([
    [
      'infant 9 children, 3 carers',
      'infant',
      'childcare_institution',
      9,
      ['caregiver', 'caregiver', 'infant_carer'],
      'ratio',
      3,
      true,
    ],
    [
      'infant 10 children, 3 carers',
      'infant',
      'childcare_institution',
      10,
      ['caregiver', 'caregiver', 'caregiver'],
      'ratio',
      4,
      false,
    ],
    [
      'toddler_small 15 / 3',
      'toddler_small',
      'childcare_institution',
      15,
      ['caregiver', 'teacher', 'caregiver'],
      'ratio',
      3,
      true,
    ],
    [
      'toddler_large 15 / 2',
      'toddler_large',
      'childcare_institution',
      15,
      ['caregiver', 'teacher'],
      'ratio',
      3,
      false,
    ],
    [
      'toddler_large 14 / 2',
      'toddler_large',
      'childcare_institution',
      14,
      ['caregiver', 'teacher'],
      'ratio',
      2,
      true,
    ],
    ['cook does not count', 'toddler_large', 'childcare_institution', 7, ['cook'], 'ratio', 1, false],
    [
      '两教一保 met',
      'kindergarten_toddler',
      'kindergarten',
      20,
      ['teacher', 'teacher', 'caregiver'],
      'two_teachers_one_caregiver',
      3,
      true,
    ],
    [
      '两教一保 missing caregiver',
      'kindergarten_toddler',
      'kindergarten',
      20,
      ['teacher', 'teacher', 'teacher'],
      'two_teachers_one_caregiver',
      3,
      false,
    ],
    ['family point 4 children / 1', 'mixed', 'family_point', 4, ['caregiver'], 'family_point', 2, false],
    ['family point 3 children / 1', 'mixed', 'family_point', 3, ['caregiver'], 'family_point', 1, true],
    ['empty class', 'infant', 'childcare_institution', 0, [], 'ratio', 0, true],
  ] as const)('%s', (_n, classType, kind, enrolled, posts, rule, required, compliant) => {
    const certified = posts.map((post) => ({ post, classes: 1 }));
    const r = classStaffing({ classType, institutionKind: kind, enrolled, certified }, s);
    expect(r).toMatchObject({ rule, required, compliant, sharedStaff: 0 });
  });
  it.each([
    // [name, classType, kind, enrolled, [post, classes][], carers, teachers, shared, compliant]
    [
      'one carer in two infant rooms counts half in each',
      'infant',
      'childcare_institution',
      3,
      [['caregiver', 2]],
      0.5,
      0,
      1,
      false,
    ],
    [
      'two carers shared by two rooms make one',
      'infant',
      'childcare_institution',
      3,
      [
        ['caregiver', 2],
        ['caregiver', 2],
      ],
      1,
      0,
      2,
      true,
    ],
    [
      'three thirds make exactly one',
      'toddler_small',
      'childcare_institution',
      5,
      [
        ['caregiver', 3],
        ['infant_carer', 3],
        ['teacher', 3],
      ],
      1,
      0.33,
      3,
      true,
    ],
    [
      'a shared teacher is half a teacher for 两教一保',
      'kindergarten_toddler',
      'kindergarten',
      20,
      [
        ['teacher', 1],
        ['teacher', 2],
        ['caregiver', 1],
      ],
      1,
      1.5,
      1,
      false,
    ],
    ['a shared family-point carer', 'mixed', 'family_point', 2, [['caregiver', 2]], 0.5, 0, 1, false],
  ] as const)('%s', (_n, classType, kind, enrolled, staff, carers, teachers, shared, compliant) => {
    const certified = staff.map(([post, classes]) => ({ post, classes }));
    const r = classStaffing({ classType, institutionKind: kind, enrolled, certified }, s);
    expect(r).toMatchObject({
      certifiedCaregivers: carers,
      certifiedTeachers: teachers,
      sharedStaff: shared,
      compliant,
    });
  });
  it('reads 1:3, 1:5, 1:7 from the rule pack', () => {
    expect([s.classRatios.infant, s.classRatios.toddler_small, s.classRatios.toddler_large]).toEqual([
      3, 5, 7,
    ]);
    expect(policy.citations.infant?.docNumber).toBe('国卫人口发〔2019〕58号');
  });
});

describe('rates, hours and pace', () => {
  it('certifiedRate', () => {
    expect(certifiedRate([true, true, false, true])).toEqual({ certified: 3, staff: 4, rate: 0.75 });
    expect(certifiedRate([]).rate).toBeNull();
  });
  it.each([
    [8, '2026-03-01', '2026-03-01', undefined],
    [0, '2026-03-01', '2026-03-01', 'hours_positive'],
    [-2, '2026-03-01', '2026-03-01', 'hours_positive'],
    [25, '2026-03-01', '2026-03-01', 'hours_per_day'],
    [48, '2026-03-01', '2026-03-02', undefined],
    [8, '2026-03-02', '2026-03-01', 'range_reversed'],
  ])('hours %s over %s–%s', (h, s, e, rule) => {
    expect(validateTrainingHours(h, s, e)[0]?.rule).toBe(rule);
  });
  it.each([
    [{ ethics: 0, skills: 0 }, '2026-01-15', 'on_track'],
    [{ ethics: 10, skills: 10 }, '2026-07-01', 'behind'],
    [{ ethics: 20, skills: 36 }, '2026-07-01', 'on_track'],
    [{ ethics: 40, skills: 72 }, '2026-07-01', 'met'],
    [{ ethics: 39, skills: 80 }, '2027-01-05', 'behind'],
  ])('%j on %s', (hours, day, pace) => {
    expect(trainingPace(hours, { ethics: 40, skills: 72 }, 2026, day).pace).toBe(pace);
  });
  it('carries the 35号 numbers over after the plan period, naming it', () => {
    expect(policy.skillsHours).toBe(72);
    expect(policy.ethicsHours).toBe(40);
    expect(policy.professionalTrainings).toBe(6);
    expect(policy.carriedOverFrom).toBe('青府办发〔2021〕35号');
    expect(workforcePolicy('310118', '2022-06-01').carriedOverFrom).toBeNull();
  });
});

describe('directorShortfalls (58号: college diploma or higher, 3 years of management)', () => {
  const rule = workforcePolicy('310118', '2026-06-01').director;
  it('reads the rule from the national pack', () => {
    expect(rule).toEqual({ minEducation: 'college_diploma', minManagementYears: 3 });
  });
  it.each([
    ['college_diploma', 3, []],
    ['master_or_above', 10, []],
    ['secondary_vocational', 3, ['education']],
    ['bachelor', 2, ['management_years']],
    ['bachelor', null, ['management_years']],
    ['senior_high', 0, ['education', 'management_years']],
  ] as const)('%s with %s years → %j', (education, managementYears, expected) => {
    expect(directorShortfalls({ education, managementYears }, rule)).toEqual(expected);
  });
});
