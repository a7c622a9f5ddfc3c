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
];

/** Bounding boxes of districts (coordinates of institutions must fall inside their district's box). */
export const DISTRICT_BBOX: Readonly<Record<string, BBox>> = {
  [QINGPU]: { minLat: 30.96, maxLat: 31.3, minLng: 120.87, maxLng: 121.34 },
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
