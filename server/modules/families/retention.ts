/**
 * Retention (issue 11; PIPL 第四十七条, 《儿童个人信息网络保护规定》 第二十条: delete when the purpose
 * ends). Services for children under 3 end at 3; a family's record is kept until EVERY child of it is
 * past the retention age (DEFAULT_RETENTION_YEARS = 4 in domain/families/rules.ts, docs/RULES.md; a job
 * payload `{ years }` overrides it) and is then anonymised by the daily job `families.retention`.
 *
 * Anonymising keeps the rows, so aggregate counts (families and visits per town and year, handbooks)
 * stay; it clears what identifies a person:
 * - children: name → 已匿名, ID ciphertext and blind index → NULL, birth date → the first of its month;
 * - guardians: name → 已匿名, ID ciphertext, blind index and mobile → NULL;
 * - the family's address → 已匿名; families.anonymised_at is set;
 * - every consent in force ends (withdrawn at the run); free-text visit notes → NULL; the text of the
 *   family's rights requests → NULL.
 * The same function handles a guardian's deletion request (rights.ts). The run is audited by the
 * system actor with counts only (no personal data), when it changed something; a second run finds
 * nothing (the families are marked) and writes nothing.
 *
 * - the parent accounts scoped to the family are disabled, their sessions ended, their display name →
 *   已匿名 and their login name → anonymised-<account id> (the login name may have been a phone number).
 *
 * Not handled here (known limit): a birth-record import of a
 * child still under 3 whose family was deleted on request creates a new family, since no blind index
 * of the deleted ID is kept (keeping one would itself retain an identifier).
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { DEFAULT_RETENTION_YEARS } from '../../../domain/families/rules.ts';
import type { Db } from '../../db/client.ts';
import type { AuditEvent } from '../../platform/audit/service.ts';
import { endUserSessions } from '../../platform/auth/sessions.ts';
import { localDate } from '../../platform/clock.ts';
import type { Jobs } from '../../platform/jobs/index.ts';
import { users } from '../../platform/tables.ts';
import {
  families,
  familyChildren,
  familyConsents,
  familyDistributions,
  familyGuardians,
  familyRequests,
  familyVisits,
} from './tables.ts';

export const RETENTION_JOB = 'families.retention';
/** What replaces a name (and the address) on anonymisation. */
export const ANONYMISED = '已匿名';

export interface AnonymiseCounts {
  families: number;
  children: number;
  guardians: number;
  consents: number;
  accounts: number;
}

/**
 * Anonymise these families (those not anonymised yet) inside `tx`; returns counts. Callers check scope.
 */
