/**
 * The national filing sync per institution (docs/filing-sync.md): a filing, change or closure (an
 * institution status transition) queues the `institutions.national_sync` job on the jobs kit; the job maps
 * the institution's records (the pure mapper), sends those not yet accepted through the outbound adapter
 * (national-client.ts), then reads the national side's stored copy of the last one back and lists the
 * fields that differ (diffNationalRecord). A retryable answer (timeout, 5xx, network) throws, so the kit
 * retries with its exponential backoff; after the last attempt the sync is `failed`. A rejected field is
 * `failed` at once with the national side's message. NATIONAL_FILING_URL unset: nothing is queued and the
 * API says sync is off.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { NationalSyncList, NationalSyncQuery } from '../../../domain/contracts/filing-sync.ts';
import type {
  InstitutionKind,
  InstitutionStatus,
  ServiceForm,
} from '../../../domain/contracts/institution.ts';
import {
  diffNationalRecord,
  type FieldDifference,
  type FilingEvent,
  NATIONAL_EVENT_ACTIONS,
  type NationalField,
  type NationalRecord,
  type RegistryRow,
  toNationalRecords,
} from '../../../domain/institutions/national-filing.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { type Actor, districtActor, type RequestContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { scopeWhere } from '../../platform/guard.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { type JobContext, type Jobs, SYSTEM_ACTOR } from '../../platform/jobs/index.ts';
import { maskPersonal } from '../../platform/personal-data.ts';
import { createNationalClient, type NationalClientConfig } from './national-client.ts';
import { getInstitution, type InstitutionRow, institutionScope } from './repository.ts';
import {
  institutionNationalEdits as edits,
  institutionStatusHistory as h,
  institutions,
  type NATIONAL_EDIT_FIELDS,
  institutionNationalSync as s,
} from './tables.ts';

export const NATIONAL_SYNC_JOB = 'institutions.national_sync';
export const NATIONAL_SYNC_MAX_ATTEMPTS = 5;
/** The transitions that give a national record (filing, change, closure). */
const SYNCED_ACTIONS = new Set<string>(NATIONAL_EVENT_ACTIONS);

const jobActor = (districtCode: string) =>
  districtActor(districtCode, {
    userId: '00000000-0000-0000-0000-000000000000',
    username: SYSTEM_ACTOR,
    sessionId: 'job',
  });

const registryRow = (row: InstitutionRow): RegistryRow => ({
  ...row,
  kind: row.kind as InstitutionKind,
  ownership: row.ownership as 'public' | 'private',
  serviceForms: row.serviceForms as ServiceForm[],
});
const maskName = (name: string) => maskPersonal('name', name);

/**
 * The institution's national records, oldest first (the same mapper as the export): the status history's
 * filing, changes and closure, and the edits after filing (`institution_national_edits`) as changes.
 */
async function recordsOf(tx: Db, actor: Actor, institutionId: string): Promise<NationalRecord[]> {
  const row = await getInstitution(tx, actor, institutionId);
  const events: FilingEvent[] = (
    await tx
      .select({ action: h.action, to: h.toStatus, at: h.at })
      .from(h)
      .where(
        and(
          eq(h.districtCode, row.districtCode),
          eq(h.institutionId, row.id),
          inArray(h.action, [...NATIONAL_EVENT_ACTIONS]),
        ),
      )
      .orderBy(asc(h.at), asc(h.id))
  ).map((e) => ({ action: e.action, to: e.to as InstitutionStatus, at: e.at }));
  const edited = await tx
    .select({ at: edits.at, fields: edits.fields })
    .from(edits)
    .where(and(eq(edits.districtCode, row.districtCode), eq(edits.institutionId, row.id)))
    .orderBy(asc(edits.at), asc(edits.id));
  for (const e of edited) events.push({ action: 'update', to: null, at: e.at, fields: e.fields });
  return toNationalRecords(registryRow(row), events, maskName);
}

/** The national field → the registry field it is mapped from (NATIONAL_FIELDS' `from`). */
const REGISTRY_FIELD: Partial<Record<NationalField, (typeof NATIONAL_EDIT_FIELDS)[number]>> = {
  institutionName: 'name',
  creditCode: 'creditCode',
  institutionType: 'kind',
  ownership: 'ownership',
  inclusive: 'inclusive',
  divisionCode: 'townCode',
  address: 'address',
  legalRepresentative: 'directorName',
  serviceTypes: 'serviceForms',
  places: 'seats',
};

