/**
 * Demo operating subsidies (普惠托育运营补贴, issue 17), synthetic and deterministic from their own PRNG
 * (other modules' demo rows do not move). The district's amount — 300 yuan per child per month, a demo
 * value said so in its citation — is in force from the first demo month; the minimum attended days stay
 * the platform's default. One inclusive operating institution per town (two in 朱家角镇) (no open rectification, so
 * the escalation job leaves them operating) keep an attendance register: a roster per class (synthetic
 * names, birth months within the class's ages) and marks on the district calendar's working days of the
 * last three complete months before the demo's "now" (a month the calendar does not cover is skipped).
 * Claims carry the claim service's figures (the pure rules on these marks, the amount in force), written
 * in bulk like the other demos' rows (no audit rows: nobody acted):
 * - the oldest month: approved (one rejected with a reason), so its payment list has totals per town;
 * - the middle month: approved for most, one returned with a reason, the rest waiting (past the
 *   10-working-day deadline);
 * - the last month (the payment list's default): half approved, the rest waiting, a few drafts, one
 *   returned with a reason.
 * The journey institution (in 朱家角镇) has its two older months approved and the last one left for its
 * director to build: the account `institution-op` (the demo password, like `institution-zjj`).
 */
import { and, asc, eq } from 'drizzle-orm';
import {
  OPERATING_DEFAULT_MIN_DAYS,
  type OperatingClaimLine,
  type OperatingClaimStatus,
} from '../../../domain/contracts/operating.ts';
import { findDivision } from '../../../domain/divisions.ts';
import { childMonths, claimAmountFen, isEligible } from '../../../domain/operating/rules.ts';
import { isWorkingDay } from '../../../domain/rules/workdays.ts';
import type { Db } from '../../db/client.ts';
import { insertChunks } from '../../demo/chunks.ts';
import { districtSeed, Rng } from '../../demo/rng.ts';
import { scopeColumns } from '../../platform/auth/sessions.ts';
import { localDate } from '../../platform/clock.ts';
import { users } from '../../platform/tables.ts';
import { getWorkCalendar } from '../calendar/work-calendar.ts';
import type { ModuleDemoContext } from '../demo.ts';
import { institutionClasses, institutions } from '../institutions/tables.ts';
import { supervisionRectifications } from '../supervision/tables.ts';
import { operatingAttendance, operatingChildren, operatingClaims, operatingRates } from './tables.ts';

const SEED = 20_261_130;
const DAY = 86_400_000;
/** The demo's amount per child per month (fen): a demo value, not a district's decision. */
export const OPERATING_DEMO_AMOUNT_FEN = 30_000;
export const OPERATING_DEMO_CITATION =
  '演示数值（本地示例设定，非政策原文）：每人每月 300 元，仅供演示；正式使用前须由区里按正式文件的文号、条款录入';
/** The journey account: admin of the demo's inclusive operating institution in 朱家角镇. */
export const OPERATING_DEMO_ACCOUNT = 'institution-op';
/** Institutions with a register per town (朱家角镇 two: the journey's and one more), children per class
 * at most: the marks are most of the seed's added time (≈ 5 s for 27,000 rows on PGlite). */
const PER_TOWN = 1;
const MAX_PER_CLASS = 15;

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蒋蔡余杜';
const GIVEN = '子涵梓轩一诺欣怡浩宇雨桐思远若汐沐阳语嫣嘉懿俊熙诗涵博文安然';
const RETURN_REASONS = [
  '托大班二班 15 日出勤人数与晨检记录不一致，请核对后重新生成',
  '名册中有两名幼儿出生年月超出班级收托月龄，请更正名册后重新申报',
];
const REJECT_REASON = '现场核查发现该月部分出勤登记无晨检记录支持，本月不予补贴';

/** 'YYYY-MM' shifted by n months. */
function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** A Shanghai wall-clock moment on a day ('YYYY-MM-DD', hour 0–23). */
const at = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);

