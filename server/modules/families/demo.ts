/**
 * Demo data of the Families (issue 11) module: synthetic, deterministic (the seeded Rng), sealed personal
 * numbers. Children and guardians go through the module's own birth-record writer (`records.ts`: the
 * checks, the encryption and the blind indexes the import uses); consents, home visits, hourly slots with
 * bookings and applications are written in multi-row batches so the seed stays fast.
 *
 * The picture: ~5,000 children in Qingpu's towns, a home-visit coverage this year clearly below 100 % and
 * varying by town (some visits overdue), consents with a few withdrawals, hourly slots at operating
 * institutions (some full with a waitlist) and applications in every state; guidance stations, sessions
 * and sign-ups with attendance (guidance-demo.ts).
 */
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type {
  ApplicationStatus,
  BirthRecordBody,
  ConsentChannel,
  ConsentPurpose,
  GuardianRelation,
  VisitStatus,
} from '../../../domain/contracts/families.ts';
import { townsOf } from '../../../domain/divisions.ts';
import { formatDayNumber, parseDate } from '../../../domain/rules/dates.ts';
import { citizenIdCheckChar } from '../../../domain/rules/ids.ts';
import type { Db } from '../../db/client.ts';
import { insertChunks } from '../../demo/chunks.ts';
import { localDate } from '../../platform/clock.ts';
import { users } from '../../platform/tables.ts';
import type { ModuleDemoContext } from '../demo.ts';
import { institutions } from '../institutions/tables.ts';
import { seedGuidanceDemo } from './guidance-demo.ts';
import { communityTowns, type PreparedRecord, prepareRecord, upsertRecords } from './records.ts';
import {
  families,
  familyApplications,
  familyBookings,
  familyChildren,
  familyCommunities,
  familyConsents,
  familyGuardians,
  familySlots,
  familyVisits,
} from './tables.ts';

/** How many children the demo seeds (one family each). */
export const DEMO_CHILDREN = 5000;

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁沈姚陆顾';
const CHILD_GIVEN = '子涵梓轩一诺欣怡浩宇雨桐思远若汐沐阳语嫣嘉懿俊熙诗涵博文安然';
const ADULT_GIVEN = '秀英丽敏静燕芳娟霞玲桂兰红梅琳雪婷慧佳建军伟勇磊涛明超强华';
const STEMS = [
  '东湖',
  '西苑',
  '南门',
  '北港',
  '新城',
  '青平',
  '华新',
  '盈港',
  '泖塘',
  '淀山',
  '金泽',
  '香花',
  '复兴',
  '城中',
  '民乐',
  '安庄',
];

const addDays = (day: string, n: number) => {
  const p = parseDate(day);
  return p.ok ? formatDayNumber(p.dayNumber + n) : day;
};
const dayNumber = (day: string) => {
  const p = parseDate(day);
  return p.ok ? p.dayNumber : 0;
};

/** A synthetic citizen ID: the district's code (Qingpu's by default), the birth date, a sequence (odd male), a valid check character. */
export function demoCitizenId(birthDate: string, seq: number, district = '310118'): string {
  const first17 = `${district}${birthDate.replaceAll('-', '')}${String(seq % 1000).padStart(3, '0')}`;
  return first17 + citizenIdCheckChar(first17);
}

