/**
 * Demo childcare-subsidy casework (issue 17), synthetic and deterministic from its own PRNG (other
 * modules' demo rows do not move): about 60 % of the demo children born since 2022-02 have applied
 * since the national system opened (2025-09), through the first guardian; older applications are
 * decided (a few rejected, a few stopped), recent ones wait in the towns' queues (some past their 30
 * working days); the demo parent's child is approved. Batches: 2025 paid, then each quarter of this
 * year up to the last full quarter paid, the next one submitted with two lines returned by the bank.
 * The yearly renewal (ADR 0027): this year's renewals of the applications approved before it, opened
 * on 2 January — most confirmed by the towns in the first quarter, some still open, a few stopped with
 * each reason — and this year's batches pay only the confirmed ones (payableInYear).
 * Bank cards carry a valid Luhn digit; every number is sealed like real data.
 */
import { and, eq, gte } from 'drizzle-orm';
import { findDivision } from '../../../domain/divisions.ts';
import { addWorkingDays } from '../../../domain/rules/workdays.ts';
import { needsRenewal, payableInYear } from '../../../domain/subsidy/renewal.ts';
import { amountFor, luhnValid, monthOf, monthsDue } from '../../../domain/subsidy/rules.ts';
import type { Db } from '../../db/client.ts';
import { insertChunks } from '../../demo/chunks.ts';
import { districtSeed, Rng } from '../../demo/rng.ts';
import { localDate } from '../../platform/clock.ts';
import { openValue, protect, sealValue } from '../../platform/personal-data.ts';
import { getWorkCalendar } from '../calendar/work-calendar.ts';
import type { ModuleDemoContext } from '../demo.ts';
import { byText, demoFamilyRank, inDemoOrder } from '../families/demo-order.ts';
import { families, familyChildren, familyGuardians } from '../families/tables.ts';
import { runsOf, subsidyValues } from './service.ts';
import { subsidyApplications, subsidyBatches, subsidyBatchLines, subsidyRenewals } from './tables.ts';

const SEED = 20250728;
/** The banks' branches of the district (青浦 for the demo district). */
const banksOf = (district: string) => {
  const short = (findDivision(district)?.nameZh ?? '青浦区').replace(/区$/, '');
  return ['中国工商银行', '中国农业银行', '中国建设银行', '上海农商银行', '中国银行'].map(
    (b) => `${b}${short}支行`,
  );
};
const REJECT = ['户籍核验不一致，请补充户口簿', '出生医学证明信息与申请不符'];
const STOPS = [
  { stopReason: 'hukou_moved', note: '户籍已迁往外省市' },
  { stopReason: 'emigration', note: '随父母出国定居' },
  { stopReason: 'death', note: null },
  { stopReason: 'other', note: '监护人书面申请放弃补贴' },
] as const;

function card(rng: Rng): string {
  let body = '622';
  while (body.length < 18) body += String(rng.int(0, 9));
  for (let d = 0; d <= 9; d++) if (luhnValid(body + d)) return body + d;
  return `${body}0`;
}

