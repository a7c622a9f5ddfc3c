/** Staff ties between institutions (the quality peer draw's 回避): who works at one and worked at another. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DISTRICT, type TestApp, XUJING, ZHUJIAJIAO } from '../../../test/app.ts';
import { actorFor, contextFor } from '../../../test/factories/context.ts';
import { buildInstitution } from '../../../test/factories/institutions.ts';
import { buildStaff } from '../../../test/factories/workforce.ts';
import { staffConflicts } from '../quality/service.ts';
import { sharedStaffPairs } from './conflicts.ts';
import { createWorkforceService } from './service.ts';

let t: TestApp;
const ids: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const now = t.clock.now();
  ids.a = (
    await buildInstitution(db, { status: 'operating', townCode: ZHUJIAJIAO, name: '甲托育园', now })
  ).id;
  ids.b = (await buildInstitution(db, { status: 'operating', townCode: XUJING, name: '乙托育园', now })).id;
  ids.c = (await buildInstitution(db, { status: 'operating', townCode: XUJING, name: '丙托育园', now })).id;
  // A caregiver worked at 乙 until January, then moved to 甲; someone else works at 丙 only.
  const moved = await buildStaff(db, t.jobs, ids.b, { startDate: '2025-03-01' });
  const actor = actorFor('district_officer', { kind: 'division', divisionCode: DISTRICT });
  const svc = createWorkforceService({ db, jobs: t.jobs });
  const ctx = contextFor(actor, now);
  const employment = moved.employments[0];
  if (!employment) throw new Error('no employment');
  await svc.endEmployment(ctx, actor, moved.id, employment.id, {
    endDate: '2026-01-31',
    version: employment.version,
  });
  await svc.addEmployment(ctx, actor, moved.id, {
    institutionId: ids.a,
    post: 'caregiver',
    startDate: '2026-02-01',
    labourContract: true,
    socialInsurance: true,
  });
  await buildStaff(db, t.jobs, ids.c, { startDate: '2025-03-01' });
}, 60_000);
afterAll(() => t.close());

describe('shared staff between institutions', () => {
  it('pairs the institution where someone works now with the one where they worked', async () => {
    const pairs = await sharedStaffPairs(t.database.db, DISTRICT, [ids.a, ids.b, ids.c]);
    expect(pairs).toEqual([{ reviewerId: ids.a, targetId: ids.b }]);
  });

  it('only among the institutions asked about', async () => {
    expect(await sharedStaffPairs(t.database.db, DISTRICT, [ids.a, ids.c])).toEqual([]);
  });

  it('feeds the quality peer draw as a conflict (甲 never reviews 乙)', async () => {
    const conflicts = await staffConflicts(t.database.db, DISTRICT, [ids.a, ids.b, ids.c]);
    expect(conflicts).toEqual([{ inspectorId: ids.a, targetId: ids.b }]);
  });
});
