/**
 * The registry's use cases. Each write runs in one transaction: read in scope (404 outside), check
 * rights and rules (403/409/400), conditional update on the version (409), history row, audit entry.
 */

import type {
  ClassInputBody,
  CreateInstitutionBody,
  InstitutionInput,
  InstitutionListQuery,
  InstitutionRevealBody,
  InstitutionStatus,
  TransitionAction,
  TransitionBody,
  UpdateInstitutionBody,
} from '../../../domain/contracts/institution.ts';
import { classAgeMonths } from '../../../domain/institutions/class-ages.ts';
import { validateDirectorPersonal } from '../../../domain/institutions/director.ts';
import {
  editRights,
  institutionLifecycle,
  permittedActions,
  relationOf,
} from '../../../domain/institutions/lifecycle.ts';
import {
  classAgeRange,
  validateClasses,
  validateInstitution,
} from '../../../domain/institutions/validate.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { DomainError, fieldError, throwIfErrors } from '../../platform/errors.ts';
import { divisionInScope } from '../../platform/guard.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { updateVersioned } from '../../platform/versioned.ts';
import './errors.ts';
import { revealValue } from '../../platform/reveal.ts';
import { toClass, toDetail, toSummary } from './mappers.ts';
import { localDate, policyOn } from './policy.ts';
import {
  callerOf,
  checkComplete,
  columnsOf,
  duplicateCredit,
  duplicateDirector,
  inputOf,
  personalColumns,
} from './profile.ts';
import * as repo from './repository.ts';
import { institutionHistory, institutions } from './tables.ts';

/** Told of every transition inside its transaction (the national filing sync queues its job there). */
export type TransitionHook = (
  tx: Db,
  ctx: RequestContext,
  districtCode: string,
  institutionId: string,
  action: string,
) => Promise<void>;

/** Told of every edit inside its transaction, with the row before and after (an edit after filing may queue the sync). */
export type EditHook = (
  tx: Db,
  ctx: RequestContext,
  before: repo.InstitutionRow,
  after: repo.InstitutionRow,
) => Promise<void>;

