/**
 * Licence fields (draft 托育服务法, first reading 2025-12-22): stored, shown, editable, checked for shape
 * only — a bad value is a 400 naming the field, and nothing is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DISTRICT, type TestApp } from '../../../test/app.ts';
import { buildInstitutionInput } from './factories.ts';

let t: TestApp;
let cookie: string;
let id: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('district', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
  cookie = await t.login('district');
  const res = await t.call('POST', '/api/v1/institutions', { cookie, body: buildInstitutionInput() });
  expect(res.statusCode).toBe(201);
  expect(res.json()).toMatchObject({ licenceNumber: null, licenceIssuedOn: null, licenceIssuer: null });
  id = res.json().id;
});
afterAll(() => t.close());

const get = async () => (await t.call('GET', `/api/v1/institutions/${id}`, { cookie })).json();
const patch = async (body: Record<string, unknown>) =>
  t.call('PATCH', `/api/v1/institutions/${id}`, {
    cookie,
    body: { version: (await get()).version, ...body },
  });

describe('institution licence fields', () => {
  it('are stored and shown; empty clears them', async () => {
    const set = await patch({
      licenceNumber: '沪托许字〔2026〕第001号',
      licenceIssuedOn: '2026-02-01',
      licenceValidUntil: '2031-01-31',
      licenceIssuer: '青浦区教育局',
    });
    expect(set.statusCode).toBe(200);
    expect(await get()).toMatchObject({
      licenceNumber: '沪托许字〔2026〕第001号',
      licenceIssuedOn: '2026-02-01',
      licenceValidUntil: '2031-01-31',
      licenceIssuer: '青浦区教育局',
    });
    expect((await patch({ licenceNumber: '', licenceIssuedOn: '', licenceIssuer: null })).statusCode).toBe(
      200,
    );
    expect(await get()).toMatchObject({ licenceNumber: null, licenceIssuedOn: null, licenceIssuer: null });
  });

  it.each([
    [{ licenceNumber: 'A'.repeat(51) }, 'licenceNumber'],
    [{ licenceNumber: '<script>' }, 'licenceNumber'],
    [{ licenceIssuedOn: '2026-02-30' }, 'licenceIssuedOn'],
    [{ licenceValidUntil: '31/01/2031' }, 'licenceValidUntil'],
    [{ licenceIssuer: '局'.repeat(101) }, 'licenceIssuer'],
  ])('%j → 400 naming %s, nothing written', async (body, field) => {
    const before = await get();
    const res = await patch(body);
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .join(),
    ).toContain(field);
    expect((await get()).version).toBe(before.version);
  });
});
