import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, DISTRICT, type TestApp, XUJING, ZHUJIAJIAO } from '../../../test/app.ts';
import { buildInstitution } from '../../../test/factories/institutions.ts';
import { readRows } from '../../platform/import/read.ts';
import { nationalFilingExport } from './national-export.ts';

let t: TestApp;
let district: string;
let town: string;
const URL = '/api/v1/institutions/national-filings/export';
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('district', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
  await t.createUser('town-xj', 'town_officer', { kind: 'division', divisionCode: XUJING });
  const db = t.database.db;
  const at = (s: string) => new Date(s);
  // Closed in January (filing, two status changes, closure), operating in February, one still under
  // review, and one filed long before the range.
  ids.closed = (
    await buildInstitution(db, {
      name: '青浦区朱家角镇已注销托育园',
      townCode: ZHUJIAJIAO,
      directorName: '张三丰',
      status: 'closed',
      now: at('2026-01-10T02:00:00Z'),
    })
  ).id;
  ids.operating = (
    await buildInstitution(db, {
      name: '青浦区徐泾镇运营中托育园',
      townCode: XUJING,
      kind: 'family_point',
      status: 'operating',
      now: at('2026-02-10T02:00:00Z'),
    })
  ).id;
  ids.submitted = (
    await buildInstitution(db, { townCode: XUJING, status: 'submitted', now: at('2026-01-12T02:00:00Z') })
  ).id;
  ids.old = (
    await buildInstitution(db, { townCode: ZHUJIAJIAO, status: 'filed', now: at('2025-06-01T02:00:00Z') })
  ).id;
  district = await t.login('district');
  town = await t.login('town-xj');
});
afterAll(() => {
  nationalFilingExport.syncMaxRows = undefined;
  return t.close();
});

async function table(data: Buffer, format: 'csv' | 'xlsx') {
  const out: string[][] = [];
  for await (const r of readRows(data, format)) out.push(r.map(String));
  return out;
}
const col = (rows: string[][], header: RegExp) => {
  const i = rows[0]!.findIndex((h) => header.test(h));
  return rows.slice(1).map((r) => r[i] ?? '');
};

describe('national filing records as a file', () => {
  it.each(['csv', 'xlsx'] as const)(
    '%s: the range, in event order, representative masked; audited',
    async (format) => {
      const before = await countRows(t, 'audit_log');
      const res = await t.call('GET', `${URL}?format=${format}&from=2026-01-01&to=2026-02-28`, {
        cookie: district,
      });
      expect(res.statusCode).toBe(200);
      const rows = await table(res.rawPayload, format);
      expect(rows[0]).toContain('统一社会信用代码 Unified social credit code');
      expect(col(rows, /^记录类型/)).toEqual(['备案', '变更', '变更', '注销', '备案', '变更']);
      expect(col(rows, /^机构状态/)).toEqual(['已备案', '运营中', '停业', '注销', '已备案', '运营中']);
      expect(col(rows, /^机构类型/).slice(-1)).toEqual(['家庭托育点']);
      expect(col(rows, /^备案日期/)[3]).toBe('2026-01-10');
      expect(col(rows, /^注销日期/)[3]).toBe('2026-01-10');
      expect(col(rows, /^法定代表人/)[0]).toBe('张**');
      expect(rows.flat().join()).not.toContain('张三丰');
      expect(new Set(col(rows, /^记录编号/)).size).toBe(6);
      expect(await countRows(t, 'audit_log')).toBe(before + 1);
    },
  );

  it('a town officer gets its own town only; the range bounds are China dates', async () => {
    const own = await table(
      (await t.call('GET', `${URL}?format=csv&from=2026-01-01&to=2026-12-31`, { cookie: town })).rawPayload,
      'csv',
    );
    expect(col(own, /^机构名称/)).toEqual(['青浦区徐泾镇运营中托育园', '青浦区徐泾镇运营中托育园']);
    const jan = await table(
      (await t.call('GET', `${URL}?format=csv&from=2026-01-10&to=2026-01-10`, { cookie: district }))
        .rawPayload,
      'csv',
    );
    expect(col(jan, /^记录类型/)).toEqual(['备案', '变更', '变更', '注销']);
    const none = await table(
      (await t.call('GET', `${URL}?format=csv&from=2026-01-11&to=2026-02-09`, { cookie: district }))
        .rawPayload,
      'csv',
    );
    expect(none).toHaveLength(1);
  });

  it.each([
    ['from=2026-02-01&to=2026-01-01', 'to'],
    ['from=2026-02-30&to=2026-03-01', 'from'],
    ['from=2025-01-01&to=2026-03-01', 'to'],
    ['to=2026-03-01', 'from'],
  ])('%s → 400 naming %s, nothing audited', async (query, field) => {
    const before = await countRows(t, 'audit_log');
    const res = await t.call('GET', `${URL}?${query}`, { cookie: district });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(`querystring.${field}`);
    expect(await countRows(t, 'audit_log')).toBe(before);
  });

  it('no permission: an institution admin is refused', async () => {
    await t.createUser('inst', 'institution_admin', { kind: 'institution', institutionId: ids.operating! });
    const res = await t.call('GET', `${URL}?from=2026-01-01&to=2026-01-31`, {
      cookie: await t.login('inst'),
    });
    expect(res.statusCode).toBe(403);
  });

  it('an edit after filing that changes the national record is a change row of the file, in time order', async () => {
    const cur = (await t.call('GET', `/api/v1/institutions/${ids.operating}`, { cookie: district })).json();
    const edited = await t.call('PATCH', `/api/v1/institutions/${ids.operating}`, {
      cookie: district,
      body: { version: cur.version, address: '上海市青浦区徐泾镇诸光路 1 号' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const today = new Date(t.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const rows = await table(
      (await t.call('GET', `${URL}?format=csv&from=2026-02-01&to=${today}`, { cookie: district })).rawPayload,
      'csv',
    );
    expect(col(rows, /^记录类型/)).toEqual(['备案', '变更', '变更']);
    expect(col(rows, /^变更事项/).at(-1)).toBe('机构住所');
    expect(col(rows, /^机构住所/).at(-1)).toBe('上海市青浦区徐泾镇诸光路 1 号');
    expect(col(rows, /^变更日期/).at(-1)).toBe(today);
    // An edit the national record does not carry (opening hours) adds no row.
    const again = (await t.call('GET', `/api/v1/institutions/${ids.operating}`, { cookie: district })).json();
    await t.call('PATCH', `/api/v1/institutions/${ids.operating}`, {
      cookie: district,
      body: { version: again.version, openingHours: '07:00-18:30' },
    });
    const after = await table(
      (await t.call('GET', `${URL}?format=csv&from=2026-02-01&to=${today}`, { cookie: district })).rawPayload,
      'csv',
    );
    expect(after).toHaveLength(rows.length);
  });

  it('above the row threshold the file is made in the background with the same rows', async () => {
    nationalFilingExport.syncMaxRows = 1;
    const res = await t.call('GET', `${URL}?format=csv&from=2026-01-01&to=2026-02-28`, { cookie: district });
    expect(res.statusCode).toBe(202);
    await t.jobs.runDue();
    const file = await t.call('GET', res.json().downloadUrl, { cookie: district });
    expect(file.statusCode).toBe(200);
    expect(await table(file.rawPayload, 'csv')).toHaveLength(7);
  });
});
