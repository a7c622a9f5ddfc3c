/**
 * `npm run keys:rotate -- [--new-encryption-key] [--new-index-key] [--retire] [--batch N]`
 *
 * 1. With --new-encryption-key / --new-index-key: a new random key becomes current in DATA_DIR/keys.json
 *    (the old ones stay, so existing values still open). With TUOYU_KEYS the file cannot be written: add
 *    a key to your secret yourself (`--generate-key` prints 32 random bytes in base64), make it current,
 *    and run this again without the flag.
 * 2. Always: re-encrypt and re-index every value not yet on the current keys, in batches (resumable:
 *    run it again after an interruption), each batch audited.
 * 3. With --retire: remove from keys.json the keys no value uses any more (keep a backup of the old file).
 * The server may keep running meanwhile (conditional updates; lookups try every index key). Restart it
 * after step 1 so it writes with the new key.
 */
import { parseArgs } from 'node:util';
import { migrate } from '../server/db/migrate.ts';
import { sealAudit } from '../server/platform/audit/service.ts';
import { randomKey } from '../server/platform/crypto/cipher.ts';
import { addKey, type KeyRing, keyFileOf, loadKeys, writeKeyFile } from '../server/platform/crypto/keys.ts';
import { keyIdsInUse, rotatePersonalData } from '../server/platform/crypto/rotate.ts';
import { assertKeysOpenData, installKeyRing } from '../server/platform/personal-data.ts';
import { openConfiguredDatabase } from './open-configured.ts';

const { values: args } = parseArgs({
  options: {
    'new-encryption-key': { type: 'boolean', default: false },
    'new-index-key': { type: 'boolean', default: false },
    retire: { type: 'boolean', default: false },
    'generate-key': { type: 'boolean', default: false },
    batch: { type: 'string', default: '500' },
  },
});

if (args['generate-key']) {
  console.log(randomKey().toString('base64'));
  process.exit(0);
}

const { config, database: pending } = openConfiguredDatabase();
const database = await pending;
await migrate(database);
const loaded = loadKeys({ dataDir: config.dataDir });
let ring: KeyRing = loaded.ring;
const fromFile = loaded.source !== 'TUOYU_KEYS';
installKeyRing(ring);
await assertKeysOpenData(database.db, loaded.source);

for (const which of ['encryption', 'blindIndex'] as const) {
  const flag = which === 'encryption' ? 'new-encryption-key' : 'new-index-key';
  if (!args[flag]) continue;
  if (!fromFile) {
    console.error(
      `--${flag}: keys come from TUOYU_KEYS; add the new key there (see --generate-key) and rerun.`,
    );
    process.exit(2);
  }
  const next = addKey(ring, which);
  ring = next.ring;
  writeKeyFile(keyFileOf(config.dataDir), ring);
  console.log(`new ${which} key "${next.keyId}" is current (${loaded.source})`);
}
installKeyRing(ring);

const batchSize = Number(args.batch);
const reports = await rotatePersonalData(database.db, {
  batchSize,
  onBatch: (r) => console.log(`  ${r.table}.${r.column}: ${r.rows} rows moved (${r.batches} batches)`),
});
for (const r of reports) console.log(`${r.table}.${r.column}: ${r.rows} rows now on the current keys`);

if (args.retire) {
  const used = await keyIdsInUse(database.db);
  const retire = (set: KeyRing['encryption'], inUse: Set<string>) => ({
    current: set.current,
    keys: new Map([...set.keys].filter(([k]) => k === set.current || inUse.has(k))),
  });
  const next: KeyRing = {
    encryption: retire(ring.encryption, used.encryption),
    blindIndex: retire(ring.blindIndex, used.blindIndex),
  };
  const gone = [...ring.encryption.keys.keys(), ...ring.blindIndex.keys.keys()].filter(
    (k) => !next.encryption.keys.has(k) && !next.blindIndex.keys.has(k),
  );
  if (fromFile) {
    writeKeyFile(keyFileOf(config.dataDir), next);
    console.log(gone.length ? `retired keys: ${gone.join(', ')}` : 'no key to retire');
  } else console.log(`keys no longer used (remove them from TUOYU_KEYS): ${gone.join(', ') || 'none'}`);
}
await sealAudit(database.db); // link the batches' audit entries (ADR 0017)
await database.close();
