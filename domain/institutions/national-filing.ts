/**
 * The national filing system's record (托育机构备案信息系统, https://ty.padis.net.cn/) as data, and a pure
 * mapper from one registry row and its filing events to the records the national side expects: a filing
 * (备案), changes (变更) and a closure (注销). The field list and its labels were READ FROM PUBLIC GUIDES,
 * not from an interface specification — see NATIONAL_FILING_SOURCES and docs/filing-sync.md — and are
 * `verified: false` until checked against the system's own documentation.
 *
 * Pure: no I/O, no clock. Personal fields (the legal representative's name) are masked by the caller's
 * masker (the kit's `maskPersonal`), so this file never decides how a name is masked.
 */
import type { InstitutionKind, InstitutionStatus, ServiceForm } from '../contracts/institution-enums.ts';
import { STATUS_LABELS } from '../contracts/institution-enums.ts';

export interface NationalFilingSource {
  title: string;
  issuer: string;
  date: string;
  url?: string;
  note: string;
}

/** Where the field list was read. Public guides and the filing rules, not an interface specification. */
export const NATIONAL_FILING_SOURCES: readonly NationalFilingSource[] = [
  {
    title: '托育机构登记和备案办法（试行）（国卫办人口发〔2019〕25号）及附件托育机构备案书、备案承诺书',
    issuer: '国家卫生健康委办公厅',
    date: '2019-10-08',
    note: 'The filing book names the institution, its credit code, address, legal representative, service types and scale; changes and closures are reported in the system.',
  },
  {
    title: '福州市托育机构备案流程',
    issuer: '福州市马尾区卫生健康局',
    date: '2022-02-21',
    url: 'https://www.mawei.gov.cn/xjwz/zwgk/zfxxgkzdgz/wshspypaq/gggs/202202/t20220221_4312773.htm',
    note: 'Names the national system (https://ty.padis.net.cn/), the service types 全日托/半日托/计时托/临时托, and that changes and closures are reported there.',
  },
  {
    title: '家庭托育点管理办法（试行）',
    issuer: '国家卫生健康委',
    date: '2023',
    note: 'Brings 家庭托育点 into filing; its kind is a value of the institution type here.',
  },
];
/** Not checked against the national system's interface documentation. */
export const NATIONAL_FILING_VERIFIED = false;

export const NATIONAL_RECORD_TYPES = ['filing', 'change', 'closure'] as const;
export type NationalRecordType = (typeof NATIONAL_RECORD_TYPES)[number];
export const RECORD_TYPE_LABELS: Record<NationalRecordType, { zh: string; en: string }> = {
  filing: { zh: '备案', en: 'Filing' },
  change: { zh: '变更', en: 'Change' },
  closure: { zh: '注销', en: 'Closure' },
};

/** One national record: every value a string (the national forms are text), '' when it does not apply. */
export interface NationalRecord {
  recordId: string;
  recordType: NationalRecordType;
  institutionName: string;
  creditCode: string;
  institutionType: string;
  ownership: string;
  inclusive: string;
  divisionCode: string;
  address: string;
  legalRepresentative: string;
  serviceTypes: string;
  places: string;
  enrolled: string;
  status: string;
  filingDate: string;
  changeDate: string;
  changeItems: string;
  closureDate: string;
}
export type NationalField = Exclude<keyof NationalRecord, 'recordId' | 'recordType'>;

export interface NationalFieldSpec {
  key: keyof NationalRecord;
  zh: string;
  en: string;
  /** Where the registry keeps it. */
  from: string;
  /** Compared with what the national side returns (identity and content, not our own bookkeeping). */
  compared: boolean;
  personal?: 'name';
}

/** The mapping, in the national form's order (docs/filing-sync.md renders the same table). */
export const NATIONAL_FIELDS: readonly NationalFieldSpec[] = [
  { key: 'recordId', zh: '记录编号', en: 'Record id', from: 'institution id + type + time', compared: false },
  { key: 'recordType', zh: '记录类型', en: 'Record type', from: 'status history', compared: false },
  { key: 'institutionName', zh: '机构名称', en: 'Name', from: 'institutions.name', compared: true },
  {
    key: 'creditCode',
    zh: '统一社会信用代码',
    en: 'Unified social credit code',
    from: 'institutions.credit_code',
    compared: true,
  },
  {
    key: 'institutionType',
    zh: '机构类型',
    en: 'Institution type',
    from: 'institutions.kind',
    compared: true,
  },
  { key: 'ownership', zh: '举办性质', en: 'Ownership', from: 'institutions.ownership', compared: true },
  { key: 'inclusive', zh: '是否普惠', en: 'Inclusive', from: 'institutions.inclusive', compared: true },
  {
    key: 'divisionCode',
    zh: '所在地区划代码',
    en: 'Division code',
    from: 'institutions.town_code',
    compared: true,
  },
  { key: 'address', zh: '机构住所', en: 'Address', from: 'institutions.address', compared: true },
  {
    key: 'legalRepresentative',
    zh: '法定代表人（负责人）',
    en: 'Legal representative (director)',
    from: 'institutions.director_name (masked)',
    compared: true,
    personal: 'name',
  },
  {
    key: 'serviceTypes',
    zh: '服务类型',
    en: 'Service types',
    from: 'institutions.service_forms',
    compared: true,
  },
  { key: 'places', zh: '托位数', en: 'Places', from: 'institutions.seats', compared: true },
  {
    key: 'enrolled',
    zh: '在托人数',
    en: 'Children enrolled',
    from: 'institutions.enrolled',
    compared: false,
  },
  { key: 'status', zh: '机构状态', en: 'Status', from: 'status history (to)', compared: true },
  { key: 'filingDate', zh: '备案日期', en: 'Filing date', from: 'history: approve', compared: true },
  { key: 'changeDate', zh: '变更日期', en: 'Change date', from: 'history after filing', compared: false },
  { key: 'changeItems', zh: '变更事项', en: 'What changed', from: 'history / edits', compared: false },
  { key: 'closureDate', zh: '注销日期', en: 'Closure date', from: 'history: close', compared: true },
];

