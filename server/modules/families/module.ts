/** Families (issue 11): registers the module's routes, the family scope target and the plan-target sources (see docs/MODULES.md). */

import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { findDivision } from '../../../domain/divisions.ts';
import type { ModuleKit, ModuleRegistration } from '../index.ts';
import { baobaowuTargetSource } from './baobaowu.ts';
import { facilityTargets } from './facilities.ts';
import { facilitiesRoutes } from './facilities-routes.ts';
import { guidanceRoutes } from './guidance-routes.ts';
import { familyImportRoutes } from './import-routes.ts';
import { onlineTargets } from './online.ts';
import { onlineRoutes } from './online-routes.ts';
import { defineRetentionJob } from './retention.ts';
import { familyRightsRoutes } from './rights-routes.ts';
import { familiesRoutes } from './routes.ts';
import { families, familyCommunities } from './tables.ts';
import { familyTargets } from './targets.ts';

export async function registerFamiliesModule(
  app: FastifyInstance,
  kit: ModuleKit,
): Promise<ModuleRegistration> {
  await familyImportRoutes(app, kit);
  familiesRoutes(app, { db: kit.db });
  facilitiesRoutes(app, { db: kit.db });
  guidanceRoutes(app, { db: kit.db });
  // — guardians' rights and retention —
  familyRightsRoutes(app, { db: kit.db });
  defineRetentionJob(kit.jobs);
  // — online guidance: resource library, registrations, handbook and resource packs —
  onlineRoutes(app, { db: kit.db });
  return {
    scopeTargets: {
      // Granting a parent the scope of a family: the family must exist; labelled by its community.
      family: async (db, districtCode, id) => {
        const [f] = await db
          .select({ townCode: families.townCode, community: familyCommunities.name })
          .from(families)
          .innerJoin(
            familyCommunities,
            and(
              eq(familyCommunities.districtCode, families.districtCode),
              eq(familyCommunities.code, families.communityCode),
            ),
          )
          .where(and(eq(families.districtCode, districtCode), eq(families.id, id)));
        if (!f) return undefined;
        const town = findDivision(f.townCode);
        return {
          divisionCode: f.townCode,
          labelZh: `${town?.nameZh ?? ''}${f.community}的一户家庭`,
          labelEn: `A family in ${f.community}, ${town?.nameEn ?? f.townCode}`,
        };
      },
    },
    targets: [...familyTargets, ...facilityTargets, ...onlineTargets, baobaowuTargetSource],
  };
}
