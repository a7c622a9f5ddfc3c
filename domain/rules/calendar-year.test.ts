import { describe, expect, it } from 'vitest';
import { CN_HOLIDAY_YEARS } from '../policy/holidays-cn.ts';
import {
  type CalendarYearInput,
  calendarEnd,
  checkCalendarYear,
  diffYears,
  sameYear,
} from './calendar-year.ts';

// A fictitious year (2031) with made-up ranges: never real notice data.
const base: CalendarYearInput = {
  year: 2031,
  holidays: [
    { festival: 'new_year', from: '2031-01-01', to: '2031-01-01' },
    { festival: 'labour_day', from: '2031-05-01', to: '2031-05-05' },
    { festival: 'national_day', from: '2031-10-01', to: '2031-10-07' },
  ],
  workdays: ['2031-04-27', '2031-09-28'], // Sundays
};
const rules = (input: CalendarYearInput) => {
  const r = checkCalendarYear(input);
  return {
    errors: r.errors.map((e) => [e.field, e.rule]),
    warnings: r.warnings.map((w) => [w.field, w.rule]),
  };
};
const withHolidays = (...h: CalendarYearInput['holidays']) => ({ ...base, holidays: h });

describe('checkCalendarYear', () => {
  it('accepts a consistent year (fixed-date festivals are always checkable)', () => {
    expect(rules(base)).toEqual({ errors: [], warnings: [] });
  });

  it.each<[string, CalendarYearInput, [string, string][]]>([
    [
      'malformed date',
      withHolidays({ festival: 'labour_day', from: '2031-02-30', to: '2031-05-05' }),
      [['holidays.0.from', 'date.malformed']],
    ],
    [
      'reversed range',
      withHolidays({ festival: 'labour_day', from: '2031-05-05', to: '2031-05-01' }),
      [['holidays.0.to', 'date.range_reversed']],
    ],
    [
      'range after the year',
      withHolidays({ festival: 'national_day', from: '2031-12-31', to: '2032-01-02' }),
      [['holidays.0.to', 'calendar.outside_year']],
    ],
    [
      'range in the year before',
      withHolidays({ festival: 'labour_day', from: '2030-05-01', to: '2030-05-02' }),
      [
        ['holidays.0.from', 'calendar.outside_year'],
        ['holidays.0.to', 'calendar.outside_year'],
      ],
    ],
    [
      'New Year range starting 4 days early',
      withHolidays({ festival: 'new_year', from: '2030-12-28', to: '2031-01-01' }),
      [['holidays.0.from', 'calendar.outside_year']],
    ],
    [
      'New Year range wholly in the year before',
      withHolidays({ festival: 'new_year', from: '2030-12-30', to: '2030-12-31' }),
      [['holidays.0.to', 'calendar.outside_year']],
    ],
    [
      'overlapping ranges',
      withHolidays(
        { festival: 'labour_day', from: '2031-05-01', to: '2031-05-05' },
        { festival: 'national_day', from: '2031-05-05', to: '2031-05-06' },
      ),
      [['holidays.1.from', 'calendar.ranges_overlap']],
    ],
    [
      'adjusted day on a weekday',
      { ...base, workdays: ['2031-04-28'] },
      [['workdays.0', 'calendar.workday_not_weekend']],
    ],
    [
      'adjusted day inside a holiday range',
      { ...base, workdays: ['2031-05-03'] },
      [['workdays.0', 'calendar.workday_in_holiday']],
    ],
    [
      'adjusted day outside the year',
      { ...base, workdays: ['2032-01-03'] },
      [['workdays.0', 'calendar.outside_year']],
    ],
    [
      'adjusted day repeated',
      { ...base, workdays: ['2031-04-27', '2031-04-27'] },
      [['workdays.1', 'calendar.workday_duplicate']],
    ],
    ['adjusted day malformed', { ...base, workdays: ['2031-4-27'] }, [['workdays.0', 'date.malformed']]],
  ])('%s → error', (_name, input, expected) => {
    expect(rules(input).errors).toEqual(expected);
  });

  it('lets a New Year range start up to 3 days before 1 January (as 2023’s did)', () => {
    expect(
      rules(withHolidays({ festival: 'new_year', from: '2030-12-29', to: '2031-01-01' })).errors,
    ).toEqual([]);
  });

  it.each<[string, CalendarYearInput, [string, string][]]>([
    [
      'fixed festival missed',
      withHolidays({ festival: 'national_day', from: '2031-10-02', to: '2031-10-07' }),
      [['holidays.0.festival', 'calendar.festival_not_covered']],
    ],
    [
      'lunar festival in a year without a table',
      withHolidays({ festival: 'spring_festival', from: '2031-01-22', to: '2031-01-28' }),
      [['holidays.0.festival', 'calendar.festival_unchecked']],
    ],
    [
      'lunar festival missed in a known year',
      {
        year: 2028,
        holidays: [{ festival: 'dragon_boat', from: '2028-06-01', to: '2028-06-03' }],
        workdays: [],
      },
      [['holidays.0.festival', 'calendar.festival_not_covered']],
    ],
    [
      'combined range must cover both festivals',
      {
        year: 2028,
        holidays: [{ festival: 'mid_autumn_national_day', from: '2028-10-01', to: '2028-10-02' }],
        workdays: [],
      },
      [['holidays.0.festival', 'calendar.festival_not_covered']],
    ],
  ])('%s → warning, not error', (_name, input, expected) => {
    const r = rules(input);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual(expected);
  });

  it('says when the festival table of the year is unverified', () => {
    const r = checkCalendarYear({
      year: 2028,
      holidays: [{ festival: 'dragon_boat', from: '2028-06-01', to: '2028-06-03' }],
      workdays: [],
    });
    expect(r.warnings[0]!.message_en).toContain('2028-05-28');
    expect(r.warnings[0]!.message_en).toContain('unverified');
  });

  it('the shipped years pass the date checks (their ranges do not overlap, adjusted days are weekend days)', () => {
    for (const y of CN_HOLIDAY_YEARS) {
      const input: CalendarYearInput = {
        year: y.year,
        holidays: y.holidays.map(([from, to]) => ({
          festival: from.endsWith('01-01') || from.slice(0, 4) < String(y.year) ? 'new_year' : 'labour_day',
          from,
          to,
        })),
        workdays: y.workdays,
      };
      expect(checkCalendarYear(input).errors).toEqual([]);
    }
  });
});