/**
 * The registry fields of an edit that change the national record: the mapper applied to the row before
 * and after, compared by the diff (so a director renamed within the same mask, 王明 → 王华 = 王**, or a
 * field the national record does not carry changes nothing). Pure.
 */
export function nationalEditFields(before: InstitutionRow, after: InstitutionRow) {
  if (!before.filedAt) return [];
  const filing: FilingEvent[] = [{ action: 'approve', to: 'filed', at: before.filedAt }];
  const [a] = toNationalRecords(registryRow(before), filing, maskName);
  const [b] = toNationalRecords(registryRow(after), filing, maskName);
  if (!a || !b) return [];
  return diffNationalRecord(a, b).flatMap((d) => {
    const f = REGISTRY_FIELD[d.field];
    return f ? [f] : [];
  });
}

/** Queue (or re-queue) one institution's sync inside the caller's transaction; the state becomes `queued`. */
export async function queueNationalSync(
  tx: Db,
  jobs: Jobs,
  ctx: RequestContext,
  districtCode: string,
  institutionId: string,
): Promise<string> {
  await tx
    .insert(s)
    .values({ districtCode, institutionId, state: 'queued', attempts: 0, updatedAt: ctx.now })
    .onConflictDoUpdate({
      target: [s.districtCode, s.institutionId],
      set: { state: 'queued', attempts: 0, updatedAt: ctx.now },
    });
  return jobs.enqueue(tx, {
    districtCode,
    kind: NATIONAL_SYNC_JOB,
    payload: { institutionId },
    // One pending job per institution and moment (a transition and a resend at once are one job).
    idempotencyKey: `${NATIONAL_SYNC_JOB}:${institutionId}:${ctx.now.toISOString()}`,
    createdBy: ctx.actor?.userId,
  });
}

type Outcome =
  | { state: 'synced' | 'differs'; recordId: string; differences: FieldDifference[]; message: string | null }
  | { state: 'failed'; recordId: string | null; message: string }
  | { state: 'retry'; recordId: string | null; message: string };

/** Send the records, compare the last one; no writes here (the caller records the outcome). */
async function syncOne(cfg: NationalClientConfig, records: NationalRecord[]): Promise<Outcome> {
  const client = createNationalClient(cfg);
  const last = records.at(-1);
  if (!last)
    return {
      state: 'failed',
      recordId: null,
      message: '机构尚未予以备案，无记录可发送 / Not filed yet: nothing to send',
    };
  // Every record is sent in order (idempotent by record id on the national side: 409 counts as accepted).
  for (const rec of records) {
    const r = await client.send(rec);
    if (r.kind === 'rejected')
      return {
        state: 'failed',
        recordId: rec.recordId,
        message: r.field ? `${r.field}: ${r.message}` : r.message,
      };
    if (r.kind === 'retry')
      return {
        state: 'retry',
        recordId: rec.recordId,
        message: `国家系统暂不可用（${r.reason}${r.status ? ` ${r.status}` : ''}）/ The national system did not answer (${r.reason})`,
      };
  }
  const stored = await client.fetchStored(last.recordId);
  if (stored === undefined)
    return {
      state: 'retry',
      recordId: last.recordId,
      message: '无法读取国家系统存档 / Could not read the stored copy back',
    };
  if (stored === null)
    return {
      state: 'differs',
      recordId: last.recordId,
      differences: [],
      message: '国家系统未找到已发送的记录 / The national system has no stored copy of the record',
    };
  const differences = diffNationalRecord(last, stored);
  return {
    state: differences.length ? 'differs' : 'synced',
    recordId: last.recordId,
    differences,
    message: null,
  };
}

