import { describe, expect, it } from 'vitest';
import { crumbsOf } from './Breadcrumbs.tsx';

describe('console breadcrumbs', () => {
  it('names home, the module and the sub-page', () => {
    expect(crumbsOf('/admin').map((c) => c.key)).toEqual(['nav.home']);
    expect(crumbsOf('/admin/institutions').map((c) => c.key)).toEqual(['nav.home', 'nav.institutions']);
    expect(crumbsOf('/admin/institutions/review').map((c) => c.key)).toEqual([
      'nav.home',
      'nav.institutionsReview',
    ]);
    expect(crumbsOf('/admin/institutions/new').map((c) => c.key)).toEqual([
      'nav.home',
      'nav.institutions',
      'crumb.new',
    ]);
    const edit = crumbsOf('/admin/institutions/0190a000-0000-7000-8000-000000000001/edit');
    expect(edit.map((c) => c.key)).toEqual(['nav.home', 'nav.institutions', 'crumb.detail', 'crumb.edit']);
    expect(edit[2]?.to).toBe('/admin/institutions/0190a000-0000-7000-8000-000000000001');
  });
});
