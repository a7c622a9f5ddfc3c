import { describe, expect, it } from 'vitest';
import { DOCUMENT_CATEGORIES } from '../contracts/institution.ts';
import { FILING_REQUIRED_DOCUMENTS, missingFilingDocuments } from './national-2019.ts';

describe('filing materials of 国卫办人口发〔2019〕25号', () => {
  it('every required category is one a document can be uploaded as, and each is cited', () => {
    for (const d of FILING_REQUIRED_DOCUMENTS) {
      expect(DOCUMENT_CATEGORIES).toContain(d.category);
      expect(d.article).toContain('25号');
    }
  });

  it('names what is missing, in the order of the pack; other documents do not count', () => {
    expect(missingFilingDocuments([])).toEqual([
      'business_license',
      'site_certificate',
      'fire_safety',
      'health_check',
    ]);
    expect(missingFilingDocuments(['other', 'fire_safety', 'business_license'])).toEqual([
      'site_certificate',
      'health_check',
    ]);
    expect(
      missingFilingDocuments(['business_license', 'site_certificate', 'fire_safety', 'health_check']),
    ).toEqual([]);
  });
});