export function defineNationalSyncJob(jobs: Jobs, cfg: NationalClientConfig | null) {
  jobs.define<{ institutionId: string }>(
    NATIONAL_SYNC_JOB,
    async ({ institutionId }, ctx: JobContext) => {
      if (!cfg) return { skipped: 'sync off' };
      const actor = jobActor(ctx.districtCode);
      const records = await recordsOf(ctx.db, actor, institutionId);
      const out = await syncOne(cfg, records);
      const now = ctx.clock.now();
      const final = out.state !== 'retry' || ctx.attempt >= NATIONAL_SYNC_MAX_ATTEMPTS;
      const state = out.state === 'retry' ? (final ? 'failed' : 'queued') : out.state;
      await ctx.db.transaction(async (tx) => {
        await tx
          .update(s)
          .set({
            state,
            attempts: ctx.attempt,
            lastAttemptAt: now,
            ...(final ? { resultAt: now } : {}),
            lastRecordId: out.recordId,
            message: out.message,
            differences: 'differences' in out ? out.differences : [],
            updatedAt: now,
          })
          .where(and(eq(s.districtCode, ctx.districtCode), eq(s.institutionId, institutionId)));
        await ctx.audit(tx, {
          action: 'institutions.national_sync',
          objectType: 'institution',
          objectId: institutionId,
          changes: {
            state,
            attempt: ctx.attempt,
            recordId: out.recordId,
            ...('differences' in out ? { differs: out.differences.map((d) => d.field) } : {}),
          },
        });
      });
      // The kit retries with its backoff (30 s, 1 min, 2 min, …).
      if (out.state === 'retry' && !final) throw new Error('national system did not answer');
      return { state, recordId: out.recordId };
    },
    {
      maxAttempts: NATIONAL_SYNC_MAX_ATTEMPTS,
      payload: z.strictObject({ institutionId: z.uuid() }),
    },
  );
}

/** A transition that gives a national record queues the sync (nothing when sync is off). */
export function nationalSyncOnTransition(jobs: Jobs, cfg: NationalClientConfig | null) {
  return async (tx: Db, ctx: RequestContext, districtCode: string, institutionId: string, action: string) => {
    if (!cfg || !SYNCED_ACTIONS.has(action)) return;
    await queueNationalSync(tx, jobs, ctx, districtCode, institutionId);
  };
}

/**
 * An edit of a filed institution that changes its national record is kept as a change record and, when
 * sync is on, queues the sync in the edit's own transaction (like a transition). Sync off: the edit is
 * still kept (the records are complete when sync is turned on), nothing is queued.
 */
export function nationalSyncOnEdit(jobs: Jobs, cfg: NationalClientConfig | null) {
  return async (tx: Db, ctx: RequestContext, before: InstitutionRow, after: InstitutionRow) => {
    const fields = nationalEditFields(before, after);
    if (!fields.length) return;
    await tx.insert(edits).values({
      districtCode: after.districtCode,
      id: uuidv7(ctx.now.getTime()),
      institutionId: after.id,
      at: ctx.now,
      fields,
    });
    if (cfg) await queueNationalSync(tx, jobs, ctx, after.districtCode, after.id);
  };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The district officers' side: the list (with whether sync is on) and the resend. */
export function createNationalSyncService(deps: { db: Db; jobs: Jobs; config: NationalClientConfig | null }) {
  const { db, jobs, config } = deps;
  return {
    /**
     * The recorded states, also when sync is off (`enabled: false`): then nothing new is queued and the
     * rows are the last results kept (none unless sync was on before, or the demo wrote them).
     */
    async list(_ctx: RequestContext, actor: Actor, q: NationalSyncQuery): Promise<NationalSyncList> {
      const rows = await db
        .select({ sync: s, name: institutions.name })
        .from(s)
        .innerJoin(
          institutions,
          and(eq(institutions.districtCode, s.districtCode), eq(institutions.id, s.institutionId)),
        )
        .where(and(scopeWhere(actor, institutionScope), q.state ? eq(s.state, q.state) : undefined))
        .orderBy(asc(institutions.namePinyin), asc(institutions.id))
        .limit(1000);
      return {
        enabled: config !== null,
        items: rows.map(({ sync, name }) => ({
          institutionId: sync.institutionId,
          institutionName: name,
          lastRecordId: sync.lastRecordId,
          state: sync.state,
          attempts: sync.attempts,
          lastAttemptAt: iso(sync.lastAttemptAt),
          resultAt: iso(sync.resultAt),
          message: sync.message,
          differences: sync.differences,
        })),
      };
    },
    async resend(ctx: RequestContext, actor: Actor, institutionId: string) {
      if (!config) throw new DomainError('institutions.national_sync_off');
      return db.transaction(async (tx) => {
        const row = await getInstitution(tx, actor, institutionId, true);
        if (!row.filedAt) throw new DomainError('institutions.national_not_filed');
        const jobId = await queueNationalSync(tx, jobs, ctx, row.districtCode, row.id);
        await recordAudit(tx, ctx, {
          action: 'institutions.national_resend',
          objectType: 'institution',
          objectId: row.id,
          changes: { jobId },
        });
        return { jobId };
      });
    },
  };
}
