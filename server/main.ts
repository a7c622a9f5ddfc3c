/** env → database → migrate → reference (+ demo) data → buildApp() → listen. */

import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { seedReference } from './db/reference.ts';
import { demoAccounts, generatePassword } from './demo/accounts.ts';
import { demoAccountList, seedDemo, seedExtraDistrict } from './demo/seed.ts';
import { backfillNamePinyin } from './modules/institutions/name-pinyin.ts';
import { sealAudit } from './platform/audit/service.ts';
import { systemClock } from './platform/clock.ts';
import { openKeysAtStart } from './platform/crypto/startup.ts';

const config = loadConfig();
const database = await openDatabase({
  url: config.databaseUrl,
  replicaUrl: config.databaseReplicaUrl,
  dataDir: config.databaseUrl ? undefined : `${config.dataDir}/pglite`,
});
const migration = await migrate(database);
await seedReference(database.db);
await backfillNamePinyin(database.db); // sort keys of rows written before the column existed
let keys: Awaited<ReturnType<typeof openKeysAtStart>>;
try {
  keys = await openKeysAtStart(database.db, { dataDir: config.dataDir });
} catch (e) {
  console.error((e as Error).message);
  await database.close();
  process.exit(1);
}
const demo = config.demo
  ? await seedDemo(database.db, {
      district: config.districtCode,
      password: config.demoPassword,
      dataDir: config.dataDir,
      now: systemClock.now(),
    })
  : undefined;
// The second demo district(s) (DEMO_DISTRICTS): the first district's password when it is known here,
// else one of their own, printed once and added to demo-accounts.txt.
const extraDemo: string[] = [];
const extraPassword = config.demoPassword || demo?.generatedPassword ? undefined : generatePassword();
for (const district of config.demo ? config.demoExtraDistricts : []) {
  const password = config.demoPassword ?? demo?.generatedPassword ?? (extraPassword as string);
  const usernames = await seedExtraDistrict(database.db, { district, password, now: systemClock.now() });
  if (usernames.length === 0) continue;
  extraDemo.push(`  demo ${district}     ${usernames.join(', ')} (log in with district ${district})`);
  if (!config.demoPassword) {
    mkdirSync(config.dataDir, { recursive: true });
    appendFileSync(
      path.join(config.dataDir, 'demo-accounts.txt'),
      `# district ${district}${password === demo?.generatedPassword ? '' : `, password ${password}`}\n${usernames.join('\n')}\n`,
      { mode: 0o600 },
    );
  }
}
await sealAudit(database.db); // link what the seed and the start-up wrote (ADR 0017)
const { app, jobs } = await buildApp({ database, clock: systemClock, config, migration });
await app.listen({ port: config.port, host: config.host });
jobs.start(); // app.close() stops it (onClose hook in app.ts)

const url = `http://localhost:${config.port}`;
const lines = [
  `Tuoyu 托育 is running on ${database.kind === 'pglite' ? `embedded PGlite (${config.dataDir}/pglite)` : database.replica ? 'PostgreSQL, reads of GET requests on the replica' : 'PostgreSQL'}, migration ${migration}`,
  `  public portal   ${url}/`,
  `  console         ${url}/admin`,
  `  API docs        ${url}/api/docs`,
];
if (keys.created)
  lines.push(
    `  personal-data keys created in ${keys.source} (mode 600): back it up, apart from the database`,
  );
if (demo?.seeded) {
  lines.push(`  demo accounts   ${demo.usernames.join(', ')}`);
  if (demo.generatedPassword)
    lines.push(
      `  demo password   ${demo.generatedPassword}   (shown once; also in ${demo.accountsFile}, mode 600)`,
    );
  else lines.push('  demo password   the value of DEMO_PASSWORD');
} else if (config.demo) {
  const known = demoAccounts(config.districtCode, '', '').map((a) => a.username);
  const all = await demoAccountList(database.db, config.districtCode, known);
  lines.push(`  demo accounts   ${all.map((a) => a.username).join(', ')}`);
  lines.push(`  demo password   DEMO_PASSWORD, or see ${config.dataDir}/demo-accounts.txt`);
}
lines.push(...extraDemo);
if (extraPassword)
  lines.push(`  demo password of ${config.demoExtraDistricts.join(', ')}   ${extraPassword}   (shown once)`);
console.log(lines.join('\n'));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await app.close();
    await database.close();
    process.exit(0);
  });
}
