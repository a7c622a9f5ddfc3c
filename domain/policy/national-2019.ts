/**
 * National rule packs.
 * - 国卫人口发〔2019〕58号: 《托育机构设置标准（试行）》 and 《托育机构管理规范（试行）》.
 * - 国卫办人口发〔2019〕25号: 《托育机构登记和备案办法（试行）》.
 * - 《家庭托育点管理办法（试行）》 (2023).
 * - 《国民经济和社会发展第十四个五年规划和2035年远景目标纲要》: 4.5 places per 1,000 population by 2025.
 *
 * Verification: the official texts were not read while writing this file. Values were cross-checked in
 * several secondary public copies (news reports of the documents; docs/DOMAIN.md). They therefore carry
 * `verified: false`; article numbers are given at chapter level where the exact article is not confirmed.
 */
import type { PolicyPack } from './types.ts';

const SECONDARY = 'Value matches several secondary public copies; official text and article number not read.';

/** 国卫人口发〔2019〕58号 设置标准/管理规范 (class caps, ratios, outdoor time, CCTV, director). */
export const NATIONAL_2019_STANDARDS: PolicyPack = {
  id: 'cn-nhc-2019-58',
  level: 'national',
  jurisdiction: '000000',
  title: '托育机构设置标准（试行）；托育机构管理规范（试行）',
  issuer: '国家卫生健康委员会',
  docNumber: '国卫人口发〔2019〕58号',
  effectiveFrom: '2019-10-08',
  sourceNote: 'Issue date 2019-10-08 from memory of the notice; not confirmed against the official text.',
  values: {
    classCaps: {
      infant: {
        value: 10,
        article: '设置标准 第二章 设置要求（班型：乳儿班6–12个月，10人以下）',
        verified: false,
        note: SECONDARY,
      },
      toddler_small: {
        value: 15,
        article: '设置标准 第二章 设置要求（托小班12–24个月，15人以下）',
        verified: false,
        note: SECONDARY,
      },
      toddler_large: {
        value: 20,
        article: '设置标准 第二章 设置要求（托大班24–36个月，20人以下）',
        verified: false,
        note: SECONDARY,
      },
      mixed: {
        value: 18,
        article: '设置标准 第二章 设置要求（18个月以上可混合编班，每班不超过18人）',
        verified: false,
        note: SECONDARY,
      },
      kindergarten_toddler: {
        value: 20,
        article: '设置标准 第二章 设置要求（托大班，类推）',
        verified: false,
        note: 'No national rule specific to kindergarten toddler classes in this document; the 托大班 cap is used as the national baseline. City packs override.',
      },
    },
    classRatios: {
      infant: {
        value: 3,
        article: '设置标准 第四章 人员规模（乳儿班不低于1:3）',
        verified: false,
        note: SECONDARY,
      },
      toddler_small: {
        value: 5,
        article: '设置标准 第四章 人员规模（托小班不低于1:5）',
        verified: false,
        note: SECONDARY,
      },
      toddler_large: {
        value: 7,
        article: '设置标准 第四章 人员规模（托大班不低于1:7）',
        verified: false,
        note: SECONDARY,
      },
      mixed: {
        value: 5,
        article: '设置标准 第四章 人员规模（混龄班未单列）',
        verified: false,
        note: 'The standard gives ratios for 乳儿班/托小班/托大班 only. Platform decision: a mixed class (18–36 months) takes the strictest ratio of the bands it spans (托小班 1:5). Confirm with the district.',
      },
      kindergarten_toddler: {
        value: null,
        article: '—',
        verified: false,
        note: 'No caregiver:child ratio for kindergarten toddler classes; staffing is per class (两教一保, district pack).',
      },
    },
    classAgeBands: {
      infant: {
        value: { minMonths: 6, maxMonths: 12 },
        article: '设置标准 第二章 设置要求',
        verified: false,
        note: SECONDARY,
      },
      toddler_small: {
        value: { minMonths: 12, maxMonths: 24 },
        article: '设置标准 第二章 设置要求',
        verified: false,
        note: SECONDARY,
      },
      toddler_large: {
        value: { minMonths: 24, maxMonths: 36 },
        article: '设置标准 第二章 设置要求',
        verified: false,
        note: SECONDARY,
      },
      mixed: {
        value: { minMonths: 18, maxMonths: 36 },
        article: '设置标准 第二章 设置要求（18个月以上可混合编班）',
        verified: false,
        note: SECONDARY,
      },
      kindergarten_toddler: {
        value: { minMonths: 24, maxMonths: 36 },
        article: '设置标准 第二章 设置要求（托大班，类推）',
        verified: false,
        note: 'National baseline by analogy with 托大班; Shanghai sets 2–3 years explicitly.',
      },
    },
    care: {
      outdoorMinutesPerDay: {
        value: 120,
        article: '管理规范 保育管理（每日户外活动不少于2小时）',
        verified: false,
        note: SECONDARY,
      },
      cctvRetentionDays: {
        value: 90,
        article: '管理规范 安全管理（监控录像资料保存期不少于90日）',
        verified: false,
        note: SECONDARY,
      },
      directorMinEducation: {
        value: 'college_diploma',
        article: '设置标准 第四章 人员规模（机构负责人大专以上学历）',
        verified: false,
        note: SECONDARY,
      },
      directorMinManagementYears: {
        value: 3,
        article: '设置标准 第四章 人员规模（3年以上管理工作经历）',
        verified: false,
        note: SECONDARY,
      },
    },
    // — workforce (issue 9) —
    workforce: {
      postCertificates: {
        value: {
          director: [['health']],
          caregiver: [['caregiver', 'infant_carer'], ['health']],
          infant_carer: [['infant_carer', 'caregiver'], ['health']],
          teacher: [['teacher'], ['health']],
          health_worker: [['health_worker'], ['health']],
          cook: [['cook'], ['health']],
          security: [['security'], ['health']],
          other: [['health']],
        },
        article:
          '管理规范 第五章 人员管理（工作人员上岗前应经过健康体检取得健康合格证明；保育人员应受过婴幼儿保育相关培训）；青府办发〔2021〕35号 三、(三) 所有从业人员均需持证上岗',
        verified: false,
        note: 'Which certificate proves each post is a platform reading of the two texts (health certificate for everyone; 保育员证 or 育婴员证 for caregivers; 教师资格证 for teachers). Confirm with the district.',
      },
    },
  },
};

