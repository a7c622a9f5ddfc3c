/**
 * Demo data of online guidance (issue 11; synthetic, deterministic with its OWN seeded Rng so the other
 * modules' demo draws do not move): about thirty resources on 育之有道 / 青浦早教 (a few drafts and one
 * withdrawn), registrations for roughly 70 % of the families with an online-resources consent in force
 * (the rate varies by town, so coverage by town differs), and handbook and resource-pack distributions
 * for a share of the families. The demo parent's family is left unregistered (the portal records it).
 * Links point at example addresses; titles are made up.
 */
import { and, eq } from 'drizzle-orm';
import { GUIDANCE_TOPICS, type GuidanceTopic } from '../../../domain/contracts/families.ts';
import type { OnlinePlatform, ResourceKind } from '../../../domain/contracts/families-online.ts';
import type { Db } from '../../db/client.ts';
import { insertChunks } from '../../demo/chunks.ts';
import { districtSeed, Rng } from '../../demo/rng.ts';
import { localDate } from '../../platform/clock.ts';
import type { ModuleDemoContext } from '../demo.ts';
import { demoFamilyRank, inDemoOrder } from './demo-order.ts';
import {
  families,
  familyConsents,
  familyDistributions,
  familyOnlineRegistrations,
  familyResources,
} from './tables.ts';

const SEED = 20_261_204;
const DAY = 86_400_000;

const TOPIC_TITLES: Record<GuidanceTopic, string> = {
  feeding: '科学喂养',
  sleep: '规律睡眠',
  play: '亲子游戏',
  language: '早期语言',
  emotion: '情绪与陪伴',
  safety: '居家安全',
  health: '健康护理',
  grandparents: '隔代养育',
  general: '育儿问答',
};
const KIND_TITLES: Record<ResourceKind, string> = {
  video: '微视频',
  article: '图文指南',
  audio: '音频课',
  course: '系列课程',
};
const BANDS: [number, number][] = [
  [0, 6],
  [6, 12],
  [12, 24],
  [24, 36],
  [0, 36],
];

export async function seedOnlineDemo(
  db: Db,
  ctx: Pick<ModuleDemoContext, 'district' | 'now' | 'demoFamilyId' | 'accounts'>,
): Promise<void> {
  const { district, now } = ctx;
  const rng = new Rng(districtSeed(SEED, ctx.district));
  const [existing] = await db
    .select({ id: familyResources.id })
    .from(familyResources)
    .where(eq(familyResources.districtCode, district))
    .limit(1);
  if (existing) return;
  const dayBefore = (days: number) => localDate(new Date(now.getTime() - days * DAY));

  // — the library —
  const kinds: ResourceKind[] = ['video', 'article', 'audio', 'course'];
  const platforms: OnlinePlatform[] = ['yuzhiyoudao', 'yuzhiyoudao', 'qingpu_zaojiao', 'other'];
  const resources: (typeof familyResources.$inferInsert)[] = [];
  for (let i = 0; i < 30; i++) {
    const topic = GUIDANCE_TOPICS[i % GUIDANCE_TOPICS.length]!;
    const kind = kinds[rng.int(0, kinds.length - 1)]!;
    const platform = platforms[rng.int(0, platforms.length - 1)]!;
    const [from, to] = BANDS[rng.int(0, BANDS.length - 1)]!;
    const status = i === 29 ? 'withdrawn' : i % 11 === 10 ? 'draft' : 'published';
    const age = from === 0 && to === 36 ? '0–3 岁' : `${from}–${to} 月龄`;
    resources.push({
      districtCode: district,
      id: rng.uuid(now.getTime() - (30 - i) * 7 * DAY),
      title: `${TOPIC_TITLES[topic]}${KIND_TITLES[kind]}（${age}）第 ${Math.floor(i / 9) + 1} 期`,
      kind,
      topic,
      platform,
      url: `https://example.org/${platform}/resources/${i + 1}`,
      ageFromMonths: from,
      ageToMonths: to,
      publishedAt: status === 'draft' ? null : dayBefore((30 - i) * 7),
      status,
      createdAt: now,
      updatedAt: now,
    });
  }
  await db.insert(familyResources).values(resources);

  // — registrations of families with an online-resources consent in force —
  const staff = ctx.accounts.get('guidance') ?? ctx.accounts.get('health');
  const health = ctx.accounts.get('health') ?? staff;
  if (!staff || !health) return;
  const rank = await demoFamilyRank(db, district);
  const consenting = await db
    .selectDistinct({ familyId: families.id, townCode: families.townCode })
    .from(families)
    .innerJoin(
      familyConsents,
      and(eq(familyConsents.districtCode, families.districtCode), eq(familyConsents.familyId, families.id)),
    )
    .where(
      and(
        eq(families.districtCode, district),
        eq(familyConsents.purpose, 'online_resources'),
        eq(familyConsents.status, 'given'),
      ),
    );
  inDemoOrder(consenting, rank);
  const townRate = new Map<string, number>();
  const regs: (typeof familyOnlineRegistrations.$inferInsert)[] = [];
  for (const f of consenting) {
    if (f.familyId === ctx.demoFamilyId) continue;
    if (!townRate.has(f.townCode)) townRate.set(f.townCode, 0.55 + rng.next() * 0.3);
    if (!rng.chance(townRate.get(f.townCode)!)) continue;
    const both = rng.chance(0.25);
    const first: OnlinePlatform = rng.chance(0.75) ? 'yuzhiyoudao' : 'qingpu_zaojiao';
    for (const platform of both ? (['yuzhiyoudao', 'qingpu_zaojiao'] as const) : [first]) {
      const days = rng.int(1, 400);
      regs.push({
        districtCode: district,
        id: rng.uuid(now.getTime() - days * DAY),
        familyId: f.familyId,
        townCode: f.townCode,
        platform,
        registeredOn: dayBefore(days),
        channel: rng.chance(0.3) ? 'portal' : 'staff',
        recordedBy: staff,
        createdAt: now,
      });
    }
  }
  await insertChunks(regs, (c) => db.insert(familyOnlineRegistrations).values(c));

  // — handbook and resource-pack distributions —
  const all = await db
    .select({ familyId: families.id, townCode: families.townCode })
    .from(families)
    .where(eq(families.districtCode, district));
  inDemoOrder(all, rank);
  const dists: (typeof familyDistributions.$inferInsert)[] = [];
  for (const f of all) {
    if (f.familyId === ctx.demoFamilyId) continue;
    const items: ('handbook' | 'resource_pack')[] = [];
    if (rng.chance(0.35)) items.push('handbook');
    if (rng.chance(0.4)) items.push('resource_pack');
    for (const item of items) {
      const days = rng.int(1, 500);
      dists.push({
        districtCode: district,
        id: rng.uuid(now.getTime() - days * DAY),
        familyId: f.familyId,
        townCode: f.townCode,
        item,
        givenOn: dayBefore(days),
        givenBy: item === 'handbook' ? health : staff,
        givenByName: item === 'handbook' ? 'health' : 'guidance',
        note: item === 'handbook' ? '社区卫生服务中心建册时发放' : '育儿指导站活动现场发放',
        createdAt: now,
      });
    }
  }
  await insertChunks(dists, (c) => db.insert(familyDistributions).values(c));
}
