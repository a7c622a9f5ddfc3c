/**
 * `npm run ban-key:change -- --new-key <32 bytes base64>` (or `--generate`, or TUOYU_BAN_LIST_KEY_NEW)
 *
 * Installs the ban-list key agreed between districts (ADR 0013): recomputes every staff row's ban-list
 * hash from the sealed number, carries each ban entry of a person registered here over to the new hash,
 * re-screens, and lists the entries it could not carry (no person here holds the number: ask the
 * issuing district to export its list again under the new key, or re-enter the entry from the
 * decision). Then writes DATA_DIR/ban-list-key.json; with TUOYU_BAN_LIST_KEY set, it tells you to put
 * the new key there instead. Stop the server first (it holds the old key in memory). Resumable: after
 * an interruption run it again with the same new key.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { migrate } from '../server/db/migrate.ts';
import {
  banListKeySource,
  loadBanListKey,
  parseBanListKey,
  writeBanListKey,
} from '../server/modules/workforce/ban-key.ts';
import { keyMatchesStaff, rehashBanList } from '../server/modules/workforce/ban-rehash.ts';
import { sealAudit } from '../server/platform/audit/service.ts';
import { loadKeys } from '../server/platform/crypto/keys.ts';
import { assertKeysOpenData, installKeyRing } from '../server/platform/personal-data.ts';
import { openConfiguredDatabase } from './open-configured.ts';

const { values: args } = parseArgs({
  options: {
    'new-key': { type: 'string' },
    generate: { type: 'boolean', default: false },
  },
});

const given = args['new-key'] ?? process.env.TUOYU_BAN_LIST_KEY_NEW;
if (!given && !args.generate) {
  console.error('give the new key: --new-key <base64 of 32 bytes>, TUOYU_BAN_LIST_KEY_NEW, or --generate');
  process.exit(2);
}
const newKey = given ? parseBanListKey(given, '--new-key') : randomBytes(32);

const { config, database: pending } = openConfiguredDatabase();
const database = await pending;
await migrate(database);
const loaded = loadKeys({ dataDir: config.dataDir });
installKeyRing(loaded.ring);
await assertKeysOpenData(database.db, loaded.source);
const oldKey = loadBanListKey({ dataDir: config.dataDir });

if (oldKey.equals(newKey)) {
  console.log('the new key is already the key in use; nothing to do');
  await database.close();
  process.exit(0);
}
const onOld = await keyMatchesStaff(database.db, oldKey);
const onNew = await keyMatchesStaff(database.db, newKey);
if (onOld === false && onNew === false) {
  console.error(
    'the stored staff hashes match neither the key in use nor the new key: check TUOYU_BAN_LIST_KEY / ban-list-key.json',
  );
  await database.close();
  process.exit(1);
}

const reports = await rehashBanList(database.db, { oldKey, newKey });
for (const r of reports) {
  console.log(
    `${r.districtCode}: staff ${r.staff} re-hashed (${r.staffUnchanged} already on the new key), ` +
      `ban entries ${r.entries} carried over (${r.entriesUnchanged} already), re-screen matches ${r.rescreenMatches}`,
  );
  if (r.unmatched.length) {
    console.log(
      `  ${r.unmatched.length} entries could not be carried over (no person here holds the number):`,
    );
    for (const u of r.unmatched)
      console.log(
        `    ${u.id}  ${u.source}${u.issuingDistrict ? ` from ${u.issuingDistrict}` : ''}  decision ${u.decisionRef}`,
      );
  }
}
await sealAudit(database.db);
await database.close();

if (banListKeySource() === 'env') {
  console.log('TUOYU_BAN_LIST_KEY is set: replace its value with the new key and restart the server.');
  if (!given) console.log(`new key: ${newKey.toString('base64')}`);
} else {
  writeBanListKey(config.dataDir, newKey);
  console.log(`the new key is in ${config.dataDir}/ban-list-key.json; start the server again.`);
}
