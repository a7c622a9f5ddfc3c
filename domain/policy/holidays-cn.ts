/**
 * Mainland China public holidays and adjusted working days (调休), per year, as published each year by
 * the General Office of the State Council (国务院办公厅关于XXXX年部分节假日安排的通知).
 * Working days = Monday–Friday, minus `holidays`, plus `workdays` (weekend days that are working days).
 * Years not listed are outside the calendar: workdays.ts answers `workdays.outside_calendar`, never a guess.
 * Dates were checked against copies of the notices (gov.cn / beijing.gov.cn / 人民日报 / Wikisource
 * reprints of the State Council Gazette) while writing this file.
 */

/** One year's notice. `holidays` are inclusive [from, to] ranges; `workdays` are single dates. */
export interface HolidayYear {
  year: number;
  notice: string;
  issued: string;
  verified: boolean;
  note?: string;
  holidays: readonly (readonly [string, string])[];
  workdays: readonly string[];
}

/** Notices for 2021–2026. */
export const CN_HOLIDAY_YEARS: readonly HolidayYear[] = [
  {
    year: 2021,
    notice: '国办发明电〔2020〕27号',
    issued: '2020-11-25',
    verified: true,
    holidays: [
      ['2021-01-01', '2021-01-03'],
      ['2021-02-11', '2021-02-17'],
      ['2021-04-03', '2021-04-05'],
      ['2021-05-01', '2021-05-05'],
      ['2021-06-12', '2021-06-14'],
      ['2021-09-19', '2021-09-21'],
      ['2021-10-01', '2021-10-07'],
    ],
    workdays: [
      '2021-02-07',
      '2021-02-20',
      '2021-04-25',
      '2021-05-08',
      '2021-09-18',
      '2021-09-26',
      '2021-10-09',
    ],
  },
  {
    year: 2022,
    notice: '国办发明电〔2021〕11号',
    issued: '2021-10-25',
    verified: true,
    holidays: [
      ['2022-01-01', '2022-01-03'],
      ['2022-01-31', '2022-02-06'],
      ['2022-04-03', '2022-04-05'],
      ['2022-04-30', '2022-05-04'],
      ['2022-06-03', '2022-06-05'],
      ['2022-09-10', '2022-09-12'],
      ['2022-10-01', '2022-10-07'],
    ],
    workdays: [
      '2022-01-29',
      '2022-01-30',
      '2022-04-02',
      '2022-04-24',
      '2022-05-07',
      '2022-10-08',
      '2022-10-09',
    ],
  },
  {
    year: 2023,
    notice: '国办发明电〔2022〕16号',
    issued: '2022-12-08',
    verified: true,
    holidays: [
      ['2022-12-31', '2023-01-02'],
      ['2023-01-21', '2023-01-27'],
      ['2023-04-05', '2023-04-05'],
      ['2023-04-29', '2023-05-03'],
      ['2023-06-22', '2023-06-24'],
      ['2023-09-29', '2023-10-06'],
    ],
    workdays: [
      '2023-01-28',
      '2023-01-29',
      '2023-04-23',
      '2023-05-06',
      '2023-06-25',
      '2023-10-07',
      '2023-10-08',
    ],
  },
  {
    year: 2024,
    notice: '国办发明电〔2023〕7号',
    issued: '2023-10-25',
    verified: true,
    note: '除夕 2024-02-09 is not a public holiday (employers encouraged to give leave): treated as a working day.',
    holidays: [
      ['2024-01-01', '2024-01-01'],
      ['2024-02-10', '2024-02-17'],
      ['2024-04-04', '2024-04-06'],
      ['2024-05-01', '2024-05-05'],
      ['2024-06-10', '2024-06-10'],
      ['2024-09-15', '2024-09-17'],
      ['2024-10-01', '2024-10-07'],
    ],
    workdays: [
      '2024-02-04',
      '2024-02-18',
      '2024-04-07',
      '2024-04-28',
      '2024-05-11',
      '2024-09-14',
      '2024-09-29',
      '2024-10-12',
    ],
  },
  {
    year: 2025,
    notice: '国办发明电〔2024〕12号',
    issued: '2024-11-12',
    verified: true,
    note: 'First year under the 2024 amendment of 《全国年节及纪念日放假办法》 (除夕 and 5-02 added).',
    holidays: [
      ['2025-01-01', '2025-01-01'],
      ['2025-01-28', '2025-02-04'],
      ['2025-04-04', '2025-04-06'],
      ['2025-05-01', '2025-05-05'],
      ['2025-05-31', '2025-06-02'],
      ['2025-10-01', '2025-10-08'],
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  {
    year: 2026,
    notice: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日发布；文号待核实）',
    issued: '2025-11-04',
    verified: false,
    note: 'Dates checked against Xinhua reprints of the notice; the 国办发明电 number was not seen.',
    holidays: [
      ['2026-01-01', '2026-01-03'],
      ['2026-02-15', '2026-02-23'],
      ['2026-04-04', '2026-04-06'],
      ['2026-05-01', '2026-05-05'],
      ['2026-06-19', '2026-06-21'],
      ['2026-09-25', '2026-09-27'],
      ['2026-10-01', '2026-10-07'],
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
];
