import { describe, expect, it } from 'vitest';
import { withDistrictFunding, workforcePolicy } from './policy.ts';
import { classStaffing } from './rules.ts';

const QINGPU = '310118';
const pack = workforcePolicy(QINGPU, '2026-06-30');
const version = {
  versionNo: 1,
  effectiveFrom: '2026-01-01',
  docNumber: '青教〔2026〕1号',
  teachersPerClass: 2,
  caregiversPerClass: 2,
  subsidyAssessments: ['caregiver'],
};
const toddlerClass = (posts: ('teacher' | 'caregiver')[]) => ({
  classType: 'kindergarten_toddler' as const,
  institutionKind: 'kindergarten' as const,
  enrolled: 20,
  certified: posts.map((post) => ({ post, classes: 1 })),
});

describe('a district funding version over the pack (ADR 0028)', () => {
  it('without one, the pack: 两教一保 carried forward, cited from 35号', () => {
    expect(withDistrictFunding(pack, null)).toBe(pack);
    expect(pack.staffing).toMatchObject({ teachersPerToddlerClass: 2, caregiversPerToddlerClass: 1 });
    expect(pack.citations.kindergarten_toddler?.docNumber).toContain('35号');
    const s = classStaffing(toddlerClass(['teacher', 'teacher', 'caregiver']), pack.staffing);
    expect(s).toMatchObject({ compliant: true, required: 3, perClass: { teachers: 2, caregivers: 1 } });
  });

  it("the version's staffing holds a toddler class, its list is the subsidy list, and it is cited", () => {
    const p = withDistrictFunding(pack, version);
    const s = classStaffing(toddlerClass(['teacher', 'teacher', 'caregiver']), p.staffing);
    expect(s).toMatchObject({ compliant: false, required: 4, perClass: { teachers: 2, caregivers: 2 } });
    expect(
      classStaffing(toddlerClass(['teacher', 'teacher', 'caregiver', 'caregiver']), p.staffing),
    ).toMatchObject({
      compliant: true,
    });
    expect(p.subsidyAssessments).toEqual(['caregiver']);
    expect(p.citations.kindergarten_toddler).toEqual({
      docNumber: '青教〔2026〕1号',
      article: '区级托班经费标准第 1 版（2026-01-01 起施行）',
    });
    expect(p.citations.subsidyAssessments).toEqual(p.citations.kindergarten_toddler);
    // The other rules are the pack's, untouched.
    expect(p.staffing.classRatios).toBe(pack.staffing.classRatios);
    expect(p.skillsHours).toBe(pack.skillsHours);
    expect(pack.staffing.caregiversPerToddlerClass).toBe(1); // the cached pack is not changed
  });
});