export async function anonymiseFamilies(
  tx: Db,
  districtCode: string,
  familyIds: readonly string[],
  now: Date,
): Promise<AnonymiseCounts> {
  if (familyIds.length === 0) return { families: 0, children: 0, guardians: 0, consents: 0, accounts: 0 };
  const marked = await tx
    .update(families)
    .set({
      address: ANONYMISED,
      anonymisedAt: now,
      updatedAt: now,
      version: sql`${families.version} + 1`,
    })
    .where(
      and(
        eq(families.districtCode, districtCode),
        inArray(families.id, [...familyIds]),
        isNull(families.anonymisedAt),
      ),
    )
    .returning({ id: families.id });
  const ids = marked.map((m) => m.id);
  if (ids.length === 0) return { families: 0, children: 0, guardians: 0, consents: 0, accounts: 0 };
  const children = await tx
    .update(familyChildren)
    .set({
      childName: ANONYMISED,
      idNumber: null,
      idNumberBidx: null,
      birthDate: sql`date_trunc('month', ${familyChildren.birthDate})::date`,
      updatedAt: now,
    })
    .where(and(eq(familyChildren.districtCode, districtCode), inArray(familyChildren.familyId, ids)))
    .returning({ id: familyChildren.id });
  const guardians = await tx
    .update(familyGuardians)
    .set({ guardianName: ANONYMISED, idNumber: null, idNumberBidx: null, mobile: null })
    .where(and(eq(familyGuardians.districtCode, districtCode), inArray(familyGuardians.familyId, ids)))
    .returning({ id: familyGuardians.id });
  const consents = await tx
    .update(familyConsents)
    .set({ status: 'withdrawn', withdrawnAt: now })
    .where(
      and(
        eq(familyConsents.districtCode, districtCode),
        inArray(familyConsents.familyId, ids),
        eq(familyConsents.status, 'given'),
      ),
    )
    .returning({ id: familyConsents.id });
  await tx
    .update(familyVisits)
    .set({ feeding: null, growth: null, safety: null, diseasePrevention: null })
    .where(and(eq(familyVisits.districtCode, districtCode), inArray(familyVisits.familyId, ids)));
  await tx
    .update(familyRequests)
    .set({ detail: null })
    .where(and(eq(familyRequests.districtCode, districtCode), inArray(familyRequests.familyId, ids)));
  // Free text written about the family (a distribution's note) goes too; the rows stay for the counts.
  await tx
    .update(familyDistributions)
    .set({ note: null })
    .where(
      and(eq(familyDistributions.districtCode, districtCode), inArray(familyDistributions.familyId, ids)),
    );
  // The parents' accounts end with the family's data: no login into 已匿名 rows, no name left.
  const accounts = await tx
    .update(users)
    .set({
      disabled: true,
      displayName: ANONYMISED,
      username: sql`'anonymised-' || ${users.id}::text`,
      updatedAt: now,
      version: sql`${users.version} + 1`,
    })
    .where(
      and(
        eq(users.districtCode, districtCode),
        eq(users.scopeKind, 'family'),
        inArray(users.scopeFamilyId, ids),
      ),
    )
    .returning({ id: users.id });
  for (const a of accounts) await endUserSessions(tx, districtCode, a.id, now, 'family_anonymised');
  return {
    families: ids.length,
    children: children.length,
    guardians: guardians.length,
    consents: consents.length,
    accounts: accounts.length,
  };
}

/** The last birth date of a child past `years` on `today` (YYYY-MM-DD; 29 Feb → 28 Feb). */
export function retentionCutoff(today: string, years: number): string {
  const y = Number(today.slice(0, 4)) - years;
  const md = today.slice(5) === '02-29' ? '02-28' : today.slice(5);
  return `${String(y).padStart(4, '0')}-${md}`;
}

/** Anonymise the district's families whose every child is past `years`; audited with counts only. */
export async function runRetention(
  db: Db,
  districtCode: string,
  now: Date,
  audit: (tx: Db, event: AuditEvent) => Promise<void>,
  years: number = DEFAULT_RETENTION_YEARS,
): Promise<AnonymiseCounts & { years: number; cutoff: string }> {
  const cutoff = retentionCutoff(localDate(now), years);
  return db.transaction(async (tx) => {
    // Families not anonymised yet that have children and no child born after the cutoff.
    const due = await tx
      .select({ id: families.id })
      .from(families)
      .where(
        and(
          eq(families.districtCode, districtCode),
          isNull(families.anonymisedAt),
          sql`exists (select 1 from family_children c where c.district_code = ${districtCode}
            and c.family_id = "families"."id")`,
          sql`not exists (select 1 from family_children c where c.district_code = ${districtCode}
            and c.family_id = "families"."id" and c.birth_date > ${cutoff})`,
        ),
      )
      .orderBy(families.id)
      .for('update');
    const counts = await anonymiseFamilies(
      tx,
      districtCode,
      due.map((d) => d.id),
      now,
    );
    if (counts.families > 0)
      await audit(tx, {
        action: 'families.retention',
        objectType: 'family_retention',
        objectId: localDate(now),
        changes: { ...counts, years, bornOnOrBefore: cutoff },
      });
    return { ...counts, years, cutoff };
  });
}

const retentionPayload = z.object({ years: z.number().int().min(1).max(18).optional() });

export function defineRetentionJob(jobs: Jobs) {
  jobs.define(
    RETENTION_JOB,
    async (payload, ctx) =>
      runRetention(
        ctx.db,
        ctx.districtCode,
        ctx.clock.now(),
        ctx.audit,
        payload.years ?? DEFAULT_RETENTION_YEARS,
      ),
    { payload: retentionPayload },
  );
}