export async function seedOperatingDemo(db: Db, ctx: ModuleDemoContext): Promise<void> {
  const { district, now } = ctx;
  const rng = new Rng(districtSeed(SEED, district));
  const today = localDate(now);
  const cal = await getWorkCalendar(db, district);
  // The three complete months before this one, with their working days on the district calendar.
  const months: { month: string; days: string[] }[] = [];
  for (let n = 3; n >= 1; n--) {
    const month = addMonths(today.slice(0, 7), -n);
    const days: string[] = [];
    for (let d = 1; d <= 31; d++) {
      const day = `${month}-${String(d).padStart(2, '0')}`;
      if (new Date(`${day}T12:00:00Z`).toISOString().slice(0, 10) !== day) break;
      const w = isWorkingDay(day, cal);
      if (w.ok && w.working) days.push(day);
    }
    if (days.length > 0) months.push({ month, days });
  }
  if (months.length === 0) return;
  const first = months[0]!.month;

  await db.insert(operatingRates).values({
    districtCode: district,
    id: rng.uuid(at(`${first}-01`, 9).getTime() - 20 * DAY),
    effectiveFrom: `${first}-01`,
    amountFen: OPERATING_DEMO_AMOUNT_FEN,
    citation: OPERATING_DEMO_CITATION,
    recordedBy: 'district',
    recordedAt: new Date(at(`${first}-01`, 9).getTime() - 20 * DAY),
  });

  // Inclusive operating institutions with classes and no open rectification, up to PER_TOWN per town.
  const open = new Set(
    (
      await db
        .select({ id: supervisionRectifications.institutionId })
        .from(supervisionRectifications)
        .where(
          and(
            eq(supervisionRectifications.districtCode, district),
            eq(supervisionRectifications.status, 'open'),
          ),
        )
    ).map((r) => r.id),
  );
  const all = await db
    .select({
      id: institutions.id,
      townCode: institutions.townCode,
      inclusive: institutions.inclusive,
      status: institutions.status,
      kind: institutions.kind,
    })
    .from(institutions)
    .where(eq(institutions.districtCode, district))
    .orderBy(asc(institutions.townCode), asc(institutions.id));
  const classes = await db
    .select()
    .from(institutionClasses)
    .where(eq(institutionClasses.districtCode, district))
    .orderBy(asc(institutionClasses.institutionId), asc(institutionClasses.position));
  const classesOf = new Map<string, (typeof classes)[number][]>();
  for (const c of classes) classesOf.set(c.institutionId, [...(classesOf.get(c.institutionId) ?? []), c]);
  const zhujiajiao = `${district}102`;
  const candidates = all.filter(
    (i) => isEligible(i) && !open.has(i.id) && i.id !== ctx.demoInstitutionId && classesOf.has(i.id),
  );
  const chosen: typeof candidates = [];
  for (const town of [...new Set(candidates.map((i) => i.townCode))]) {
    const inTown = candidates.filter((i) => i.townCode === town);
    // In 朱家角镇 a 托育园 with several classes first: the journey's institution.
    if (town === zhujiajiao)
      inTown.sort(
        (a, b) =>
          Number(b.kind === 'childcare_institution') - Number(a.kind === 'childcare_institution') ||
          (classesOf.get(b.id)?.length ?? 0) - (classesOf.get(a.id)?.length ?? 0),
      );
    chosen.push(...inTown.slice(0, town === zhujiajiao ? PER_TOWN + 1 : PER_TOWN));
  }
  if (chosen.length === 0) return;
  const journey = chosen.find((i) => i.townCode === zhujiajiao) ?? chosen[0]!;

  // The journey account: the `institution` account's password hash, scoped to the journey institution.
  const [base] = await db
    .select()
    .from(users)
    .where(and(eq(users.districtCode, district), eq(users.username, 'institution')));
  if (base)
    await db.insert(users).values({
      ...base,
      id: rng.uuid(now.getTime()),
      username: OPERATING_DEMO_ACCOUNT,
      displayName: `${findDivision(journey.townCode)?.nameZh ?? ''} 普惠托育机构负责人`,
      ...scopeColumns({ kind: 'institution', institutionId: journey.id }),
    });

  // Rosters and attendance marks.
  const childRows: (typeof operatingChildren.$inferInsert)[] = [];
  const markRows: (typeof operatingAttendance.$inferInsert)[] = [];
  for (const inst of chosen) {
    const by = inst.id === journey.id ? OPERATING_DEMO_ACCOUNT : 'demo-register';
    for (const c of classesOf.get(inst.id) ?? []) {
      const createdAt = new Date(at(`${first}-01`, 8).getTime() - rng.int(5, 40) * DAY);
      for (let k = 0; k < Math.min(c.enrolled, MAX_PER_CLASS); k++) {
        const age = rng.int(c.minAgeMonths, Math.max(c.minAgeMonths, c.maxAgeMonths - 1));
        const id = rng.uuid(createdAt.getTime());
        childRows.push({
          districtCode: district,
          id,
          institutionId: inst.id,
          classId: c.id,
          childName: `${rng.pick([...SURNAMES])}${rng.pick([...GIVEN])}${rng.chance(0.6) ? rng.pick([...GIVEN]) : ''}`,
          birthMonth: addMonths(today.slice(0, 7), -age),
          createdBy: by,
          createdAt,
        });
        // Most children come most days; a few rarely (their months do not count); some join after the
        // first month or leave before the last, so the months' counts differ.
        const p = rng.chance(0.1) ? 0.3 : 0.75 + rng.next() * 0.22;
        const from = rng.chance(0.15) ? rng.int(1, months.length - 1) : 0;
        const to = rng.chance(0.1) ? rng.int(0, months.length - 2) : months.length - 1;
        for (const [mi, { days }] of months.entries())
          for (const day of mi < from || mi > to ? [] : days)
            if (rng.chance(p))
              markRows.push({
                districtCode: district,
                childId: id,
                day,
                institutionId: inst.id,
                classId: c.id,
                markedBy: by,
                markedAt: at(day, 17),
              });
      }
    }
  }
  await insertChunks(childRows, (chunk) => db.insert(operatingChildren).values(chunk));
  await insertChunks(markRows, (chunk) => db.insert(operatingAttendance).values(chunk), 4000);

  // Claims: the figures by the claim service's own rules (domain/operating/rules.ts) from the marks
  // above, in bulk (through the service one by one took seconds of the seed).
  const minDays = OPERATING_DEFAULT_MIN_DAYS;
  const last = months.length - 1;
  const claimRows: (typeof operatingClaims.$inferInsert)[] = [];
  for (const [mi, { month }] of months.entries()) {
    const nextDays = months[mi + 1]?.days ?? [];
    const nextDay = (n: number) => nextDays[Math.min(n, nextDays.length - 1)] ?? `${addMonths(month, 1)}-01`;
    for (const [ii, inst] of chosen.entries()) {
      const isJourney = inst.id === journey.id;
      if (isJourney && mi === last) continue; // left for the journey's director to build
      const instClasses = [...(classesOf.get(inst.id) ?? [])].sort((a, b) =>
        a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
      );
      const marks = markRows.filter((m) => m.institutionId === inst.id && m.day.startsWith(month));
      const lines: OperatingClaimLine[] = [];
      for (const c of instClasses) {
        const cm = childMonths(
          marks.filter((m) => m.classId === c.id),
          month,
          minDays,
        );
        if (cm.length === 0) continue;
        lines.push({
          classId: c.id,
          className: c.name,
          childrenMarked: cm.length,
          countedChildMonths: cm.filter((x) => x.counted).length,
        });
      }
      const counted = lines.reduce((n, l) => n + l.countedChildMonths, 0);
      // The last month's claims came in over the hours before "now"; older ones early in the next month.
      const builtAt =
        mi === last
          ? new Date(now.getTime() - (chosen.length - ii + 1) * 2 * 3_600_000)
          : at(nextDay(rng.int(0, 2)), 10);
      let state: OperatingClaimStatus;
      if (mi === 0 && last > 0) state = !isJourney && ii === chosen.length - 1 ? 'rejected' : 'approved';
      else if (mi < last)
        state = isJourney || ii % 3 !== 2 ? 'approved' : ii === 2 ? 'returned' : 'submitted';
      // The last month: half approved already (the payment list opens on it), the rest waiting, a few
      // drafts and one returned.
      else state = ii % 5 === 4 ? 'draft' : ii === 1 ? 'returned' : ii % 2 === 0 ? 'approved' : 'submitted';
      const submittedAt = state === 'draft' ? null : new Date(builtAt.getTime() + 30 * 60_000);
      const decided = state === 'approved' || state === 'rejected' || state === 'returned';
      const decidedAt = !decided
        ? null
        : mi === last
          ? new Date(builtAt.getTime() + 60 * 60_000)
          : at(nextDay(rng.int(4, 8)), 15);
      claimRows.push({
        districtCode: district,
        id: rng.uuid(builtAt.getTime()),
        institutionId: inst.id,
        townCode: inst.townCode,
        month,
        status: state,
        minAttendedDays: minDays,
        lines,
        countedChildMonths: counted,
        rateFen: OPERATING_DEMO_AMOUNT_FEN,
        totalFen: claimAmountFen(counted, {
          effectiveFrom: `${first}-01`,
          amountFen: OPERATING_DEMO_AMOUNT_FEN,
        }),
        reason:
          state === 'rejected'
            ? REJECT_REASON
            : state === 'returned'
              ? RETURN_REASONS[mi % RETURN_REASONS.length]!
              : null,
        createdBy: isJourney ? OPERATING_DEMO_ACCOUNT : 'demo-register',
        createdAt: builtAt,
        submittedAt,
        decidedBy: decided ? 'district' : null,
        decidedAt,
      });
    }
  }
  await insertChunks(claimRows, (chunk) => db.insert(operatingClaims).values(chunk));
}
