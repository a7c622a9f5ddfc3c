/**
 * `npm run jobs:run-due`: run every job that is due now (and the current period of each schedule)
 * against the configured database, then exit; prints `ran <n> job(s)`. For operators and cron-less
 * deployments; the server runs the same loop by itself.
 */
import { buildApp } from '../server/app.ts';
import { migrate } from '../server/db/migrate.ts';
import { systemClock } from '../server/platform/clock.ts';
import { openConfiguredDatabase } from './open-configured.ts';

const { config, database: pending } = openConfiguredDatabase();
const database = await pending;
const migration = await migrate(database);
// buildApp registers every module, so every job kind is defined; nothing listens.
const { app, jobs } = await buildApp({
  database,
  clock: systemClock,
  config: { ...config, logLevel: 'silent' },
  migration,
});
try {
  const n = await jobs.runDue();
  console.log(`ran ${n} job(s)`);
} finally {
  await app.close();
  await database.close();
}
