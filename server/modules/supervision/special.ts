/**
 * Joint special checks (联合检查 / 专项检查, issue 10). The district (or a town, in its town) plans a check
 * on chosen themes with the departments taking part and a team per chosen institution — at least two
 * inspectors from at least two departments, never one who must recuse (the draw's conflict sources:
 * inspected it last time, works or worked there). Each team becomes an inspection record of kind
 * `special` with the latest checklist versions of the chosen themes, so recording, sign-off, findings,
 * rectification, escalation, risk and integrity work exactly as for a drawn check.
 */
import { and, desc, eq, exists, inArray, or, sql } from 'drizzle-orm';
import type { FieldError } from '../../../domain/contracts/common.ts';
import { IN_SERVICE_STATUSES } from '../../../domain/contracts/institution-enums.ts';
import type {
  SpecialCheckBody,
  SpecialCheckDetail,
  SpecialCheckSummary,
} from '../../../domain/contracts/supervision-special.ts';
import { specialCheckProblems, specialStatus } from '../../../domain/supervision/special.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { localDate } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { DomainError, throwIfErrors } from '../../platform/errors.ts';
import { divisionInScope, scopeWhere } from '../../platform/guard.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { users } from '../../platform/tables.ts';
import { institutionScope } from '../institutions/repository.ts';
import { institutions } from '../institutions/tables.ts';
import { latestChecklists } from './checklists.ts';
import { collectConflicts } from './conflicts.ts';
import './errors.ts';
import { inspectionSummaries, inspectionWhere } from './inspections.ts';
import { inspectorAccounts } from './service.ts';
import { supervisionInspections, supervisionSpecialChecks } from './tables.ts';

type CheckRow = typeof supervisionSpecialChecks.$inferSelect;

/** Checks are scoped by the division that organises them (a town officer sees the town's own). */
const checkScope = {
  district: supervisionSpecialChecks.districtCode,
  division: supervisionSpecialChecks.divisionCode,
};

