/** Demo data of the Supervision (issue 10) module: synthetic, deterministic (the seeded Rng), sealed personal numbers. */
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Role } from '../../../domain/contracts/auth.ts';
import { runDraw } from '../../../domain/rules/draw.ts';
import type { Db } from '../../db/client.ts';
import { generatePassword, seedDemoAccounts } from '../../demo/accounts.ts';
import { districtSeed, Rng } from '../../demo/rng.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { scopeColumns } from '../../platform/auth/sessions.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { SYSTEM_ACTOR } from '../../platform/jobs/index.ts';
import { users } from '../../platform/tables.ts';
import type { ModuleDemoContext } from '../demo.ts';
import { collectConflicts } from './conflicts.ts';
import { inspectionsOfPlan, seedInspectionDemo } from './demo-inspections.ts';
import { escalateOverdue } from './escalation.ts';
import { createSupervisionService, currentPools } from './service.ts';
import { seedSpecialCheckDemo } from './special-demo.ts';

/** Extra inspector accounts so a draw has a pool (synthetic names; a random password nobody is shown). */
const EXTRA_INSPECTORS = [
  ['inspector-fire', '区消防救援支队 检查员 林工'],
  ['inspector-food', '区市场监管局 检查员 何工'],
  ['inspector-health', '区卫生健康委 检查员 吴医生'],
  ['inspector-edu', '区教育局 检查员 冯老师'],
  ['inspector-guide', '区托育服务指导中心 检查员 许老师'],
  ['inspector-civil', '区民政局 检查员 曹工'],
] as const;

const ZHUJIAJIAO = '310118102';

