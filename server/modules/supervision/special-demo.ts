/**
 * Demo joint special checks (issue 10), planned and recorded through the services as the officers and
 * inspectors would (so the rules, recusal and the trail hold): an autumn fire-safety check by the
 * district with the education bureau, the fire brigade and market regulation, finished and signed
 * (nothing found, so no rectification ages into an escalation); and a food-safety check by Zhujiajiao
 * with market regulation and the health commission, under way — one team signed with a minor finding
 * (deadline ahead), one recorded but not signed, one not started. The demo journey accounts
 * (`inspector`, `inspector2`) are kept off the teams so the journeys' task lists stay as they are.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { SpecialCheckBody, SpecialUnit } from '../../../domain/contracts/supervision-special.ts';
import type { Db } from '../../db/client.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { users } from '../../platform/tables.ts';
import type { ModuleDemoContext } from '../demo.ts';
import { collectConflicts } from './conflicts.ts';
import { createInspectionService } from './inspections.ts';
import { currentPools } from './service.ts';
import { createSpecialCheckService } from './special.ts';

const DAY = 86_400_000;
const ZHUJIAJIAO = '310118102';
const ymd = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

export async function seedSpecialCheckDemo(db: Db, ctx: ModuleDemoContext): Promise<void> {
  const officer = ctx.accounts.get('district');
  const townOfficer = ctx.accounts.get('town-zhujiajiao');
  if (!officer) return;
  const found = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(
      and(
        eq(users.districtCode, ctx.district),
        inArray(users.username, [
          'inspector-edu',
          'inspector-fire',
          'inspector-food',
          'inspector-health',
          'inspector-guide',
          'inspector-civil',
        ]),
      ),
    );
  const id = new Map(found.map((u) => [u.username, u.id]));
  if (id.size < 6) return;
  const specials = createSpecialCheckService({ db });
  const records = createInspectionService({ db });
  const officerActor = (userId: string, divisionCode: string): Actor => ({
    userId,
    username: divisionCode === ctx.district ? 'district' : 'town-zhujiajiao',
    districtCode: ctx.district,
    role: divisionCode === ctx.district ? 'district_officer' : 'town_officer',
    scope: { kind: 'division', divisionCode },
    sessionId: 'demo',
  });
  const inspectorActor = (username: string): Actor => ({
    userId: id.get(username)!,
    username,
    districtCode: ctx.district,
    role: 'inspector',
    scope: { kind: 'division', divisionCode: ctx.district },
    sessionId: 'demo',
  });
  const at = (actor: Actor, now: Date): RequestContext => ({
    actor,
    districtCode: ctx.district,
    ip: null,
    requestId: 'demo',
    now,
  });

  /** Institutions of the division none of the team members must recuse from, in the pool's order. */
  async function targetsFor(divisionCode: string, month: string, members: string[], n: number, asOf: Date) {
    const pool = (await currentPools(db, ctx.district, divisionCode, asOf)).targets.map((t) => t.id);
    const conflicts = await collectConflicts(db, {
      districtCode: ctx.district,
      divisionCode,
      month,
      inspectorIds: members.map((m) => id.get(m)!),
      targetIds: pool,
    });
    const blocked = new Set(conflicts.map((c) => c.targetId));
    const step = Math.max(1, Math.floor(pool.length / (n + 1)));
    const out: string[] = [];
    for (let i = 0; out.length < n && i < pool.length; i++) {
      const t = pool[(i * step + 3) % pool.length]!;
      if (!blocked.has(t) && !out.includes(t)) out.push(t);
    }
    return out;
  }

  async function plan(
    actor: Actor,
    when: Date,
    body: Omit<SpecialCheckBody, 'targets'>,
    teams: [string, SpecialUnit][][],
  ) {
    const month = body.startDate.slice(0, 7);
    const all = [...new Set(teams.flat().map(([u]) => u))];
    const targets = await targetsFor(body.divisionCode, month, all, teams.length, when);
    if (targets.length < teams.length) return null;
    return specials.create(at(actor, when), actor, {
      ...body,
      targets: targets.map((institutionId, i) => ({
        institutionId,
        members: teams[i]!.map(([u, unit]) => ({ userId: id.get(u)!, unit })),
      })),
    });
  }

  /** Every member records (the first) and signs; `finding` marks the first item of the first theme. */
  async function record(
    inspectionId: string,
    members: string[],
    when: Date,
    sign: boolean,
    finding?: string,
  ) {
    const first = inspectorActor(members[0]!);
    const d = await records.get(first, inspectionId);
    const results = d.checklists
      .flatMap((c) => c.items)
      .map((item, k) =>
        k === 0 && finding
          ? { itemCode: item.code, outcome: 'finding' as const, note: finding }
          : { itemCode: item.code, outcome: 'pass' as const },
      );
    let v = (await records.saveResults(at(first, when), first, inspectionId, { version: d.version, results }))
      .version;
    if (!sign) return;
    for (const [k, m] of members.entries()) {
      const a = inspectorActor(m);
      v = (await records.sign(at(a, new Date(when.getTime() + (k + 1) * 3600_000)), a, inspectionId, v))
        .version;
    }
  }

  // 1. The district's autumn fire-safety check: about two months ago, finished, nothing found.
  const autumnStart = new Date(ctx.now.getTime() - 70 * DAY);
  const autumnTeams: [string, SpecialUnit][][] = [
    [
      ['inspector-edu', 'edu'],
      ['inspector-fire', 'fire'],
    ],
    [
      ['inspector-guide', 'edu'],
      ['inspector-food', 'market'],
    ],
    [
      ['inspector-fire', 'fire'],
      ['inspector-civil', 'edu'],
    ],
  ];
  const autumn = await plan(
    officerActor(officer, ctx.district),
    new Date(autumnStart.getTime() - 5 * DAY),
    {
      title: '秋季托育机构消防安全联合检查',
      divisionCode: ctx.district,
      categories: ['fire', 'safety'],
      leadUnit: 'edu',
      units: ['edu', 'fire', 'market'],
      startDate: ymd(autumnStart),
      endDate: ymd(new Date(autumnStart.getTime() + 20 * DAY)),
    },
    autumnTeams,
  );
  if (autumn)
    for (const [i, team] of autumn.teams.entries())
      if (team.inspection)
        await record(
          team.inspection.id,
          autumnTeams[i]!.map(([u]) => u),
          new Date(autumnStart.getTime() + (2 + 3 * i) * DAY),
          true,
        );

  // 2. Zhujiajiao's food-safety check: under way.
  if (!townOfficer) return;
  const foodStart = new Date(ctx.now.getTime() - 4 * DAY);
  const foodTeams: [string, SpecialUnit][][] = [
    [
      ['inspector-food', 'market'],
      ['inspector-health', 'health'],
    ],
    [
      ['inspector-health', 'health'],
      ['inspector-guide', 'market'],
    ],
    [
      ['inspector-food', 'market'],
      ['inspector-civil', 'health'],
    ],
  ];
  const food = await plan(
    officerActor(townOfficer, ZHUJIAJIAO),
    new Date(foodStart.getTime() - 3 * DAY),
    {
      title: '朱家角镇托育机构食品安全专项检查',
      divisionCode: ZHUJIAJIAO,
      categories: ['food', 'health'],
      leadUnit: 'market',
      units: ['market', 'health'],
      startDate: ymd(foodStart),
      endDate: ymd(new Date(foodStart.getTime() + 18 * DAY)),
    },
    foodTeams,
  );
  if (!food) return;
  const [a, b] = food.teams;
  if (a?.inspection)
    await record(
      a.inspection.id,
      foodTeams[0]!.map(([u]) => u),
      new Date(foodStart.getTime() + 1 * DAY),
      true,
      '留样冰箱温度记录缺 3 天，留样标签未写明餐次',
    );
  if (b?.inspection)
    await record(
      b.inspection.id,
      foodTeams[1]!.map(([u]) => u),
      new Date(foodStart.getTime() + 3 * DAY),
      false,
    );
}
