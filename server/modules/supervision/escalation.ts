/**
 * Overdue rectification (issue 10; 35号 三、(二) two-level supervision): once a day, every item still
 * open (no evidence submitted) after its deadline is escalated, once: the institution's town officers and
 * its admins are told, and an operating institution moves to 整改中 (rectifying) through the registry's
 * lifecycle. Items whose evidence waits for verification are the officers' to act on, not escalated.
 * Resuming operation stays an officer's decision (the registry's `resume`). Idempotent: an escalated
 * item carries `escalated_at` and is never escalated again.
 */
import { and, asc, eq, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { AuditEvent } from '../../platform/audit/service.ts';
import { localDate } from '../../platform/clock.ts';
import { type Actor, districtActor, type RequestContext } from '../../platform/context.ts';
import { type Jobs, SYSTEM_ACTOR } from '../../platform/jobs/index.ts';
import { notifyRole } from '../../platform/notifications/index.ts';
import { systemTransition } from '../institutions/service.ts';
import { supervisionRectifications } from './tables.ts';

export const ESCALATE_JOB = 'supervision.escalate_overdue';

/** The job's district-wide view for the guard (it acts for the platform, not for an account). */
function systemActor(districtCode: string): Actor {
  return districtActor(districtCode, {
    userId: '00000000-0000-0000-0000-000000000000',
    username: SYSTEM_ACTOR,
    sessionId: 'job',
  });
}

/** Escalate the district's overdue open items as of `now`; returns what was done (no personal data). */
export async function escalateOverdue(
  db: Db,
  districtCode: string,
  now: Date,
  audit: (tx: Db, event: AuditEvent) => Promise<void>,
  requestId: string | null = null,
): Promise<{ items: number; institutions: number; notified: number }> {
  const today = localDate(now);
  const ctx: RequestContext = { actor: null, districtCode, ip: null, requestId, now };
  const actor = systemActor(districtCode);
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(supervisionRectifications)
      .where(
        and(
          eq(supervisionRectifications.districtCode, districtCode),
          eq(supervisionRectifications.status, 'open'),
          lt(supervisionRectifications.deadline, today),
          isNull(supervisionRectifications.escalatedAt),
        ),
      )
      .orderBy(asc(supervisionRectifications.institutionId), asc(supervisionRectifications.deadline))
      .for('update');
    let notified = 0;
    let moved = 0;
    const byInstitution = new Map<string, typeof due>();
    for (const r of due)
      byInstitution.set(r.institutionId, [...(byInstitution.get(r.institutionId) ?? []), r]);
    for (const [institutionId, items] of byInstitution) {
      const first = items[0]!;
      for (const r of items) {
        await tx
          .update(supervisionRectifications)
          .set({ escalatedAt: now })
          .where(
            and(
              eq(supervisionRectifications.districtCode, districtCode),
              eq(supervisionRectifications.id, r.id),
            ),
          );
        await audit(tx, {
          action: 'supervision.rectification_escalate',
          objectType: 'supervision_rectification',
          objectId: r.id,
          changes: { deadline: r.deadline, institutionId },
        });
      }
      const reason = `整改逾期未提交材料 ${items.length} 项（最早期限 ${first.deadline}） / ${items.length} rectification item(s) overdue without evidence`;
      const next = await systemTransition(tx, ctx, actor, institutionId, 'rectify', reason);
      if (next) {
        moved++;
        await audit(tx, {
          action: 'institutions.rectify',
          objectType: 'institution',
          objectId: institutionId,
          changes: { status: ['operating', 'rectifying'], reason },
        });
      }
      const message = {
        kind: 'supervision.rectification_overdue',
        titleZh: '整改事项已逾期',
        titleEn: 'Rectification overdue',
        bodyZh: `有 ${items.length} 项整改逾期未提交材料${next ? '，机构已转为“整改中”' : ''}。`,
        bodyEn: `${items.length} rectification item(s) are past their deadline without evidence${next ? '; the institution is now rectifying' : ''}.`,
        link: '/admin/supervision/rectifications?overdue=true',
        dedupeKey: `rect-overdue:${first.id}`,
      };
      notified += await notifyRole(
        tx,
        { districtCode, role: 'town_officer', scope: { kind: 'division', divisionCode: first.townCode } },
        message,
        { now },
      );
      notified += await notifyRole(
        tx,
        { districtCode, role: 'institution_admin', scope: { kind: 'institution', institutionId } },
        message,
        { now },
      );
      await audit(tx, {
        action: 'notifications.send',
        objectType: 'institution',
        objectId: institutionId,
        changes: { kind: message.kind, items: items.length },
      });
    }
    return { items: due.length, institutions: moved, notified };
  });
}

export function defineEscalationJob(jobs: Jobs) {
  jobs.define(ESCALATE_JOB, async (_payload, ctx) =>
    escalateOverdue(ctx.db, ctx.districtCode, ctx.clock.now(), ctx.audit, `job:${ctx.jobId}`),
  );
}
