import { describe, expect, it } from 'vitest';
import type { InstitutionStatus } from '../contracts/institution-enums.ts';
import {
  chinaDate,
  diffNationalRecord,
  type FilingEvent,
  NATIONAL_FIELDS,
  NATIONAL_FILING_SOURCES,
  NATIONAL_FILING_VERIFIED,
  type RegistryRow,
  toNationalRecords,
} from './national-filing.ts';

const row: RegistryRow = {
  id: '01890000-0000-7000-8000-000000000001',
  name: '青浦区朱家角镇小海豚托育园',
  creditCode: '91350100M000100Y43',
  kind: 'childcare_institution',
  ownership: 'private',
  inclusive: true,
  townCode: '310118102',
  address: '青浦区朱家角镇珠溪路1号',
  directorName: '王晓明',
  serviceForms: ['full_day', 'hourly'],
  seats: 60,
  enrolled: 42,
};
const mask = (n: string) => `${[...n][0]}**`;
const ev = (action: string, to: InstitutionStatus | null, at: string, fields?: string[]): FilingEvent => ({
  action,
  to,
  at: new Date(at),
  ...(fields ? { fields } : {}),
});

describe('chinaDate', () => {
  it.each([
    ['2026-03-01T15:59:59Z', '2026-03-01'],
    ['2026-03-01T16:00:00Z', '2026-03-02'],
    ['2025-12-31T16:30:00Z', '2026-01-01'],
  ])('%s → %s', (at, day) => expect(chinaDate(new Date(at))).toBe(day));
});

describe('toNationalRecords', () => {
  const cases: [string, FilingEvent[], [string, string, string, string][]][] = [
    [
      'no filing yet: nothing',
      [ev('create', 'draft', '2026-01-01T02:00:00Z'), ev('submit', 'submitted', '2026-01-02T02:00:00Z')],
      [],
    ],
    [
      'approve is the filing (China date)',
      [ev('create', 'draft', '2026-01-01T02:00:00Z'), ev('approve', 'filed', '2026-01-05T17:00:00Z')],
      [['filing', '已备案', '2026-01-06', '']],
    ],
    [
      'status changes after filing are changes; close is the closure',
      [
        ev('approve', 'filed', '2026-01-05T02:00:00Z'),
        ev('start_operating', 'operating', '2026-02-01T02:00:00Z'),
        ev('suspend', 'suspended', '2026-03-01T02:00:00Z'),
        ev('close', 'closed', '2026-04-01T02:00:00Z'),
      ],
      [
        ['filing', '已备案', '2026-01-05', ''],
        ['change', '运营中', '2026-01-05', '机构状态：运营中'],
        ['change', '停业', '2026-01-05', '机构状态：停业'],
        ['closure', '注销', '2026-01-05', ''],
      ],
    ],
    [
      'edits after filing list their fields; edits of untracked fields and before filing are skipped',
      [
        ev('update', null, '2025-12-01T02:00:00Z', ['name']),
        ev('approve', 'filed', '2026-01-05T02:00:00Z'),
        ev('update', null, '2026-01-06T02:00:00Z', ['openingHours']),
        ev('update', null, '2026-01-07T02:00:00Z', ['address', 'seats', 'address']),
      ],
      [
        ['filing', '已备案', '2026-01-05', ''],
        ['change', '已备案', '2026-01-05', '机构住所、托位数'],
      ],
    ],
    [
      'events arrive in any order',
      [ev('close', 'closed', '2026-04-01T02:00:00Z'), ev('approve', 'filed', '2026-01-05T02:00:00Z')],
      [
        ['filing', '已备案', '2026-01-05', ''],
        ['closure', '注销', '2026-01-05', ''],
      ],
    ],
    ['a closure without a filing is not sent', [ev('close', 'closed', '2026-04-01T02:00:00Z')], []],
  ];
  it.each(cases)('%s', (_name, events, expected) => {
    const out = toNationalRecords(row, events, mask);
    expect(out.map((r) => [r.recordType, r.status, r.filingDate, r.changeItems])).toEqual(expected);
  });

  it('fills the fields from the registry with the representative masked', () => {
    const [filing, closure] = toNationalRecords(
      { ...row, kind: 'family_point', ownership: 'public', inclusive: false },
      [ev('approve', 'filed', '2026-01-05T02:00:00Z'), ev('close', 'closed', '2026-04-01T02:00:00Z')],
      mask,
    );
    expect(filing).toMatchObject({
      institutionName: row.name,
      creditCode: row.creditCode,
      institutionType: '家庭托育点',
      ownership: '公办',
      inclusive: '否',
      divisionCode: '310118102',
      legalRepresentative: '王**',
      serviceTypes: '全日托、计时托',
      places: '60',
      enrolled: '42',
      changeDate: '',
      closureDate: '',
    });
    expect(JSON.stringify(filing)).not.toContain('王晓明');
    expect(closure).toMatchObject({ recordType: 'closure', closureDate: '2026-04-01', changeDate: '' });
  });

  it('record ids are stable per event and distinct between events', () => {
    const events = [
      ev('approve', 'filed', '2026-01-05T02:00:00Z'),
      ev('suspend', 'suspended', '2026-01-05T02:00:01Z'),
    ];
    const a = toNationalRecords(row, events, mask).map((r) => r.recordId);
    const b = toNationalRecords(row, [...events].reverse(), mask).map((r) => r.recordId);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(2);
    expect(a[0]).toBe(`${row.id}-filing-20260105020000000`);
  });
});

describe('diffNationalRecord', () => {
  const [ours] = toNationalRecords(row, [ev('approve', 'filed', '2026-01-05T02:00:00Z')], mask);
  it('same record (whitespace aside): no differences', () =>
    expect(diffNationalRecord(ours!, { ...ours!, address: ` ${ours!.address} ` })).toEqual([]));
  it('lists each compared field that differs, ignoring bookkeeping fields', () => {
    const diff = diffNationalRecord(ours!, {
      ...ours!,
      places: '50',
      address: '别处',
      enrolled: '1',
      changeItems: 'x',
    });
    expect(diff.map((d) => [d.field, d.registry, d.national])).toEqual([
      ['address', row.address, '别处'],
      ['places', '60', '50'],
    ]);
  });
  it('a field missing on the national side differs', () => {
    const { creditCode: _, ...rest } = ours!;
    expect(diffNationalRecord(ours!, rest).map((d) => d.field)).toEqual(['creditCode']);
  });
});

describe('the mapping as data', () => {
  it('is marked unverified and names its sources', () => {
    expect(NATIONAL_FILING_VERIFIED).toBe(false);
    expect(NATIONAL_FILING_SOURCES.length).toBeGreaterThan(0);
    for (const s of NATIONAL_FILING_SOURCES) expect(s.title && s.issuer && s.date).toBeTruthy();
  });
  it('covers every record field exactly once; the only personal field is masked', () => {
    const [rec] = toNationalRecords(row, [ev('approve', 'filed', '2026-01-05T02:00:00Z')], mask);
    expect(NATIONAL_FIELDS.map((f) => f.key).sort()).toEqual(Object.keys(rec!).sort());
    expect(NATIONAL_FIELDS.filter((f) => f.personal).map((f) => f.key)).toEqual(['legalRepresentative']);
  });
});
