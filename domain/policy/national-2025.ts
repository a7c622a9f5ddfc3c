/**
 * National rule packs added after the 2021 plan (issue 17): the childcare subsidy (育儿补贴).
 * - 《育儿补贴制度实施方案》, 中共中央办公厅 国务院办公厅, 2025-07-28, in force for children under 3 from
 *   2025-01-01: 3,600 yuan per child per year; children born 2022–2024 get the months before they turn 3.
 * - 《育儿补贴制度管理规范（试行）》, 国家卫生健康委 财政部, 2025-08: the town checks an application within
 *   30 working days; payment yearly, in batches at least quarterly; the months counted from the birth month.
 * Read from public reports (secondary copies), not from the official texts: every value is
 * `verified: false` until checked, as the policy engine does for every pack.
 */
import type { PolicyPack } from './types.ts';

const SECONDARY = 'Public reports of the document (secondary copies); not checked against the official text.';

/** 《育儿补贴制度实施方案》 (2025-07-28; from 2025-01-01). */
export const NATIONAL_CHILDCARE_SUBSIDY_2025: PolicyPack = {
  id: 'cn-childcare-subsidy-2025',
  level: 'national',
  jurisdiction: '000000',
  title: '育儿补贴制度实施方案',
  issuer: '中共中央办公厅 国务院办公厅',
  docNumber: '（文号待核实）',
  effectiveFrom: '2025-01-01',
  sourceNote: SECONDARY,
  values: {
    childcareSubsidy: {
      yuanPerYear: {
        value: 3600,
        article: '补贴标准（每孩每年3600元，按年发放）',
        verified: false,
        note: SECONDARY,
      },
      firstMonth: {
        value: '2025-01-01',
        article: '实施时间（自2025年1月1日起；2022–2024年出生的按应补贴月数折算）',
        verified: false,
        note: SECONDARY,
      },
      monthsOfLife: {
        value: 36,
        article: '补贴对象（3周岁以下婴幼儿）',
        verified: false,
        note:
          'Read as: from the birth month up to the month before the third birthday month (36 months, 3 × 3,600 yuan). ' +
          SECONDARY,
      },
      localHukouOnly: {
        value: false,
        article: '补贴对象（符合法律法规规定生育的3周岁以下婴幼儿）',
        verified: false,
        note: 'The national scheme names no hukou condition; a city may (Shanghai pack).',
      },
    },
  },
};

/** 《育儿补贴制度管理规范（试行）》 (国家卫生健康委 财政部, 2025-08). */
export const NATIONAL_CHILDCARE_SUBSIDY_NORMS_2025: PolicyPack = {
  id: 'cn-childcare-subsidy-norms-2025',
  level: 'national',
  jurisdiction: '000000',
  title: '育儿补贴制度管理规范（试行）',
  issuer: '国家卫生健康委员会 财政部',
  docNumber: '（文号待核实）',
  effectiveFrom: '2025-08-01',
  sourceNote: SECONDARY,
  values: {
    childcareSubsidy: {
      reviewWorkingDays: {
        value: 30,
        article: '审核（户籍所在地乡镇（街道）30个工作日内完成审核）',
        verified: false,
        note: SECONDARY,
      },
      minBatchesPerYear: {
        value: 4,
        article: '发放（按年发放，可分批次，原则上至少按季度）',
        verified: false,
        note: SECONDARY,
      },
      // Yearly renewal (年度复核 / 续领 / 信息核验): GAP. A search of stored public pages and documentation
      // (2026-12-06, queries 「育儿补贴制度管理规范 年度 复核 续领 信息核验」 and 「育儿补贴 管理规范 年度 信息核验
      // 停发 上海 续领」) found no text of this norm or of Shanghai's implementation on renewal: who renews, by
      // when, and what is checked are unknown. No value is carried here; the renewal in
      // domain/subsidy/renewal.ts is a local choice (the town confirms each approved child once a year; ADR 0027).
    },
  },
};

export const NATIONAL_2025_PACKS: readonly PolicyPack[] = [
  NATIONAL_CHILDCARE_SUBSIDY_2025,
  NATIONAL_CHILDCARE_SUBSIDY_NORMS_2025,
];