/** 国卫办人口发〔2019〕25号 登记和备案办法 (filing within 5 working days; notice within 15). */
export const NATIONAL_2019_FILING: PolicyPack = {
  id: 'cn-nhc-2019-25',
  level: 'national',
  jurisdiction: '000000',
  title: '托育机构登记和备案办法（试行）',
  issuer: '国家卫生健康委员会办公厅 等',
  docNumber: '国卫办人口发〔2019〕25号',
  effectiveFrom: '2020-01-06',
  sourceNote:
    'Public release reported on 2020-01-06 (news of the 中国政府网 release); the document date is not confirmed.',
  values: {
    filing: {
      filingWorkingDays: {
        value: 5,
        article: '备案程序（收到备案材料后5个工作日内予以备案）',
        verified: false,
        note: SECONDARY,
      },
      nonComplianceNoticeWorkingDays: {
        value: 15,
        article: '备案程序（发现不符合规定的，15个工作日内通知当事人并向社会公开）',
        verified: false,
        note: SECONDARY,
      },
    },
  },
};

/** 《家庭托育点管理办法（试行）》 (2023): ≤ 5 children; one caregiver per ≤ 3 infants. */
export const NATIONAL_2023_FAMILY_POINT: PolicyPack = {
  id: 'cn-nhc-2023-family-point',
  level: 'national',
  jurisdiction: '000000',
  title: '家庭托育点管理办法（试行）',
  issuer: '国家卫生健康委 住房城乡建设部 应急管理部 市场监管总局 国家消防救援局',
  docNumber: '国卫人口发〔2023〕28号（文号待核实）',
  effectiveFrom: '2023-11-14',
  sourceNote: 'Published 2023-11-14 (news reports); document number and in-force date not confirmed.',
  values: {
    familyPoint: {
      maxChildren: { value: 5, article: '第二条（收托人数不超过5人）', verified: false, note: SECONDARY },
      maxInfantsPerCaregiver: {
        value: 3,
        article: '照护人员（每1名照护人员最多看护3名婴幼儿）',
        verified: false,
        note: SECONDARY,
      },
    },
  },
};

