/** Child process of restart.test.ts: runs the job queue until it is killed (never returns on its own). */
import { openDatabase } from '../../../db/client.ts';
import { systemClock } from '../../clock.ts';
import { createJobs } from '../index.ts';
import { defineRestartJob } from './restart-fixture.ts';

const database = await openDatabase(
  process.env.RESTART_DB_URL
    ? { url: process.env.RESTART_DB_URL }
    : { dataDir: process.env.RESTART_DATA_DIR },
);
const jobs = createJobs({
  db: database.db,
  clock: systemClock,
  workerId: 'child',
  leaseMs: 60_000,
  pollMs: 200,
});
defineRestartJob(jobs, { hangOnFirstAttempt: true });
jobs.start();
