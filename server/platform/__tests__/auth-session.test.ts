/** GET /auth/session: the login page learns whether a session is live without a 401 in the console. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, DISTRICT, type TestApp } from '../../../test/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('district', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
});
afterAll(() => t.close());

it('answers 200 with null without a session, and the profile with one', async () => {
  const none = await t.call('GET', '/api/v1/auth/session');
  expect(none.statusCode).toBe(200);
  expect(none.json()).toEqual({ me: null });
  const cookie = await t.login('district');
  const live = await t.call('GET', '/api/v1/auth/session', { cookie });
  expect(live.statusCode).toBe(200);
  expect(live.json().me).toMatchObject({ username: 'district', role: 'district_officer' });
  await t.call('POST', '/api/v1/auth/logout', { cookie });
  expect((await t.call('GET', '/api/v1/auth/session', { cookie })).json()).toEqual({ me: null });
});
