/** The portal's keyword search (name or address, wildcards literal) and 按名称 in pinyin order. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinyinSortKey } from '../../../domain/rules/pinyin.ts';
import { createTestApp, DISTRICT, type TestApp, ZHUJIAJIAO } from '../../../test/app.ts';
import { seedDemo } from '../../demo/seed.ts';
import { backfillNamePinyin } from './name-pinyin.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database.db, {
    district: DISTRICT,
    password: 'Demo-Keyword-2026!',
    dataDir: '.tmp/demo-keyword-test',
    now: t.clock.now(),
  });
});
afterAll(() => t.close());

type Item = { id: string; name: string; address: string; townCode: string };
const search = async (qs: string) => {
  const res = await t.call('GET', `/api/v1/public/institutions?pageSize=100&${qs}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Item[]; total: number };
};

describe('public keyword search', () => {
  it('finds institutions whose name or address contains the keyword', async () => {
    const byName = await search(`q=${encodeURIComponent('小海豚')}`);
    expect(byName.total).toBeGreaterThan(0);
    expect(byName.items.every((i) => i.name.includes('小海豚') || i.address.includes('小海豚'))).toBe(true);
    const all = (await search('')).items;
    const road = all[0]!.address.match(/[\u4e00-\u9fff]{2,}(路|大道|公路)/)?.[0];
    expect(road, all[0]!.address).toBeDefined();
    const byAddress = await search(`q=${encodeURIComponent(road!)}`);
    expect(byAddress.items.map((i) => i.id)).toContain(all[0]!.id);
    expect(byAddress.items.every((i) => i.name.includes(road!) || i.address.includes(road!))).toBe(true);
    expect(byAddress.total).toBeLessThan(all.length);
  });

  it('combines with the other filters and treats % and _ literally', async () => {
    const town = await search(`q=${encodeURIComponent('托育')}&town=${ZHUJIAJIAO}`);
    expect(town.total).toBeGreaterThan(0);
    expect(town.items.every((i) => i.townCode === ZHUJIAJIAO)).toBe(true);
    expect((await search('q=%25')).total).toBe(0);
    expect((await search('q=_')).total).toBe(0);
    expect((await search(`q=${encodeURIComponent('青浦区%托育')}`)).total).toBe(0);
  });

  it('rejects a keyword over 50 characters with a 400 naming the field', async () => {
    const res = await t.call('GET', `/api/v1/public/institutions?q=${'a'.repeat(51)}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('querystring.q');
  });
});

describe('按名称 in pinyin order', () => {
  it('puts 白鹤 before 朱家角 (code point order would put 朱 first) and follows the stored key', async () => {
    const { items } = await search('sort=name');
    const names = items.map((i) => i.name);
    const firstBaihe = names.findIndex((n) => n.startsWith('青浦区白鹤'));
    const firstZhujiajiao = names.findIndex((n) => n.startsWith('青浦区朱家角'));
    expect(firstBaihe).toBe(0);
    expect(firstZhujiajiao).toBeGreaterThan(firstBaihe);
    expect('朱' < '白').toBe(true);
    const keys = names.map(pinyinSortKey);
    expect(keys).toEqual([...keys].sort());
  });

  it('backfills keys of rows written before the column existed, then finds nothing to do', async () => {
    await t.database.db.execute(sql`update institutions set name_pinyin = ''`);
    expect(await backfillNamePinyin(t.database.db, 40)).toBe(110);
    expect(await backfillNamePinyin(t.database.db)).toBe(0);
    const rows = (
      (await t.database.db.execute(sql`select name, name_pinyin from institutions`)) as unknown as {
        rows: { name: string; name_pinyin: string }[];
      }
    ).rows;
    expect(rows.every((r) => r.name_pinyin === pinyinSortKey(r.name))).toBe(true);
    expect((await search('sort=name')).items[0]!.name.startsWith('青浦区白鹤')).toBe(true);
  });
});
