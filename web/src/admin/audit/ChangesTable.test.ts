import { describe, expect, it } from 'vitest';
import { changeRows, fieldKey } from './ChangesTable.tsx';

describe('audit changes as field | before | after', () => {
  it('splits pairs into before and after, and keeps single values as the value written', () => {
    expect(changeRows({ status: ['submitted', 'filed'], reason: '予以备案' })).toEqual([
      { field: 'status', before: 'submitted', after: 'filed', pair: true },
      { field: 'reason', before: undefined, after: '予以备案', pair: false },
    ]);
    // A list of two lists is a value (e.g. classes), not a pair.
    expect(changeRows({ classes: [[1], [2]] })[0]?.pair).toBe(false);
  });

  it('labels fields from the i18n files, else null (the key is shown)', () => {
    expect(fieldKey('status')).toBe('inst.status');
    expect(fieldKey('name')).toBe('inst.name');
    expect(fieldKey('displayName')).toBe('users.displayName');
    expect(fieldKey('no_such_field')).toBeNull();
  });
});
