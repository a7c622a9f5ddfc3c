/**
 * Shanghai's community childcare 宝宝屋 (社区托育"宝宝屋", issue 17): each child gets free hours a year at a
 * community site, then an hourly price under a cap.
 *
 * Source: public news reports on Shanghai's community 宝宝屋 — the pilot in 静安区江宁路街道 (2022) and the
 * 2023 Shanghai municipal government practical project (市政府实事项目) that rolled the sites out to the towns
 * and streets; the city's own notice (its name, number and article) was not read. The reports speak of at
 * least 12 free care sessions (次) a year for a family with a child aged 1–3; the numbers below (12 free
 * hours per child per calendar year, at most 100 yuan an hour after them) are the brief's (issue 17) reading
 * and are not confirmed against an official text: `verified: false`.
 */
import type { PolicyPack } from './types.ts';

export const SHANGHAI_BAOBAOWU_2023: PolicyPack = {
  id: 'sh-baobaowu-2023',
  level: 'city',
  jurisdiction: '310000',
  title: '上海市社区托育“宝宝屋”建设（市政府实事项目）',
  issuer: '上海市教育委员会 等',
  docNumber: '（名称与文号待核实）',
  effectiveFrom: '2023-01-01',
  sourceNote:
    'Public news reports on the 2023 Shanghai municipal practical project and the 2022 江宁路街道 pilot (secondary copies); the official notice was not read.',
  values: {
    baobaowu: {
      freeHoursPerChildPerYear: {
        value: 12,
        article: '免费照护服务（每名幼儿每年）',
        verified: false,
        note: 'Reports say "不少于12次" free care a year; read here as 12 free hours per child per calendar year (the brief, issue 17). Not confirmed.',
      },
      maxYuanPerHour: {
        value: 100,
        article: '收费（免费时数以外，按小时）',
        verified: false,
        note: 'At most 100 yuan an hour after the free hours (the brief, issue 17); not confirmed against an official text.',
      },
    },
  },
};

export const SHANGHAI_BAOBAOWU_PACKS: readonly PolicyPack[] = [SHANGHAI_BAOBAOWU_2023];