export async function seedSupervisionDemo(db: Db, ctx: ModuleDemoContext): Promise<void> {
  const d = { kind: 'division' as const, divisionCode: ctx.district };
  await seedDemoAccounts(
    db,
    ctx.district,
    EXTRA_INSPECTORS.map(([username, displayName]) => ({
      username,
      displayName,
      role: 'inspector' as Role,
      scope: d,
    })),
    generatePassword(),
    ctx.now,
    ctx.rng,
  );
  // Two journey accounts with the demo accounts' password (the hash of `inspector`, so whoever knows the
  // demo password can use them): a second demo inspector, and (below) an admin of a drawn institution.
  const [insp] = await db
    .select()
    .from(users)
    .where(and(eq(users.districtCode, ctx.district), eq(users.username, 'inspector')));
  const local = new Rng(districtSeed(10_0001, ctx.district));
  const cloneAccount = async (
    username: string,
    displayName: string,
    over: Partial<typeof users.$inferInsert>,
  ) => {
    const id = local.uuid(ctx.now.getTime());
    await db.insert(users).values({ ...insp!, id, username, displayName, ...over });
    return id;
  };
  const inspector2 = insp
    ? await cloneAccount('inspector2', '区托育服务指导中心 检查员 刘老师', {})
    : undefined;
  const officer = ctx.accounts.get('district');
  const townOfficer = ctx.accounts.get('town-zhujiajiao');
  if (!officer) return;
  const svc = createSupervisionService({ db });
  const actorOf = (userId: string, username: string, divisionCode: string): Actor => ({
    userId,
    username,
    districtCode: ctx.district,
    role: divisionCode === ctx.district ? 'district_officer' : 'town_officer',
    scope: { kind: 'division', divisionCode },
    sessionId: 'demo',
  });
  const ctxAt = (actor: Actor, now: Date): RequestContext => ({
    actor,
    districtCode: ctx.district,
    ip: null,
    requestId: null,
    now,
  });
  const secret = () =>
    Array.from({ length: 32 }, () => ctx.rng.int(0, 255).toString(16).padStart(2, '0')).join('');
  const journeyPair = [ctx.accounts.get('inspector'), inspector2].filter((x): x is string => !!x);
  /** A secret whose draw gives the journey pair one target together (searched, deterministic). */
  async function journeySecret(
    divisionCode: string,
    month: string,
    sampleSize: number,
    asOf: Date,
  ): Promise<string | null> {
    if (journeyPair.length < 2) return null;
    // The pools as the commitment will read them (the risk weights of that day).
    const pools = await currentPools(db, ctx.district, divisionCode, asOf);
    const conflicts = await collectConflicts(db, {
      districtCode: ctx.district,
      divisionCode,
      month,
      inspectorIds: pools.inspectors.map((i) => i.id),
      targetIds: pools.targets.map((t) => t.id),
    });
    for (let n = 0; n < 2000; n++) {
      const candidate = createHash('sha256').update(`tuoyu-demo-journey-${month}-${n}`).digest('hex');
      const r = runDraw({ secretHex: candidate, ...pools, conflicts, sampleSize, inspectorsPerTarget: 2 });
      if (r.ok && r.result.assignments.some((a) => journeyPair.every((id) => a.inspectorIds.includes(id))))
        return candidate;
    }
    return null;
  }
  let journey: { planId: string; month: string } | null = null;
  const year = ctx.now.getUTCFullYear();
  const thisMonth = ctx.now.getUTCMonth(); // 0-based

  async function monthly(actor: Actor, divisionCode: string, share: number, forJourney = false) {
    const pool = (await currentPools(db, ctx.district, divisionCode, ctx.now)).targets.length;
    if (pool === 0) return;
    const sampleSize = Math.max(1, Math.round(pool * share));
    for (let m = 0; m <= thisMonth; m++) {
      const month = `${year}-${String(m + 1).padStart(2, '0')}`;
      const committedAt = new Date(Date.UTC(year, m, 2, 1));
      if (committedAt > ctx.now) break;
      let planSecret = secret();
      const last = m === thisMonth - 1;
      if (forJourney && last)
        planSecret = (await journeySecret(divisionCode, month, sampleSize, committedAt)) ?? planSecret;
      const plan = await svc.commitPlan(
        ctxAt(actor, committedAt),
        actor,
        { month, divisionCode, sampleSize, inspectorsPerTarget: 2 },
        planSecret,
      );
      if (forJourney && last) journey = { planId: plan.id, month };
      // This month's plan stays committed (its commitment is public, the secret not yet).
      if (m < thisMonth) await svc.draw(ctxAt(actor, new Date(Date.UTC(year, m, 5, 1))), actor, plan.id);
    }
  }

  await monthly(actorOf(officer, 'district', ctx.district), ctx.district, 0.1);
  if (townOfficer) await monthly(actorOf(townOfficer, 'town-zhujiajiao', ZHUJIAJIAO), ZHUJIAJIAO, 0.3, true);

  // The journey's inspection: the pair's target in the last drawn town plan; its admin gets an account.
  let keepOpenId: string | null = null;
  const j = journey as { planId: string; month: string } | null;
  if (j && insp) {
    const [task] = (await inspectionsOfPlan(db, ctx.district, j.planId)).filter((i) =>
      journeyPair.every((id) => i.inspectorIds.includes(id)),
    );
    if (task) {
      keepOpenId = task.id;
      await cloneAccount('institution-zjj', '朱家角镇 托育机构管理员', {
        role: 'institution_admin',
        ...scopeColumns({ kind: 'institution', institutionId: task.institutionId }),
      });
    }
  }
  await seedInspectionDemo(db, {
    district: ctx.district,
    now: ctx.now,
    keepOpenMonth: j?.month ?? null,
    keepOpenId,
    closerId: townOfficer ?? officer,
  });
  await seedSpecialCheckDemo(db, ctx);
  // The daily escalation as the job would run it today (audited as system:jobs), so the demo opens
  // with overdue items escalated and some institutions 整改中, and the first scheduled run finds nothing new.
  const system: RequestContext = {
    actor: null,
    districtCode: ctx.district,
    ip: null,
    requestId: 'demo',
    now: ctx.now,
  };
  await escalateOverdue(db, ctx.district, ctx.now, (tx, e) =>
    recordAudit(tx, system, { ...e, username: e.username ?? SYSTEM_ACTOR }),
  );
}
