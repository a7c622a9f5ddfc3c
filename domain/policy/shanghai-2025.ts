/**
 * Shanghai's application of the national childcare subsidy (issue 17): children with a Shanghai hukou.
 * From public reports of Shanghai's implementing notice (secondary copies); the notice's number and
 * article were not read: `verified: false`.
 */
import type { PolicyPack } from './types.ts';

export const SHANGHAI_CHILDCARE_SUBSIDY_2025: PolicyPack = {
  id: 'sh-childcare-subsidy-2025',
  level: 'city',
  jurisdiction: '310000',
  title: '上海市贯彻落实育儿补贴制度的实施办法',
  issuer: '上海市卫生健康委员会 上海市财政局 等',
  docNumber: '（名称与文号待核实）',
  effectiveFrom: '2025-01-01',
  sourceNote: 'Public reports (secondary copies); the official notice was not read.',
  values: {
    childcareSubsidy: {
      localHukouOnly: {
        value: true,
        article: '补贴对象（具有本市户籍的3周岁以下婴幼儿）',
        verified: false,
        note: 'From the brief (issue 17) and public reports; not confirmed against the official text.',
      },
    },
  },
};

export const SHANGHAI_2025_PACKS: readonly PolicyPack[] = [SHANGHAI_CHILDCARE_SUBSIDY_2025];
