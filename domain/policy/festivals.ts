/**
 * The statutory festivals of 《全国年节及纪念日放假办法》 and the Gregorian date each falls on, per year,
 * for the holiday-notice check in domain/rules/calendar-year.ts ("a holiday range covers the named
 * festival's usual date" — a warning, never an error).
 *
 * Fixed-date festivals need no table. The lunar ones (春节 = 正月初一, 端午 = 五月初五, 中秋 = 八月十五)
 * and 清明 (the solar term: the sun at ecliptic longitude 15°) do.
 * - 2021–2026: `verified` — every date lies inside the range the State Council's notice of that year
 *   gave the festival (domain/policy/holidays-cn.ts; the test checks it), and the lunar dates agree
 *   with ICU's Chinese calendar (Intl, `ca-chinese`; the test checks that too).
 * - 2027–2030: NOT verified. Taken from published lunar-calendar tables (Hong Kong Observatory style)
 *   as remembered while writing; not checked against an official source in this session. ICU's
 *   Chinese calendar disagrees for 春节 2027 (ICU: 02-07) and 2030 (ICU: 02-02): in both years the
 *   new moon falls within minutes of Beijing midnight, where ICU's low-precision astronomy is
 *   known to slip. The check's warning says when a year's date is unverified.
 * Years not listed: the check says it cannot check the festival's date.
 */

export const FESTIVALS = [
  'new_year',
  'spring_festival',
  'qingming',
  'labour_day',
  'dragon_boat',
  'mid_autumn',
  'national_day',
  'mid_autumn_national_day',
] as const;
export type Festival = (typeof FESTIVALS)[number];

/** Names as the notices write them. */
export const FESTIVAL_LABELS: Record<Festival, { zh: string; en: string }> = {
  new_year: { zh: '元旦', en: "New Year's Day" },
  spring_festival: { zh: '春节', en: 'Spring Festival' },
  qingming: { zh: '清明节', en: 'Qingming Festival' },
  labour_day: { zh: '劳动节', en: 'Labour Day' },
  dragon_boat: { zh: '端午节', en: 'Dragon Boat Festival' },
  mid_autumn: { zh: '中秋节', en: 'Mid-Autumn Festival' },
  national_day: { zh: '国庆节', en: 'National Day' },
  mid_autumn_national_day: { zh: '中秋节、国庆节', en: 'Mid-Autumn Festival and National Day' },
};

interface LunarYear {
  spring: string;
  qingming: string;
  dragonBoat: string;
  midAutumn: string;
  verified: boolean;
}

/** Gregorian dates of the movable festivals. */
export const MOVABLE_FESTIVALS: Readonly<Record<number, LunarYear>> = {
  2021: {
    spring: '2021-02-12',
    qingming: '2021-04-04',
    dragonBoat: '2021-06-14',
    midAutumn: '2021-09-21',
    verified: true,
  },
  2022: {
    spring: '2022-02-01',
    qingming: '2022-04-05',
    dragonBoat: '2022-06-03',
    midAutumn: '2022-09-10',
    verified: true,
  },
  2023: {
    spring: '2023-01-22',
    qingming: '2023-04-05',
    dragonBoat: '2023-06-22',
    midAutumn: '2023-09-29',
    verified: true,
  },
  2024: {
    spring: '2024-02-10',
    qingming: '2024-04-04',
    dragonBoat: '2024-06-10',
    midAutumn: '2024-09-17',
    verified: true,
  },
  2025: {
    spring: '2025-01-29',
    qingming: '2025-04-04',
    dragonBoat: '2025-05-31',
    midAutumn: '2025-10-06',
    verified: true,
  },
  2026: {
    spring: '2026-02-17',
    qingming: '2026-04-05',
    dragonBoat: '2026-06-19',
    midAutumn: '2026-09-25',
    verified: true,
  },
  2027: {
    spring: '2027-02-06',
    qingming: '2027-04-05',
    dragonBoat: '2027-06-09',
    midAutumn: '2027-09-15',
    verified: false,
  },
  2028: {
    spring: '2028-01-26',
    qingming: '2028-04-04',
    dragonBoat: '2028-05-28',
    midAutumn: '2028-10-03',
    verified: false,
  },
  2029: {
    spring: '2029-02-13',
    qingming: '2029-04-04',
    dragonBoat: '2029-06-16',
    midAutumn: '2029-09-22',
    verified: false,
  },
  2030: {
    spring: '2030-02-03',
    qingming: '2030-04-05',
    dragonBoat: '2030-06-05',
    midAutumn: '2030-09-12',
    verified: false,
  },
};

/**
 * The dates a festival's holiday range should cover in a year (all of them: a combined 中秋+国庆 range
 * covers both), or null when the table does not know the year.
 */
export function festivalDates(
  festival: Festival,
  year: number,
): { dates: string[]; verified: boolean } | null {
  const y = String(year).padStart(4, '0');
  switch (festival) {
    case 'new_year':
      return { dates: [`${y}-01-01`], verified: true };
    case 'labour_day':
      return { dates: [`${y}-05-01`], verified: true };
    case 'national_day':
      return { dates: [`${y}-10-01`], verified: true };
    default: {
      const m = MOVABLE_FESTIVALS[year];
      if (!m) return null;
      const dates =
        festival === 'spring_festival'
          ? [m.spring]
          : festival === 'qingming'
            ? [m.qingming]
            : festival === 'dragon_boat'
              ? [m.dragonBoat]
              : festival === 'mid_autumn'
                ? [m.midAutumn]
                : [m.midAutumn, `${y}-10-01`];
      return { dates, verified: m.verified };
    }
  }
}
