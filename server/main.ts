/** env → database → migrate → reference (+ demo) data → buildApp() → listen. */
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { seedReference } from './db/reference.ts';
import { demoAccounts } from './demo/accounts.ts';
import { demoAccountList, seedDemo } from './demo/seed.ts';
import { backfillNamePinyin } from './modules/institutions/name-pinyin.ts';
import { sealAudit } from './platform/audit/service.ts';
import { systemClock } from './platform/clock.ts';
import { openKeysAtStart } from './platform/crypto/startup.ts';

const config = loadConfig();
const database = await openDatabase({
  url: config.databaseUrl,
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
await sealAudit(database.db); // link what the seed and the start-up wrote (ADR 0017)
const { app, jobs } = await buildApp({ database, clock: systemClock, config, migration });
await app.listen({ port: config.port, host: config.host });
jobs.start(); // app.close() stops it (onClose hook in app.ts)

const url = `http://localhost:${config.port}`;
const lines = [
  `Tuoyu 托育 is running on ${database.kind === 'pglite' ? `embedded PGlite (${config.dataDir}/pglite)` : 'PostgreSQL'}, migration ${migration}`,
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
console.log(lines.join('\n'));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await app.close();
    await database.close();
    process.exit(0);
  });
}
