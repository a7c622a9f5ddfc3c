import { describe, expect, it } from 'vitest';
import { activeFilterCount, parseSearchState, toQuery } from './searchState.ts';

const parse = (q: string) => parseSearchState(new URLSearchParams(q));

describe('portal search state in the URL', () => {
  it.each([
    ['', { sort: 'name', view: 'list', inclusive: false, from: undefined, lat: undefined }],
    ['from=310118102', { sort: 'distance', from: '310118102', lat: 31.1079, lng: 121.0533 }],
    ['from=310118102&sort=name', { sort: 'name', lat: 31.1079 }],
    ['from=here&lat=31.2&lng=121.1', { sort: 'distance', from: 'here', lat: 31.2, lng: 121.1 }],
    ['from=here&lat=abc&lng=121.1', { sort: 'name', from: undefined, lat: undefined }],
    ['from=999999999', { sort: 'name', from: undefined }],
    [
      'town=310118106&kind=kindergarten&form=hourly&age=20&inclusive=1&view=map',
      {
        town: '310118106',
        kind: 'kindergarten',
        form: 'hourly',
        age: 20,
        inclusive: true,
        view: 'map',
      },
    ],
    ['age=&inclusive=0', { age: undefined, inclusive: false }],
  ])('%s', (q, expected) => {
    expect(parse(q)).toMatchObject(expected);
  });

  it('turns the state into the public search query', () => {
    expect(toQuery(parse('town=310118102&age=14&inclusive=1&from=here&lat=31.1&lng=121.05'))).toEqual({
      q: undefined,
      town: '310118102',
      kind: undefined,
      serviceForm: undefined,
      ageMonths: 14,
      inclusiveOnly: 'true',
      lat: 31.1,
      lng: 121.05,
      sort: 'distance',
    });
    expect(toQuery(parse('')).inclusiveOnly).toBeUndefined();
    expect(toQuery(parse(`q=${encodeURIComponent('  白鹤 ')}`)).q).toBe('白鹤');
    expect(toQuery(parse('q=%20')).q).toBeUndefined();
  });

  it('counts the filters behind the 筛选 button, not the keyword or the sort', () => {
    expect(activeFilterCount(parse('q=abc&sort=name'))).toBe(0);
    expect(activeFilterCount(parse('town=310118106&kind=kindergarten&age=20&inclusive=1'))).toBe(4);
    expect(activeFilterCount(parse('from=310118102&form=hourly&inclusive=0'))).toBe(2);
  });
});