export async function seedFamiliesDemo(db: Db, ctx: ModuleDemoContext): Promise<void> {
  const { rng, district, now } = ctx;
  const today = localDate(now);
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const towns = townsOf(district).slice(0, ctx.scale?.towns);
  if (towns.length === 0) return;

  // — communities: 4–8 per town (12-digit codes under the town's 9) —
  const communityRows: (typeof familyCommunities.$inferInsert)[] = [];
  for (const t of towns) {
    const n = rng.int(4, 8);
    const village = t.nameZh.endsWith('镇');
    for (let i = 1; i <= n; i++) {
      const stem = STEMS[(i * 5 + Number(t.code.slice(-3))) % STEMS.length]!;
      communityRows.push({
        districtCode: district,
        code: `${t.code}${String(i).padStart(3, '0')}`,
        townCode: t.code,
        name: village && i > 3 ? `${stem}村` : `${stem}社区`,
        createdAt: now,
      });
    }
  }
  await db.insert(familyCommunities).values(communityRows).onConflictDoNothing();
  const communities = await communityTowns(db, district);
  const communityCodes = [...communities.keys()].sort();
  const townWeight = new Map(towns.map((t) => [t.code, rng.int(2, 6)]));
  const weighted = communityCodes.flatMap((c) => Array(townWeight.get(communities.get(c)!) ?? 1).fill(c));

  // — children and guardians through the birth-record writer —
  const seqByDate = new Map<string, number>();
  const records: PreparedRecord[] = [];
  const name = (given: string) =>
    `${rng.pick([...SURNAMES])}${given[rng.int(0, given.length - 1)]}${rng.chance(0.6) ? given[rng.int(0, given.length - 1)] : ''}`;
  const mobile = () =>
    `1${rng.pick(['39', '58', '86', '37', '88'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
  for (let n = 0; n < (ctx.scale?.children ?? DEMO_CHILDREN); n++) {
    const birthDate = addDays(today, -rng.int(10, 1060));
    const seq = (seqByDate.get(birthDate) ?? 500 + rng.int(0, 50)) + 1;
    seqByDate.set(birthDate, seq);
    const communityCode = rng.pick(weighted) as string;
    const townCode = communities.get(communityCode)!;
    const town = towns.find((t) => t.code === townCode)!;
    const surname = rng.pick([...SURNAMES]);
    const guardians: BirthRecordBody['guardians'] = [
      {
        name: name(ADULT_GIVEN),
        relation: 'mother',
        mobile: mobile(),
        ...(rng.chance(0.3)
          ? { idNumber: demoCitizenId(addDays('1986-01-01', rng.int(0, 4000)), 800, district) }
          : {}),
      },
    ];
    if (rng.chance(0.65))
      guardians.push({
        name: `${surname}${name(ADULT_GIVEN).slice(1)}`,
        relation: 'father',
        mobile: mobile(),
      });
    if (rng.chance(0.12))
      guardians.push({
        name: name(ADULT_GIVEN),
        relation: 'grandparent' as GuardianRelation,
        mobile: mobile(),
      });
    const body: BirthRecordBody = {
      childName: `${surname}${name(CHILD_GIVEN).slice(1)}`,
      childIdNumber: demoCitizenId(birthDate, seq, district),
      birthDate,
      sex: seq % 2 === 1 ? 'male' : 'female',
      guardians,
      address: `${town.nameZh}${STEMS[rng.int(0, STEMS.length - 1)]}路${rng.int(1, 999)}号`,
      communityCode,
      resident: rng.chance(0.86),
    };
    const { record } = prepareRecord(body, today, communities, () => true);
    if (record) records.push(record);
  }
  // In batches; statistics after the first one, so the foreign-key checks' cached plans use the indexes
  // (planned on empty tables they scan, and every batch gets slower than the one before).
  for (let i = 0; i < records.length; i += 1000) {
    await db.transaction((tx) =>
      upsertRecords(tx, district, now, records.slice(i, i + 1000), 'birth_record'),
    );
    if (i === 0) await db.execute(sql`analyze families, family_children, family_guardians`);
  }

  // Read back in a deterministic order (ids are UUIDv7 from the clock; order by what the Rng chose).
  const fams = await db
    .select({
      id: families.id,
      townCode: families.townCode,
      communityCode: families.communityCode,
      resident: families.resident,
      childId: familyChildren.id,
      birthDate: familyChildren.birthDate,
      childName: familyChildren.childName,
    })
    .from(families)
    .innerJoin(
      familyChildren,
      and(eq(familyChildren.districtCode, families.districtCode), eq(familyChildren.familyId, families.id)),
    )
    // The demo parent's family (phase 1) keeps exactly what phase 1 gave it (the parent journey counts it).
    .where(and(eq(families.districtCode, district), ne(families.id, ctx.demoFamilyId)))
    .orderBy(asc(families.communityCode), asc(familyChildren.birthDate), asc(familyChildren.childName));
  const guardianRows = await db
    .select({
      id: familyGuardians.id,
      familyId: familyGuardians.familyId,
      position: familyGuardians.position,
    })
    .from(familyGuardians)
    .where(eq(familyGuardians.districtCode, district));
  const guardiansOf = new Map<string, { id: string; position: number }[]>();
  for (const g of guardianRows) {
    const list = guardiansOf.get(g.familyId) ?? [];
    list.push(g);
    guardiansOf.set(g.familyId, list);
  }
  const existingConsents = new Set(
    (
      await db
        .select({ guardianId: familyConsents.guardianId, purpose: familyConsents.purpose })
        .from(familyConsents)
        .where(eq(familyConsents.districtCode, district))
    ).map((c) => `${c.guardianId}:${c.purpose}`),
  );

  // — consents: per guardian and purpose; a few home-visit consents withdrawn —
  const consentRows: (typeof familyConsents.$inferInsert)[] = [];
  const homeVisitInForce = new Set<string>();
  const channels: ConsentChannel[] = ['paper', 'online', 'phone', 'in_person'];
  const purposes: [ConsentPurpose, number][] = [
    ['home_visit', 0.9],
    ['guidance_signup', 0.6],
    ['online_resources', 0.7],
  ];
  for (const f of fams) {
    const gs = (guardiansOf.get(f.id) ?? []).sort((a, b) => a.position - b.position);
    for (const [purpose, p] of purposes) {
      if (!rng.chance(p)) continue;
      const g = gs[rng.chance(0.8) ? 0 : gs.length - 1];
      if (!g || existingConsents.has(`${g.id}:${purpose}`)) continue;
      const withdrawn = rng.chance(purpose === 'home_visit' ? 0.04 : 0.06);
      const given = new Date(now.getTime() - rng.int(20, 700) * 86_400_000);
      consentRows.push({
        districtCode: district,
        id: rng.uuid(given.getTime()),
        familyId: f.id,
        guardianId: g.id,
        purpose,
        status: withdrawn ? 'withdrawn' : 'given',
        noticeVersion: rng.chance(0.7) ? '2025-v2' : '2024-v1',
        channel: rng.pick(channels),
        givenAt: given,
        withdrawnAt: withdrawn ? new Date(given.getTime() + rng.int(1, 15) * 86_400_000) : null,
      });
      if (purpose === 'home_visit' && !withdrawn) homeVisitInForce.add(f.id);
    }
  }
  await insertChunks(consentRows, (c) => db.insert(familyConsents).values(c));
  await db.execute(sql`analyze family_consents`);

  // — home visits: coverage this year per town between ~35 % and ~80 %; some scheduled, some overdue —
  const healthId = ctx.accounts.get('health') ?? null;
  const [health] = healthId
    ? await db
        .select({ name: users.displayName })
        .from(users)
        .where(and(eq(users.districtCode, district), eq(users.id, healthId)))
    : [];
  const coverageOf = new Map(towns.map((t) => [t.code, 0.35 + rng.next() * 0.45]));
  const daysThisYear = dayNumber(today) - dayNumber(yearStart);
  const visitRows: (typeof familyVisits.$inferInsert)[] = [];
  const visit = (
    f: (typeof fams)[number],
    status: VisitStatus,
    scheduledFor: string,
    visitedOn: string | null,
  ) => {
    const done = status === 'done';
    const handbook = rng.chance(0.85);
    const at = new Date(`${visitedOn ?? scheduledFor}T09:00:00+08:00`);
    const workerId = done || rng.chance(0.7) ? healthId : null;
    visitRows.push({
      districtCode: district,
      id: rng.uuid(at.getTime()),
      familyId: f.id,
      townCode: f.townCode,
      communityCode: f.communityCode,
      workerId,
      workerName: workerId ? (health?.name ?? null) : null,
      scheduledFor,
      status,
      visitedOn,
      feeding: done
        ? rng.pick(['母乳喂养，按需喂养', '混合喂养，指导辅食添加', '已添加辅食，建议增加铁含量丰富的食物'])
        : null,
      growth: done
        ? rng.pick(['身长体重在正常范围', '大运动发育正常，鼓励多爬行', '语言发育稍慢，建议多交流'])
        : null,
      safety: done ? rng.pick(['指导防跌落、防烫伤', '建议加装插座保护盖', '提醒乘车使用安全座椅']) : null,
      diseasePrevention: done ? rng.pick(['按时接种疫苗', '讲解秋冬季呼吸道疾病预防', '指导口腔保健']) : null,
      handbookGiven: done ? handbook : null,
      createdAt: at,
      updatedAt: at,
    });
  };
  for (const f of fams) {
    if (!homeVisitInForce.has(f.id)) continue;
    if (rng.chance(0.25) && daysThisYear > 30) {
      const d = addDays(yearStart, -rng.int(10, 300));
      visit(f, 'done', d, d);
    }
    if (!f.resident) continue;
    if (rng.chance(coverageOf.get(f.townCode) ?? 0.5)) {
      const d = addDays(yearStart, rng.int(0, Math.max(0, daysThisYear - 1)));
      visit(f, 'done', d, d);
    } else {
      const r = rng.next();
      if (r < 0.12)
        visit(f, 'scheduled', addDays(today, -rng.int(1, 60)), null); // overdue
      else if (r < 0.4) visit(f, 'scheduled', addDays(today, rng.int(0, 30)), null);
      else if (r < 0.43) visit(f, 'cancelled', addDays(today, -rng.int(1, 90)), null);
    }
  }
  await insertChunks(visitRows, (c) => db.insert(familyVisits).values(c));

  // — hourly slots at operating institutions (the demo institution first), with bookings and waitlists —
  const insts = await db
    .select({ id: institutions.id, townCode: institutions.townCode })
    .from(institutions)
    .where(and(eq(institutions.districtCode, district), eq(institutions.status, 'operating')))
    .orderBy(asc(institutions.id));
  // Six institutions in six towns (the first by id first), so several towns' officers see slots.
  const chosen: typeof insts = [];
  for (const i of insts)
    if (chosen.length < 6 && !chosen.some((c) => c.townCode === i.townCode)) chosen.push(i);
  const slotRows: (typeof familySlots.$inferInsert)[] = [];
  const bookingRows: (typeof familyBookings.$inferInsert)[] = [];
  const byTown = new Map<string, typeof fams>();
  for (const f of fams) byTown.set(f.townCode, [...(byTown.get(f.townCode) ?? []), f]);
  const times: [string, string][] = [
    ['09:00', '11:00'],
    ['14:00', '16:00'],
  ];
  for (const inst of chosen) {
    const pool = byTown.get(inst.townCode) ?? fams;
    for (let d = -5; d <= 12; d++) {
      const date = addDays(today, d);
      const wd = new Date(`${date}T12:00:00Z`).getUTCDay();
      if (wd === 0 || wd === 6) continue;
      for (const [startTime, endTime] of times) {
        const capacity = rng.int(4, 10);
        const full = rng.chance(0.35);
        const booked = full ? capacity : rng.int(0, capacity - 1);
        const waitlisted = full ? rng.int(0, 3) : 0;
        const start = new Date(`${date}T${startTime}:00+08:00`);
        const slotId = rng.uuid(start.getTime() - 7 * 86_400_000);
        slotRows.push({
          districtCode: district,
          id: slotId,
          institutionId: inst.id,
          townCode: inst.townCode,
          date,
          startTime,
          endTime,
          capacity,
          booked,
          cancelDeadline: new Date(start.getTime() - 2 * 3_600_000),
          createdAt: new Date(start.getTime() - 7 * 86_400_000),
        });
        const used = new Set<string>();
        for (let b = 0; b < booked + waitlisted; b++) {
          let f = rng.pick(pool);
          while (used.has(f.childId)) f = rng.pick(pool);
          used.add(f.childId);
          const at = new Date(start.getTime() - (6 * 86_400_000 - b * 3_600_000));
          bookingRows.push({
            districtCode: district,
            id: rng.uuid(at.getTime()),
            slotId,
            institutionId: inst.id,
            familyId: f.id,
            childId: f.childId,
            status: b < booked ? 'booked' : 'waitlisted',
            createdAt: at,
          });
        }
      }
    }
  }
  await insertChunks(slotRows, (c) => db.insert(familySlots).values(c));
  await insertChunks(bookingRows, (c) => db.insert(familyBookings).values(c));

  // — applications: every state, addressed to the operating institutions (six towns) —
  const appRows: (typeof familyApplications.$inferInsert)[] = [];
  const states: [ApplicationStatus, number][] = [
    ['submitted', 0.38],
    ['offered', 0.14],
    ['accepted', 0.1],
    ['declined', 0.08],
    ['enrolled', 0.22],
    ['withdrawn', 0.08],
  ];
  const pickState = (): ApplicationStatus => {
    let r = rng.next();
    for (const [s, p] of states) {
      if (r < p) return s;
      r -= p;
    }
    return 'submitted';
  };
  const applicants = fams.filter((f) => dayNumber(today) - dayNumber(f.birthDate) > 180);
  const withApp = new Set<string>();
  for (let n = 0; n < 360 && chosen.length > 0; n++) {
    const f = rng.pick(applicants);
    if (withApp.has(f.childId)) continue;
    withApp.add(f.childId);
    // The first preference: the first institution for one in three, else one in the family town if any.
    const local = chosen.filter((i) => i.townCode === f.townCode);
    const first = n % 3 === 0 ? chosen[0]! : rng.pick(local.length > 0 ? local : chosen);
    const prefs = [first.id];
    for (const extra of chosen)
      if (prefs.length < rng.int(1, 3) && !prefs.includes(extra.id)) prefs.push(extra.id);
    const status = n < states.length ? states[n]![0] : pickState();
    const created = new Date(now.getTime() - rng.int(3, 120) * 86_400_000 - n * 60_000);
    appRows.push({
      districtCode: district,
      id: rng.uuid(created.getTime()),
      familyId: f.id,
      childId: f.childId,
      townCode: f.townCode,
      preferences: prefs,
      serviceForm: rng.pick(['full_day', 'full_day', 'half_day', 'hourly'] as const),
      startDate: addDays(today, rng.int(-60, 120)),
      status,
      offeredInstitutionId: ['offered', 'accepted', 'declined', 'enrolled'].includes(status)
        ? first.id
        : null,
      reason: null,
      createdAt: created,
      updatedAt: new Date(created.getTime() + 86_400_000),
    });
  }
  await insertChunks(appRows, (c) => db.insert(familyApplications).values(c));

  // — guidance stations, sessions, sign-ups and attendance (their own Rng: guidance-demo.ts) —
  await seedGuidanceDemo(db, { district, now, families: fams, skip: new Set([ctx.demoFamilyId]) });
}
