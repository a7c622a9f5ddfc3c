/**
 * The demo parent's family (issue 11, demo phase 1): after seedDemo the `parent` account sees its own
 * family — two guardians, two children under 3, every personal number masked and sealed in the tables —
 * and can use it: withdraw a consent, apply for a place at a public institution.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DISTRICT, PASSWORD, type TestApp } from '../../../test/app.ts';
import { seedDemo } from '../../demo/seed.ts';
import { demoParentCommunity } from './demo-parent.ts';

let t: TestApp;
let parent: string;
const NOW = new Date('2026-06-15T02:00:00Z');

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database.db, {
    district: DISTRICT,
    password: PASSWORD,
    dataDir: '.tmp/demo-parent',
    now: NOW,
  });
  parent = await t.login('parent');
});
afterAll(() => t.close());

describe('the demo parent family', () => {
  it('is the parent account’s family: 朱家角镇, two guardians, two children under 3, masked', async () => {
    const res = await t.call('GET', '/api/v1/families/mine', { cookie: parent });
    expect(res.statusCode).toBe(200);
    const f = res.json();
    expect(f.townCode).toBe(`${DISTRICT}102`);
    expect(f.communityCode).toBe(demoParentCommunity(DISTRICT));
    expect(f.guardians).toHaveLength(2);
    expect(f.children).toHaveLength(2);
    for (const c of f.children) {
      expect(c.ageMonths).toBeGreaterThanOrEqual(0);
      expect(c.ageMonths).toBeLessThan(36);
      expect(c.idNumber).toMatch(/^310118\*{8}\d{3}[\dX]$/);
    }
    for (const g of f.guardians) {
      expect(g.idNumber).toMatch(/^310118\*{8}\d{3}[\dX]$/);
      expect(g.mobile).toMatch(/^139\*{4}\d{4}$/);
    }
    const inForce = f.consents.filter((c: { status: string }) => c.status === 'given');
    // Phase 1 gives these two; the phase-2 demo may add others, as for any family.
    expect(inForce.map((c: { purpose: string }) => c.purpose)).toEqual(
      expect.arrayContaining(['guidance_signup', 'home_visit']),
    );
    expect(f.visits.some((v: { status: string }) => v.status === 'done')).toBe(true);
    // Sealed at rest: no 18-digit ID number and no plain mobile in the rows.
    const raw = JSON.stringify(
      await t.database.db.execute(
        sql`select c.id_number, g.id_number as gid, g.mobile from family_children c join family_guardians g on g.family_id = c.family_id where c.family_id = ${f.id}`,
      ),
    );
    expect(raw).not.toMatch(/310118(19|20)\d{9}[\dX]/);
    expect(raw).not.toContain('13900000611');
  });

  it('lets the parent withdraw a consent and apply for a place', async () => {
    const f = (await t.call('GET', '/api/v1/families/mine', { cookie: parent })).json();
    const mother = f.guardians[0].id;
    const w = await t.call('POST', `/api/v1/families/${f.id}/consents/withdraw`, {
      cookie: parent,
      body: { guardianId: mother, purpose: 'guidance_signup' },
    });
    expect(w.statusCode).toBe(200);
    const withdrawn = w.json().consents.find((c: { purpose: string }) => c.purpose === 'guidance_signup');
    expect(withdrawn.status).toBe('withdrawn');

    const pub = (await t.call('GET', '/api/v1/public/institutions?pageSize=3')).json();
    expect(pub.items.length).toBeGreaterThan(0);
    const a = await t.call('POST', '/api/v1/families/applications', {
      cookie: parent,
      body: {
        childId: f.children[0].id,
        preferences: pub.items.slice(0, 3).map((i: { id: string }) => i.id),
        serviceForm: 'full_day',
        startDate: '2026-09-01',
      },
    });
    expect(a.statusCode).toBe(201);
    expect(a.json().status).toBe('submitted');
    const mine = (await t.call('GET', '/api/v1/families/applications', { cookie: parent })).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toContain(a.json().id);
  });
});
