/**
 * The review queue of district officers: submitted filings, oldest first, with the working days each
 * has waited (server/platform/review-queue.ts) against the filing deadline of the rule pack
 * (5 working days, 国卫办人口发〔2019〕25号); more than that is flagged `overdue`.
 */
import { institutionLifecycle, relationOf } from '../../../domain/institutions/lifecycle.ts';
import type { Db } from '../../db/client.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import type { PageQuery } from '../../platform/paging.ts';
import { reviewPage } from '../../platform/review-queue.ts';
import { getWorkCalendar } from '../calendar/work-calendar.ts';
import { policyOn } from './policy.ts';
import { callerOf } from './profile.ts';
import * as repo from './repository.ts';

/** The review decisions the queue offers (other actions live on the detail page). */
const REVIEW = new Set<string>(['approve', 'return']);

export async function reviewQueue(db: Db, ctx: RequestContext, actor: Actor, q: PageQuery) {
  const page = reviewPage(await repo.submittedInstitutions(db, actor, q), {
    now: ctx.now,
    deadlineWorkingDays: policyOn(actor.districtCode, ctx.now).filing.filingWorkingDays,
    calendar: await getWorkCalendar(db, actor.districtCode),
    submittedAt: (r) => r.submittedAt ?? r.updatedAt,
    permitted: (r) => {
      const caller = callerOf(actor, r.id);
      return institutionLifecycle
        .permitted('submitted', relationOf(caller), caller.may)
        .filter((a) => REVIEW.has(a));
    },
  });
  return {
    ...page,
    items: page.items.map(({ row: r, timing: { calendarCovered: _covered, ...timing } }) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      townCode: r.townCode,
      version: r.version,
      ...timing,
    })),
  };
}
