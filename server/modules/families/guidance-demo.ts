/**
 * Demo data of family guidance (issue 11): a family guidance station in every town, hosted by the
 * town's first public kindergarten of the institutions demo; station sessions every ~10 days and a
 * monthly district activity (育儿加油站) over the twelve months before "now" and the next two; sign-ups
 * by families whose guardian consented to guidance sign-up, at a rate that differs from family to
 * family, with attendance recorded for the sessions already held — so the plan's "≥ 6 sessions a
 * year" share lands well between 0 and 100 %. Its OWN seeded Rng: the other modules' demo data do not
 * move. Written in multi-row batches.
 */
import { and, asc, eq } from 'drizzle-orm';
import {
  GUIDANCE_TOPIC_LABELS,
  GUIDANCE_TOPICS,
  type GuidanceTopic,
} from '../../../domain/contracts/families.ts';
import { findDivision, townsOf } from '../../../domain/divisions.ts';
import type { Db } from '../../db/client.ts';
import { insertChunks } from '../../demo/chunks.ts';
import { districtSeed, Rng } from '../../demo/rng.ts';
import { institutions } from '../institutions/tables.ts';
import { familyConsents, familySessionSignups, familySessions, familyStations } from './tables.ts';

const DAY = 86_400_000;

const TITLES: Record<GuidanceTopic, string[]> = {
  feeding: ['辅食添加与喂养习惯', '科学喂养：从母乳到家庭饮食'],
  sleep: ['规律作息与安睡', '夜醒与入睡困难怎么办'],
  play: ['亲子游戏：在玩中学', '家庭里的感官游戏'],
  language: ['和宝宝说话：早期语言发展', '亲子共读入门'],
  emotion: ['读懂宝宝的情绪', '高质量陪伴'],
  safety: ['居家安全与意外伤害预防', '婴幼儿急救常识'],
  health: ['疫苗接种与常见病护理', '生长发育监测'],
  grandparents: ['隔代养育课堂：科学带娃新观念', '隔代养育：祖辈与父母的协作'],
  general: ['0–3 岁科学育儿答疑', '入托准备指导'],
};

