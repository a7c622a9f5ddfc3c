import { describe, expect, it } from 'vitest';
import { changedProfile, domainErrors, NEW_VALUES, toProfileBody } from './formModel.ts';

describe('personal fields of the institution form', () => {
  it('are sent only when typed (the detail carries masked values, never put into the form)', () => {
    const before = toProfileBody({ ...NEW_VALUES, name: '测试托育园' });
    expect(before).not.toHaveProperty('directorIdNumber');
    expect(before).not.toHaveProperty('directorMobile');
    const after = toProfileBody({
      ...NEW_VALUES,
      name: '测试托育园',
      directorIdNumber: '11010519491231002x',
    });
    expect(changedProfile(before, after, 3)).toEqual({ version: 3, directorIdNumber: '11010519491231002X' });
  });

  it('are checked live with the server rules, naming the field', () => {
    const fields = domainErrors(
      { ...NEW_VALUES, directorIdNumber: '110105194912310021', directorMobile: '123' },
      '310118',
      undefined,
    )
      .map((e) => e.field)
      .filter((f) => f.startsWith('director'));
    expect(fields).toEqual(['directorIdNumber', 'directorMobile']);
  });
});
