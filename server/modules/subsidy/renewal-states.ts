/** The renewal states the batches and the parent's card read (renewals.ts writes them; ADR 0027). */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { subsidyRenewals } from './tables.ts';

type RenewalRow = typeof subsidyRenewals.$inferSelect;

/** The renewal state of each application for a year (absent: none opened). Read in the caller's tx. */
export async function renewalStates(
  tx: Db,
  districtCode: string,
  year: number,
): Promise<Map<string, RenewalRow['state']>> {
  const rows = await tx
    .select({ applicationId: subsidyRenewals.applicationId, state: subsidyRenewals.state })
    .from(subsidyRenewals)
    .where(and(eq(subsidyRenewals.districtCode, districtCode), eq(subsidyRenewals.year, year)));
  return new Map(rows.map((r) => [r.applicationId, r.state]));
}

/** The renewal of each of a family's applications for a year (the parent's card). */
export async function renewalsOfApplications(
  db: Db,
  districtCode: string,
  ids: string[],
  year: number,
): Promise<Map<string, Pick<RenewalRow, 'year' | 'state' | 'stopReason'>>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      applicationId: subsidyRenewals.applicationId,
      year: subsidyRenewals.year,
      state: subsidyRenewals.state,
      stopReason: subsidyRenewals.stopReason,
    })
    .from(subsidyRenewals)
    .where(
      and(
        eq(subsidyRenewals.districtCode, districtCode),
        eq(subsidyRenewals.year, year),
        inArray(subsidyRenewals.applicationId, ids),
      ),
    );
  return new Map(rows.map(({ applicationId, ...r }) => [applicationId, r]));
}