export async function seedGuidanceDemo(
  db: Db,
  o: {
    district: string;
    now: Date;
    /** The demo families in a deterministic order (the caller's), one row per child. */
    families: readonly { id: string; townCode: string }[];
    /** Families left as they are (the demo parent's). */
    skip: ReadonlySet<string>;
  },
): Promise<void> {
  const { district, now } = o;
  const rng = new Rng(districtSeed(35_2021_11, district));
  const area = findDivision(district)?.nameZh ?? '青浦区';
  const towns = townsOf(district).filter((t) => o.families.some((f) => f.townCode === t.code));
  const [existing] = await db
    .select({ id: familyStations.id })
    .from(familyStations)
    .where(eq(familyStations.districtCode, district))
    .limit(1);
  if (existing || towns.length === 0) return;

  // — one station per town, at the town's first public kindergarten —
  const kgs = await db
    .select({
      id: institutions.id,
      name: institutions.name,
      address: institutions.address,
      townCode: institutions.townCode,
    })
    .from(institutions)
    .where(
      and(
        eq(institutions.districtCode, district),
        eq(institutions.kind, 'kindergarten'),
        eq(institutions.ownership, 'public'),
      ),
    )
    .orderBy(asc(institutions.townCode), asc(institutions.name));
  const stationRows: (typeof familyStations.$inferInsert)[] = towns.map((t, i) => {
    const kg = kgs.find((k) => k.townCode === t.code);
    const created = new Date(now.getTime() - (900 - i) * DAY);
    return {
      districtCode: district,
      id: rng.uuid(created.getTime()),
      townCode: t.code,
      name: `${t.nameZh}家庭科学育儿指导站`,
      hostInstitutionId: kg?.id ?? null,
      hostName: kg?.name ?? `${area}${t.nameZh}中心幼儿园`,
      address: kg?.address ?? `${area}${t.nameZh}中心幼儿园内`,
      openedYear: 2021 + (i % 3),
      createdAt: created,
      updatedAt: created,
    };
  });
  await db.insert(familyStations).values(stationRows);

  // — sessions: every ~10 days per station, monthly district activities; 12 months back, 2 ahead —
  type SessionRow = typeof familySessions.$inferInsert & { id: string; startsAt: Date; capacity: number };
  const sessions: SessionRow[] = [];
  const session = (stationId: string | null, townCode: string | null, at: Date, capacity: number) => {
    const past = at < now;
    const topic = GUIDANCE_TOPICS[rng.int(0, GUIDANCE_TOPICS.length - 1)]!;
    const title = stationId
      ? `${GUIDANCE_TOPIC_LABELS[topic].zh}：${rng.pick(TITLES[topic])}`
      : `育儿加油站·${rng.pick(TITLES[topic])}`;
    const created = new Date(at.getTime() - rng.int(15, 40) * DAY);
    sessions.push({
      districtCode: district,
      id: rng.uuid(created.getTime()),
      stationId,
      townCode,
      topic,
      title,
      place: stationId
        ? rng.pick(['指导站活动室', '幼儿园多功能厅', '社区亲子活动室'])
        : `${area}妇女儿童活动中心`,
      startsAt: at,
      capacity,
      signedUp: 0,
      status: past ? (rng.chance(0.03) ? 'cancelled' : 'held') : rng.chance(0.02) ? 'cancelled' : 'scheduled',
      createdAt: created,
      updatedAt: past ? at : created,
    });
  };
  // Sessions start on the hour, 09:30 or 14:30 China time.
  const at = (day: number, afternoon: boolean) => {
    const d = new Date(now.getTime() + day * DAY);
    const date = new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    return new Date(`${date}T${afternoon ? '14:30' : '09:30'}:00+08:00`);
  };
  for (const s of stationRows)
    for (let day = -365 + rng.int(0, 9); day < 60; day += rng.int(8, 12))
      session(s.id!, s.townCode, at(day, rng.chance(0.4)), rng.int(30, 40));
  for (let day = -360; day < 60; day += 30) session(null, null, at(day + rng.int(0, 5), true), 150);
  sessions.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());

  // — sign-ups: consenting families, each at its own rate (sessions a month) —
  const consenting = new Set(
    (
      await db
        .select({ familyId: familyConsents.familyId })
        .from(familyConsents)
        .where(
          and(
            eq(familyConsents.districtCode, district),
            eq(familyConsents.purpose, 'guidance_signup'),
            eq(familyConsents.status, 'given'),
          ),
        )
    ).map((c) => c.familyId),
  );
  const seen = new Set<string>();
  const fams = o.families.filter((f) => {
    if (seen.has(f.id) || o.skip.has(f.id) || !consenting.has(f.id)) return false;
    seen.add(f.id);
    return true;
  });
  const byTown = new Map<string, SessionRow[]>();
  for (const s of sessions) {
    const key = s.townCode ?? '';
    byTown.set(key, [...(byTown.get(key) ?? []), s]);
  }
  const district_ = byTown.get('') ?? [];
  const signupRows: (typeof familySessionSignups.$inferInsert)[] = [];
  for (const f of fams) {
    const r = rng.next();
    // About 4 sessions a month are open to a family (3 at the station, 1 district activity).
    const perMonth = r < 0.25 ? 0 : r < 0.6 ? 0.2 + rng.next() * 0.3 : 0.6 + rng.next() * 0.5;
    if (perMonth === 0) continue;
    const p = perMonth / 4;
    for (const s of [...(byTown.get(f.townCode) ?? []), ...district_]) {
      // Sign-up opens three weeks ahead: later sessions have fewer sign-ups so far.
      const ahead = (s.startsAt.getTime() - now.getTime()) / DAY;
      const open = ahead <= 0 ? p : p * Math.max(0, 1 - ahead / 21);
      if (s.status === 'cancelled' || !rng.chance(open)) continue;
      const cancelled = s.startsAt > now ? rng.chance(0.05) : rng.chance(0.02);
      if (!cancelled && s.signedUp! >= s.capacity) continue;
      const signed = new Date(Math.min(s.startsAt.getTime() - rng.int(1, 14) * DAY, now.getTime() - DAY));
      const held = s.status === 'held' && !cancelled;
      if (!cancelled) s.signedUp = s.signedUp! + 1;
      signupRows.push({
        districtCode: district,
        id: rng.uuid(signed.getTime()),
        sessionId: s.id,
        familyId: f.id,
        townCode: f.townCode,
        signedUpAt: signed,
        attended: held ? rng.chance(0.88) : null,
        attendanceRecordedAt: held ? new Date(s.startsAt.getTime() + 2 * 3600_000) : null,
        cancelledAt: cancelled ? new Date(signed.getTime() + rng.int(1, 3) * 3600_000) : null,
      });
    }
  }
  await insertChunks(sessions, (c) => db.insert(familySessions).values(c));
  await insertChunks(signupRows, (c) => db.insert(familySessionSignups).values(c));
}
