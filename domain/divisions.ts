/**
 * Reference divisions (GB/T 2260 6-digit codes; 9-digit statistical codes for towns/streets).
 * Centres are approximate (±1 km), for the map and distance sorting only.
 */
/** The levels of the division tree. */
export const DIVISION_LEVELS = ['city', 'district', 'town'] as const;
export type DivisionLevel = (typeof DIVISION_LEVELS)[number];

export interface DivisionRef {
  code: string;
  parentCode: string | null;
  level: DivisionLevel;
  nameZh: string;
  nameEn: string;
  lat: number;
  lng: number;
}

export interface BBox {
  minLat: number;
  maxLat: number;
  minLng: number;
  maxLng: number;
}

export const SHANGHAI = '310000';
export const QINGPU = '310118';
export const SONGJIANG = '310117';

export const DIVISIONS: readonly DivisionRef[] = [
  {
    code: SHANGHAI,
    parentCode: null,
    level: 'city',
    nameZh: '上海市',
    nameEn: 'Shanghai',
    lat: 31.2304,
    lng: 121.4737,
  },
  {
    code: QINGPU,
    parentCode: SHANGHAI,
    level: 'district',
    nameZh: '青浦区',
    nameEn: 'Qingpu District',
    lat: 31.1509,
    lng: 121.1241,
  },
  {
    code: '310118001',
    parentCode: QINGPU,
    level: 'town',
    nameZh: '夏阳街道',
    nameEn: 'Xiayang Subdistrict',
    lat: 31.1505,
    lng: 121.1035,
  },
  {
    code: '310118002',
    parentCode: QINGPU,
    level: 'town',
    nameZh: '盈浦街道',
    nameEn: 'Yingpu Subdistrict',
    lat: 31.1652,
    lng: 121.1162,
  },
  {
    code: '310118003',
    parentCode: QINGPU,
    level: 'town',
    nameZh: '香花桥街道',
    nameEn: 'Xianghuaqiao Subdistrict',
    lat: 31.1934,
    lng: 121.1285,
  },
  {
    code: '310118102',
    parentCode: QINGPU,
    level: 'town',
    nameZh: '朱家角镇',
    nameEn: 'Zhujiajiao Town',
    lat: 31.1079,
    lng: 121.0533,
  },
  {
    code: '310118103',
    parentCode: QINGPU,
    level: 'town',
    nameZh: '练塘镇',
    nameEn: 'Liantang Town',
    lat: 31.0125,
    lng: 121.0468,
  },
  {
    code: '310118104',
    parentCode: QINGPU,
    level: 'town',
    nameZh: '金泽镇',
    nameEn: 'Jinze Town',
    lat: 31.0403,
    lng: 120.9178,
  },
  {
    code: '310118105',
    parentCode: QINGPU,
    level: 'town',
    nameZh: '赵巷镇',
    nameEn: 'Zhaoxiang Town',
    lat: 31.1562,
    lng: 121.1955,
  },
  {
    code: '310118106',
    parentCode: QINGPU,
    level: 'town',
    nameZh: '徐泾镇',
    nameEn: 'Xujing Town',
    lat: 31.1764,
    lng: 121.2705,
  },
  {
    code: '310118107',
    parentCode: QINGPU,
    level: 'town',
    nameZh: '华新镇',
    nameEn: 'Huaxin Town',
    lat: 31.2365,
    lng: 121.2152,
  },
  {
    code: '310118109',
    parentCode: QINGPU,
    level: 'town',
    nameZh: '重固镇',
    nameEn: 'Chonggu Town',
    lat: 31.2126,
    lng: 121.1552,
  },
  {
    code: '310118110',
    parentCode: QINGPU,
    level: 'town',
    nameZh: '白鹤镇',
    nameEn: 'Baihe Town',
    lat: 31.2323,
    lng: 121.0822,
  },
  // Songjiang (松江区), the second demo district (issue 15: multi-tenancy proven, not described). Its 6
  // 街道 and 11 镇 as in the public division lists; the 9-digit codes follow the statistical style
  // (00x for 街道, 1xx for 镇) and the centres are approximate — neither checked against the official
  // 统计用区划代码 table here.
  {
    code: SONGJIANG,
    parentCode: SHANGHAI,
    level: 'district',
    nameZh: '松江区',
    nameEn: 'Songjiang District',
    lat: 31.0322,
    lng: 121.2277,
  },
  {
    code: '310117001',
    parentCode: SONGJIANG,
    level: 'town',
    nameZh: '岳阳街道',
    nameEn: 'Yueyang Subdistrict',
    lat: 31.0135,
    lng: 121.229,
  },
  {
    code: '310117002',
    parentCode: SONGJIANG,
    level: 'town',
    nameZh: '永丰街道',
    nameEn: 'Yongfeng Subdistrict',
    lat: 31.015,
    lng: 121.201,
  },
  {
    code: '310117003',
    parentCode: SONGJIANG,
    level: 'town',
    nameZh: '方松街道',
    nameEn: 'Fangsong Subdistrict',
    lat: 31.036,
    lng: 121.226,
  },
  {
    code: '310117004',
    parentCode: SONGJIANG,
    level: 'town',
    nameZh: '中山街道',
    nameEn: 'Zhongshan Subdistrict',
    lat: 31.002,
    lng: 121.247,
  },
  {
    code: '310117005',
    parentCode: SONGJIANG,
    level: 'town',
    nameZh: '广富林街道',
    nameEn: 'Guangfulin Subdistrict',
    lat: 31.062,
    lng: 121.208,
  },
  {
    code: '310117006',
    parentCode: SONGJIANG,
    level: 'town',
    nameZh: '九里亭街道',
    nameEn: 'Jiuliting Subdistrict',
    lat: 31.133,
    lng: 121.327,
  },
  {
    code: '310117101',
    parentCode: SONGJIANG,
    level: 'town',
    nameZh: '泗泾镇',
    nameEn: 'Sijing Town',
    lat: 31.121,
    lng: 121.264,
  },
  {
    code: '310117102',
    parentCode: SONGJIANG,
    level: 'town',
    nameZh: '佘山镇',
    nameEn: 'Sheshan Town',
    lat: 31.096,
    lng: 121.193,
  },
  {
    code: '310117103',
    parentCode: SONGJIANG,
    level: 'town',
    nameZh: '车墩镇',
    nameEn: 'Chedun Town',
    lat: 30.992,
    lng: 121.315,
  },
  {
    code: '310117104',
    parentCode: SONGJIANG,
    level: 'town',
    nameZh: '新桥镇',
    nameEn: 'Xinqiao Town',
    lat: 31.056,
    lng: 121.323,
  },
  {
    code: '310117105',
    parentCode: SONGJIANG,
    level: 'town',
    nameZh: '洞泾镇',
    nameEn: 'Dongjing Town',
    lat: 31.088,
    lng: 121.243,
  },
  {
    code: '310117106',
    parentCode: SONGJIANG,
    level: 'town',
    nameZh: '九亭镇',
    nameEn: 'Jiuting Town',
    lat: 31.126,
    lng: 121.31,
  },
  {
    code: '310117109',
    parentCode: SONGJIANG,
    level: 'town',
    nameZh: '泖港镇',
    nameEn: 'Maogang Town',
    lat: 30.942,
    lng: 121.188,
  },
  {
    code: '310117114',
    parentCode: SONGJIANG,
    level: 'town',
    nameZh: '石湖荡镇',
    nameEn: 'Shihudang Town',
    lat: 30.983,
    lng: 121.132,
  },
  {
    code: '310117115',
    parentCode: SONGJIANG,
    level: 'town',
    nameZh: '新浜镇',
    nameEn: 'Xinbang Town',
    lat: 30.949,
    lng: 121.084,
  },
  {
    code: '310117116',
    parentCode: SONGJIANG,
    level: 'town',
    nameZh: '叶榭镇',
    nameEn: 'Yexie Town',
    lat: 30.925,
    lng: 121.27,
  },
  {
    code: '310117117',
    parentCode: SONGJIANG,
    level: 'town',
    nameZh: '小昆山镇',
    nameEn: 'Xiaokunshan Town',
    lat: 31.038,
    lng: 121.133,
  },
];

