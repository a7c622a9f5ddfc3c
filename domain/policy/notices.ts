/**
 * What the resolver cannot show on a date, said plainly: documents known to have been in force that are
 * not entered as packs (gaps), and city or district packs whose period has ended with no later pack of
 * the same level in force (lapsed). The rules page and anything else that shows resolved values list
 * these beside the values, so a value that falls back to a national rule never looks like the local one.
 */
import { ALL_PACKS, cityOf } from './resolve.ts';
import type { PolicyGroup, PolicyPack } from './types.ts';

/** A document known to have been in force for a jurisdiction that no shipped pack holds. */
export interface PolicyGap {
  id: string;
  level: PolicyPack['level'];
  jurisdiction: string;
  title: string;
  issuer: string;
  docNumber: string;
  /** First and last day the document is known to have applied (inclusive). */
  from: string;
  to: string;
  /** Value groups the document covered: in this period these resolve to a national value instead. */
  groups: readonly PolicyGroup[];
  /** What is known and what is not, in Chinese and English. */
  zh: string;
  en: string;
}

/**
 * Shanghai's 2018 rules (the "1+2" documents: 指导意见, 管理暂行办法 and 设置标准（试行）) applied to
 * childcare institutions until 沪教委规〔2024〕4号 replaced them on 2024-02-09. Their values are not
 * entered: the official texts were not available to check, and a remembered number is worse than none.
 */
export const SHANGHAI_2018_GAP: PolicyGap = {
  id: 'sh-2018-childcare-rules',
  level: 'city',
  jurisdiction: '310000',
  title: '上海市3岁以下幼儿托育机构管理暂行办法；上海市3岁以下幼儿托育机构设置标准（试行）',
  issuer: '上海市人民政府办公厅',
  docNumber: '沪府办规〔2018〕12号 等',
  from: '2018-04-28',
  to: '2024-02-08',
  groups: ['classCaps', 'classRatios', 'classAgeBands', 'care'],
  zh:
    '上海市 2018 年托育机构管理暂行办法及设置标准（试行）在此期间适用，但其数值尚未录入规则包（未能核对官方文本）。' +
    '本期间的班额、师生比、年龄段和保育要求按国家标准（国卫人口发〔2019〕58号）显示；上海的不同规定以原文为准。' +
    '起始日为印发日（2018-04-28），施行日待核实。',
  en:
    "Shanghai's 2018 interim measures and setting standards for childcare institutions applied in this period, " +
    'but their values are not entered (the official texts could not be checked). Class sizes, ratios, age bands ' +
    'and care rules for this period are shown from the national standards (国卫人口发〔2019〕58号); where ' +
    "Shanghai's rules differed, the original text prevails. The start is the issue date (2018-04-28); the " +
    'date it took effect is not confirmed.',
};

/** Every known gap. */
export const KNOWN_GAPS: readonly PolicyGap[] = [SHANGHAI_2018_GAP];

/** A city or district pack that has ended with nothing of its level in force after it. */
export interface LapsedPack {
  packId: string;
  level: PolicyPack['level'];
  title: string;
  docNumber: string;
  effectiveTo: string;
  /** Value groups it set: no local value of these is in force now. */
  groups: PolicyGroup[];
}

export interface PolicyNotices {
  gaps: PolicyGap[];
  lapsed: LapsedPack[];
}

function appliesTo(level: PolicyPack['level'], jurisdiction: string, districtCode: string): boolean {
  if (level === 'national') return true;
  if (level === 'city') return jurisdiction === cityOf(districtCode);
  return jurisdiction === districtCode;
}

/**
 * The gaps and lapsed packs for `districtCode` on `onDate` (YYYY-MM-DD; the caller has checked it).
 * Lapsed: among the packs of one level and jurisdiction, the one that ended last, when it ended before
 * `onDate` and no pack of that level and jurisdiction is in force on `onDate`.
 */
export function policyNotices(
  districtCode: string,
  onDate: string,
  packs: readonly PolicyPack[] = ALL_PACKS,
  gaps: readonly PolicyGap[] = KNOWN_GAPS,
): PolicyNotices {
  const inGap = gaps.filter(
    (g) => appliesTo(g.level, g.jurisdiction, districtCode) && g.from <= onDate && onDate <= g.to,
  );
  const local = packs.filter(
    (p) => p.level !== 'national' && appliesTo(p.level, p.jurisdiction, districtCode),
  );
  const lapsed: LapsedPack[] = [];
  for (const level of ['city', 'district'] as const) {
    const mine = local.filter((p) => p.level === level && p.effectiveFrom <= onDate);
    if (mine.some((p) => p.effectiveTo === undefined || onDate <= p.effectiveTo)) continue;
    const last = mine
      .filter((p): p is PolicyPack & { effectiveTo: string } => p.effectiveTo !== undefined)
      .sort((a, b) => (a.effectiveTo < b.effectiveTo ? 1 : a.effectiveTo > b.effectiveTo ? -1 : 0))[0];
    if (!last) continue;
    lapsed.push({
      packId: last.id,
      level,
      title: last.title,
      docNumber: last.docNumber,
      effectiveTo: last.effectiveTo,
      groups: Object.keys(last.values) as PolicyGroup[],
    });
  }
  return { gaps: inGap, lapsed };
}
