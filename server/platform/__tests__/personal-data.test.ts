/** Sealed values, blind indexes, key files and the refusal to start without the keys that open the data. */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.ts';
import { Rng } from '../../demo/rng.ts';
import { seedInstitutionsDemo } from '../../modules/institutions/demo.ts';
import { maskChanges } from '../audit/mask.ts';
import { KeyUnavailableError, open, seal } from '../crypto/cipher.ts';
import {
  addKey,
  generateKeyRing,
  keyFileOf,
  loadKeys,
  parseKeyRing,
  serializeKeyRing,
} from '../crypto/keys.ts';
import { openKeysAtStart } from '../crypto/startup.ts';
import {
  indexCandidates,
  indexValue,
  installKeyRing,
  keyProblems,
  maskPersonal,
  openValue,
  sealValue,
} from '../personal-data.ts';

const ID = '11010519491231002X';

describe('sealed values and blind indexes', () => {
  it('round-trips, uses a fresh nonce per value and names its key', () => {
    installKeyRing(generateKeyRing());
    const a = sealValue('citizen_id', ID);
    const b = sealValue('citizen_id', ` ${ID.toLowerCase()} `);
    expect(a).not.toEqual(b);
    expect(a).toMatch(/^pd1\.e1\.[A-Za-z0-9_-]+$/);
    expect(a).not.toContain('1949');
    expect(openValue('citizen_id', a)).toBe(ID);
    expect(openValue('citizen_id', b)).toBe(ID);
  });

  it('never hands out a nonce twice, across several fills of the nonce pool', () => {
    const ring = generateKeyRing();
    const nonces = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const sealed = seal(ring.encryption, '13812345678', 'phone');
      const raw = Buffer.from(sealed.split('.')[2]!, 'base64url');
      nonces.add(raw.subarray(0, 12).toString('hex'));
      expect(open(ring.encryption, sealed, 'phone')).toBe('13812345678');
    }
    expect(nonces.size).toBe(1000);
  });

  it('refuses a tampered value, a value of another kind and an unknown key', () => {
    const ring = generateKeyRing();
    const s = seal(ring.encryption, '13812345678', 'phone');
    const flipped = `${s.slice(0, -2)}${s.at(-2) === 'A' ? 'B' : 'A'}${s.at(-1)}`;
    expect(() => open(ring.encryption, flipped, 'phone')).toThrow(KeyUnavailableError);
    expect(() => open(ring.encryption, s, 'citizen_id')).toThrow(KeyUnavailableError);
    expect(() => open(generateKeyRing().encryption, s, 'phone')).toThrow(/authentication_failed/);
    expect(() => open({ current: 'e9', keys: new Map() }, s, 'phone')).toThrow(/unknown_key/);
  });

  it('blind index: deterministic over the normalised value, keyed, separated by kind', () => {
    const ring = generateKeyRing();
    installKeyRing(ring);
    expect(indexValue('citizen_id', ID)).toBe(indexValue('citizen_id', ID.toLowerCase()));
    expect(indexValue('phone', '+86 138-1234-5678')).toBe(indexValue('phone', '13812345678'));
    expect(indexValue('phone', '13812345678')).not.toBe(indexValue('passport', '13812345678'));
    const before = indexValue('citizen_id', ID);
    installKeyRing(generateKeyRing());
    expect(indexValue('citizen_id', ID)).not.toBe(before);
    // After a rotation of the index key, lookups try the current key first, then the old ones.
    installKeyRing(addKey(ring, 'blindIndex').ring);
    const candidates = indexCandidates('citizen_id', ID);
    expect(candidates).toHaveLength(2);
    expect(candidates[0]).toMatch(/^i2\./);
    expect(candidates[1]).toBe(before);
  });

  it('masks as the standard says', () => {
    expect(maskPersonal('citizen_id', '310118199001010026')).toBe('310118********0026');
    expect(maskPersonal('phone', '13812345678')).toBe('138****5678');
    expect(maskPersonal('name', '王晓燕')).toBe('王**');
    expect(maskPersonal('passport', 'E12345678')).toBe('E1*****78');
  });

  it('the audit trail masks marked fields by name at any depth, and leaves public ones', () => {
    const masked = maskChanges({
      directorIdNumber: '310118199001010026',
      directorMobile: '13812345678',
      nested: [{ director_mobile: '13912345678' }],
      directorName: '王晓燕',
      publicPhone: '021-59201234',
      name: '小海豚托育园',
    });
    expect(masked).toEqual({
      directorIdNumber: '310118********0026',
      directorMobile: '138****5678',
      nested: [{ director_mobile: '139****5678' }],
      directorName: '王**',
      publicPhone: '021-59201234',
      name: '小海豚托育园',
    });
  });
});