/** Bounding boxes of districts (coordinates of institutions must fall inside their district's box). */
export const DISTRICT_BBOX: Readonly<Record<string, BBox>> = {
  [QINGPU]: { minLat: 30.96, maxLat: 31.3, minLng: 120.87, maxLng: 121.34 },
  [SONGJIANG]: { minLat: 30.86, maxLat: 31.18, minLng: 121.03, maxLng: 121.42 },
};

/**
 * Resident population (常住人口) of a district from its census bulletin, for rates per 1,000 people
 * (places per 1,000 population, issue 17). Read from public copies of the bulletin, not checked here
 * against the official text: the plan page shows the figure with its year and source.
 */
export const DISTRICT_POPULATION: Readonly<
  Record<string, { value: number; year: number; source: string; verified: false }>
> = {
  [QINGPU]: {
    value: 1_271_261,
    year: 2020,
    source: '上海市青浦区第七次全国人口普查公报（2020年11月1日零时常住人口）',
    verified: false,
  },
  [SONGJIANG]: {
    value: 1_909_565,
    year: 2020,
    source: '上海市松江区第七次全国人口普查公报（2020年11月1日零时常住人口）',
    verified: false,
  },
};

/** The division with this code, if it is known. */
export function findDivision(code: string): DivisionRef | undefined {
  return DIVISIONS.find((d) => d.code === code);
}

/** The towns/streets of a district. */
export function townsOf(districtCode: string): DivisionRef[] {
  return DIVISIONS.filter((d) => d.level === 'town' && d.parentCode === districtCode);
}

/** Whether `code` is `ancestor` or lies below it in the division tree (codes are prefix-nested). */
export function divisionWithin(code: string, ancestor: string): boolean {
  return code.startsWith(ancestor);
}

/** The district code (6 digits) that a division code belongs to. */
export function districtOf(code: string): string {
  return code.slice(0, 6);
}

/** Whether a point lies inside a district's bounding box; unknown districts answer false. */
export function insideDistrict(districtCode: string, lat: number, lng: number): boolean {
  const b = DISTRICT_BBOX[districtCode];
  return !!b && lat >= b.minLat && lat <= b.maxLat && lng >= b.minLng && lng <= b.maxLng;
}