/** National labels of the registry's kinds (家庭托育点 included; unverified wording). */
export const NATIONAL_KIND: Record<InstitutionKind, string> = {
  childcare_institution: '托育机构',
  kindergarten: '幼儿园托班',
  community_point: '社区托育点',
  family_point: '家庭托育点',
};
/** The national service types (全日托/半日托/计时托; 临时托 has no registry counterpart). */
export const NATIONAL_SERVICE_TYPE: Record<ServiceForm, string> = {
  full_day: '全日托',
  half_day: '半日托',
  hourly: '计时托',
};

/** The registry columns the mapper reads. */
export interface RegistryRow {
  id: string;
  name: string;
  creditCode: string;
  kind: InstitutionKind;
  ownership: 'public' | 'private';
  inclusive: boolean;
  townCode: string;
  address: string;
  directorName: string;
  serviceForms: ServiceForm[];
  seats: number;
  enrolled: number;
}

/** A status-history row, or an edit of a filed institution (`update`, with the fields it changed). */
export interface FilingEvent {
  action: string;
  to: InstitutionStatus | null;
  at: Date;
  /** For `update`: the registry fields that changed (their zh labels are listed as 变更事项). */
  fields?: readonly string[];
}

/** YYYY-MM-DD in China Standard Time (UTC+8, no daylight saving). */
export const chinaDate = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const stamp = (at: Date) => at.toISOString().replace(/[-:.TZ]/g, '');

/** Labels of registry fields an edit may change, as listed in 变更事项. */
export const CHANGE_FIELD_LABELS: Record<string, string> = {
  name: '机构名称',
  creditCode: '统一社会信用代码',
  kind: '机构类型',
  ownership: '举办性质',
  inclusive: '普惠性',
  townCode: '所在地区',
  address: '机构住所',
  directorName: '法定代表人（负责人）',
  serviceForms: '服务类型',
  seats: '托位数',
};
/** The status-history actions that become national records (after the filing). */
export const NATIONAL_EVENT_ACTIONS = [
  'approve',
  'start_operating',
  'rectify',
  'resume',
  'suspend',
  'close',
] as const;
const STATUS_CHANGES = new Set<string>(['start_operating', 'rectify', 'resume', 'suspend']);

/** The stable id of the record one event gives (the idempotency key on the national side). */
export const nationalRecordId = (institutionId: string, type: NationalRecordType, at: Date) =>
  `${institutionId}-${type}-${stamp(at)}`;

export type NameMasker = (name: string) => string;

/**
 * The national records of one institution, oldest first: nothing before its filing is approved; `approve`
 * is the filing, a later status change or edit a change, `close` the closure. Record ids are stable (the
 * same event always gives the same id), so sending a record twice is idempotent on the national side.
 */
export function toNationalRecords(
  row: RegistryRow,
  events: readonly FilingEvent[],
  maskName: NameMasker,
): NationalRecord[] {
  const sorted = [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
  const out: NationalRecord[] = [];
  let filingDate = '';
  let status: InstitutionStatus | null = null;
  for (const e of sorted) {
    let type: NationalRecordType | null = null;
    let items = '';
    if (e.action === 'approve') {
      type = 'filing';
      filingDate = chinaDate(e.at);
    } else if (!filingDate) continue;
    else if (e.action === 'close') type = 'closure';
    else if (STATUS_CHANGES.has(e.action) && e.to) {
      type = 'change';
      items = `机构状态：${STATUS_LABELS[e.to].zh}`;
    } else if (e.action === 'update' && e.fields?.length) {
      type = 'change';
      items = [...new Set(e.fields.map((f) => CHANGE_FIELD_LABELS[f]).filter(Boolean))].join('、');
      if (!items) continue;
    }
    if (!type) continue;
    if (e.to) status = e.to;
    const day = chinaDate(e.at);
    out.push({
      recordId: nationalRecordId(row.id, type, e.at),
      recordType: type,
      institutionName: row.name,
      creditCode: row.creditCode,
      institutionType: NATIONAL_KIND[row.kind],
      ownership: row.ownership === 'public' ? '公办' : '民办',
      inclusive: row.inclusive ? '是' : '否',
      divisionCode: row.townCode,
      address: row.address,
      legalRepresentative: maskName(row.directorName),
      serviceTypes: row.serviceForms.map((f) => NATIONAL_SERVICE_TYPE[f]).join('、'),
      places: String(row.seats),
      enrolled: String(row.enrolled),
      status: status ? STATUS_LABELS[status].zh : '',
      filingDate,
      changeDate: type === 'change' ? day : '',
      changeItems: items,
      closureDate: type === 'closure' ? day : '',
    });
  }
  return out;
}

export interface FieldDifference {
  field: NationalField;
  zh: string;
  en: string;
  registry: string;
  national: string;
}

/** The compared fields where the national side's stored record differs from ours (trimmed text). */
export function diffNationalRecord(ours: NationalRecord, theirs: Partial<NationalRecord>): FieldDifference[] {
  const out: FieldDifference[] = [];
  for (const f of NATIONAL_FIELDS) {
    if (!f.compared) continue;
    const key = f.key as NationalField;
    const a = String(ours[key] ?? '').trim();
    const b = String(theirs[key] ?? '').trim();
    if (a !== b) out.push({ field: key, zh: f.zh, en: f.en, registry: a, national: b });
  }
  return out;
}
