import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SPECIAL_UNITS, type SpecialCheckBody } from '../contracts/supervision-special.ts';
import { specialCheckProblems, specialStatus } from './special.ts';

const A = '00000000-0000-7000-8000-00000000000a';
const B = '00000000-0000-7000-8000-00000000000b';
const I1 = '00000000-0000-7000-8000-000000000101';
const I2 = '00000000-0000-7000-8000-000000000102';
const U = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;

const good: SpecialCheckBody = {
  title: '消防安全专项检查',
  divisionCode: '310118',
  categories: ['fire', 'safety'],
  leadUnit: 'edu',
  units: ['edu', 'fire'],
  startDate: '2026-12-07',
  endDate: '2026-12-18',
  targets: [
    {
      institutionId: I1,
      members: [
        { userId: A, unit: 'edu' },
        { userId: B, unit: 'fire' },
      ],
    },
  ],
};
const rules = (b: SpecialCheckBody, today = '2026-12-05') =>
  specialCheckProblems(b, today).map((p) => `${p.field}:${p.rule}`);

describe('joint special check rules', () => {
  it('a plan with two departments, the lead among them and mixed teams passes', () => {
    expect(rules(good)).toEqual([]);
  });

  it.each<[string, Partial<SpecialCheckBody>, string[]]>([
    [
      'one department',
      { units: ['edu', 'edu'], leadUnit: 'edu' },
      ['units:duplicate', 'units:min_two_departments', 'targets.0.members.1.unit:unit_takes_part'],
    ],
    ['the lead not taking part', { leadUnit: 'market' }, ['leadUnit:lead_takes_part']],
    ['a theme twice', { categories: ['fire', 'fire'] }, ['categories:duplicate']],
    ['ending before it starts', { endDate: '2026-12-06' }, ['endDate:after_start']],
    ['longer than 92 days', { endDate: '2027-03-09' }, ['endDate:max_days']],
    ['already over', { startDate: '2026-11-01', endDate: '2026-11-30' }, ['endDate:not_past']],
    [
      'a team from one department, a member of a department not taking part',
      {
        targets: [
          {
            institutionId: I1,
            members: [
              { userId: A, unit: 'edu' },
              { userId: B, unit: 'market' },
            ],
          },
        ],
      },
      ['targets.0.members.1.unit:unit_takes_part'],
    ],
    [
      'a team of one department',
      {
        targets: [
          {
            institutionId: I1,
            members: [
              { userId: A, unit: 'edu' },
              { userId: B, unit: 'edu' },
            ],
          },
        ],
      },
      ['targets.0.members:min_two_departments'],
    ],
    [
      'the same inspector twice, the same institution twice',
      {
        targets: [
          {
            institutionId: I1,
            members: [
              { userId: A, unit: 'edu' },
              { userId: A, unit: 'fire' },
            ],
          },
          {
            institutionId: I1,
            members: [
              { userId: A, unit: 'edu' },
              { userId: B, unit: 'fire' },
            ],
          },
        ],
      },
      ['targets.0.members.1.userId:duplicate', 'targets.1.institutionId:duplicate'],
    ],
  ])('%s', (_label, change, expected) => {
    expect(rules({ ...good, ...change })).toEqual(expected);
  });

  it('92 days inclusive is allowed, 93 is not', () => {
    expect(rules({ ...good, startDate: '2026-12-07', endDate: '2027-03-08' })).toEqual([]);
    expect(rules({ ...good, startDate: '2026-12-07', endDate: '2027-03-09' })).toEqual(['endDate:max_days']);
  });

  it('property: a plan without problems has ≥ 2 departments and every team spans ≥ 2 of them', () => {
    const unit = fc.constantFrom(...SPECIAL_UNITS.slice(0, 5));
    fc.assert(
      fc.property(
        fc.array(unit, { minLength: 2, maxLength: 4 }),
        unit,
        fc.array(
          fc.array(fc.record({ id: fc.integer({ min: 1, max: 6 }), unit }), { minLength: 2, maxLength: 4 }),
          {
            minLength: 1,
            maxLength: 3,
          },
        ),
        (units, leadUnit, teams) => {
          const body: SpecialCheckBody = {
            ...good,
            units,
            leadUnit,
            targets: teams.map((members, i) => ({
              institutionId: i === 0 ? I1 : i === 1 ? I2 : U(900 + i),
              members: members.map((m) => ({ userId: U(m.id), unit: m.unit })),
            })),
          };
          if (specialCheckProblems(body, '2026-12-05').length > 0) return;
          expect(new Set(units).size).toBeGreaterThanOrEqual(2);
          expect(units).toContain(leadUnit);
          for (const t of body.targets) {
            expect(new Set(t.members.map((m) => m.unit)).size).toBeGreaterThanOrEqual(2);
            expect(new Set(t.members.map((m) => m.userId)).size).toBe(t.members.length);
            for (const m of t.members) expect(units).toContain(m.unit);
          }
        },
      ),
    );
  });

  it('status: planned, in progress, overdue, completed', () => {
    const c = { startDate: '2026-12-07', endDate: '2026-12-18' };
    expect(specialStatus(c, 3, 0, '2026-12-05')).toBe('planned');
    expect(specialStatus(c, 3, 1, '2026-12-10')).toBe('in_progress');
    expect(specialStatus(c, 3, 2, '2026-12-19')).toBe('overdue');
    expect(specialStatus(c, 3, 3, '2026-12-19')).toBe('completed');
    expect(specialStatus(c, 3, 3, '2026-12-10')).toBe('completed');
  });
});
