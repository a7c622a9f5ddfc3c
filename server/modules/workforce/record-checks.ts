/**
 * Pre-hire record checks (入职查询, issue 17): the sex-offence record query and the no-criminal-record
 * certificate recorded for a person before an employment starts (rule pack `recordChecks.required`,
 * the pure rule `domain/workforce/prehire.ts`). They are recorded with a hire (the hire form's and the
 * import row's checks) or on their own (`POST /staff/:id/checks`); a returning person's checks on record
 * are reused. A `found` result bars the hire and tells the district officers (as a ban-list match does).
 * The reference number is stored as entered and never written to a log or an audit entry.
 *
 * Who may record: whoever sees the person (the guard) for an institution in their scope; who may read:
 * whoever sees the person. Scans: one PDF/JPEG/PNG per check through the files kit (purpose
 * `staff_record_check`), uploaded and downloaded as certificate scans are.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { FieldError } from '../../../domain/contracts/common.ts';
import {
  RECORD_CHECK_KIND_LABELS,
  type RecordCheck,
  type RecordCheckInput,
  type RecordCheckKind,
  type recordCheckBody,
} from '../../../domain/contracts/workforce.ts';
import { workforcePolicy } from '../../../domain/workforce/policy.ts';
import { checkDateErrors, type PreHireDecision, preHireDecision } from '../../../domain/workforce/prehire.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { localDate } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { DomainError, throwIfErrors } from '../../platform/errors.ts';
import type { CheckedFile } from '../../platform/files/check.ts';
import { type AttachmentOwner, createFileService } from '../../platform/files/service.ts';
import type { FileStorage } from '../../platform/files/storage.ts';
import { scopeWhere } from '../../platform/guard.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { notifyRole } from '../../platform/notifications/index.ts';
import { institutions } from '../institutions/tables.ts';
import { getStaff, institutionScopeCols } from './repository.ts';
import { recordChecks } from './tables.ts';

export const RECORD_CHECK_OWNER = 'workforce_record_check';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The date rule of each given check (not after today), fields under `prefix` (e.g. `employment.checks`). */
export function checkInputErrors(
  checks: readonly RecordCheckInput[] | undefined,
  today: string,
  prefix: string,
) {
  return (checks ?? []).flatMap((c, i) => checkDateErrors(c.checkedOn, today, `${prefix}.${i}.checkedOn`));
}

/** A person's recorded checks (kind, result, date), oldest first. */
export async function checksOf(tx: Db, districtCode: string, staffId: string) {
  return tx
    .select({ kind: recordChecks.kind, result: recordChecks.result, checkedOn: recordChecks.checkedOn })
    .from(recordChecks)
    .where(and(eq(recordChecks.districtCode, districtCode), eq(recordChecks.staffId, staffId)))
    .orderBy(asc(recordChecks.checkedOn));
}

/** Insert checks for a person, each audited `workforce.record_check` (without the reference number). */
export async function insertChecks(
  tx: Db,
  ctx: RequestContext,
  m: { districtCode: string; staffId: string; institutionId: string },
  checks: readonly RecordCheckInput[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const c of checks) {
    const id = uuidv7(ctx.now.getTime());
    ids.push(id);
    await tx.insert(recordChecks).values({
      districtCode: m.districtCode,
      id,
      staffId: m.staffId,
      kind: c.kind,
      result: c.result,
      checkedOn: c.checkedOn,
      referenceNumber: c.referenceNumber,
      fileId: null,
      institutionId: m.institutionId,
      recordedBy: UUID.test(ctx.actor?.userId ?? '') ? ctx.actor!.userId : null,
      recordedAt: ctx.now,
    });
    await recordAudit(tx, ctx, {
      action: 'workforce.record_check',
      objectType: 'workforce_staff',
      objectId: m.staffId,
      changes: {
        checkId: id,
        kind: c.kind,
        result: c.result,
        checkedOn: c.checkedOn,
        institutionId: m.institutionId,
      },
      ...(c.result === 'found' ? { result: 'denied' as const } : {}),
    });
  }
  return ids;
}

