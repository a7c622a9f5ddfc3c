/**
 * Issue 8, personal data: the demo database holds no citizen ID number (GB 11643 checksum) and no
 * 11-digit mobile number in clear — every value of every table, after the demo seed and a few API
 * writes and reads that touch personal data — and the PGlite data folder holds none of the demo
 * directors' numbers. On PostgreSQL (npm run test:pg) the same SELECT scan runs against the server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenIdCheckChar } from '../../domain/rules/ids.ts';
import { luhnValid } from '../../domain/subsidy/rules.ts';
import { createTestApp, DISTRICT, type TestApp } from '../../test/app.ts';
import { filesContaining, personalNumbersIn, scanDatabase } from '../../test/personal-scan.ts';
import { openDatabase } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { seedReference } from '../db/reference.ts';
import { demoDirectorId, demoDirectorMobile } from '../modules/institutions/demo.ts';
import { buildInstitutionInput } from '../modules/institutions/factories.ts';
import { institutions } from '../modules/institutions/tables.ts';
import { subsidyApplications } from '../modules/subsidy/tables.ts';
import { staff } from '../modules/workforce/tables.ts';
import { openValue } from '../platform/personal-data.ts';
import { seedDemo } from './seed.ts';

const PASSWORD = 'Demo-Scan-2026!x';
const NOW = new Date('2026-03-02T01:00:00Z');
const demoIds = Array.from({ length: 110 }, (_, n) => demoDirectorId(n));
const demoMobiles = Array.from({ length: 110 }, (_, n) => demoDirectorMobile(n));

describe('the scanner', () => {
  it('finds ID numbers and mobile numbers in clear, and not hashes, timestamps or codes', () => {
    expect(personalNumbersIn(`{"id":"${demoIds[3]}","m":"${demoMobiles[3]}"}`)).toEqual([
      demoMobiles[3],
      demoIds[3],
    ]);
    expect(personalNumbersIn('0193e0c2-5b1f-7c3a-9d2e-a15239869567')).toEqual([]);
    expect(personalNumbersIn(`x11010519491231002x.`)).toEqual(['11010519491231002x']);
    expect(personalNumbersIn('1764640800000 2026-03-02 021-59201234 91310118MA1J12345X')).toEqual([]);
    // The fraction of a coordinate is not a phone number; a phone after a word and a dot still is.
    expect(personalNumbersIn('121.19660076054')).toEqual([]);
    expect(personalNumbersIn('tel.13912345678')).toEqual(['13912345678']);
  });
});

describe('demo database', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.database.db, {
      district: DISTRICT,
      password: PASSWORD,
      dataDir: '.tmp/demo-scan',
      now: NOW,
    });
  });
  afterAll(() => t.close());

  it('every demo director has a sealed, valid, distinct ID number and mobile', async () => {
    const rows = await t.database.db.select().from(institutions);
    expect(rows).toHaveLength(110);
    const ids = new Set(rows.map((r) => openValue('citizen_id', r.directorIdNumber!)));
    expect(ids.size).toBe(110);
    expect([...ids].sort()).toEqual([...demoIds].sort());
    for (const id of ids) expect(citizenIdCheckChar(id.slice(0, 17))).toBe(id[17]);
  });

  it('every demo employment has its two clear pre-hire record checks, dated not after its start (issue 17)', async () => {
    const res = (await t.database.db.execute(
      sql`select count(*)::int as n from workforce_employments e where (select count(distinct c.kind) from staff_record_checks c where c.district_code = e.district_code and c.staff_id = e.staff_id and c.result = 'clear' and c.checked_on <= e.start_date) <> 2`,
    )) as unknown as { rows: { n: number }[] };
    expect(res.rows[0]!.n).toBe(0);
    expect(await t.database.db.$count(staff)).toBeGreaterThan(1000);
  });

  it('every demo staff member has a sealed, valid, distinct ID number, a blind index and a sealed mobile', async () => {
    const rows = await t.database.db.select().from(staff);
    expect(rows.length).toBeGreaterThan(1000);
    const ids = new Set(rows.map((r) => openValue('citizen_id', r.idNumber!)));
    expect(ids.size).toBe(rows.length);
    for (const id of ids) expect(citizenIdCheckChar(id.slice(0, 17))).toBe(id[17]);
    expect(new Set(rows.map((r) => r.idNumberBidx)).size).toBe(rows.length);
    for (const r of rows) expect(openValue('phone', r.mobile!)).toMatch(/^1\d{10}$/);
  });

  it('every demo subsidy application has sealed numbers: a valid child ID, a Luhn-valid card, none in clear (issue 17)', async () => {
    const rows = await t.database.db.select().from(subsidyApplications);
    expect(rows.length).toBeGreaterThan(500);
    const cards = rows.map((r) => openValue('bank_account', r.bankAccount));
    expect(cards.every((c) => /^\d{19}$/.test(c) && luhnValid(c))).toBe(true);
    const ids = rows.map((r) => openValue('citizen_id', r.childIdNumber));
    expect(new Set(ids).size).toBe(rows.length);
    const dump = JSON.stringify(rows);
    for (const n of [...cards.slice(0, 200), ...ids.slice(0, 200)]) expect(dump).not.toContain(n);
  });

  it('a full SELECT of every table finds no ID number and no mobile number in clear', async () => {
    // Personal data passes through the API too: a create with both numbers and a reveal.
    const district = await t.login('district', PASSWORD);
    const created = await t.call('POST', '/api/v1/institutions', {
      cookie: district,
      body: buildInstitutionInput({ directorIdNumber: '11010519491231002X', directorMobile: '13912345678' }),
    });
    expect(created.statusCode).toBe(201);
    const [demo] = await t.database.db.select().from(institutions).where(eq(institutions.status, 'draft'));
    const revealed = await t.call('POST', `/api/v1/institutions/${demo!.id}/reveal`, {
      cookie: district,
      body: { field: 'directorIdNumber', purpose: '扫描测试：核对负责人身份' },
    });
    expect(revealed.statusCode).toBe(200);
    const scan = await scanDatabase(t.database.db);
    expect(scan.tables).toBeGreaterThan(8);
    expect(scan.values).toBeGreaterThan(5000);
    expect(scan.hits).toEqual([]);
  });
});

describe('PGlite data folder', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'tuoyu-scan-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("holds none of the demo directors' or staff's numbers in plain text (but does hold plain credit codes)", async () => {
    const dataDir = path.join(dir, 'pglite');
    const database = await openDatabase({ dataDir });
    await migrate(database);
    await seedReference(database.db);
    await seedDemo(database.db, { district: DISTRICT, password: PASSWORD, dataDir: dir, now: NOW });
    const [one] = await database.db.select({ code: institutions.creditCode }).from(institutions).limit(1);
    // The demo staff's numbers too (every 5th person: a few hundred needles keep the scan short).
    const people = await database.db
      .select({ id: staff.idNumber, mobile: staff.mobile })
      .from(staff)
      .orderBy(staff.id);
    const staffNumbers = people
      .filter((_, i) => i % 5 === 0)
      .flatMap((p) => [openValue('citizen_id', p.id!), openValue('phone', p.mobile!)]);
    expect(staffNumbers.length).toBeGreaterThan(500);
    await database.exec('CHECKPOINT');
    await database.close();
    // The scan sees what is stored in clear: a credit code is; the directors' numbers are not.
    expect(filesContaining(dataDir, [one!.code]).length).toBeGreaterThan(0);
    expect(
      filesContaining(dataDir, [
        ...demoIds,
        ...demoMobiles,
        ...demoIds.map((id) => id.slice(6, 14) + id.slice(14)),
        ...staffNumbers,
      ]),
    ).toEqual([]);
  }, 240_000);
});
