import { describe, expect, it } from 'vitest';
import { checkClass } from './classes.ts';
import { runDraw } from './draw.ts';
import { validateCitizenId } from './ids.ts';
import { isReasonCode, REASONS, toFieldError } from './reasons.ts';
import { QINGPU_2022 } from './test-fixtures.ts';
import { addWorkingDays } from './workdays.ts';

describe('REASONS catalogue', () => {
  it.each(Object.entries(REASONS))('%s has Chinese and English messages', (code, m) => {
    expect(code).toMatch(/^[a-z_]+\.[a-z_0-9]+$/);
    expect(m.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(m.en.length).toBeGreaterThan(5);
  });

  it.each([
    () => validateCitizenId('110105194912310021', '2025-01-01'),
    () => addWorkingDays('2030-01-01', 1),
    () => runDraw({ secretHex: '00'.repeat(16), targets: [], inspectors: [], conflicts: [], sampleSize: 1 }),
  ])('rule failures carry catalogued codes (%#)', (call) => {
    const r = call();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(isReasonCode(r.reason)).toBe(true);
  });

  it('checkClass violations are catalogued', () => {
    for (const v of checkClass({ type: 'mixed', capacity: 30, enrolled: 40, minAgeMonths: 6 }, QINGPU_2022)) {
      expect(isReasonCode(v.reason)).toBe(true);
    }
  });

  it('builds the 400 body', () => {
    expect(toFieldError({ reason: 'id.check_character', field: 'guardian.idNumber' })).toEqual({
      field: 'guardian.idNumber',
      rule: 'id.check_character',
      message_zh: '证件号码校验码错误',
      message_en: 'Wrong check character in ID number',
    });
    expect(toFieldError({ reason: 'count.negative' }, 'capacity').field).toBe('capacity');
    expect(isReasonCode('nope.nope')).toBe(false);
  });
});
