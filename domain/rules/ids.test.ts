import { describe, expect, it } from 'vitest';
import { GB32100_AUTHORITIES } from '../policy/gb32100.ts';
import {
  citizenIdCheckChar,
  creditCodeCheckChar,
  maskCitizenId,
  maskMobile,
  normalizeMobile,
  validateCitizenId,
  validateCreditCode,
} from './ids.ts';

/** A credit code with a correct check character from its first 17 characters. */
const credit = (first17: string) => `${first17}${creditCodeCheckChar(first17)}`;

const TODAY = '2025-06-01';

describe('validateCitizenId (GB 11643-1999)', () => {
  it.each([
    ['11010519491231002X', '1949-12-31', 'female', 'resident'],
    ['11010519491231002x', '1949-12-31', 'female', 'resident'],
    ['310118202301050026', '2023-01-05', 'female', 'resident'],
    ['310118202402290010', '2024-02-29', 'male', 'resident'],
    ['31022919800101001X', '1980-01-01', 'male', 'resident'],
    ['810000199001010027', '1990-01-01', 'female', 'hk_mo_tw_permit'],
    ['931840199001010011', '1990-01-01', 'male', 'foreign_permanent'],
    [' 310118202301150027 ', '2023-01-15', 'female', 'resident'],
  ])('accepts %s', (id, birthDate, sex, kind) => {
    const r = validateCitizenId(id, TODAY);
    expect(r).toMatchObject({ ok: true, birthDate, sex, kind });
    if (r.ok) expect(r.value).toBe(id.trim().toUpperCase());
  });

  it.each([
    ['110105194912310021', 'id.check_character'],
    ['310118202301150028', 'id.check_character'],
    ['11010519491231002', 'id.length'],
    ['1101051949123100211', 'id.length'],
    ['110105491231002', 'id.legacy_15'],
    ['11010519491231002Y', 'id.characters'],
    ['X10105194912310021', 'id.characters'],
    ['010105194912310021', 'id.address_code'],
    ['710105194912310021', 'id.address_code'],
    ['840000199001010027', 'id.address_code'],
    ['900000199001010027', 'id.address_code'],
    ['310118202302290019', 'id.birth_date'],
    ['310118202313010019', 'id.birth_date'],
    ['310118202607010019', 'id.birth_future'],
    ['310118099901010019', 'id.birth_too_early'],
    ['310118179901010019', 'id.birth_too_early'],
    ['310118189912310019', 'id.birth_too_early'],
    ['', 'id.empty'],
  ])('rejects %s with %s', (id, reason) => {
    expect(validateCitizenId(id, TODAY)).toMatchObject({ ok: false, reason, field: 'id' });
  });

  it('requires a valid today', () => {
    expect(validateCitizenId('11010519491231002X', '2025-02-30')).toMatchObject({
      ok: false,
      reason: 'date.malformed',
    });
  });

  it('accepts 1900-01-01, the earliest birth date', () => {
    const first17 = '31011819000101001';
    expect(validateCitizenId(`${first17}${citizenIdCheckChar(first17)}`, TODAY)).toMatchObject({
      ok: true,
      birthDate: '1900-01-01',
    });
  });

  it('accepts a birth date equal to today', () => {
    expect(validateCitizenId('310118202301150027', '2023-01-15').ok).toBe(true);
    expect(validateCitizenId('310118202301150027', '2023-01-14')).toMatchObject({
      reason: 'id.birth_future',
    });
  });
});

describe('validateCreditCode (GB 32100-2015)', () => {
  it.each([
    ['91350100M000100Y43', []],
    ['91350100m000100y43', []],
    ['91310118123456788B', []],
    ['91310118MA1FL8AB23', []],
    ['91310118123456780J', ['credit.org_code_check']],
  ])('accepts %s with warnings %j', (code, warnings) => {
    expect(validateCreditCode(code)).toMatchObject({ ok: true, value: code.toUpperCase(), warnings });
  });

  it.each([
    ['91350100M000100Y44', 'credit.check_character'],
    ['91350100M000100Y4', 'credit.length'],
    ['91350100M000100I43', 'credit.characters'],
    ['91350100M000100S43', 'credit.characters'],
    ['913501A0M000100Y43', 'credit.division_code'],
    ['', 'credit.empty'],
    [credit('0131011812345678X'), 'credit.registration_authority'],
    [credit('B131011812345678X'), 'credit.registration_authority'],
    [credit('M131011812345678X'), 'credit.registration_authority'],
    [credit('X131011812345678X'), 'credit.registration_authority'],
    [credit('9431011812345678X'), 'credit.category'],
    [credit('9931011812345678X'), 'credit.category'],
    [credit('5431011812345678X'), 'credit.category'],
    [credit('1431011812345678X'), 'credit.category'],
    [credit('Y231011812345678X'), 'credit.category'],
    [credit('A231011812345678X'), 'credit.category'],
  ])('rejects %s with %s', (code, reason) => {
    expect(validateCreditCode(code)).toMatchObject({ ok: false, reason, field: 'creditCode' });
  });

  it('accepts every authority and category of the GB 32100 table, and nothing else in positions 1–2', () => {
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    for (const a of alphabet)
      for (const c of alphabet) {
        const r = validateCreditCode(credit(`${a}${c}31011812345678X`));
        const listed = !!GB32100_AUTHORITIES[a]?.categories[c];
        expect(r.ok, `${a}${c}`).toBe(listed);
      }
    expect(Object.keys(GB32100_AUTHORITIES).sort()).toEqual([...'123456789ANY'].sort());
  });
});

describe('normalizeMobile', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['138 0013 8000', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['0086-13800138000', '13800138000'],
    ['19912345678', '19912345678'],
  ])('%s → %s', (input, value) => {
    expect(normalizeMobile(input)).toEqual({ ok: true, value });
  });

  it.each(['12800138000', '1380013800', '138001380001', '+1 13800138000', 'abc', '021-12345678'])(
    'rejects %s',
    (input) => {
      expect(normalizeMobile(input)).toMatchObject({ ok: false, reason: 'mobile.invalid' });
    },
  );
});

describe('masking', () => {
  it.each([
    ['310118202301050026', '310118********0026'],
    ['11010519491231002X', '110105********002X'],
    ['123', '***'],
  ])('maskCitizenId(%s) = %s', (input, masked) => {
    expect(maskCitizenId(input)).toBe(masked);
  });

  it.each([
    ['13800138000', '138****8000'],
    ['+86 138-0013-8000', '138****8000'],
    ['12', '**'],
  ])('maskMobile(%s) = %s', (input, masked) => {
    expect(maskMobile(input)).toBe(masked);
  });
});