/** 14th Five-Year Plan outline: 4.5 childcare places per 1,000 population by 2025. */
export const NATIONAL_14TH_FYP: PolicyPack = {
  id: 'cn-14th-fyp',
  level: 'national',
  jurisdiction: '000000',
  title: '中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要',
  issuer: '全国人民代表大会',
  docNumber: '十三届全国人大四次会议 2021-03-11 批准',
  effectiveFrom: '2021-03-11',
  values: {
    nationalTargets: {
      placesPer1000: {
        value: {
          id: 'cn-places-per-1000',
          metric: 'childcare_places_per_1000_population',
          comparison: '>=',
          value: 4.5,
          unit: 'places per 1,000 population',
          period: { start: '2021-01-01', end: '2025-12-31' },
          cadence: 'period',
          zh: '每千人口拥有3岁以下婴幼儿托位数达到4.5个',
        },
        article: '表1 “十四五”时期经济社会发展主要指标（民生福祉）',
        verified: false,
        note: SECONDARY,
      },
    },
  },
};

/** All national packs, oldest first. */
export const NATIONAL_PACKS: readonly PolicyPack[] = [
  NATIONAL_2019_STANDARDS,
  NATIONAL_2019_FILING,
  NATIONAL_14TH_FYP,
  NATIONAL_2023_FAMILY_POINT,
];

/** A document category the filing requires, with where the rule pack lists it. */
export interface RequiredFilingDocument {
  category: 'business_license' | 'site_certificate' | 'fire_safety' | 'health_check';
  zh: string;
  article: string;
  verified: false;
}

/**
 * The materials a filing must carry (国卫办人口发〔2019〕25号 《托育机构登记和备案办法（试行）》, 备案材料):
 * the registration certificate, proof of the premises, the fire-safety check and the health evaluation
 * ("合格" 《托幼机构卫生评价报告》). The 备案书 and 承诺书 are the filing form itself in this system.
 * Read only in secondary copies, so `verified: false`.
 */
export const FILING_REQUIRED_DOCUMENTS: readonly RequiredFilingDocument[] = [
  {
    category: 'business_license',
    zh: '营业执照或事业单位法人证书、民办非企业单位登记证书',
    article: '25号 备案材料（登记证书复印件）',
    verified: false,
  },
  {
    category: 'site_certificate',
    zh: '场地证明（房屋产权证明或租赁合同）',
    article: '25号 备案材料（场地证明）',
    verified: false,
  },
  {
    category: 'fire_safety',
    zh: '消防安全检查合格证明（消防验收或备案材料）',
    article: '25号 备案材料（消防）',
    verified: false,
  },
  {
    category: 'health_check',
    zh: '评价为“合格”的《托幼机构卫生评价报告》',
    article: '25号 备案材料（卫生评价报告）',
    verified: false,
  },
];

/** The required categories missing from the documents a filing carries, in the pack's order. */
export function missingFilingDocuments(categories: readonly string[]): RequiredFilingDocument['category'][] {
  const have = new Set(categories);
  return FILING_REQUIRED_DOCUMENTS.map((d) => d.category).filter((c) => !have.has(c));
}
