/** The console's 按名称 sort is pinyin order (白鹤 before 朱家角), not the code points of the names. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DISTRICT, type TestApp } from '../../../test/app.ts';
import { buildInstitutionInput } from './factories.ts';

let t: TestApp;
let cookie: string;
// Code point order would be 朱 (U+6731) < 白 (U+767D) < 香 (U+9999); pinyin order is bai < xiang < zhu.
const NAMES = ['朱家角托育园', '香花桥托育园', '白鹤托育园'];
beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('district', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
  cookie = await t.login('district');
  for (const name of NAMES) {
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

describe('GET /api/v1/institutions?sort=name', () => {
  it('orders by pinyin ascending and descending', async () => {
    expect([...NAMES].sort()).toEqual(['朱家角托育园', '白鹤托育园', '香花桥托育园']);
    expect(await names('sort=name&order=asc')).toEqual(['白鹤托育园', '香花桥托育园', '朱家角托育园']);
    expect(await names('sort=name&order=desc')).toEqual(['朱家角托育园', '香花桥托育园', '白鹤托育园']);
    expect(await names('sort=name&order=asc&page=2&pageSize=2')).toEqual(['朱家角托育园']);
  });
});