/** A check with a record found: the district officers are told at once (the notifications kit). */
export async function reportCheckFound(
  tx: Db,
  ctx: RequestContext,
  m: {
    districtCode: string;
    staffId: string | null;
    kinds: RecordCheckKind[];
    institutionName: string;
    dedupeKey: string;
  },
) {
  const zh = m.kinds.map((k) => RECORD_CHECK_KIND_LABELS[k].zh).join('、');
  const en = m.kinds.map((k) => RECORD_CHECK_KIND_LABELS[k].en.toLowerCase()).join(', ');
  await notifyRole(
    tx,
    { districtCode: m.districtCode, role: 'district_officer' },
    {
      kind: 'workforce.record_check_found',
      titleZh: '入职查询结果为有记录',
      titleEn: 'A pre-hire record check found a record',
      bodyZh: `${m.institutionName} 拟录用的一名人员${zh}结果为有记录，任职已被拦截。`,
      bodyEn: `The ${en} of a person ${m.institutionName} meant to hire found a record; the employment was blocked.`,
      link: m.staffId ? `/admin/workforce/staff/${m.staffId}` : '/admin/workforce/staff',
      dedupeKey: m.dedupeKey,
    },
    { now: ctx.now },
  );
}

/**
 * The decision for a hire: the checks given with it are recorded first (for the institution hiring),
 * then the person's checks on record decide (preHireDecision on the start date, the pack of today).
 * Missing, too old or after the start: a 400 naming `field` — the caller's transaction rolls back, so
 * nothing is written. Found: the checks stay recorded and the caller blocks the employment.
 */
export async function decideHire(
  tx: Db,
  ctx: RequestContext,
  m: { districtCode: string; staffId: string; institutionId: string; startDate: string },
  given: readonly RecordCheckInput[] | undefined,
  field: string,
  /** false: a ban-list match blocks the hire anyway — record and decide, but do not refuse for missing checks. */
  strict = true,
): Promise<PreHireDecision> {
  const today = localDate(ctx.now);
  throwIfErrors(checkInputErrors(given, today, field));
  if (given?.length) await insertChecks(tx, ctx, m, given);
  const required = workforcePolicy(m.districtCode, today).recordChecks;
  const decision = preHireDecision(
    await checksOf(tx, m.districtCode, m.staffId),
    m.startDate,
    required,
    () => field,
  );
  if (strict && !decision.ok && !decision.found) throwIfErrors(decision.errors);
  return decision;
}

