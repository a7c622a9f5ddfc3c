import { describe, expect, it } from 'vitest';
import { ageInMonths } from './age.ts';

describe('ageInMonths (completed months, month-end clamping)', () => {
  it.each([
    ['2023-01-15', '2023-01-15', 0],
    ['2023-01-15', '2023-02-14', 0],
    ['2023-01-15', '2023-02-15', 1],
    ['2023-01-31', '2023-02-27', 0],
    ['2023-01-31', '2023-02-28', 1],
    ['2024-01-31', '2024-02-28', 0],
    ['2024-01-31', '2024-02-29', 1],
    ['2023-01-31', '2023-03-30', 1],
    ['2023-01-31', '2023-03-31', 2],
    ['2023-01-31', '2023-04-30', 3],
    ['2024-02-29', '2025-02-27', 11],
    ['2024-02-29', '2025-02-28', 12],
    ['2024-02-29', '2028-02-29', 48],
    ['2022-06-10', '2024-06-09', 23],
    ['2022-06-10', '2024-06-10', 24],
    ['2021-12-31', '2022-01-31', 1],
  ])('born %s, on %s → %i', (birth, on, months) => {
    expect(ageInMonths(birth, on)).toEqual({ ok: true, months });
  });

  it.each([
    ['2023-02-29', '2024-01-01', 'date.malformed', 'birthDate'],
    ['2023-01-01', '2024-13-01', 'date.malformed', 'onDate'],
    ['2024-01-02', '2024-01-01', 'age.before_birth', 'birthDate'],
  ])('born %s, on %s → %s', (birth, on, reason, field) => {
    expect(ageInMonths(birth, on)).toMatchObject({ ok: false, reason, field });
  });
});
