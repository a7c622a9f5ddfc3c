import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, DISTRICT, type TestApp, XUJING } from '../../../test/app.ts';
import { readRows } from '../../platform/import/read.ts';
import { institutionExport } from './export.ts';
import { buildInstitutionInput } from './factories.ts';

let t: TestApp;
let district: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('district', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
  await t.createUser('town-xj', 'town_officer', { kind: 'division', divisionCode: XUJING });
  district = await t.login('district');
  for (const [name, directorName, openingHours] of [
    ['=HYPERLINK("http://evil.example","点击")', '@SUM(1+1)', '+86 全天'],
    ['青浦区普通托育园', '-2+3', '\t=1'],
  ])
    expect(
      (
        await t.call('POST', '/api/v1/institutions', {
          cookie: district,
          body: buildInstitutionInput({ name, directorName, openingHours }),
        })
      ).statusCode,
    ).toBe(201);
});
afterAll(() => {
  institutionExport.syncMaxRows = undefined;
  return t.close();
});

async function cells(data: Buffer, format: 'csv' | 'xlsx') {
  const out: string[] = [];
  for await (const r of readRows(data, format)) out.push(...r);
  return out;
}
const DANGER = /^[=+\-@\t\r]/;

describe('institutions export on the platform exporter', () => {
  it.each(['csv', 'xlsx'] as const)(
    '%s: no cell starts a formula; the texts keep their content',
    async (format) => {
      const res = await t.call('GET', `/api/v1/institutions/export?format=${format}`, { cookie: district });
      expect(res.statusCode).toBe(200);
      const all = await cells(res.rawPayload, format);
      expect(all.filter((c) => DANGER.test(c))).toEqual([]);
      expect(all).toContain(`'=HYPERLINK("http://evil.example","点击")`);
      expect(all).toContain("'@SUM(1+1)");
      expect(all).toContain("'-2+3");
    },
  );

  it('above the row threshold: 202 with a link only the requester can download; audited', async () => {
    institutionExport.syncMaxRows = 1;
    const other = await t.login('town-xj');
    const before = await countRows(t, 'audit_log');
    const res = await t.call('GET', '/api/v1/institutions/export?format=csv', { cookie: district });
    expect(res.statusCode).toBe(202);
    const job = res.json();
    expect(job).toMatchObject({ status: 'pending', downloadUrl: `/api/v1/exports/${job.exportId}` });
    expect((await t.call('GET', job.downloadUrl, { cookie: district })).json().code).toBe('export.not_ready');
    await t.jobs.runDue();
    const file = await t.call('GET', job.downloadUrl, { cookie: district });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('text/csv');
    const rows = [];
    for await (const r of readRows(file.rawPayload, 'csv')) rows.push(r);
    expect(rows).toHaveLength(3);
    expect((await t.call('GET', job.downloadUrl, { cookie: other })).statusCode).toBe(404);
    expect(await countRows(t, 'audit_log')).toBe(before + 2); // the request and the download
  });
});
