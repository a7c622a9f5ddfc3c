/** Test and demo builders: valid inputs by default, override what a test is about. */
import type {
  ClassInputBody,
  CreateInstitutionBody,
  InstitutionKind,
} from '../../domain/contracts/institution.ts';
import { findDivision } from '../../domain/divisions.ts';
import { creditCodeCheckChar, orgCodeCheckChar } from '../../domain/rules/ids.ts';
import { SAMPLES } from '../../server/platform/files/samples.ts';

/**
 * A valid GB 32100 credit code from a number: registration authority + category (default 52 民政/
 * private non-enterprise unit), the division code, an 8-digit organisation body with its GB 11714
 * check, and the GB 32100 check character (both computed by domain/rules/ids.ts).
 */
export function creditCodeFor(n: number, opts: { prefix?: string; division?: string } = {}): string {
  const body = String(n % 100_000_000).padStart(8, '0');
  const first17 = `${opts.prefix ?? '52'}${opts.division ?? '310118'}${body}${orgCodeCheckChar(body)}`;
  return `${first17}${creditCodeCheckChar(first17)}`;
}

let counter = 0;

/** A valid draft of a standalone childcare institution in `townCode` (朱家角镇 by default). */
export function buildInstitutionInput(overrides: Partial<CreateInstitutionBody> = {}): CreateInstitutionBody {
  counter += 1;
  const town = findDivision(overrides.townCode ?? '310118102');
  return {
    name: `青浦区测试托育园${counter}`,
    creditCode: creditCodeFor(20_000_000 + counter),
    kind: 'childcare_institution',
    ownership: 'private',
    inclusive: true,
    serviceForms: ['full_day', 'hourly'],
    address: `测试路${counter}号`,
    townCode: town?.code ?? '310118102',
    lat: town?.lat ?? 31.1079,
    lng: town?.lng ?? 121.0533,
    publicPhone: '021-59231234',
    openingHours: '周一至周五 7:30-17:30',
    fees: { fullDayMonthlyFen: 380_000, hourlyFen: 6_000 },
    mealsProvided: true,
    directorName: '测试园长',
    ...overrides,
  };
}

/** Classes valid for the kind under the national caps. */
export function buildClasses(kind: InstitutionKind = 'childcare_institution'): ClassInputBody[] {
  if (kind === 'kindergarten')
    return [{ name: '托班1', type: 'kindergarten_toddler', capacity: 20, enrolled: 16 }];
  if (kind === 'family_point')
    return [{ name: '混龄组', type: 'mixed', capacity: 5, enrolled: 4, minAgeMonths: 18 }];
  return [
    { name: '乳儿班', type: 'infant', capacity: 10, enrolled: 6 },
    { name: '托小班', type: 'toddler_small', capacity: 15, enrolled: 12 },
    { name: '托大班', type: 'toddler_large', capacity: 20, enrolled: 18 },
  ];
}

/** Minimal valid files of each accepted type (server/platform/files/samples.ts), and an HTML page. */
export const SAMPLE_FILES = {
  pdf: SAMPLES.pdf,
  png: SAMPLES.png,
  jpeg: SAMPLES.jpeg,
  html: Buffer.from('<html><script>alert(1)</script></html>'),
};

/** A multipart/form-data body with one file part (for app.inject). */
export function multipartBody(
  fileName: string,
  contentType: string,
  data: Buffer,
  boundary = 'tuoyuBoundary7MA4YWxk',
) {
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const FORM_ZH = { full_day: '全日制', half_day: '半日制', hourly: '计时制' } as const;
const KIND_ZH = {
  childcare_institution: '托育机构',
  kindergarten: '幼儿园',
  community_point: '社区托育点',
  family_point: '家庭托育点',
} as const;

/** The import template's headers (zh only, as a person would type them). */
export const IMPORT_HEADERS = [
  '统一社会信用代码',
  '机构名称',
  '类型',
  '举办性质',
  '普惠',
  '服务形式',
  '地址',
  '街镇',
  '纬度',
  '经度',
  '联系电话',
  '开放时间',
  '全日制月收费（元）',
  '半日制月收费（元）',
  '计时制收费（元/小时）',
  '提供膳食',
  '负责人',
];

/** An institution input as one spreadsheet row of the import template (texts, yuan, labels). */
export function importRowOf(i: CreateInstitutionBody): string[] {
  const yuan = (f: number | null | undefined) => (f == null ? '' : String(f / 100));
  return [
    i.creditCode,
    i.name,
    KIND_ZH[i.kind],
    i.ownership === 'public' ? '公办' : '民办',
    i.inclusive ? '是' : '否',
    i.serviceForms.map((f) => FORM_ZH[f]).join('、'),
    i.address,
    findDivision(i.townCode)?.nameZh ?? i.townCode,
    String(i.lat),
    String(i.lng),
    i.publicPhone,
    i.openingHours ?? '',
    yuan(i.fees?.fullDayMonthlyFen),
    yuan(i.fees?.halfDayMonthlyFen),
    yuan(i.fees?.hourlyFen),
    i.mealsProvided ? '是' : '否',
    i.directorName,
  ];
}

/** CSV text of rows (quoted where needed, CRLF). */
export function csvText(rows: string[][]): string {
  const cell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  return `${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
