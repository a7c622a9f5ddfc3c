/** Workforce (issue 9): registers the module's routes, jobs, scope targets and dashboard widgets (see docs/MODULES.md). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { DashboardWidget } from '../../../domain/contracts/dashboard.ts';
import type { Db } from '../../db/client.ts';
import { createAnswerCache } from '../../platform/answer-cache.ts';
import { localDate } from '../../platform/clock.ts';
import type { Actor } from '../../platform/context.ts';
import type { DashboardProvider } from '../../platform/dashboard.ts';
import type { ModuleKit, ModuleRegistration } from '../index.ts';
import { installBanListKey, loadBanListKey } from './ban-key.ts';
import { computeCompliance } from './compliance.ts';
import { staffImportRoutes } from './import-routes.ts';
import { workforceRoutes } from './routes.ts';
import { RESCREEN_JOB, rescreen } from './service.ts';
import { workforceTargets } from './targets.ts';

const pct = (r: number | null) => (r === null ? 0 : Math.round(r * 1000) / 10);

/**
 * The home page's workforce figures, measured from the whole staffing compliance (the heaviest widget):
 * kept per role, scope and day until the district writes, and served up to `maxAgeMs` old (ADR 0030).
 */
export function workforceDashboard(maxAgeMs: number): DashboardProvider {
  const answers = createAnswerCache<DashboardWidget[]>({ maxEntries: 500 });
  return {
    module: 'workforce',
    widgets(db, ctx, actor) {
      if (
        actor.role !== 'district_officer' &&
        actor.role !== 'town_officer' &&
        actor.role !== 'institution_admin'
      )
        return Promise.resolve([]);
      const key = JSON.stringify([actor.role, actor.scope, localDate(ctx.now)]);
      return answers.get(db, actor.districtCode, key, () => workforceWidgets(db, ctx.now, actor), {
        ...(maxAgeMs > 0 ? { maxStaleMs: maxAgeMs } : {}),
      });
    },
  };
}

async function workforceWidgets(db: Db, now: Date, actor: Actor): Promise<DashboardWidget[]> {
  const c = await computeCompliance(db, actor, {}, now);
  const under = c.classes.length - c.classesCompliant;
  const items: DashboardWidget['items'] = [
    {
      key: 'workforce.certified_rate',
      label: { zh: '持证上岗率（%）', en: 'Certified staff (%)' },
      value: pct(c.district.rate),
      tone: c.district.rate !== null && c.district.rate < 1 ? 'warning' : 'normal',
      href: '/admin/workforce/compliance',
    },
    {
      key: 'workforce.classes_under',
      label: { zh: '配班不达标班级', en: 'Classes under the staffing rule' },
      value: under,
      tone: under > 0 ? 'danger' : 'normal',
      href: '/admin/workforce/compliance',
    },
    {
      key: 'workforce.expiring',
      label: { zh: '30天内到期证书', en: 'Certificates expiring in 30 days' },
      value: c.expiringSoon.length,
      tone: c.expiringSoon.length > 0 ? 'warning' : 'normal',
      href: '/admin/workforce/compliance',
    },
    {
      key: 'workforce.training_behind',
      label: { zh: '培训进度落后人数', en: 'Staff behind on training' },
      value: c.trainingBehind,
      tone: c.trainingBehind > 0 ? 'warning' : 'normal',
      href: '/admin/workforce/compliance',
    },
  ];
  if (actor.role !== 'institution_admin')
    items.push({
      key: 'workforce.district_trainings',
      label: {
        zh: `区级专业培训（目标 ${c.districtTrainings.target ?? '—'} 次）`,
        en: `District trainings (target ${c.districtTrainings.target ?? '—'})`,
      },
      value: c.districtTrainings.count,
      href: '/admin/workforce/trainings',
    });
  return [
    {
      id: 'workforce',
      kind: 'numbers',
      title: { zh: '从业人员', en: 'Workforce' },
      asOf: now.toISOString(),
      items,
    },
  ];
}

export async function registerWorkforceModule(
  app: FastifyInstance,
  kit: ModuleKit,
): Promise<ModuleRegistration> {
  if (process.env.NODE_ENV !== 'test') installBanListKey(loadBanListKey({ dataDir: kit.config.dataDir }));
  kit.jobs.define(
    RESCREEN_JOB,
    async (_payload, ctx) => rescreen(ctx.db, ctx.districtCode, ctx.clock.now(), (tx, e) => ctx.audit(tx, e)),
    { payload: z.strictObject({ reason: z.string().max(100) }), maxAttempts: 5 },
  );
  await workforceRoutes(app, { db: kit.db, jobs: kit.jobs, storage: kit.storage, clock: kit.clock });
  await staffImportRoutes(app, { db: kit.db, jobs: kit.jobs, storage: kit.storage, clock: kit.clock });
  return {
    dashboard: [workforceDashboard(kit.config.summaryMaxAgeSeconds * 1000)],
    targets: workforceTargets,
  };
}
