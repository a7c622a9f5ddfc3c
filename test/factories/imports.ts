/** The kit import's upload and commit as a test drives them (CSV from rows, multipart, job run). */
import type { TestApp } from '../app.ts';
import { csvText, multipartBody } from './inputs.ts';

/** Upload a CSV of `head` + `rows` to an import base (e.g. /api/v1/plan/funding/rates/imports): the dry run. */
export async function uploadCsv(t: TestApp, base: string, cookie: string, head: string[], rows: string[][]) {
  const m = multipartBody('rows.csv', 'text/csv', Buffer.from(csvText([head, ...rows])));
  return t.app.inject({ method: 'POST', url: base, headers: { cookie, ...m.headers }, payload: m.payload });
}

/** Commit a checked run (202), run the job, and return the run as it ends. */
export async function commitRun(t: TestApp, base: string, cookie: string, runId: string) {
  const res = await t.call('POST', `${base}/${runId}/commit`, { cookie });
  if (res.statusCode !== 202) throw new Error(`commit ${runId}: ${res.statusCode} ${res.body}`);
  await t.jobs.runDue();
  return (await t.call('GET', `${base}/${runId}`, { cookie })).json();
}
