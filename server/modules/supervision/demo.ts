/** Demo data of the Supervision (issue 10) module: synthetic, deterministic (the seeded Rng), sealed personal numbers. */
import type { Role } from '../../../domain/contracts/auth.ts';
import type { Db } from '../../db/client.ts';
import { generatePassword, seedDemoAccounts } from '../../demo/accounts.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import type { ModuleDemoContext } from '../demo.ts';
import { createSupervisionService, currentPools } from './service.ts';

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
  const year = ctx.now.getUTCFullYear();
  const thisMonth = ctx.now.getUTCMonth(); // 0-based

  async function monthly(actor: Actor, divisionCode: string, share: number) {
    const pool = (await currentPools(db, ctx.district, divisionCode)).targets.length;
    if (pool === 0) return;
    const sampleSize = Math.max(1, Math.round(pool * share));
    for (let m = 0; m <= thisMonth; m++) {
      const month = `${year}-${String(m + 1).padStart(2, '0')}`;
      const committedAt = new Date(Date.UTC(year, m, 2, 1));
      if (committedAt > ctx.now) break;
      const plan = await svc.commitPlan(
        ctxAt(actor, committedAt),
        actor,
        { month, divisionCode, sampleSize, inspectorsPerTarget: 2 },
        secret(),
      );
      // This month's plan stays committed (its commitment is public, the secret not yet).
      if (m < thisMonth) await svc.draw(ctxAt(actor, new Date(Date.UTC(year, m, 5, 1))), actor, plan.id);
    }
  }

  await monthly(actorOf(officer, 'district', ctx.district), ctx.district, 0.1);
  if (townOfficer) await monthly(actorOf(townOfficer, 'town-zhujiajiao', ZHUJIAJIAO), ZHUJIAJIAO, 0.3);
}
