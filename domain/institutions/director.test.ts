import { describe, expect, it } from 'vitest';
import { citizenIdCheckChar } from '../rules/ids.ts';
import { validateDirectorPersonal } from './director.ts';

const id = (first17: string) => `${first17}${citizenIdCheckChar(first17)}`;
const TODAY = '2026-12-04';

describe('validateDirectorPersonal', () => {
  it.each([
    [{}, [], undefined, undefined],
    [{ directorIdNumber: null, directorMobile: '' }, [], null, null],
    [{ directorIdNumber: ' 11010519491231002x ' }, [], '11010519491231002X', undefined],
    [{ directorMobile: '+86 138-1234-5678' }, [], undefined, '13812345678'],
    [{ directorIdNumber: '110105194912310021' }, ['directorIdNumber:id.check_character'], null, undefined],
    [{ directorIdNumber: id('31011820300101002') }, ['directorIdNumber:id.birth_future'], null, undefined],
    [{ directorIdNumber: '310118900101002' }, ['directorIdNumber:id.legacy_15'], null, undefined],
    [{ directorMobile: '12345678901' }, ['directorMobile:mobile.invalid'], undefined, null],
  ])('%j → %j', (input, errors, idNumber, mobile) => {
    const r = validateDirectorPersonal(input, TODAY);
    expect(r.errors.map((e) => `${e.field}:${e.rule}`)).toEqual(errors);
    expect(r.idNumber).toBe(idNumber);
    expect(r.mobile).toBe(mobile);
  });
});
