/**
 * Demo facilities beyond institutions (synthetic, deterministic with their own seeded Rng, so the
 * other demos keep their draws): a children's service centre in every town, children's homes in about
 * half of the communities, play-observation and parent-child rooms in a few community health centres
 * (the pilot), child-friendly community sites from 2021 on (three in most years, two in one) and one
 * early development base. Points are jittered around the town's centre; names are made up.
 */

import { and, asc, eq } from 'drizzle-orm';
import type { FacilityKind } from '../../../domain/contracts/families-facilities.ts';
import { findDivision, townsOf } from '../../../domain/divisions.ts';
import type { Db } from '../../db/client.ts';
import { districtSeed, Rng } from '../../demo/rng.ts';
import { localDate } from '../../platform/clock.ts';
import type { ModuleDemoContext } from '../demo.ts';
import { familyCommunities, familyFacilities } from './tables.ts';

const SEED = 20_261_211;

export async function seedFacilitiesDemo(
  db: Db,
  ctx: Pick<ModuleDemoContext, 'district' | 'now' | 'scale'>,
): Promise<void> {
  const rng = new Rng(districtSeed(SEED, ctx.district));
  const { district, now } = ctx;
  const thisYear = Number(localDate(now).slice(0, 4));
  // A smaller demo (a second district) has its first towns only, as its registry and families.
  const towns = townsOf(district).slice(0, ctx.scale?.towns);
  const area = findDivision(district)?.nameZh ?? '青浦区';
  if (towns.length === 0) return;
  const communities = await db
    .select()
    .from(familyCommunities)
    .where(and(eq(familyCommunities.districtCode, district)))
    .orderBy(asc(familyCommunities.code));
  const rows: (typeof familyFacilities.$inferInsert)[] = [];
  const jitter = () => (rng.next() - 0.5) * 0.02;
  const add = (
    kind: FacilityKind,
    name: string,
    town: (typeof towns)[number],
    openedYear: number,
    o: {
      communityCode?: string;
      host?: string;
      closedYear?: number;
      address?: string;
      baobaowu?: { capacity: number; openingHours: string; hourlyPriceFen: number; operator: string };
    } = {},
  ) =>
    rows.push({
      districtCode: district,
      id: rng.uuid(now.getTime() - (thisYear - openedYear) * 365 * 86_400_000),
      kind,
      name,
      townCode: town.code,
      communityCode: o.communityCode ?? null,
      address: o.address ?? `${town.nameZh}${name.replace(town.nameZh, '')}所在地`,
      lat: town.lat + jitter(),
      lng: town.lng + jitter(),
      host: o.host ?? null,
      openedYear,
      closedYear: o.closedYear ?? null,
      capacity: o.baobaowu?.capacity ?? null,
      openingHours: o.baobaowu?.openingHours ?? null,
      hourlyPriceFen: o.baobaowu?.hourlyPriceFen ?? null,
      operator: o.baobaowu?.operator ?? null,
      createdAt: now,
      updatedAt: now,
    });
  const townOf = new Map(towns.map((t) => [t.code, t]));
  for (const t of towns)
    add('children_service_centre', `${t.nameZh}儿童服务中心`, t, rng.int(2019, 2023), {
      address: `${t.nameZh}社区服务中心 ${rng.int(1, 3)} 楼`,
    });
  for (const c of communities) {
    const t = townOf.get(c.townCode);
    if (!t || !rng.chance(0.5)) continue;
    add('children_home', `${c.name}儿童之家`, t, rng.int(2018, thisYear), {
      communityCode: c.code,
      address: `${t.nameZh}${c.name}党群服务站`,
    });
  }
  // The pilot: play-observation and parent-child rooms in four towns' community health centres.
  for (const t of towns.slice(0, 4)) {
    const host = `${t.nameZh}社区卫生服务中心`;
    add('play_observation_room', `${t.nameZh}游戏观察室`, t, rng.int(2022, 2024), { host, address: host });
    add('parent_child_room', `${t.nameZh}亲子指导室`, t, rng.int(2022, 2024), { host, address: host });
  }
  // Child-friendly community sites: three a year from 2021, two in 2024 (a year short of the target).
  const pool = [...communities];
  for (let year = 2021; year <= thisYear; year++) {
    const n = year === 2024 ? 2 : 3;
    for (let i = 0; i < n && pool.length > 0; i++) {
      const c = pool.splice(rng.int(0, pool.length - 1), 1)[0]!;
      const t = townOf.get(c.townCode);
      if (t) add('child_friendly_site', `${c.name}儿童友好社区示范点`, t, year, { communityCode: c.code });
    }
  }
  const base = towns.find((t) => t.nameZh.startsWith('夏阳')) ?? towns[0]!;
  add('early_development_base', `${area}儿童早期发展基地`, base, 2022, { host: `${area}妇幼保健所` });
  // 宝宝屋 (issue 17): from 2023, in seven of the towns (two in the first two), a price at or under the cap.
  // Their own Rng so the draws above stay as they were.
  const bb = new Rng(districtSeed(SEED + 17, district));
  const bbTowns = towns.slice(0, Math.min(7, towns.length));
  const hours = ['周一至周五 8:30–16:30', '周一至周六 9:00–17:00', '周二至周六 8:00–16:00'];
  bbTowns.forEach((t, i) => {
    const inTown = communities.filter((c) => c.townCode === t.code);
    for (let k = 0; k < (i < 2 ? 2 : 1); k++) {
      const c = inTown[k];
      add('baobaowu', `${c ? c.name : t.nameZh}宝宝屋${k > 0 ? '（二）' : ''}`, t, bb.int(2023, thisYear), {
        ...(c ? { communityCode: c.code, address: `${t.nameZh}${c.name}党群服务站 ${k + 1} 楼` } : {}),
        baobaowu: {
          capacity: bb.pick([8, 10, 12, 15]),
          openingHours: bb.pick(hours),
          hourlyPriceFen: bb.pick([5000, 6000, 8000, 10000]),
          operator: bb.pick([
            `${t.nameZh}中心幼儿园`,
            `${t.nameZh}社区事务受理中心`,
            `${area}托育服务指导中心`,
          ]),
        },
      });
    }
  });
  await db.insert(familyFacilities).values(rows).onConflictDoNothing();
}