export function createRecordChecks(deps: { db: Db; storage: FileStorage }) {
  const { db } = deps;
  const files = createFileService(deps);

  async function list(tx: Db, districtCode: string, staffId: string): Promise<RecordCheck[]> {
    const rows = await tx
      .select({ c: recordChecks, institutionName: institutions.name })
      .from(recordChecks)
      .innerJoin(
        institutions,
        and(
          eq(institutions.districtCode, recordChecks.districtCode),
          eq(institutions.id, recordChecks.institutionId),
        ),
      )
      .where(and(eq(recordChecks.districtCode, districtCode), eq(recordChecks.staffId, staffId)))
      .orderBy(asc(recordChecks.checkedOn), asc(recordChecks.id));
    return rows.map(({ c, institutionName }) => ({
      id: c.id,
      kind: c.kind,
      result: c.result,
      checkedOn: c.checkedOn,
      referenceNumber: c.referenceNumber,
      institutionId: c.institutionId,
      institutionName,
      fileId: c.fileId,
      recordedAt: c.recordedAt.toISOString(),
    }));
  }

  async function check(tx: Db, actor: Actor, staffId: string, checkId: string, edit: boolean) {
    const person = await getStaff(tx, actor, staffId, edit);
    const q = tx
      .select({ id: recordChecks.id, fileId: recordChecks.fileId, institutionId: recordChecks.institutionId })
      .from(recordChecks)
      .where(
        and(
          eq(recordChecks.districtCode, person.districtCode),
          eq(recordChecks.staffId, person.id),
          eq(recordChecks.id, checkId),
        ),
      );
    const [c] = edit ? await q.for('update') : await q;
    if (!c) throw new DomainError('not_found');
    // A scan is attached by whoever may record for the check's institution.
    if (edit && !(await institutionVisible(tx, actor, c.institutionId))) throw new DomainError('not_found');
    const owner: AttachmentOwner = { type: RECORD_CHECK_OWNER, id: c.id, districtCode: person.districtCode };
    return { owner, fileId: c.fileId };
  }

  return {
    /** A person's checks: whoever sees the person (404 otherwise). */
    async list(_ctx: RequestContext, actor: Actor, staffId: string) {
      const person = await getStaff(db, actor, staffId);
      return { items: await list(db, person.districtCode, person.id) };
    },

    /** Record one check for a person the caller sees, for an institution in the caller's scope. */
    async record(ctx: RequestContext, actor: Actor, staffId: string, body: z.infer<typeof recordCheckBody>) {
      const today = localDate(ctx.now);
      const errors: FieldError[] = checkDateErrors(body.checkedOn, today, 'checkedOn');
      throwIfErrors(errors);
      return db.transaction(async (tx) => {
        const person = await getStaff(tx, actor, staffId, true);
        const [inst] = await tx
          .select({ id: institutions.id, name: institutions.name })
          .from(institutions)
          .where(and(scopeWhere(actor, institutionScopeCols), eq(institutions.id, body.institutionId)));
        if (!inst)
          throwIfErrors([
            {
              field: 'institutionId',
              rule: 'out_of_scope',
              message_zh: '机构不存在或不在您的管辖范围内',
              message_en: 'The institution does not exist or is outside your scope',
            },
          ]);
        const { institutionId, ...check } = body;
        const [id] = await insertChecks(
          tx,
          ctx,
          { districtCode: person.districtCode, staffId: person.id, institutionId },
          [check],
        );
        if (check.result === 'found')
          await reportCheckFound(tx, ctx, {
            districtCode: person.districtCode,
            staffId: person.id,
            kinds: [check.kind],
            institutionName: inst!.name,
            dedupeKey: `record-check-found:${id}`,
          });
        return (await list(tx, person.districtCode, person.id)).find((c) => c.id === id)!;
      });
    },

    async upload(ctx: RequestContext, actor: Actor, staffId: string, checkId: string, file: CheckedFile) {
      const row = await files.attach(ctx, {
        owner: async (tx) => (await check(tx, actor, staffId, checkId, true)).owner,
        file,
        audit: { action: 'workforce.record_check_scan', objectType: 'workforce_staff', objectId: staffId },
        onAttached: async (tx, attachment) => {
          await tx
            .update(recordChecks)
            .set({ fileId: attachment.id })
            .where(and(eq(recordChecks.districtCode, attachment.districtCode), eq(recordChecks.id, checkId)));
        },
      });
      return {
        fileId: row.id,
        fileName: row.fileName,
        contentType: row.contentType,
        sizeBytes: row.sizeBytes,
      };
    },

    async download(ctx: RequestContext, actor: Actor, staffId: string, checkId: string) {
      const { fileId } = await check(db, actor, staffId, checkId, false);
      if (!fileId) throw new DomainError('not_found');
      return files.download(ctx, {
        owner: async (tx) => (await check(tx, actor, staffId, checkId, false)).owner,
        attachmentId: fileId,
        auditAction: 'workforce.record_check_scan_download',
      });
    },
  };
}

async function institutionVisible(tx: Db, actor: Actor, id: string) {
  const [row] = await tx
    .select({ id: institutions.id })
    .from(institutions)
    .where(and(scopeWhere(actor, institutionScopeCols), eq(institutions.id, id)));
  return Boolean(row);
}