describe('diffYears', () => {
  const shipped = { holidays: [['2031-05-01', '2031-05-05']] as const, workdays: ['2031-04-27'] };
  it('finds no difference between equal day sets written differently', () => {
    const local = {
      holidays: [
        ['2031-05-01', '2031-05-02'],
        ['2031-05-03', '2031-05-05'],
      ] as const,
      workdays: ['2031-04-27'],
    };
    expect(sameYear(diffYears(shipped, local))).toBe(true);
  });
  it('lists the days only one side has', () => {
    const local = { holidays: [['2031-05-01', '2031-05-04']] as const, workdays: ['2031-05-10'] };
    expect(diffYears(shipped, local)).toEqual({
      holidaysOnlyShipped: ['2031-05-05'],
      holidaysOnlyLocal: [],
      workdaysOnlyShipped: ['2031-04-27'],
      workdaysOnlyLocal: ['2031-05-10'],
    });
  });
});

describe('calendarEnd', () => {
  it.each<[number[], string | null]>([
    [[2021, 2022, 2023], '2023-12-31'],
    [[2021, 2022, 2024], '2022-12-31'],
    [[2026, 2021, 2022, 2023, 2024, 2025, 2027], '2027-12-31'],
    [[], null],
  ])('%j → %s', (years, end) => {
    expect(calendarEnd(years)).toBe(end);
  });
});