export function createSpecialCheckService({ db }: { db: Db }) {
  /** Per check: its inspection rows (any the check owns; the check's visibility is the caller's scope). */
  async function inspectionsOf(districtCode: string, ids: string[]) {
    if (ids.length === 0) return [];
    return db
      .select()
      .from(supervisionInspections)
      .where(
        and(
          eq(supervisionInspections.districtCode, districtCode),
          inArray(supervisionInspections.specialCheckId, ids),
        ),
      );
  }

  function summary(
    r: CheckRow,
    rows: (typeof supervisionInspections.$inferSelect)[],
    today: string,
  ): SpecialCheckSummary {
    const mine = rows.filter((x) => x.specialCheckId === r.id);
    const signed = mine.filter((x) => x.status === 'signed').length;
    return {
      id: r.id,
      title: r.title,
      level: r.level as SpecialCheckSummary['level'],
      divisionCode: r.divisionCode,
      categories: r.categories,
      leadUnit: r.leadUnit as SpecialCheckSummary['leadUnit'],
      units: r.units,
      startDate: r.startDate,
      endDate: r.endDate,
      status: specialStatus(r, r.teams.length, signed, today),
      targets: r.teams.length,
      signed,
      findings: mine.reduce((n, x) => n + x.results.filter((y) => y.outcome === 'finding').length, 0),
      createdAt: r.createdAt.toISOString(),
    };
  }

  /**
   * What an actor may see: checks organised in their scope, and checks with a team whose inspection they
   * may see (a town officer a district check in their town; an inspector one they are on).
   */
  function visible(actor: Actor) {
    const own = db
      .select({ one: sql`1` })
      .from(supervisionInspections)
      .where(
        and(
          eq(supervisionInspections.districtCode, supervisionSpecialChecks.districtCode),
          eq(supervisionInspections.specialCheckId, supervisionSpecialChecks.id),
          inspectionWhere(actor),
        ),
      );
    return and(
      eq(supervisionSpecialChecks.districtCode, actor.districtCode),
      or(scopeWhere(actor, checkScope), exists(own)),
    );
  }

  async function get(actor: Actor, id: string, now: Date): Promise<SpecialCheckDetail> {
    const [r] = await db
      .select()
      .from(supervisionSpecialChecks)
      .where(and(visible(actor), eq(supervisionSpecialChecks.id, id)));
    if (!r) throw new DomainError('not_found');
    const insp = await inspectionsOf(r.districtCode, [r.id]);
    // Outside the organising division only the teams whose inspection the caller may see are shown.
    const whole = divisionInScope(actor, r.divisionCode);
    const seen = whole
      ? insp
      : await db
          .select()
          .from(supervisionInspections)
          .where(and(eq(supervisionInspections.specialCheckId, r.id), inspectionWhere(actor)));
    const byInstitution = new Map((await inspectionSummaries(db, seen)).map((s) => [s.institutionId, s]));
    const names = new Map<string, string>();
    const teams = r.teams.filter((t) => whole || byInstitution.has(t.institutionId));
    const memberIds = [...new Set(teams.flatMap((t) => t.members.map((m) => m.userId)))];
    if (memberIds.length)
      for (const u of await db
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .where(and(eq(users.districtCode, r.districtCode), inArray(users.id, memberIds))))
        names.set(u.id, u.name);
    return {
      ...summary(r, insp, localDate(now)),
      teams: teams.map((t) => ({
        institutionId: t.institutionId,
        members: t.members.map((m) => ({ ...m, name: names.get(m.userId) ?? '' })),
        inspection: byInstitution.get(t.institutionId) ?? null,
      })),
    };
  }

  return {
    async inspectors(actor: Actor, divisionCode: string) {
      if (!divisionInScope(actor, divisionCode)) throw new DomainError('supervision.out_of_scope');
      const rows = await inspectorAccounts(db, actor.districtCode, divisionCode);
      return {
        items: rows
          .map((r) => ({ id: r.id, name: r.name, divisionCode: r.divisionCode ?? '' }))
          .sort(
            (a, b) => a.divisionCode.localeCompare(b.divisionCode) || a.name.localeCompare(b.name, 'zh-CN'),
          ),
      };
    },

    async list(actor: Actor, now: Date): Promise<{ items: SpecialCheckSummary[] }> {
      const rows = await db
        .select()
        .from(supervisionSpecialChecks)
        .where(visible(actor))
        .orderBy(desc(supervisionSpecialChecks.startDate), desc(supervisionSpecialChecks.id))
        .limit(200);
      const insp = await inspectionsOf(
        actor.districtCode,
        rows.map((r) => r.id),
      );
      const today = localDate(now);
      return { items: rows.map((r) => summary(r, insp, today)) };
    },

    get,

    async create(ctx: RequestContext, actor: Actor, body: SpecialCheckBody): Promise<SpecialCheckDetail> {
      if (!divisionInScope(actor, body.divisionCode)) throw new DomainError('supervision.out_of_scope');
      const today = localDate(ctx.now);
      const errors: FieldError[] = specialCheckProblems(body, today).map((p) => ({
        field: p.field,
        rule: p.rule,
        message_zh: p.zh,
        message_en: p.en,
      }));
      throwIfErrors(errors);
      // The institutions: in the caller's scope, in service, inside the organising division.
      const ids = body.targets.map((t) => t.institutionId);
      const found = await db
        .select({ id: institutions.id, townCode: institutions.townCode, status: institutions.status })
        .from(institutions)
        .where(and(scopeWhere(actor, institutionScope), inArray(institutions.id, ids)));
      const inst = new Map(found.map((f) => [f.id, f]));
      body.targets.forEach((t, i) => {
        const f = inst.get(t.institutionId);
        if (
          !f ||
          !(IN_SERVICE_STATUSES as readonly string[]).includes(f.status) ||
          !f.townCode.startsWith(body.divisionCode)
        )
          errors.push({
            field: `targets.${i}.institutionId`,
            rule: 'in_service_in_division',
            message_zh: '机构须在本辖区内且正在运营（运营中或整改中）',
            message_en:
              'The institution must be in service (operating or rectifying) in the division checked',
          });
      });
      // The members: inspector accounts covering the division; none who must recuse.
      const pool = new Set(
        (await inspectorAccounts(db, actor.districtCode, body.divisionCode)).map((u) => u.id),
      );
      const month = body.startDate.slice(0, 7);
      const conflicts = await collectConflicts(db, {
        districtCode: actor.districtCode,
        divisionCode: body.divisionCode,
        month,
        inspectorIds: [...new Set(body.targets.flatMap((t) => t.members.map((m) => m.userId)))],
        targetIds: ids,
      });
      const recuse = new Set(conflicts.map((c) => `${c.inspectorId}\u0000${c.targetId}`));
      body.targets.forEach((t, i) => {
        t.members.forEach((m, j) => {
          if (!pool.has(m.userId))
            errors.push({
              field: `targets.${i}.members.${j}.userId`,
              rule: 'inspector_account',
              message_zh: '须为覆盖本辖区的在用检查人员账号',
              message_en: 'Must be an enabled inspector account covering the division checked',
            });
          else if (recuse.has(`${m.userId}\u0000${t.institutionId}`))
            errors.push({
              field: `targets.${i}.members.${j}.userId`,
              rule: 'recusal',
              message_zh: '该检查人员须回避此机构（曾在此任职或上次检查过此机构）',
              message_en:
                'This inspector must recuse from this institution (works or worked there, or inspected it last time)',
            });
        });
      });
      throwIfErrors(errors);
      const id = uuidv7(ctx.now.getTime());
      await db.transaction(async (tx) => {
        const lists = (await latestChecklists(tx, actor.districtCode, ctx.now)).filter((l) =>
          body.categories.includes(l.category as (typeof body.categories)[number]),
        );
        await tx.insert(supervisionSpecialChecks).values({
          districtCode: actor.districtCode,
          id,
          title: body.title,
          level: body.divisionCode === actor.districtCode ? 'district' : 'town',
          divisionCode: body.divisionCode,
          categories: body.categories,
          leadUnit: body.leadUnit,
          units: body.units,
          startDate: body.startDate,
          endDate: body.endDate,
          teams: body.targets.map((t) => ({ institutionId: t.institutionId, members: t.members })),
          createdById: actor.userId,
          createdAt: ctx.now,
        });
        await tx.insert(supervisionInspections).values(
          body.targets.map((t, i) => ({
            districtCode: actor.districtCode,
            id: uuidv7(ctx.now.getTime() + 1 + i),
            kind: 'special' as const,
            planId: null,
            specialCheckId: id,
            month,
            institutionId: t.institutionId,
            townCode: inst.get(t.institutionId)!.townCode,
            inspectorIds: t.members.map((m) => m.userId),
            checklistIds: lists.map((l) => l.id),
            results: [],
            signoffs: [],
            status: 'open' as const,
            createdAt: ctx.now,
            updatedAt: ctx.now,
          })),
        );
        await recordAudit(tx, ctx, {
          action: 'supervision.special_create',
          objectType: 'special_check',
          objectId: id,
          changes: {
            title: body.title,
            divisionCode: body.divisionCode,
            categories: body.categories,
            units: body.units,
            startDate: body.startDate,
            endDate: body.endDate,
            teams: body.targets.length,
          },
        });
      });
      return get(actor, id, ctx.now);
    },
  };
}
