/** The registry list sorts on the server by the columns the contract names; anything else is a 400. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DISTRICT, type TestApp } from '../../../test/app.ts';
import { buildInstitutionInput } from './factories.ts';

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('district', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
  cookie = await t.login('district');
  for (const name of ['乙托育园', '甲托育园', '丙托育园']) {
    const res = await t.call('POST', '/api/v1/institutions', {
      cookie,
      body: buildInstitutionInput({ name }),
    });
    expect(res.statusCode).toBe(201);
  }
});
afterAll(() => t.close());

const names = async (qs: string) =>
  ((await t.call('GET', `/api/v1/institutions?${qs}`, { cookie })).json().items as { name: string }[]).map(
    (i) => i.name,
  );

describe('GET /api/v1/institutions sorting', () => {
  it('sorts by name ascending and descending, page by page', async () => {
    const asc = await names('sort=name&order=asc');
    // The database's collation decides the order of Chinese names; ascending and descending must mirror.
    expect([...asc].sort()).toEqual(['丙托育园', '乙托育园', '甲托育园'].sort());
    expect(await names('sort=name&order=desc')).toEqual([...asc].reverse());
    expect(await names('sort=name&order=desc&page=2&pageSize=2')).toEqual([asc[0]]);
  });

  it('refuses an unknown sort column with a 400 naming the field', async () => {
    const res = await t.call('GET', '/api/v1/institutions?sort=creditCode', { cookie });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toContain('sort');
  });
});