describe('key files', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'tuoyu-keys-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates DATA_DIR/keys.json with mode 600 once, then reads it back', () => {
    const sub = path.join(dir, 'fresh');
    const first = loadKeys({ dataDir: sub, env: {} });
    expect(first.created).toBe(true);
    expect(statSync(keyFileOf(sub)).mode & 0o777).toBe(0o600);
    const again = loadKeys({ dataDir: sub, env: {} });
    expect(again.created).toBe(false);
    expect(again.ring.encryption.keys.get('e1')).toEqual(first.ring.encryption.keys.get('e1'));
  });

  it('TUOYU_KEYS takes JSON or base64 JSON and wins over the file; bad input is named, keys are not', () => {
    const ring = generateKeyRing();
    const text = serializeKeyRing(ring);
    for (const v of [text, Buffer.from(text).toString('base64')]) {
      const got = loadKeys({ dataDir: path.join(dir, 'unused'), env: { TUOYU_KEYS: v } });
      expect(got.source).toBe('TUOYU_KEYS');
      expect(got.ring.blindIndex.keys.get('i1')).toEqual(ring.blindIndex.keys.get('i1'));
    }
    expect(existsSync(path.join(dir, 'unused'))).toBe(false);
    expect(() => parseKeyRing('{"format":"tuoyu-keys/1"}', 'TUOYU_KEYS')).toThrow(/TUOYU_KEYS: "encryption"/);
    const short = JSON.parse(text);
    short.encryption.keys.e1 = 'c2hvcnQ=';
    expect(() => parseKeyRing(JSON.stringify(short), 'x')).toThrow(/key "e1" must be 32 bytes/);
  });
});

describe('start without the keys that open the data', () => {
  let database: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    dir = mkdtempSync(path.join(os.tmpdir(), 'tuoyu-start-'));
  });
  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts with its key file, refuses loudly after the file is lost, and starts again once it is restored', async () => {
    const first = await openKeysAtStart(database.db, { dataDir: dir, env: {} });
    expect(first.created).toBe(true);
    // The demo registry stores every director's ID number and mobile sealed with the installed keys.
    await seedInstitutionsDemo(database.db, {
      district: '310118',
      rng: new Rng(7),
      now: new Date('2026-06-01'),
    });
    expect(await keyProblems(database.db)).toEqual([]);
    const backup = readFileSync(keyFileOf(dir));
    rmSync(keyFileOf(dir));
    await expect(openKeysAtStart(database.db, { dataDir: dir, env: {} })).rejects.toThrow(
      /Refusing to start: the database holds encrypted personal data[\s\S]*"institutions"."director_id_number": key "e1" \(authentication_failed\)[\s\S]*Restore the key file/,
    );
    // The file generated by the failed start is gone again, so the backup can go back in place.
    expect(existsSync(keyFileOf(dir))).toBe(false);
    await expect(
      openKeysAtStart(database.db, {
        dataDir: dir,
        env: { TUOYU_KEYS: serializeKeyRing(generateKeyRing()) },
      }),
    ).rejects.toThrow(/configured keys \(TUOYU_KEYS\)/);
    writeFileSync(keyFileOf(dir), backup, { mode: 0o600 });
    await expect(openKeysAtStart(database.db, { dataDir: dir, env: {} })).resolves.toMatchObject({
      created: false,
    });
  });
});
