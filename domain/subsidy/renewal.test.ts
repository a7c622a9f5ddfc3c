import { describe, expect, it } from 'vitest';
import { needsRenewal, payableInYear, renewalsDue } from './renewal.ts';

const V = { yuanPerYear: 3600, firstMonth: '2025-01-01', monthsOfLife: 36 };

describe('needs a renewal for a year', () => {
  it.each([
    // [case, status, approvedAt, child, year, needs]
    [
      'approved 2025, child due all 2026',
      'approved',
      '2025-05-10T08:00:00Z',
      { birthDate: '2024-06-10' },
      2026,
      true,
    ],
    [
      'approved in the year itself: no',
      'approved',
      '2026-02-01T08:00:00Z',
      { birthDate: '2024-06-10' },
      2026,
      false,
    ],
    ['approved after the year: no', 'approved', '2027-01-03', { birthDate: '2024-06-10' }, 2026, false],
    [
      'turns 3 in 2027-06: Jan–May 2027 due, yes',
      'approved',
      '2025-05-10',
      { birthDate: '2024-06-10' },
      2027,
      true,
    ],
    [
      'turned 3 in 2028-01: nothing due in 2028',
      'approved',
      '2025-05-10',
      { birthDate: '2025-01-15' },
      2028,
      false,
    ],
    ['turns 3 2028-02: January 2028 due', 'approved', '2025-05-10', { birthDate: '2025-02-01' }, 2028, true],
    ['stopped: no', 'stopped', '2025-05-10', { birthDate: '2024-06-10' }, 2026, false],
    ['rejected: no', 'rejected', null, { birthDate: '2024-06-10' }, 2026, false],
    ['pending review: no', 'pending', null, { birthDate: '2024-06-10' }, 2026, false],
    ['approved, no approval time: no', 'approved', null, { birthDate: '2024-06-10' }, 2026, false],
    [
      'ended (hukou moved out 2025-11): nothing in 2026',
      'approved',
      '2025-05-10',
      { birthDate: '2024-06-10', endsOn: '2025-11-03' },
      2026,
      false,
    ],
    [
      'ends 2026-03 (death): Jan–Feb 2026 due, yes',
      'approved',
      '2025-05-10',
      { birthDate: '2024-06-10', endsOn: '2026-03-03' },
      2026,
      true,
    ],
  ] as const)('%s', (_c, status, approvedAt, child, year, needs) => {
    expect(needsRenewal({ id: 'a', status, approvedAt, child }, V, year)).toBe(needs);
  });

  it('filters a list keeping its order', () => {
    const apps = [
      { id: '1', status: 'approved', approvedAt: '2025-03-01', child: { birthDate: '2024-06-10' } },
      { id: '2', status: 'approved', approvedAt: '2026-03-01', child: { birthDate: '2024-06-10' } },
      { id: '3', status: 'approved', approvedAt: '2025-04-01', child: { birthDate: '2025-01-10' } },
    ];
    expect(renewalsDue(apps, V, 2026).map((a) => a.id)).toEqual(['1', '3']);
  });
});

describe('payable in the year', () => {
  it.each([
    ['approved in the year, no renewal', '2026-04-01', null, 2026, true],
    ['approved before, renewal confirmed', '2025-04-01', 'confirmed', 2026, true],
    ['approved before, renewal open', '2025-04-01', 'open', 2026, false],
    ['approved before, renewal stopped', '2025-04-01', 'stopped', 2026, false],
    ['approved before, no renewal opened', '2025-04-01', null, 2026, false],
    // Back pay: approved in 2027 for a child due in 2026 — the approval checked the child.
    ['approved after the year (back pay)', '2027-01-02', null, 2026, true],
    ['not approved', null, null, 2026, false],
  ] as const)('%s', (_c, approvedAt, renewal, year, ok) => {
    expect(payableInYear(approvedAt, renewal, year)).toBe(ok);
  });
});
