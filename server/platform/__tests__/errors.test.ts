/** Typed error catalogs: the type checker (npm run check) and load-time checks refuse a bad catalog. */
import { describe, expect, it } from 'vitest';
import '../../modules/institutions/errors.ts';
import { DomainError, defineErrors, type ErrorCode, errorDef } from '../errors.ts';

describe('error catalogs', () => {
  it('a module code resolves to its status and texts; an unknown one answers as internal', () => {
    expect(errorDef('institutions.not_editable')).toMatchObject({ status: 409 });
    expect(errorDef('conflict.stale_version').status).toBe(409);
    expect(errorDef('no.such_code').status).toBe(500);
  });

  it('ErrorCode is the union of the platform and the module catalogs', () => {
    const codes: ErrorCode[] = ['not_found', 'institutions.not_editable'];
    expect(codes.map((c) => new DomainError(c).code)).toEqual(codes);
    // @ts-expect-error a typo in a code is a type error
    expect(new DomainError('institutions.not_editabel').code).toBe('institutions.not_editabel');
  });

  it('refuses a catalog with a missing, blank or wrong-language text, a foreign prefix or a taken code', () => {
    // @ts-expect-error zh is missing
    expect(() => defineErrors('kit1', { 'kit1.a': { status: 400, en: 'A' } })).toThrow(/zh/);
    expect(() => defineErrors('kit2', { 'kit2.a': { status: 400, zh: '甲', en: '' } })).toThrow(/en/);
    expect(() => defineErrors('kit3', { 'kit3.a': { status: 400, zh: 'A', en: 'A' } })).toThrow(/zh/);
    expect(() => defineErrors('kit4', { 'kit4.a': { status: 400, zh: '甲', en: '甲' } })).toThrow(/en/);
    // @ts-expect-error a code outside the module's prefix
    expect(() => defineErrors('kit5', { 'other.a': { status: 400, zh: '甲', en: 'A' } })).toThrow(/module/);
    expect(() =>
      defineErrors('institutions', { 'institutions.not_editable': { status: 400, zh: '甲', en: 'A' } }),
    ).toThrow(/twice/);
  });

  it('a well-formed catalog registers its codes', () => {
    const c = defineErrors('kit6', { 'kit6.closed': { status: 409, zh: '已关闭', en: 'Closed' } });
    expect(errorDef('kit6.closed')).toEqual(c['kit6.closed']);
  });
});
