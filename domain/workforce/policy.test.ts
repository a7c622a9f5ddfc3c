import { describe, expect, it } from 'vitest';
import { withDistrictFunding, withDistrictPlan, workforcePolicy } from './policy.ts';
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

describe("the district's plan over the pack", () => {
  it('after 2023 the pack is carried over; a successor plan with every number ends that, cited from it', () => {
    expect(pack.carriedOverFrom).toContain('35号');
    expect(withDistrictPlan(pack, null)).toBe(pack);
    const targets = {
      practitioners_certified_pct: { value: 100, citation: '二、发展目标' },
      skills_training_hours_per_practitioner: { value: 80, citation: '区联席会议纪要' },
      ethics_training_hours_per_practitioner: { value: 40, citation: '二、发展目标' },
      professional_trainings: { value: 8, citation: '二、发展目标' },
    };
    const p = withDistrictPlan(pack, { docNumber: '青府办发〔2025〕1号', targets });
    expect(p).toMatchObject({
      skillsHours: 80,
      ethicsHours: 40,
      professionalTrainings: 8,
      carriedOverFrom: null,
    });
    expect(p.citations.skillsHours).toEqual({ docNumber: '青府办发〔2025〕1号', article: '区联席会议纪要' });
  });

  it('a plan without a row for a metric keeps the pack value and says it is still carried over', () => {
    const p = withDistrictPlan(pack, {
      docNumber: '青府办发〔2025〕1号',
      targets: { skills_training_hours_per_practitioner: { value: 60, citation: 'x' } },
    });
    expect(p.skillsHours).toBe(60);
    expect(p.ethicsHours).toBe(pack.ethicsHours);
    expect(p.citations.ethicsHours).toEqual(pack.citations.ethicsHours);
    expect(p.carriedOverFrom).toBe(pack.carriedOverFrom);
  });
});
