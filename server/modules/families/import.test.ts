/**
 * The birth-record import (issue 11): dry run with row errors (invalid ID, birth date contradicting
 * the ID or in the future, a child over 3, an unknown community) and nothing written; commit; the same
 * file again adds nothing; a changed row updates its family; ID numbers sealed in the table. A
 * re-import writes only what differs: one changed mobile rewrites that guardian alone, a second
 * guardian is added to its family, a renamed child bumps nothing else. The commit run by a process that
 * served none of the import's routes (a job claimed after a restart, bench/faults.ts) reads the
 * community register itself.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, DISTRICT, type TestApp } from '../../../test/app.ts';
import { actorFor, contextFor } from '../../../test/factories/context.ts';
import { buildCommunity, childIdFor, mobileFor, ZJJ_COMMUNITY } from '../../../test/factories/families.ts';
import { csvText, multipartBody } from '../../../test/factories/inputs.ts';
import { addKey } from '../../platform/crypto/keys.ts';
import { localFileStorage } from '../../platform/files/storage.ts';
import { createImportService } from '../../platform/import/service.ts';
import { createJobs } from '../../platform/jobs/index.ts';
import { installKeyRing, keyRing, openValue } from '../../platform/personal-data.ts';
import { BIRTH_RECORD_COLUMNS, birthRecordImport } from './import.ts';

let t: TestApp;
let district: string;
const URL = '/api/v1/families/imports';
const HEADERS = BIRTH_RECORD_COLUMNS.map((c) => c.zh);

function row(n: number, o: Record<string, string> = {}): string[] {
  const birthDate = o.birthDate ?? '2025-05-10';
  const v: Record<string, string> = {
    childName: `导入宝宝${n}`,
    childIdNumber: childIdFor(o.idBirth ?? birthDate, n),
    birthDate,
    sex: n % 2 === 1 ? '男' : '女',
    'guardians.0.name': `导入妈妈${n}`,
    'guardians.0.relation': '母亲',
    'guardians.0.mobile': mobileFor(5000 + n),
    'guardians.0.idNumber': '',
    'guardians.1.name': '',
    'guardians.1.relation': '',
    'guardians.1.mobile': '',
    'guardians.1.idNumber': '',
    address: `朱家角镇导入路${n}号`,
    communityCode: ZJJ_COMMUNITY,
    resident: '是',
    ...o,
  };
  return BIRTH_RECORD_COLUMNS.map((c) => v[c.field] ?? '');
}
const csv = (rows: string[][]) => Buffer.from(csvText([HEADERS, ...rows]));
const upload = (data: Buffer) => {
  const m = multipartBody('births.csv', 'text/csv', data);
  return t.app.inject({
    method: 'POST',
    url: URL,
    headers: { cookie: district, ...m.headers },
    payload: m.payload,
  });
};
async function commitAndRun(id: string) {
  const res = await t.call('POST', `${URL}/${id}/commit`, { cookie: district });
  expect(res.statusCode).toBe(202);
  await t.jobs.runDue();
  return (await t.call('GET', `${URL}/${id}`, { cookie: district })).json();
}

beforeAll(async () => {
  t = await createTestApp();
  await buildCommunity(t.database.db, { code: ZJJ_COMMUNITY });
  await t.createUser('district', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
  district = await t.login('district');
});
afterAll(() => t.close());

describe('birth-record import', () => {
  it('reports every bad row by row and column, writes nothing, refuses the commit', async () => {
    const bad = [
      row(1),
      row(2, { childIdNumber: '310118202505100020' }), // wrong check character
      row(3, { birthDate: '2025-05-11', idBirth: '2025-05-10' }), // contradicts the ID
      row(4, { birthDate: '2026-04-01' }), // future
      row(5, { birthDate: '2022-01-01' }), // over 3
      row(6, { communityCode: '310118102999' }), // unknown community
    ];
    const res = await upload(csv(bad));
    expect(res.statusCode).toBe(201);
    const run = res.json();
    expect(run).toMatchObject({ status: 'invalid', totalRows: 6, validRows: 1 });
    const got = run.errors.map(
      (e: { row: number; field: string; rule: string }) => `${e.row}:${e.field}:${e.rule}`,
    );
    expect(got).toEqual(
      expect.arrayContaining([
        '3:childIdNumber:id.check_character',
        '4:birthDate:birth_date_mismatch',
        expect.stringMatching(/^5:(birthDate|childIdNumber):(birth_future|id\.birth_future)$/),
        '6:birthDate:over_three',
        '7:communityCode:unknown_community',
      ]),
    );
    expect(await countRows(t, 'families')).toBe(0);
    const c = await t.call('POST', `${URL}/${run.id}/commit`, { cookie: district });
    expect(c.statusCode).toBe(409);
    expect(await countRows(t, 'families')).toBe(0);
  });

  it('imports, re-imports nothing, and a changed row updates', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => row(100 + i));
    const first = (await upload(csv(rows))).json();
    expect(first).toMatchObject({ status: 'checked', validRows: 30, existingRows: 0 });
    expect(await countRows(t, 'families')).toBe(0);
    expect((await commitAndRun(first.id)).status).toBe('committed');
    expect(await countRows(t, 'families')).toBe(30);
    expect(await countRows(t, 'family_guardians')).toBe(30);

    const again = (await upload(csv(rows))).json();
    expect(again.existingRows).toBe(30);
    expect((await commitAndRun(again.id)).status).toBe('committed');
    expect(await countRows(t, 'families')).toBe(30);

    const changed = [...rows];
    changed[0] = row(100, { address: '朱家角镇新地址8号', 'guardians.0.mobile': mobileFor(7777) });
    const third = (await upload(csv(changed))).json();
    await commitAndRun(third.id);
    expect(await countRows(t, 'families')).toBe(30);
    const moved = await t.database.db.execute(
      sql`select count(*)::int as n from families where address = '朱家角镇新地址8号'`,
    );
    expect((moved as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1);
    const dump = JSON.stringify(await t.database.db.execute(sql`select * from family_children`));
    expect(dump).not.toContain(childIdFor('2025-05-10', 100));
    const g = JSON.stringify(await t.database.db.execute(sql`select * from family_guardians`));
    expect(g).not.toContain(mobileFor(7777));
  });

  it('a re-import with one changed mobile, one added guardian and one renamed child writes exactly those', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => row(200 + i));
    await commitAndRun((await upload(csv(rows))).json().id);
    // Every row version of the three tables (xmin changes with any UPDATE, even one that sets the same values).
    const versions = async () => {
      const res = (await t.database.db.execute(sql`
        select 'f:' || id as k, xmin::text as v, address as x from families
        union all select 'c:' || family_id, xmin::text, child_name from family_children
        union all select 'g:' || family_id || ':' || position, xmin::text, mobile from family_guardians`)) as unknown as {
        rows: { k: string; v: string; x: string }[];
      };
      return new Map(res.rows.map((r) => [r.k, r]));
    };
    const before = await versions();
    const familyOf = async (n: number) => {
      const res = (await t.database.db.execute(
        sql`select family_id from family_children where child_name = ${`导入宝宝${n}`}`,
      )) as unknown as { rows: { family_id: string }[] };
      return res.rows[0]!.family_id;
    };
    const [mobileFam, guardianFam, renamedFam] = [
      await familyOf(203),
      await familyOf(205),
      await familyOf(207),
    ];
    const changed = [...rows];
    changed[3] = row(203, { 'guardians.0.mobile': mobileFor(8888) });
    changed[5] = row(205, {
      'guardians.1.name': '导入爸爸205',
      'guardians.1.relation': '父亲',
      'guardians.1.mobile': mobileFor(8889),
    });
    changed[7] = row(207, { childName: '改名宝宝207' });
    const run = (await upload(csv(changed))).json();
    expect(run).toMatchObject({ status: 'checked', validRows: 12, existingRows: 12 });
    expect(await commitAndRun(run.id)).toMatchObject({ status: 'committed', insertedRows: 0 });

    const after = await versions();
    const touched = [...after.values()].filter((r) => before.get(r.k)?.v !== r.v).map((r) => r.k);
    expect(touched.sort()).toEqual([`g:${mobileFam}:0`, `g:${guardianFam}:1`, `c:${renamedFam}`].sort());
    expect(openValue('phone', after.get(`g:${mobileFam}:0`)!.x)).toBe(mobileFor(8888));
    expect(openValue('phone', after.get(`g:${guardianFam}:1`)!.x)).toBe(mobileFor(8889));
    expect(after.get(`c:${renamedFam}`)!.x).toBe('改名宝宝207');
    expect(after.size).toBe(before.size + 1);

    // The same file once more: nothing written at all.
    await commitAndRun((await upload(csv(changed))).json().id);
    expect(await versions()).toEqual(after);
  });

  it('after the keys were rotated (not yet moved), a re-import still finds every record by its old index', async () => {
    const rows = Array.from({ length: 6 }, (_, i) => row(300 + i));
    await commitAndRun((await upload(csv(rows))).json().id);
    const families = await countRows(t, 'families');
    const guardians = await countRows(t, 'family_guardians');
    const before = keyRing();
    installKeyRing(addKey(addKey(before, 'encryption').ring, 'blindIndex').ring);
    try {
      const changed = [...rows];
      changed[2] = row(302, { 'guardians.0.mobile': mobileFor(9999) });
      const run = (await upload(csv(changed))).json();
      expect(run).toMatchObject({ status: 'checked', validRows: 6, existingRows: 6 });
      expect(await commitAndRun(run.id)).toMatchObject({ status: 'committed', insertedRows: 0 });
      expect(await countRows(t, 'families')).toBe(families);
      expect(await countRows(t, 'family_guardians')).toBe(guardians);
      const res = (await t.database.db.execute(sql`
        select g.mobile from family_guardians g join family_children c on c.family_id = g.family_id
        where c.child_name = '导入宝宝302'`)) as unknown as { rows: { mobile: string }[] };
      expect(res.rows[0]!.mobile).toMatch(/^pd1\.e2\./); // rewritten with the new current key
      expect(openValue('phone', res.rows[0]!.mobile)).toBe(mobileFor(9999));
    } finally {
      installKeyRing(before);
    }
  });
});

describe('a pass without the routes', () => {
  it('the dry run and the commit job read the community register themselves (a district no request touched)', async () => {
    // As a job claimed by a freshly started process (bench/faults.ts kills the server mid-commit): the
    // import's service alone, no route run before it. Songjiang: no test here sent a request for it.
    const SONGJIANG = '310117';
    const community = '310117001001';
    await buildCommunity(t.database.db, { code: community, district: SONGJIANG });
    const scope = { kind: 'division' as const, divisionCode: SONGJIANG };
    const userId = await t.createUser('songjiang', 'district_officer', scope, { district: SONGJIANG });
    const actor = actorFor('district_officer', scope, { district: SONGJIANG, userId });
    const ctx = contextFor(actor, t.clock.now());
    const imports = createImportService(
      {
        db: t.database.db,
        storage: localFileStorage(`${t.dataDir}/songjiang`),
        jobs: createJobs({ db: t.database.db, clock: t.clock }),
      },
      birthRecordImport({ clock: t.clock }),
    );
    const run = await imports.upload(ctx, actor, {
      fileName: 'sj.csv',
      data: csv([row(71, { communityCode: community }), row(72, { communityCode: community })]),
    });
    expect(run.errors).toEqual([]);
    expect(run.errorCount).toBe(0);
    const done = await imports.runCommit(ctx, actor, run.id);
    expect(done.inserted).toBe(2);
    const n = await t.database.db.execute(
      sql`select count(*)::int as n from families where district_code = ${SONGJIANG} and community_code = ${community}`,
    );
    expect((n as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(2);
  });
});
