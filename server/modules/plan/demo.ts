/** Demo data of the Plan and funding (issue 13) module: the district's 2021–2023 plan, its targets from the pack, and per-pupil rates. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { IN_SERVICE_STATUSES } from '../../../domain/contracts/institution-enums.ts';
import { findDivision, QINGPU } from '../../../domain/divisions.ts';
import { ALL_PACKS } from '../../../domain/policy/index.ts';
import type { PolicyPack } from '../../../domain/policy/types.ts';
import type { Db } from '../../db/client.ts';
import { districtSeed, Rng } from '../../demo/rng.ts';
import type { ModuleDemoContext } from '../demo.ts';
import { institutionClasses, institutions } from '../institutions/tables.ts';
import { seedNewsDemo } from './news-demo.ts';
import { seedPlanFromPack } from './service.ts';
import { planFundingRates } from './tables.ts';
import { seedTasksDemo } from './task-demo.ts';

export async function seedPlanDemo(db: Db, ctx: ModuleDemoContext): Promise<void> {
  // 青府办发〔2021〕35号: targets as rows; their numbers are measured from the demo registry at request time.
  // A district without a plan pack of its own (the second demo district) gets a demo plan, said so.
  if (!(await seedPlanFromPack(db, ctx.district, ctx.now))) {
    const pack = demoPlanPack(ctx.district);
    if (pack) await seedPlanFromPack(db, ctx.district, ctx.now, pack);
  }
  await seedFundingRatesDemo(db, ctx);
  await seedNewsDemo(db, ctx);
  await seedTasksDemo(db, ctx);
}

/**
 * A demo plan for a district whose own plan the platform does not ship: the targets of Qingpu's action
 * plan (青府办发〔2021〕35号) under a title and document number that say they are demo data, not the
 * district's document. Not a rule pack (not in ALL_PACKS): nothing else resolves it.
 */
export function demoPlanPack(district: string): PolicyPack | null {
  const model = ALL_PACKS.find((p) => p.level === 'district' && p.jurisdiction === QINGPU);
  if (!model?.values.plan?.targets || district === QINGPU) return null;
  const area = findDivision(district)?.nameZh ?? district;
  return {
    ...model,
    id: `demo-plan-${district}`,
    jurisdiction: district,
    title: `${area}托育服务发展目标（演示数据，指标沿用青浦区三年行动计划）`,
    issuer: `${area}（演示）`,
    docNumber: '演示数据，非正式文件',
  };
}

/**
 * Per-pupil rates (8,000–15,000 yuan a year, in whole hundreds) of the demo kindergartens with toddler
 * classes for the current and the previous fiscal year; about one in six has none for the current year
 * and one in ten for the previous (so the page shows its missing-rate list). Own seeded Rng: other
 * modules' demo data stay as they are.
 */
async function seedFundingRatesDemo(db: Db, ctx: ModuleDemoContext): Promise<void> {
  const rng = new Rng(districtSeed(13_2026, ctx.district));
  const year = Number(new Date(ctx.now.getTime() + 8 * 3600_000).toISOString().slice(0, 4));
  const kgs = await db
    .select({ id: institutions.id })
    .from(institutions)
    .where(
      and(
        eq(institutions.districtCode, ctx.district),
        eq(institutions.kind, 'kindergarten'),
        inArray(institutions.status, [...IN_SERVICE_STATUSES]),
        sql`exists (select 1 from ${institutionClasses} c where c.district_code = ${institutions.districtCode}
          and c.institution_id = ${institutions.id} and c.type = 'kindergarten_toddler')`,
      ),
    )
    .orderBy(asc(institutions.id));
  const rows: (typeof planFundingRates.$inferInsert)[] = [];
  for (const k of kgs) {
    const base = rng.int(80, 150) * 10_000; // fen: 8,000–15,000 yuan
    const missingNow = rng.chance(1 / 6);
    const missingBefore = rng.chance(1 / 10);
    if (!missingBefore)
      rows.push({
        districtCode: ctx.district,
        institutionId: k.id,
        fiscalYear: year - 1,
        perPupilRateFen: base,
        source: 'entered',
        updatedBy: 'seed',
        updatedAt: ctx.now,
      });
    if (!missingNow)
      rows.push({
        districtCode: ctx.district,
        institutionId: k.id,
        fiscalYear: year,
        perPupilRateFen: base + rng.int(0, 5) * 10_000,
        source: 'entered',
        updatedBy: 'seed',
        updatedAt: ctx.now,
      });
  }
  if (rows.length) await db.insert(planFundingRates).values(rows).onConflictDoNothing();
}
