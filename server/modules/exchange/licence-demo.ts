/**
 * Demo business-licence records (ADR 0035), as if the market-regulation bureau had sent them: one per
 * institution the comparison covers (in service, a credit code of authority 9), in credit-code order (the same on every seed), with a few that the
 * 证照比对 page should show — no record, revoked or cancelled, another registered name, a business scope
 * without childcare. Synthetic: names are the demo institutions' own.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { LicenceStatus } from '../../../domain/contracts/business-licences.ts';
import { findDivision } from '../../../domain/divisions.ts';
import {
  LICENCE_COMPARED_STATUSES,
  registeredByMarketRegulation,
} from '../../../domain/exchange/licences.ts';
import type { Db } from '../../db/client.ts';
import type { ModuleDemoContext } from '../demo.ts';
import { institutions } from '../institutions/tables.ts';
import { businessLicences } from './tables.ts';

const SCOPE = '托育服务（不含医疗服务）；婴幼儿照护咨询';

export async function seedLicenceDemo(db: Db, ctx: ModuleDemoContext): Promise<void> {
  const rows = await db
    .select({ creditCode: institutions.creditCode, name: institutions.name })
    .from(institutions)
    .where(
      and(
        eq(institutions.districtCode, ctx.district),
        inArray(institutions.status, [...LICENCE_COMPARED_STATUSES]),
      ),
    )
    .orderBy(asc(institutions.creditCode));
  const authority = `${findDivision(ctx.district)?.nameZh ?? ''}市场监督管理局`;
  const values = rows
    .filter((r) => registeredByMarketRegulation(r.creditCode))
    .flatMap((r, i) => {
      // Every 17th has no record yet (the bureau's batch did not carry it).
      if (i % 17 === 7) return [];
      const n = [...r.creditCode].reduce((a, c) => a + c.charCodeAt(0), 0);
      const registeredOn = `${2015 + (n % 8)}-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`;
      let status: LicenceStatus = 'active';
      let statusOn: string | null = null;
      let name = r.name;
      let businessScope = SCOPE;
      if (i % 13 === 11) {
        status = i % 2 ? 'revoked' : 'cancelled';
        statusOn = `${2018 + (n % 8)}-06-30`;
      } else if (i % 11 === 5) {
        name = `上海${r.name.replace(/^.{2,3}区/, '')}服务有限公司`;
      } else if (i % 19 === 3) {
        businessScope = '教育咨询服务（不含涉许可审批的教育培训活动）';
      }
      return [
        {
          districtCode: ctx.district,
          creditCode: r.creditCode,
          name,
          status,
          registeredOn,
          statusOn,
          authority,
          businessScope,
          source: 'demo',
          receivedAt: ctx.now,
        },
      ];
    });
  if (values.length) await db.insert(businessLicences).values(values);
}
