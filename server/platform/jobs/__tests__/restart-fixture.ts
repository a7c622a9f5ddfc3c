/**
 * The restart-safety fixture shared by restart.test.ts and the child process it kills: a job that
 * writes one row keyed by its job id inside a transaction, and (first attempt, child only) hangs
 * before committing, so SIGKILL lands mid-job.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import type { Jobs } from '../index.ts';

export const RESTART_KIND = 'test.restart';
export const EFFECTS_DDL =
  'CREATE TABLE IF NOT EXISTS restart_effects (job_id uuid NOT NULL, attempt int NOT NULL)';

export function defineRestartJob(jobs: Jobs, opts: { hangOnFirstAttempt: boolean }): void {
  jobs.define(RESTART_KIND, async (_p, ctx) => {
    await ctx.db.transaction(async (tx) => {
      await tx.execute(
        sql`insert into restart_effects (job_id, attempt) values (${ctx.jobId}, ${ctx.attempt})`,
      );
      if (opts.hangOnFirstAttempt && ctx.attempt === 1) {
        process.stdout.write(`STARTED ${ctx.jobId}\n`);
        await new Promise(() => {}); // killed here, with the transaction open
      }
    });
    return { done: true };
  });
}

export async function effectCount(db: Db, jobId: string): Promise<number> {
  const res = (await db.execute(
    sql`select count(*)::int as n from restart_effects where job_id = ${jobId}`,
  )) as unknown as { rows: { n: number }[] };
  return res.rows[0]?.n ?? 0;
}