export function createInstitutionService({
  db,
  onTransition,
  onEdit,
}: {
  db: Db;
  onTransition?: TransitionHook;
  onEdit?: EditHook;
}) {
  async function detail(tx: Db, actor: Actor, row: repo.InstitutionRow) {
    // One after another: inside a transaction they share one connection (pg queues parallel queries on
    // a client, deprecated and to be removed in pg 9).
    const classes = await repo.classesOf(tx, row);
    const documents = await repo.documentsOf(tx, row);
    const history = await repo.historyOf(tx, row);
    return toDetail(
      row,
      { classes, documents, history },
      permittedActions(row.status as InstitutionStatus, callerOf(actor, row.id)),
    );
  }

  function requireEdit(row: repo.InstitutionRow, actor: Actor, what: 'edit' | 'upload') {
    if (!editRights(row.status as InstitutionStatus, callerOf(actor, row.id))[what])
      throw new DomainError('institutions.not_editable', {
        allowed: permittedActions(row.status as InstitutionStatus, callerOf(actor, row.id)),
      });
  }

  return {
    async list(_ctx: RequestContext, actor: Actor, q: InstitutionListQuery) {
      const sort = q.sort ? { by: q.sort, order: q.order } : undefined;
      const page = await repo.listInstitutions(db, actor, q, q, sort);
      return { ...page, items: page.items.map(toSummary) };
    },

    async get(_ctx: RequestContext, actor: Actor, id: string) {
      return detail(db, actor, await repo.getInstitution(db, actor, id));
    },

    /** A new draft. District (division-scoped) officers create drafts for any town in their scope. */
    async create(ctx: RequestContext, actor: Actor, body: CreateInstitutionBody) {
      const v = validateInstitution(body, actor.districtCode);
      const person = validateDirectorPersonal(body, localDate(ctx.now));
      throwIfErrors([...v.errors, ...person.errors]);
      if (!divisionInScope(actor, body.townCode))
        throw fieldError(
          'townCode',
          'scope',
          '所选街镇不在您的管辖范围内',
          'The town is outside your jurisdiction',
        );
      return db.transaction(async (tx) => {
        if (await repo.creditCodeTaken(tx, actor.districtCode, v.creditCode)) throw duplicateCredit();
        if (person.idNumber && (await repo.directorIdTaken(tx, actor.districtCode, person.idNumber)))
          throw duplicateDirector();
        const [row] = await tx
          .insert(institutions)
          .values({
            districtCode: actor.districtCode,
            id: uuidv7(ctx.now.getTime()),
            ...columnsOf(body, v.creditCode, v.publicPhone, v.operatorCreditCode),
            ...personalColumns(person.idNumber, person.mobile),
            status: 'draft',
            createdAt: ctx.now,
            updatedAt: ctx.now,
          })
          .returning();
        await institutionHistory.append(tx, ctx, actor, {
          districtCode: row!.districtCode,
          objectId: row!.id,
          action: 'create',
          from: null,
          to: 'draft',
        });
        await recordAudit(tx, ctx, {
          action: 'institutions.create',
          objectType: 'institution',
          objectId: row!.id,
          changes: { ...body },
        });
        return detail(tx, actor, row!);
      });
    },

    async update(ctx: RequestContext, actor: Actor, id: string, body: UpdateInstitutionBody) {
      return db.transaction(async (tx) => {
        const row = await repo.getInstitution(tx, actor, id, true);
        requireEdit(row, actor, 'edit');
        const { version, ...patch } = body;
        const merged: InstitutionInput = {
          ...inputOf(row),
          ...Object.fromEntries(Object.entries(patch).filter(([, x]) => x !== undefined)),
        };
        const v = validateInstitution(merged, row.districtCode);
        const person = validateDirectorPersonal(patch, localDate(ctx.now));
        v.errors.push(...person.errors);
        if (merged.kind !== row.kind) {
          const classes = await repo.classesOf(tx, row);
          v.errors.push(
            ...validateClasses(merged.kind, classes.map(toClass), policyOn(row.districtCode, ctx.now)),
          );
        }
        throwIfErrors(v.errors);
        if (merged.townCode !== row.townCode && !divisionInScope(actor, merged.townCode))
          throw fieldError(
            'townCode',
            'scope',
            '所选街镇不在您的管辖范围内',
            'The town is outside your jurisdiction',
          );
        if (
          v.creditCode !== row.creditCode &&
          (await repo.creditCodeTaken(tx, row.districtCode, v.creditCode, row.id))
        )
          throw duplicateCredit();
        if (person.idNumber && (await repo.directorIdTaken(tx, row.districtCode, person.idNumber, row.id)))
          throw duplicateDirector();
        const next = await updateVersioned(
          tx,
          institutions,
          row,
          version,
          {
            ...columnsOf(merged, v.creditCode, v.publicPhone, v.operatorCreditCode),
            ...personalColumns(person.idNumber, person.mobile),
          },
          ctx.now,
        );
        await recordAudit(tx, ctx, {
          action: 'institutions.update',
          objectType: 'institution',
          objectId: row.id,
          changes: patch,
        });
        await onEdit?.(tx, ctx, row, next);
        return detail(tx, actor, next);
      });
    },

    /** One unmasked personal value of an institution in scope (404 outside), with its purpose, audited. */
    async reveal(ctx: RequestContext, actor: Actor, id: string, body: InstitutionRevealBody) {
      return db.transaction(async (tx) => {
        const row = await repo.getInstitution(tx, actor, id);
        return revealValue(tx, ctx, {
          objectType: 'institution',
          objectId: row.id,
          field: body.field,
          kind: body.field === 'directorIdNumber' ? 'citizen_id' : 'phone',
          sealed: row[body.field],
          purpose: body.purpose,
        });
      });
    },

    /** Replace the classes; seats (托额) = sum of capacities, kept on the institution. */
    async replaceClasses(
      ctx: RequestContext,
      actor: Actor,
      id: string,
      body: { version: number; classes: ClassInputBody[] },
    ) {
      return db.transaction(async (tx) => {
        const row = await repo.getInstitution(tx, actor, id, true);
        requireEdit(row, actor, 'edit');
        const values = policyOn(row.districtCode, ctx.now);
        throwIfErrors(validateClasses(row.kind as InstitutionInput['kind'], body.classes, values));
        const next = await updateVersioned(
          tx,
          institutions,
          row,
          body.version,
          {
            seats: body.classes.reduce((s, c) => s + c.capacity, 0),
            enrolled: body.classes.reduce((s, c) => s + c.enrolled, 0),
            toddlerClasses: body.classes.filter((c) => c.type === 'kindergarten_toddler').length,
            classAges: classAgeMonths(body.classes.map((c) => classAgeRange(c, values))),
          },
          ctx.now,
        );
        // Keep the ids of the classes that stay (by id, else by name): staff assignments hang on them.
        const existing = await repo.classesOf(tx, row);
        const free = new Map(existing.map((c) => [c.id, c]));
        const kept = body.classes.map((c) => (c.id && free.delete(c.id) ? c.id : undefined));
        const badId = body.classes.findIndex((c, i) => c.id && !kept[i]);
        if (badId >= 0)
          throw fieldError(
            `classes.${badId}.id`,
            'institution.class_not_found',
            `第 ${badId + 1} 个班级的 ID 不是本机构的班级（或重复）`,
            `classes.${badId}.id is not a class of this institution (or is repeated)`,
          );
        body.classes.forEach((c, i) => {
          if (kept[i]) return;
          const same = [...free.values()].find((e) => e.name === c.name);
          if (same) {
            free.delete(same.id);
            kept[i] = same.id;
          }
        });
        await repo.replaceClasses(
          tx,
          next,
          body.classes.map((c, position) => ({
            districtCode: row.districtCode,
            id: kept[position] ?? uuidv7(ctx.now.getTime()),
            institutionId: row.id,
            position,
            name: c.name,
            type: c.type,
            capacity: c.capacity,
            enrolled: c.enrolled,
            ...classAgeRange(c, values),
            createdAt: ctx.now,
          })),
        );
        await recordAudit(tx, ctx, {
          action: 'institutions.classes',
          objectType: 'institution',
          objectId: row.id,
          changes: { classes: body.classes },
        });
        return detail(tx, actor, next);
      });
    },

    async transition(ctx: RequestContext, actor: Actor, id: string, body: TransitionBody) {
      return db.transaction(async (tx) => {
        const row = await repo.getInstitution(tx, actor, id, true);
        const rule = institutionLifecycle.transitions[body.action];
        const caller = callerOf(actor, row.id);
        const relation = relationOf(caller);
        if (!institutionLifecycle.allows(body.action, relation, caller.may))
          throw new DomainError('auth.forbidden');
        const status = row.status as InstitutionStatus;
        const check = institutionLifecycle.check(status, body.action, body.reason);
        if (!check.ok && check.reason === 'transition.not_allowed')
          throw new DomainError('conflict.transition', {
            allowed: institutionLifecycle.permitted(status, relation, caller.may),
          });
        if (!check.ok && REVIEW_DECISIONS.has(body.action))
          throw fieldError(
            'reason',
            'transition.opinion_required',
            '审核意见必填：请写明予以备案或退回修改的理由',
            'A review opinion is required: state why the filing is approved or returned',
          );
        if (!check.ok)
          throw fieldError(
            'reason',
            'transition.reason_required',
            '此操作须填写原因',
            'This action requires a reason',
          );
        if (body.action === 'submit') await checkComplete(tx, row, ctx.now);
        const set: Partial<repo.InstitutionRow> = { status: rule.to };
        if (body.action === 'submit') set.submittedAt = ctx.now;
        if (body.action === 'approve') set.filedAt = ctx.now;
        const next = await updateVersioned(tx, institutions, row, body.version, set, ctx.now);
        await institutionHistory.append(tx, ctx, actor, {
          districtCode: row.districtCode,
          objectId: row.id,
          action: body.action,
          from: status,
          to: rule.to,
          reason: body.reason,
        });
        await recordAudit(tx, ctx, {
          action: `institutions.${body.action}`,
          objectType: 'institution',
          objectId: row.id,
          changes: { status: [status, rule.to], ...(body.reason ? { reason: body.reason } : {}) },
        });
        await onTransition?.(tx, ctx, row.districtCode, row.id, body.action);
        return detail(tx, actor, next);
      });
    },
  };
}