export async function seedSubsidyDemo(db: Db, ctx: ModuleDemoContext): Promise<void> {
  const { district, now, demoFamilyId } = ctx;
  const rng = new Rng(districtSeed(SEED, district));
  const BANKS = banksOf(district);
  const today = localDate(now);
  let values: ReturnType<typeof subsidyValues>;
  try {
    values = subsidyValues(district, today);
  } catch {
    return; // no subsidy pack in force on the demo's date
  }
  const cal = await getWorkCalendar(db, district);
  const kids = await db
    .select({
      childId: familyChildren.id,
      familyId: familyChildren.familyId,
      name: familyChildren.childName,
      idNumber: familyChildren.idNumber,
      birthDate: familyChildren.birthDate,
      townCode: families.townCode,
      resident: families.resident,
    })
    .from(familyChildren)
    .innerJoin(
      families,
      and(eq(families.districtCode, familyChildren.districtCode), eq(families.id, familyChildren.familyId)),
    )
    .where(and(eq(familyChildren.districtCode, district), gte(familyChildren.birthDate, '2022-02-01')));
  // Not in id order: the ids of children made from birth records come from the clock (demo-order.ts).
  inDemoOrder(kids, await demoFamilyRank(db, district), (a, b) =>
    byText(`${a.birthDate} ${a.name}`, `${b.birthDate} ${b.name}`),
  );
  const guardians = await db
    .select({
      familyId: familyGuardians.familyId,
      name: familyGuardians.guardianName,
      relation: familyGuardians.relation,
      mobile: familyGuardians.mobile,
    })
    .from(familyGuardians)
    .where(eq(familyGuardians.districtCode, district))
    .orderBy(familyGuardians.familyId, familyGuardians.position);
  const firstGuardian = new Map<string, (typeof guardians)[number]>();
  for (const g of guardians) if (!firstGuardian.has(g.familyId)) firstGuardian.set(g.familyId, g);

  const opened = '2025-09-01';
  const apps: (typeof subsidyApplications.$inferInsert)[] = [];
  let seq = 0;
  for (const k of kids) {
    const isDemoParent = k.familyId === demoFamilyId;
    if (!isDemoParent && (!k.resident || !rng.chance(0.6))) continue;
    const g = firstGuardian.get(k.familyId);
    if (!g?.mobile || !k.idNumber) continue;
    // Applied some weeks after the later of the birth and the opening; a child whose day has not
    // come yet has not applied.
    const from = Date.parse(`${k.birthDate > opened ? k.birthDate : opened}T00:00:00Z`);
    const appliedOn = new Date(from + rng.int(10, 120) * 86_400_000).toISOString().slice(0, 10);
    if (appliedOn > today || monthsDue({ birthDate: k.birthDate }, values).length === 0) continue;
    const due = addWorkingDays(appliedOn, values.reviewWorkingDays, cal);
    const dueOn = due.ok ? due.date : null;
    const age = Math.floor(
      (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${appliedOn}T00:00:00Z`)) / 86_400_000,
    );
    // Decided within the clock mostly; recent ones (and a few late ones) still wait.
    const waiting = !isDemoParent && (age < 25 || (age < 60 && rng.chance(0.25)));
    const rejected = !waiting && !isDemoParent && rng.chance(0.03);
    const decidedOn = waiting
      ? null
      : new Date(Date.parse(`${appliedOn}T00:00:00Z`) + Math.min(age, rng.int(5, 40)) * 86_400_000)
          .toISOString()
          .slice(0, 10);
    const stopped = !waiting && !rejected && !isDemoParent && rng.chance(0.01);
    const endsOn = stopped && decidedOn && decidedOn < today ? decidedOn : null;
    const child = protect('citizen_id', openValue('citizen_id', k.idNumber));
    seq += 1;
    apps.push({
      districtCode: district,
      id: rng.uuid(Date.parse(`${appliedOn}T02:00:00Z`)),
      applicationNo: `YEBT${appliedOn.replaceAll('-', '')}${district}${String(seq).padStart(5, '0')}`,
      childName: k.name,
      childIdNumber: child.sealed,
      childIdBidx: child.index,
      childBirthDate: k.birthDate,
      townCode: k.townCode,
      localHukou: true,
      applicantName: g.name,
      applicantRelation: g.relation === 'father' ? 'father' : g.relation === 'mother' ? 'mother' : 'guardian',
      applicantMobile: sealValue('phone', openValue('phone', g.mobile)),
      bankName: rng.pick(BANKS),
      accountKind: 'card',
      bankAccount: sealValue('bank_account', card(rng)),
      appliedOn,
      dueOn,
      status: waiting ? 'submitted' : rejected ? 'rejected' : endsOn ? 'stopped' : 'approved',
      decidedOn,
      reason: rejected ? rng.pick(REJECT) : endsOn ? '户籍迁出本市' : null,
      endsOn,
      endReason: endsOn ? 'hukou_moved' : null,
      familyId: k.familyId,
      createdAt: now,
      updatedAt: now,
    });
  }
  await insertChunks(apps, (c) => db.insert(subsidyApplications).values(c).onConflictDoNothing());

  // — this year's renewals (opened on 2 January; the towns decide in the first quarter) —
  const year = Number(today.slice(0, 4));
  const officer = ctx.accounts.get('district') ?? ctx.accounts.values().next().value!;
  const townOfficer = new Map(
    [
      [`${district}102`, ctx.accounts.get('town-zhujiajiao')],
      [`${district}106`, ctx.accounts.get('town-xujing')],
    ].filter((e): e is [string, string] => !!e[1]),
  );
  const openedAt = new Date(Math.min(Date.parse(`${year}-01-02T01:00:00Z`), now.getTime() - 7_200_000));
  const renewals: (typeof subsidyRenewals.$inferInsert)[] = [];
  const renewal = new Map<string, 'open' | 'confirmed' | 'stopped'>();
  for (const a of apps) {
    const candidate = {
      id: a.id!,
      status: a.status!,
      approvedAt: a.decidedOn ?? null,
      child: { birthDate: a.childBirthDate!, endsOn: a.endsOn ?? null },
    };
    if (!needsRenewal(candidate, values, year)) continue;
    const roll = rng.int(0, 99);
    const state = a.familyId === demoFamilyId || roll >= 14 ? 'confirmed' : roll >= 5 ? 'open' : 'stopped';
    const stop = state === 'stopped' ? STOPS[roll % STOPS.length]! : null;
    const decidedAt =
      state === 'open'
        ? null
        : new Date(Math.min(openedAt.getTime() + rng.int(3, 85) * 86_400_000, now.getTime() - 3_600_000));
    renewal.set(a.id!, state);
    renewals.push({
      districtCode: district,
      id: rng.uuid(openedAt.getTime()),
      applicationId: a.id!,
      year,
      townCode: a.townCode!,
      state,
      stopReason: stop?.stopReason ?? null,
      note: stop?.note ?? null,
      openedBy: officer,
      openedAt,
      decidedBy: decidedAt ? (townOfficer.get(a.townCode!) ?? officer) : null,
      decidedAt,
      createdAt: openedAt,
      updatedAt: decidedAt ?? openedAt,
      version: decidedAt ? 2 : 1,
    });
  }
  await insertChunks(renewals, (c) => db.insert(subsidyRenewals).values(c).onConflictDoNothing());

  // — batches: 2025 (paid), this year's quarters up to the last full one (paid), the next (submitted) —
  const lastFull = Math.floor((Number(today.slice(5, 7)) - 1) / 3); // full quarters before this month's
  const plan: { year: number; through: string; status: 'paid' | 'submitted' }[] = [
    { year: 2025, through: '2025-12', status: 'paid' },
  ];
  for (let q = 1; q <= lastFull; q++)
    plan.push({ year, through: `${year}-${String(q * 3).padStart(2, '0')}`, status: 'paid' });
  if (monthOf(today) > (plan.at(-1)?.through ?? ''))
    plan.push({
      year,
      through: `${year}-${String(Number(today.slice(5, 7)) - 1).padStart(2, '0')}`,
      status: 'submitted',
    });
  const payable = apps.filter((a) => (a.status === 'approved' || a.status === 'stopped') && a.decidedOn);
  const covered = new Map<string, Set<string>>();
  for (const [i, b] of plan.entries()) {
    if (b.through.endsWith('-00') || b.through.slice(0, 4) !== String(b.year)) continue;
    const at = new Date(Date.parse(`${b.through}-01T02:00:00Z`) + 40 * 86_400_000);
    if (at > now) at.setTime(now.getTime() - (plan.length - i) * 3_600_000);
    const batchId = rng.uuid(at.getTime());
    const lines: (typeof subsidyBatchLines.$inferInsert)[] = [];
    for (const a of payable) {
      if (a.decidedOn! > localDate(at)) continue;
      if (!payableInYear(a.decidedOn!, b.year === year ? (renewal.get(a.id!) ?? null) : null, b.year))
        continue;
      const seen = covered.get(a.id!) ?? new Set<string>();
      const months = monthsDue({ birthDate: a.childBirthDate!, endsOn: a.endsOn ?? null }, values, {
        year: b.year,
        through: b.through,
      }).filter((m) => !seen.has(m));
      for (const run of runsOf(months)) {
        for (const m of months) seen.add(m);
        lines.push({
          districtCode: district,
          id: rng.uuid(at.getTime()),
          batchId,
          applicationId: a.id!,
          townCode: a.townCode!,
          fromMonth: run.from,
          toMonth: run.to,
          months: run.n,
          amount: amountFor(run.n, values),
          status: b.status === 'paid' ? 'paid' : 'pending',
          createdAt: at,
        });
      }
      covered.set(a.id!, seen);
    }
    if (lines.length === 0) continue;
    // The bank returned two payments of the submitted batch (closed accounts): due again once corrected.
    if (b.status === 'submitted')
      for (const l of lines.slice(3, 5)) {
        l.status = 'returned';
        l.returnReason = '账户已销户，请核对收款账户';
        l.returnedAt = now;
      }
    await db.insert(subsidyBatches).values({
      districtCode: district,
      id: batchId,
      year: b.year,
      throughMonth: b.through,
      status: b.status,
      createdBy: officer,
      createdAt: at,
      submittedAt: at,
      paidAt: b.status === 'paid' ? new Date(at.getTime() + 10 * 86_400_000) : null,
      updatedAt: at,
    });
    await insertChunks(lines, (c) => db.insert(subsidyBatchLines).values(c));
  }
}
