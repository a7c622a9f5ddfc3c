/**
 * Test builders for the calendar. Every year here is TEST-ONLY and made up: 2031 (fictitious ranges)
 * by default, and a made-up 2027 for the year-boundary test. Never real notice data; the demo does
 * not enter any year (2027's dates are not invented for the demo).
 */
import type { CreateCalendarYearBody } from '../../../domain/contracts/calendar.ts';

/** A consistent made-up year 2031 (fixed-date festivals only, adjusted days on Sundays). */
export function buildCalendarYearInput(
  overrides: Partial<CreateCalendarYearBody> = {},
): CreateCalendarYearBody {
  return {
    year: 2031,
    noticeTitle: '测试用通知（虚构）',
    noticeNumber: '测试〔2030〕1号',
    noticeDate: '2030-11-01',
    holidays: [
      { festival: 'new_year', from: '2031-01-01', to: '2031-01-01' },
      { festival: 'labour_day', from: '2031-05-01', to: '2031-05-05' },
      { festival: 'national_day', from: '2031-10-01', to: '2031-10-07' },
    ],
    workdays: ['2031-04-27', '2031-09-28'],
    ...overrides,
  };
}

/** A made-up 2027 (NOT the State Council's): New Year's Day Friday 1 to Sunday 3 January, nothing else in January. */
export function buildTestYear2027(): CreateCalendarYearBody {
  return buildCalendarYearInput({
    year: 2027,
    noticeDate: '2026-11-20',
    noticeNumber: '测试〔2026〕9号',
    holidays: [
      { festival: 'new_year', from: '2027-01-01', to: '2027-01-03' },
      { festival: 'labour_day', from: '2027-05-01', to: '2027-05-05' },
      { festival: 'national_day', from: '2027-10-01', to: '2027-10-07' },
    ],
    workdays: ['2027-04-25'],
  });
}