/** The filing-review decisions: their reason is the review opinion (审核意见). */
const REVIEW_DECISIONS = new Set<string>(['approve', 'return']);

export type InstitutionService = ReturnType<typeof createInstitutionService>;

/**
 * A transition the platform makes itself (a scheduled job, e.g. supervision's overdue escalation to
 * 整改中): the same lifecycle rule and versioned update as an officer's, a history row without an actor,
 * and the audit entry written by the caller (the job's `ctx.audit`, as `system:jobs`). `actor` is the
 * job's district-wide view for the guard. Returns the new row, or undefined if the lifecycle does not
 * allow the step from the current status (e.g. the institution is no longer operating).
 */
export async function systemTransition(
  tx: Db,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  action: TransitionAction,
  reason: string,
): Promise<repo.InstitutionRow | undefined> {
  const row = await repo.getInstitution(tx, actor, id, true);
  const status = row.status as InstitutionStatus;
  if (!institutionLifecycle.check(status, action, reason).ok) return undefined;
  const to = institutionLifecycle.transitions[action].to;
  const next = await updateVersioned(tx, institutions, row, row.version, { status: to }, ctx.now);
  await institutionHistory.append(tx, ctx, null, {
    districtCode: row.districtCode,
    objectId: row.id,
    action,
    from: status,
    to,
    reason,
  });
  return next;
}
