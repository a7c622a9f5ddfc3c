/**
 * Shanghai (310000) rule packs.
 * - 《上海市学前教育与托育服务条例》, in force 2023-01-01 (上海市人大常委会).
 * - 《上海市托育机构管理办法》, 沪教委规〔2024〕4号, in force 2024-02-09; replaced the 2018 rules.
 * The official texts were not read while writing this file: values carry `verified: false`.
 */
import type { PolicyPack } from './types.ts';

/** 《上海市学前教育与托育服务条例》 (2023-01-01): kindergarten toddler classes take 2–3-year-olds, ≤ 20 a class. */
export const SHANGHAI_REGULATION_2023: PolicyPack = {
  id: 'sh-preschool-childcare-regulation-2023',
  level: 'city',
  jurisdiction: '310000',
  title: '上海市学前教育与托育服务条例',
  issuer: '上海市人民代表大会常务委员会',
  docNumber: '上海市人大常委会公告（文号待核实）',
  effectiveFrom: '2023-01-01',
  values: {
    classAgeBands: {
      kindergarten_toddler: {
        value: { minMonths: 24, maxMonths: 36 },
        article: '托育服务章（幼儿园开设托班，招收2至3周岁幼儿）',
        verified: false,
        note: 'From docs/DOMAIN.md; article not confirmed against the official text.',
      },
    },
    classCaps: {
      kindergarten_toddler: {
        value: 20,
        article: '托班班额（每班不超过20人）',
        verified: false,
        note: 'Cap of 20 taken from the brief; may come from the implementing measures rather than the regulation itself.',
      },
    },
  },
};

/** 沪教委规〔2024〕4号 《上海市托育机构管理办法》 (2024-02-09): CCTV retention ≥ 90 days. */
export const SHANGHAI_MEASURES_2024: PolicyPack = {
  id: 'sh-jwg-2024-4',
  level: 'city',
  jurisdiction: '310000',
  title: '上海市托育机构管理办法',
  issuer: '上海市教育委员会 等',
  docNumber: '沪教委规〔2024〕4号',
  effectiveFrom: '2024-02-09',
  values: {
    care: {
      cctvRetentionDays: {
        value: 90,
        article: '安全管理（监控录像保存不少于90日）',
        verified: false,
        note: 'Same as the national value; article not confirmed.',
      },
    },
  },
};

/** All Shanghai packs, oldest first. */
export const SHANGHAI_PACKS: readonly PolicyPack[] = [SHANGHAI_REGULATION_2023, SHANGHAI_MEASURES_2024];
