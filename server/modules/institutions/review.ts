/**
 * The review queue of district officers: submitted filings, oldest first, with the working days each
 * has waited (holiday calendar, domain/rules/workdays.ts) against the filing deadline of the rule pack
 * (5 working days, 国卫办人口发〔2019〕25号); more than that is flagged `overdue`.
 */
import type { InstitutionKind } from '../../../domain/contracts/institution.ts';
import { permittedActions } from '../../../domain/institutions/lifecycle.ts';
import { countWorkingDays } from '../../../domain/rules/workdays.ts';
import type { Db } from '../../db/client.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { getWorkCalendar } from '../calendar/work-calendar.ts';
import { localDate, policyOn } from './policy.ts';
import { callerOf } from './profile.ts';
import * as repo from './repository.ts';

/** The review decisions the queue offers (other actions live on the detail page). */
const REVIEW = new Set<string>(['approve', 'return']);

export async function reviewQueue(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  q: { page: number; pageSize: number },
) {
  const { rows, total } = await repo.submittedInstitutions(db, actor, q.page, q.pageSize);
  const today = localDate(ctx.now);
  const deadline = policyOn(actor.districtCode, ctx.now).filing.filingWorkingDays;
  const calendar = await getWorkCalendar(db, actor.districtCode);
  const items = rows.map((r) => {
    const submitted = r.submittedAt ?? r.updatedAt;
    const waited = countWorkingDays(localDate(submitted), today, calendar);
    const days = waited.ok ? waited.count : null;
    return {
      id: r.id,
      name: r.name,
      kind: r.kind as InstitutionKind,
      townCode: r.townCode,
      submittedAt: submitted.toISOString(),
      waitedWorkingDays: days,
      overdue: days !== null && days > deadline,
      deadlineWorkingDays: deadline,
      version: r.version,
      permittedActions: permittedActions('submitted', callerOf(actor, r.id)).filter((a) => REVIEW.has(a)),
    };
  });
  return { items, total, page: q.page, pageSize: q.pageSize };
}
