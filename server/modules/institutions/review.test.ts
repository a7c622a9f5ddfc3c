/** The review queue never guesses working days outside the holiday calendar: it says it cannot count. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DISTRICT, type TestApp } from '../../../test/app.ts';
import { buildClasses, buildInstitutionInput } from './factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('district', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
});
afterAll(() => t.close());

describe('review queue and the holiday calendar', () => {
  it('counts working days inside the calendar and answers null (not a guess) outside it', async () => {
    // Submitted on Friday 2026-12-25 (Beijing time); the calendar ships 2021–2026.
    t.clock.advance(new Date('2026-12-25T02:00:00Z').getTime() - t.clock.now().getTime());
    let cookie = await t.login('district');
    const created = await t.call('POST', '/api/v1/institutions', { cookie, body: buildInstitutionInput() });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const classes = await t.call('PUT', `/api/v1/institutions/${id}/classes`, {
      cookie,
      body: { version: created.json().version, classes: buildClasses() },
    });
    expect(classes.statusCode).toBe(200);
    const submit = await t.call('POST', `/api/v1/institutions/${id}/transitions`, {
      cookie,
      body: { action: 'submit', version: classes.json().version },
    });
    expect(submit.statusCode).toBe(200);

    t.clock.advance(4 * 86_400_000); // Tuesday 2026-12-29: 2 working days (Mon 28, Tue 29)
    cookie = await t.login('district');
    const inside = (await t.call('GET', '/api/v1/institutions/review-queue', { cookie })).json();
    expect(inside.items[0]).toMatchObject({ id, waitedWorkingDays: 2, overdue: false });

    t.clock.advance(14 * 86_400_000); // 2027-01-12: outside the shipped calendar
    cookie = await t.login('district');
    const outside = (await t.call('GET', '/api/v1/institutions/review-queue', { cookie })).json();
    expect(outside.items[0]).toMatchObject({ id, waitedWorkingDays: null, overdue: false });
  });
});
