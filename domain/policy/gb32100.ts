/**
 * GB 32100-2015《法人和其他组织统一社会信用代码编码规则》, table 1 (登记管理部门代码和机构类别代码):
 * the first character of a credit code names the registration authority, the second the category of
 * organisation that authority registers. A and N were added after 2015 (military units' code
 * assignment 2017/2018; rural collective economic organisations registered by agriculture departments,
 * 2018); the standard's table itself lists 1–9 and Y.
 *
 * Verification: the official text was not read while writing this file; the table matches several
 * secondary public copies of the standard and of the notices that added A and N, hence `verified: false`.
 */

export interface CreditAuthority {
  /** 登记管理部门. */
  zh: string;
  en: string;
  /** 机构类别代码 → category name. */
  categories: Readonly<Record<string, { zh: string; en: string }>>;
}

const other = { zh: '其他', en: 'Other' };

export const GB32100_AUTHORITIES: Readonly<Record<string, CreditAuthority>> = {
  '1': {
    zh: '机构编制',
    en: 'Institutional establishment (编办)',
    categories: {
      '1': { zh: '机关', en: 'Government organ' },
      '2': { zh: '事业单位', en: 'Public institution' },
      '3': { zh: '中央编办直接管理机构编制的群众团体', en: 'Mass organisation staffed by the central 编办' },
      '9': other,
    },
  },
  '2': {
    zh: '外交',
    en: 'Foreign affairs',
    categories: { '1': { zh: '外国常驻新闻机构', en: 'Resident foreign news agency' }, '9': other },
  },
  '3': {
    zh: '司法行政',
    en: 'Justice administration',
    categories: {
      '1': { zh: '律师执业机构', en: 'Law firm' },
      '2': { zh: '公证处', en: 'Notary office' },
      '3': { zh: '基层法律服务所', en: 'Grass-roots legal service office' },
      '4': { zh: '司法鉴定机构', en: 'Forensic appraisal institution' },
      '5': { zh: '仲裁委员会', en: 'Arbitration commission' },
      '9': other,
    },
  },
  '4': {
    zh: '文化',
    en: 'Culture',
    categories: { '1': { zh: '外国在华文化中心', en: 'Foreign cultural centre in China' }, '9': other },
  },
  '5': {
    zh: '民政',
    en: 'Civil affairs',
    categories: {
      '1': { zh: '社会团体', en: 'Social organisation' },
      '2': { zh: '民办非企业单位', en: 'Private non-enterprise unit' },
      '3': { zh: '基金会', en: 'Foundation' },
      '9': other,
    },
  },
  '6': {
    zh: '旅游',
    en: 'Tourism',
    categories: {
      '1': { zh: '外国旅游部门常驻代表机构', en: 'Resident office of a foreign tourism authority' },
      '2': {
        zh: '港澳台地区旅游部门常驻内地（大陆）代表机构',
        en: 'Resident office of a Hong Kong, Macau or Taiwan tourism authority',
      },
      '9': other,
    },
  },
  '7': {
    zh: '宗教',
    en: 'Religious affairs',
    categories: {
      '1': { zh: '宗教活动场所', en: 'Place of religious activity' },
      '2': { zh: '宗教院校', en: 'Religious school' },
      '9': other,
    },
  },
  '8': {
    zh: '工会',
    en: 'Trade unions',
    categories: { '1': { zh: '基层工会', en: 'Grass-roots trade union' }, '9': other },
  },
  '9': {
    zh: '工商（市场监管）',
    en: 'Market regulation (industry and commerce)',
    categories: {
      '1': { zh: '企业', en: 'Enterprise' },
      '2': { zh: '个体工商户', en: 'Individual business' },
      '3': { zh: '农民专业合作社', en: "Farmers' specialised cooperative" },
    },
  },
  A: {
    zh: '中央军委改革和编制办公室',
    en: 'Central Military Commission reform and establishment office',
    categories: { '1': { zh: '军队事业单位', en: 'Military public institution' }, '9': other },
  },
  N: {
    zh: '农业',
    en: 'Agriculture',
    categories: {
      '1': { zh: '组级集体经济组织', en: 'Group-level collective economic organisation' },
      '2': { zh: '村级集体经济组织', en: 'Village-level collective economic organisation' },
      '3': { zh: '乡镇级集体经济组织', en: 'Township-level collective economic organisation' },
      '9': other,
    },
  },
  Y: {
    zh: '其他',
    en: 'Other authorities',
    categories: { '1': other },
  },
};

export const GB32100_SOURCE = {
  document: 'GB 32100-2015 法人和其他组织统一社会信用代码编码规则 · 表1; A and N from later notices',
  verified: false,
  note: 'Table matches several secondary public copies; official text not read.',
} as const;
