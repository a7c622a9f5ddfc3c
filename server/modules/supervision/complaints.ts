/**
 * Public complaints (issue 10): anyone submits one from the portal about an institution in service (no
 * login, contact optional, a limit per IP); it goes to the officer of the institution's town, who
 * accepts it and closes it with a reply and whether it was substantiated. The complainant follows it
 * with the receipt code shown once at submission (stored only as its SHA-256). Substantiated and open
 * complaints of the last 12 months are a risk signal (risk.ts), so they weigh in the draws.
 */
import { createHash, randomInt } from 'node:crypto';
import { and, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { IN_SERVICE_STATUSES } from '../../../domain/contracts/institution-enums.ts';
import type { Action } from '../../../domain/contracts/permissions.ts';
import { roleMay } from '../../../domain/contracts/permissions.ts';
import {
  COMPLAINT_STATUSES,
  type Complaint,
  type ComplaintBody,
  type ComplaintStatus,
  type ComplaintTransitionBody,
} from '../../../domain/contracts/supervision-complaints.ts';
import type { Relation } from '../../../domain/lifecycle.ts';
import { complaintLifecycle } from '../../../domain/supervision/lifecycle.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { SlidingWindowLimiter } from '../../platform/auth/rate-limit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { DomainError, fieldError } from '../../platform/errors.ts';
import { scopeWhere } from '../../platform/guard.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { maskedOf, sealValue } from '../../platform/personal-data.ts';
import { institutions } from '../institutions/tables.ts';
import { supervisionComplaints } from './complaint-tables.ts';

/** At most this many complaints per IP address and hour (a platform choice, docs/RULES.md). */
export const COMPLAINTS_PER_IP_PER_HOUR = 5;
/** Receipt-code lookups per IP and hour (codes are 60 random bits: the limit keeps the table quiet, not the code safe). */
export const LOOKUPS_PER_IP_PER_HOUR = 60;

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32
export function newReceiptCode(): string {
  let s = '';
  for (let i = 0; i < 12; i++) s += ALPHABET[randomInt(32)];
  return s;
}
export const receiptHash = (code: string) => createHash('sha256').update(code).digest('hex');

export const complaintScope = {
  district: supervisionComplaints.districtCode,
  division: supervisionComplaints.townCode,
};

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function createComplaintService(deps: { db: Db; clock: Clock }) {
  const { db } = deps;
  const limiter = new SlidingWindowLimiter(deps.clock, COMPLAINTS_PER_IP_PER_HOUR, 3_600_000);
  const lookups = new SlidingWindowLimiter(deps.clock, LOOKUPS_PER_IP_PER_HOUR, 3_600_000);

  async function toApi(
    actor: Actor,
    rows: (typeof supervisionComplaints.$inferSelect)[],
  ): Promise<Complaint[]> {
    const ids = [...new Set(rows.map((r) => r.institutionId))];
    const names = new Map(
      ids.length
        ? (
            await db
              .select({ id: institutions.id, name: institutions.name })
              .from(institutions)
              .where(and(eq(institutions.districtCode, actor.districtCode), inArray(institutions.id, ids)))
          ).map((i) => [i.id, i.name])
        : [],
    );
    const may = (p: Action) => roleMay(actor.role, p);
    return rows.map((r) => ({
      id: r.id,
      institutionId: r.institutionId,
      institutionName: names.get(r.institutionId) ?? '',
      townCode: r.townCode,
      category: r.category,
      content: r.content,
      contactPhone: maskedOf('phone', r.contactPhone),
      status: r.status,
      substantiated: r.substantiated,
      reply: r.reply,
      submittedAt: r.createdAt.toISOString(),
      acceptedAt: iso(r.acceptedAt),
      closedAt: iso(r.closedAt),
      version: r.version,
      permittedActions: complaintLifecycle.permitted(r.status, 'supervisor', may),
    }));
  }

  return {
    /** Submit (public). The limit is taken before anything is read, so a flood costs no database work. */
    async submit(ctx: RequestContext, body: ComplaintBody) {
      if (!limiter.take(ctx.ip ?? '')) throw new DomainError('supervision.complaint_rate_limited');
      const [inst] = await db
        .select({ id: institutions.id, townCode: institutions.townCode })
        .from(institutions)
        .where(
          and(
            eq(institutions.districtCode, ctx.districtCode),
            eq(institutions.id, body.institutionId),
            inArray(institutions.status, [...IN_SERVICE_STATUSES]),
          ),
        );
      if (!inst)
        throw fieldError(
          'institutionId',
          'institution.not_found',
          '没有找到该机构（只能投诉本区在营的托育机构）',
          'No such institution (complaints are about institutions in service in this district)',
        );
      const code = newReceiptCode();
      const id = uuidv7(ctx.now.getTime());
      await db.transaction(async (tx) => {
        await tx.insert(supervisionComplaints).values({
          districtCode: ctx.districtCode,
          id,
          institutionId: inst.id,
          townCode: inst.townCode,
          category: body.category,
          content: body.content,
          contactPhone: body.contactPhone ? sealValue('phone', body.contactPhone) : null,
          receiptHash: receiptHash(code),
          status: 'received',
          createdAt: ctx.now,
          updatedAt: ctx.now,
        });
        // The text and the contact are not copied into the trail (they may name people).
        await recordAudit(tx, ctx, {
          action: 'supervision.complaint_submit',
          objectType: 'complaint',
          objectId: id,
          changes: { institutionId: inst.id, category: body.category, withContact: !!body.contactPhone },
        });
      });
      return { receiptCode: code, status: 'received' as const, submittedAt: ctx.now.toISOString() };
    },

    /** What the complainant sees with the receipt code; an unknown code is 404 (and counts against the limit). */
    async lookup(ctx: RequestContext, receiptCode: string) {
      if (!lookups.take(ctx.ip ?? '')) throw new DomainError('supervision.complaint_rate_limited');
      const [row] = await db
        .select({ c: supervisionComplaints, name: institutions.name })
        .from(supervisionComplaints)
        .innerJoin(
          institutions,
          and(
            eq(institutions.districtCode, supervisionComplaints.districtCode),
            eq(institutions.id, supervisionComplaints.institutionId),
          ),
        )
        .where(
          and(
            eq(supervisionComplaints.districtCode, ctx.districtCode),
            eq(supervisionComplaints.receiptHash, receiptHash(receiptCode)),
          ),
        );
      if (!row) throw new DomainError('not_found');
      return {
        institutionName: row.name,
        category: row.c.category,
        status: row.c.status,
        submittedAt: row.c.createdAt.toISOString(),
        acceptedAt: iso(row.c.acceptedAt),
        closedAt: iso(row.c.closedAt),
        reply: row.c.status === 'closed' ? row.c.reply : null,
      };
    },

    async list(actor: Actor, q: { status?: ComplaintStatus | undefined }) {
      const scoped = scopeWhere(actor, complaintScope);
      const where: (SQL | undefined)[] = [
        scoped,
        q.status ? eq(supervisionComplaints.status, q.status) : undefined,
      ];
      const [rows, counts] = await Promise.all([
        db
          .select()
          .from(supervisionComplaints)
          .where(and(...where))
          .orderBy(desc(supervisionComplaints.createdAt), desc(supervisionComplaints.id))
          .limit(500),
        db
          .select({ status: supervisionComplaints.status, n: count() })
          .from(supervisionComplaints)
          .where(scoped)
          .groupBy(supervisionComplaints.status),
      ]);
      const byStatus = Object.fromEntries(COMPLAINT_STATUSES.map((s) => [s, 0])) as Record<
        ComplaintStatus,
        number
      >;
      for (const c of counts) byStatus[c.status] = Number(c.n);
      return { items: await toApi(actor, rows), counts: byStatus };
    },

    async transition(ctx: RequestContext, actor: Actor, id: string, body: ComplaintTransitionBody) {
      const row = await db.transaction(async (tx) => {
        const [row] = await tx
          .select()
          .from(supervisionComplaints)
          .where(and(scopeWhere(actor, complaintScope), eq(supervisionComplaints.id, id)))
          .for('update');
        if (!row) throw new DomainError('not_found');
        const may = (p: Action) => roleMay(actor.role, p);
        const relation: Relation = 'supervisor';
        const checked = complaintLifecycle.check(row.status, body.action, undefined);
        if (!checked.ok)
          throw new DomainError('conflict.transition', {
            allowed: complaintLifecycle.permitted(row.status, relation, may),
          });
        if (!complaintLifecycle.allows(body.action, relation, may)) throw new DomainError('auth.forbidden');
        if (body.action === 'close') {
          const errors = [];
          if (!body.reply)
            errors.push({
              field: 'reply',
              rule: 'required',
              message_zh: '办结时必须填写答复（投诉人凭回执码可见）',
              message_en: 'A reply is required to close (the complainant reads it with the receipt code)',
            });
          if (body.substantiated === undefined)
            errors.push({
              field: 'substantiated',
              rule: 'required',
              message_zh: '办结时必须说明投诉是否属实',
              message_en: 'Say whether the complaint was substantiated to close it',
            });
          if (errors.length) throw new DomainError('validation.failed', { errors });
        }
        if (row.version !== body.version) throw new DomainError('conflict.stale_version');
        const set: Partial<typeof supervisionComplaints.$inferInsert> =
          body.action === 'accept'
            ? { acceptedAt: ctx.now, acceptedById: actor.userId }
            : {
                closedAt: ctx.now,
                closedById: actor.userId,
                reply: body.reply!,
                substantiated: body.substantiated!,
                ...(row.acceptedAt ? {} : { acceptedAt: ctx.now, acceptedById: actor.userId }),
              };
        const [u] = await tx
          .update(supervisionComplaints)
          .set({ ...set, status: checked.to, updatedAt: ctx.now, version: row.version + 1 })
          .where(
            and(
              eq(supervisionComplaints.districtCode, row.districtCode),
              eq(supervisionComplaints.id, row.id),
              eq(supervisionComplaints.version, body.version),
            ),
          )
          .returning();
        if (!u) throw new DomainError('conflict.stale_version');
        await recordAudit(tx, ctx, {
          action: `supervision.complaint_${body.action}`,
          objectType: 'complaint',
          objectId: row.id,
          changes: {
            status: { from: row.status, to: checked.to },
            ...(body.action === 'close' ? { substantiated: body.substantiated } : {}),
          },
        });
        return u;
      });
      const [out] = await toApi(actor, [row]);
      return out!;
    },
  };
}
