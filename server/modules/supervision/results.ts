/**
 * The portal's disclosure of a drawn plan's inspection results (issue 10: "Results disclosed on the portal
 * within 20 working days (working-day rule from the policy engine)"). A result is public from the day its
 * last inspector signs, so disclosure never runs late; each row states that day and the legal limit (20
 * working days later on the district's calendar; null, not a guess, where the calendar ends). What is
 * disclosed: the institution, the date, the number of findings by severity and how many are rectified —
 * not the inspectors' notes or photos.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { DISCLOSURE_WORKING_DAYS } from '../../../domain/contracts/supervision-visits.ts';
import { addWorkingDays } from '../../../domain/rules/workdays.ts';
import type { Db } from '../../db/client.ts';
import { localDate } from '../../platform/clock.ts';
import { DomainError } from '../../platform/errors.ts';
import { getWorkCalendar } from '../calendar/work-calendar.ts';
import { institutions } from '../institutions/tables.ts';
import { supervisionDrawPlans, supervisionInspections, supervisionRectifications } from './tables.ts';

export async function publicResults(db: Db, districtCode: string, planId: string) {
  const [plan] = await db
    .select({ status: supervisionDrawPlans.status })
    .from(supervisionDrawPlans)
    .where(and(eq(supervisionDrawPlans.districtCode, districtCode), eq(supervisionDrawPlans.id, planId)));
  if (!plan) throw new DomainError('not_found');
  const insps = await db
    .select({
      id: supervisionInspections.id,
      institutionId: supervisionInspections.institutionId,
      name: institutions.name,
      status: supervisionInspections.status,
      signedAt: supervisionInspections.signedAt,
    })
    .from(supervisionInspections)
    .innerJoin(
      institutions,
      and(
        eq(institutions.districtCode, supervisionInspections.districtCode),
        eq(institutions.id, supervisionInspections.institutionId),
      ),
    )
    .where(
      and(eq(supervisionInspections.districtCode, districtCode), eq(supervisionInspections.planId, planId)),
    )
    .orderBy(institutions.name);
  const signed = insps.filter((i) => i.status === 'signed').map((i) => i.id);
  const rects = signed.length
    ? await db
        .select({
          inspectionId: supervisionRectifications.inspectionId,
          severity: supervisionRectifications.severity,
          status: supervisionRectifications.status,
        })
        .from(supervisionRectifications)
        .where(
          and(
            eq(supervisionRectifications.districtCode, districtCode),
            inArray(supervisionRectifications.inspectionId, signed),
          ),
        )
    : [];
  const cal = await getWorkCalendar(db, districtCode);
  return {
    items: insps.map((i) => {
      const mine = i.status === 'signed' ? rects.filter((r) => r.inspectionId === i.id) : [];
      const signedOn = i.status === 'signed' && i.signedAt ? localDate(i.signedAt) : null;
      const due = signedOn ? addWorkingDays(signedOn, DISCLOSURE_WORKING_DAYS, cal) : null;
      return {
        institutionId: i.institutionId,
        name: i.name,
        status: i.status === 'signed' ? ('signed' as const) : ('open' as const),
        signedOn,
        dueOn: due?.ok ? due.date : null,
        findings: {
          minor: mine.filter((r) => r.severity === 'minor').length,
          major: mine.filter((r) => r.severity === 'major').length,
          serious: mine.filter((r) => r.severity === 'serious').length,
        },
        rectified: mine.filter((r) => r.status === 'closed').length,
      };
    }),
  };
}
