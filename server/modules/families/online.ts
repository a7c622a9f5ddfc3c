/**
 * Online guidance for families (issue 11; 35号 二、(二)4): "online guidance covers every family that
 * wants it (育之有道 / 青浦早教 registration); the maternal and child health handbook reaches every
 * resident family; guidance resource packs".
 * - The resource library (family_resources): district-wide, kept by the district officers and the
 *   guidance staff; the services read all of it, a parent only the published resources.
 * - Registrations on the platforms (family_online_registrations): recorded by the town's guidance staff
 *   or health worker, or by the parent for their own family; only while a guardian's online-resources
 *   consent is in force (otherwise 409, nothing written). One per family and platform.
 * - Distributions (family_distributions): the handbook or a resource pack given to a family, recorded
 *   by the town's health worker or guidance staff; the handbook target counts them (targets.ts).
 * - The plan source online_coverage: families with the online-resources consent in force at the end of
 *   the plan year that registered on a platform by that end, by town (not only resident families: every
 *   family that wants online guidance). Past years are stable as in targets.ts.
 * Every read through the guard; every write one transaction with its audit entry.
 */
import { and, asc, count, desc, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { GuidanceTopic } from '../../../domain/contracts/families.ts';
import type {
  CreateDistributionBody,
  CreateRegistrationBody,
  CreateResourceBody,
  Distribution,
  DistributionItem,
  distributionListQuery,
  OnlinePlatform,
  PortalOnline,
  Registration,
  RegistrationChannel,
  Resource,
  ResourceKind,
  ResourceStatus,
  registrationListQuery,
  resourceListQuery,
  UpdateResourceBody,
} from '../../../domain/contracts/families-online.ts';
import { consentInForce } from '../../../domain/families/rules.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { localDate } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { DomainError, fieldError } from '../../platform/errors.ts';
import { scopeWhere } from '../../platform/guard.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { containsAny } from '../../platform/like.ts';
import { countWhere, paged } from '../../platform/paging.ts';
import type { TargetSource } from '../../platform/targets.ts';
import { updateVersioned } from '../../platform/versioned.ts';
import * as repo from './repository.ts';
import { families, familyDistributions, familyOnlineRegistrations, familyResources } from './tables.ts';
import { share, yearEnd } from './targets.ts';

type ResourceRow = typeof familyResources.$inferSelect;
type RegistrationRow = typeof familyOnlineRegistrations.$inferSelect;
type DistributionRow = typeof familyDistributions.$inferSelect;

const registrationScope = {
  district: familyOnlineRegistrations.districtCode,
  division: familyOnlineRegistrations.townCode,
  family: familyOnlineRegistrations.familyId,
};
const distributionScope = {
  district: familyDistributions.districtCode,
  division: familyDistributions.townCode,
  family: familyDistributions.familyId,
};

/** Whole months from a birth date to a China date (both YYYY-MM-DD). */
export function ageInMonths(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return Math.max(0, (y - by) * 12 + (m - bm) - (d < bd ? 1 : 0));
}

function toResource(r: ResourceRow): Resource {
  return {
    id: r.id,
    title: r.title,
    kind: r.kind as ResourceKind,
    topic: r.topic as GuidanceTopic,
    platform: r.platform as OnlinePlatform,
    url: r.url,
    ageFromMonths: r.ageFromMonths,
    ageToMonths: r.ageToMonths,
    publishedAt: r.publishedAt,
    status: r.status as ResourceStatus,
    version: r.version,
  };
}

async function toRegistrations(
  db: Db,
  districtCode: string,
  rows: RegistrationRow[],
): Promise<Registration[]> {
  const names = await repo.communityNamesOf(
    db,
    districtCode,
    rows.map((r) => r.familyId),
  );
  return rows.map((r) => ({
    id: r.id,
    familyId: r.familyId,
    townCode: r.townCode,
    communityName: names.get(r.familyId) ?? '',
    platform: r.platform as OnlinePlatform,
    registeredOn: r.registeredOn,
    channel: r.channel as RegistrationChannel,
  }));
}

async function toDistributions(
  db: Db,
  districtCode: string,
  rows: DistributionRow[],
): Promise<Distribution[]> {
  const names = await repo.communityNamesOf(
    db,
    districtCode,
    rows.map((r) => r.familyId),
  );
  return rows.map((r) => ({
    id: r.id,
    familyId: r.familyId,
    townCode: r.townCode,
    communityName: names.get(r.familyId) ?? '',
    item: r.item as DistributionItem,
    givenOn: r.givenOn,
    givenBy: r.givenByName,
    note: r.note,
  }));
}

function checkAgeBand(from: number, to: number) {
  if (to < from)
    throw fieldError(
      'ageToMonths',
      'age_band_inverted',
      '适用月龄止不能小于月龄起',
      'The age band ends before it starts',
    );
}

function checkDate(field: string, value: string, today: string) {
  if (Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || value < '2000-01-01')
    throw fieldError(field, 'invalid_date', '日期无效', 'The date is not valid');
  if (value > today)
    throw fieldError(field, 'future', '日期不能晚于今天', 'The date cannot be in the future');
}

// — the plan source online_coverage —
/** SQL: a guardian's online-resources consent in force at the end of the plan year (targets.ts). */
function wantedOnlineIn(district: string, year: number): SQL {
  const end = yearEnd(year);
  return sql`exists (select 1 from family_consents fc where fc.district_code = ${district}
    and fc.district_code = "families"."district_code" and fc.family_id = "families"."id"
    and fc.purpose = 'online_resources' and fc.given_at < ${end}
    and (fc.status = 'given' or fc.withdrawn_at >= ${end}))`;
}
/** SQL: the family registered on an online platform by the end of the plan year. */
function registeredBy(district: string, year: number): SQL {
  return sql`exists (select 1 from family_online_registrations r where r.district_code = ${district}
    and r.district_code = "families"."district_code" and r.family_id = "families"."id"
    and r.registered_on <= ${`${year}-12-31`})`;
}
const notAnonymisedBy = (year: number) =>
  sql`(${families.anonymisedAt} is null or ${families.anonymisedAt} >= ${yearEnd(year)})`;

export const onlineTargets: TargetSource[] = [
  share(
    (q) => wantedOnlineIn(q.actor.districtCode, q.year),
    (q) => registeredBy(q.actor.districtCode, q.year),
    'online_coverage',
    {
      residentOnly: false,
      // The same families as registeredBy, as one set joined to the families (targets.ts HitSet).
      hitSet: (db, q) =>
        sql`${db
          .selectDistinct({
            districtCode: familyOnlineRegistrations.districtCode,
            familyId: familyOnlineRegistrations.familyId,
          })
          .from(familyOnlineRegistrations)
          .where(
            and(
              eq(familyOnlineRegistrations.districtCode, q.actor.districtCode),
              lte(familyOnlineRegistrations.registeredOn, `${q.year}-12-31`),
            ),
          )}`,
    },
  ),
];

export function createOnlineService({ db }: { db: Db }) {
  async function resourceRow(tx: Db, actor: Actor, id: string, lock = false): Promise<ResourceRow> {
    const q = tx
      .select()
      .from(familyResources)
      .where(
        and(
          eq(familyResources.districtCode, actor.districtCode),
          eq(familyResources.id, id),
          actor.scope?.kind === 'family' ? eq(familyResources.status, 'published') : undefined,
        ),
      );
    const [row] = await (lock ? q.for('update') : q);
    if (!row) throw new DomainError('not_found');
    return row;
  }

  /** The family a write is for: a parent's own, or the one named (in the caller's town: 404 else). */
  async function familyFor(tx: Db, actor: Actor, familyId: string | undefined) {
    const id = actor.scope?.kind === 'family' ? actor.scope.familyId : familyId;
    if (!id) throw fieldError('familyId', 'required', '请选择家庭', 'Choose the family');
    const f = await repo.getFamily(tx, actor, id);
    if (f.anonymisedAt) throw new DomainError('not_found');
    return f;
  }

  return {
    async listResources(actor: Actor, q: z.infer<typeof resourceListQuery>) {
      const parent = actor.scope?.kind === 'family';
      const where = and(
        eq(familyResources.districtCode, actor.districtCode),
        parent ? eq(familyResources.status, 'published') : undefined,
        q.status ? eq(familyResources.status, q.status) : undefined,
        q.kind ? eq(familyResources.kind, q.kind) : undefined,
        q.topic ? eq(familyResources.topic, q.topic) : undefined,
        q.platform ? eq(familyResources.platform, q.platform) : undefined,
        q.ageMonths !== undefined
          ? and(
              lte(familyResources.ageFromMonths, q.ageMonths),
              gte(familyResources.ageToMonths, q.ageMonths),
            )
          : undefined,
        containsAny([familyResources.title], q.q),
      );
      const page = await paged(q, {
        rows: (limit, offset) =>
          db
            .select()
            .from(familyResources)
            .where(where)
            .orderBy(asc(familyResources.ageFromMonths), asc(familyResources.title), asc(familyResources.id))
            .limit(limit)
            .offset(offset),
        count: () => countWhere(db, familyResources, where),
      });
      return { ...page, items: page.items.map(toResource) };
    },

    async getResource(actor: Actor, id: string) {
      return toResource(await resourceRow(db, actor, id));
    },

    async createResource(ctx: RequestContext, actor: Actor, body: CreateResourceBody): Promise<Resource> {
      checkAgeBand(body.ageFromMonths, body.ageToMonths);
      const today = localDate(ctx.now);
      const status = body.status ?? 'draft';
      const publishedAt = body.publishedAt ?? (status === 'published' ? today : null);
      if (body.publishedAt) checkDate('publishedAt', body.publishedAt, today);
      return db.transaction(async (tx) => {
        const [r] = await tx
          .insert(familyResources)
          .values({
            districtCode: actor.districtCode,
            id: uuidv7(ctx.now.getTime()),
            title: body.title,
            kind: body.kind,
            topic: body.topic,
            platform: body.platform,
            url: body.url,
            ageFromMonths: body.ageFromMonths,
            ageToMonths: body.ageToMonths,
            publishedAt,
            status,
            createdAt: ctx.now,
            updatedAt: ctx.now,
          })
          .returning();
        await recordAudit(tx, ctx, {
          action: 'families.resource_create',
          objectType: 'family_resource',
          objectId: r!.id,
          changes: { ...body, status, publishedAt },
        });
        return toResource(r!);
      });
    },

    /** A change of any field (publishing sets the date when none is given); 409 when stale. */
    async updateResource(ctx: RequestContext, actor: Actor, id: string, body: UpdateResourceBody) {
      return db.transaction(async (tx) => {
        const current = await resourceRow(tx, actor, id, true);
        const { version, ...change } = body;
        const today = localDate(ctx.now);
        checkAgeBand(
          change.ageFromMonths ?? current.ageFromMonths,
          change.ageToMonths ?? current.ageToMonths,
        );
        if (change.publishedAt) checkDate('publishedAt', change.publishedAt, today);
        const set: Partial<typeof familyResources.$inferInsert> = { ...change };
        if (change.status === 'published' && !current.publishedAt && !change.publishedAt)
          set.publishedAt = today;
        const updated = await updateVersioned(tx, familyResources, current, version, set, ctx.now);
        const changes: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(set))
          if (v !== (current as Record<string, unknown>)[k])
            changes[k] = { from: (current as Record<string, unknown>)[k], to: v };
        await recordAudit(tx, ctx, {
          action: 'families.resource_update',
          objectType: 'family_resource',
          objectId: id,
          changes,
        });
        return toResource(updated);
      });
    },

    async listRegistrations(actor: Actor, q: z.infer<typeof registrationListQuery>) {
      const where = and(
        scopeWhere(actor, registrationScope),
        q.familyId ? eq(familyOnlineRegistrations.familyId, q.familyId) : undefined,
        q.town ? eq(familyOnlineRegistrations.townCode, q.town) : undefined,
        q.platform ? eq(familyOnlineRegistrations.platform, q.platform) : undefined,
      );
      const page = await paged(q, {
        rows: (limit, offset) =>
          db
            .select()
            .from(familyOnlineRegistrations)
            .where(where)
            .orderBy(desc(familyOnlineRegistrations.registeredOn), asc(familyOnlineRegistrations.id))
            .limit(limit)
            .offset(offset),
        count: () => countWhere(db, familyOnlineRegistrations, where),
      });
      return { ...page, items: await toRegistrations(db, actor.districtCode, page.items) };
    },

    /** Record a registration: 409 without an online-resources consent in force; once per platform. */
    async register(ctx: RequestContext, actor: Actor, body: CreateRegistrationBody): Promise<Registration> {
      const today = localDate(ctx.now);
      const registeredOn = body.registeredOn ?? today;
      checkDate('registeredOn', registeredOn, today);
      const row = await db.transaction(async (tx) => {
        const f = await familyFor(tx, actor, body.familyId);
        const consents = await repo.consentsOf(tx, f.districtCode, [f.id]);
        if (!consentInForce(consents, 'online_resources')) throw new DomainError('families.consent_missing');
        const [dup] = await tx
          .select({ id: familyOnlineRegistrations.id })
          .from(familyOnlineRegistrations)
          .where(
            and(
              eq(familyOnlineRegistrations.districtCode, f.districtCode),
              eq(familyOnlineRegistrations.familyId, f.id),
              eq(familyOnlineRegistrations.platform, body.platform),
            ),
          );
        if (dup) throw new DomainError('families.online_registered');
        const channel: RegistrationChannel = actor.scope?.kind === 'family' ? 'portal' : 'staff';
        const [r] = await tx
          .insert(familyOnlineRegistrations)
          .values({
            districtCode: f.districtCode,
            id: uuidv7(ctx.now.getTime()),
            familyId: f.id,
            townCode: f.townCode,
            platform: body.platform,
            registeredOn,
            channel,
            recordedBy: actor.userId,
            createdAt: ctx.now,
          })
          .returning();
        await recordAudit(tx, ctx, {
          action: 'families.online_register',
          objectType: 'family_online_registration',
          objectId: r!.id,
          changes: { familyId: f.id, platform: body.platform, registeredOn, channel },
        });
        return r!;
      });
      return (await toRegistrations(db, actor.districtCode, [row]))[0]!;
    },

    async listDistributions(actor: Actor, q: z.infer<typeof distributionListQuery>) {
      const where = and(
        scopeWhere(actor, distributionScope),
        q.familyId ? eq(familyDistributions.familyId, q.familyId) : undefined,
        q.town ? eq(familyDistributions.townCode, q.town) : undefined,
        q.item ? eq(familyDistributions.item, q.item) : undefined,
      );
      const page = await paged(q, {
        rows: (limit, offset) =>
          db
            .select()
            .from(familyDistributions)
            .where(where)
            .orderBy(desc(familyDistributions.givenOn), asc(familyDistributions.id))
            .limit(limit)
            .offset(offset),
        count: () => countWhere(db, familyDistributions, where),
      });
      return { ...page, items: await toDistributions(db, actor.districtCode, page.items) };
    },

    async distribute(ctx: RequestContext, actor: Actor, body: CreateDistributionBody): Promise<Distribution> {
      checkDate('givenOn', body.givenOn, localDate(ctx.now));
      const row = await db.transaction(async (tx) => {
        const f = await familyFor(tx, actor, body.familyId);
        const [r] = await tx
          .insert(familyDistributions)
          .values({
            districtCode: f.districtCode,
            id: uuidv7(ctx.now.getTime()),
            familyId: f.id,
            townCode: f.townCode,
            item: body.item,
            givenOn: body.givenOn,
            givenBy: actor.userId,
            givenByName: actor.username.slice(0, 64),
            note: body.note || null,
            createdAt: ctx.now,
          })
          .returning();
        await recordAudit(tx, ctx, {
          action: 'families.distribute',
          objectType: 'family_distribution',
          objectId: r!.id,
          changes: { familyId: f.id, item: body.item, givenOn: body.givenOn, note: body.note ?? null },
        });
        return r!;
      });
      return (await toDistributions(db, actor.districtCode, [row]))[0]!;
    },

    /** Online coverage by town for the console: the plan source's counts (same SQL). */
    async coverage(actor: Actor, year: number) {
      const district = actor.districtCode;
      const rows = await db
        .select({
          townCode: families.townCode,
          consenting: count(),
          registered: sql<number>`count(*) filter (where ${registeredBy(district, year)})`.mapWith(Number),
        })
        .from(families)
        .where(
          and(scopeWhere(actor, repo.familyScope), notAnonymisedBy(year), wantedOnlineIn(district, year)),
        )
        .groupBy(families.townCode)
        .orderBy(asc(families.townCode));
      return { year, towns: rows.map((r) => ({ ...r, consenting: Number(r.consenting) })) };
    },

    /** A parent's view: published resources for their children's ages, their registrations, consent. */
    async mine(ctx: RequestContext, actor: Actor): Promise<PortalOnline> {
      if (actor.scope?.kind !== 'family') throw new DomainError('auth.forbidden');
      const f = await repo.getFamily(db, actor, actor.scope.familyId);
      const today = localDate(ctx.now);
      const children = (await repo.childrenOf(db, f.districtCode, [f.id])).map((c) => ({
        childId: c.id,
        ageMonths: ageInMonths(c.birthDate, today),
      }));
      const ages = children.map((c) => c.ageMonths);
      const resources =
        ages.length === 0
          ? []
          : await db
              .select()
              .from(familyResources)
              .where(
                and(
                  eq(familyResources.districtCode, f.districtCode),
                  eq(familyResources.status, 'published'),
                  sql`(${sql.join(
                    ages.map(
                      (a) =>
                        sql`(${familyResources.ageFromMonths} <= ${a} and ${familyResources.ageToMonths} >= ${a})`,
                    ),
                    sql` or `,
                  )})`,
                ),
              )
              .orderBy(asc(familyResources.ageFromMonths), asc(familyResources.title))
              .limit(200);
      const regs = await db
        .select()
        .from(familyOnlineRegistrations)
        .where(and(scopeWhere(actor, registrationScope), eq(familyOnlineRegistrations.familyId, f.id)))
        .orderBy(asc(familyOnlineRegistrations.registeredOn));
      const consents = await repo.consentsOf(db, f.districtCode, [f.id]);
      return {
        children,
        resources: resources.map(toResource),
        registrations: await toRegistrations(db, f.districtCode, regs),
        consent: consentInForce(consents, 'online_resources'),
      };
    },
  };
}
