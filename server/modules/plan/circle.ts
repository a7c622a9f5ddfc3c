/**
 * The 15-minute childcare circle and the site planner (issue 13; 35号 三、(一)2 "15分钟社区托育服务圈").
 *
 * Demand: the district's communities with a centre and a count of children under 3 (family_communities,
 * from statistics or, in the demo, synthetic and marked so). Supply: operating inclusive institutions'
 * free places (seats − enrolled). Coverage allocates free places to the communities within N walking
 * minutes, nearest first (domain/rules/coverage.ts; walking model geo.ts: distance × 1.3 at 4.5 km/h).
 *
 * The allocation is computed over the whole district — a town's children may be covered by a place just
 * across the town's border, and a town's view must add up to the district's — and the answer then shows
 * only the communities in the caller's scope (a town officer: its town). The rows read are reference
 * and registry data, pinned to the caller's district; no personal data is involved.
 *
 * The circle is today's state: the records keep no past seats or counts, so the plan target
 * `fifteen_minute_coverage` measures today whatever the plan year, and says so in its drill-down.
 */
import { and, asc, eq, gt, isNotNull } from 'drizzle-orm';
import type { z } from 'zod';
import {
  CIRCLE_MINUTES,
  type Circle,
  type SitePlan,
  type sitePlanBody,
} from '../../../domain/contracts/plan-circle.ts';
import { coverage, type DemandPoint, type Facility } from '../../../domain/rules/coverage.ts';
import { DEFAULT_DETOUR, DEFAULT_SPEED_KMH, walkingMinutes } from '../../../domain/rules/geo.ts';
import { planSites } from '../../../domain/rules/site-planner.ts';
import type { Db } from '../../db/client.ts';
import { localDate } from '../../platform/clock.ts';
import type { Actor } from '../../platform/context.ts';
import { DomainError, fieldError } from '../../platform/errors.ts';
import { divisionInScope } from '../../platform/guard.ts';
import type { TargetDrillRow, TargetQuery, TargetSource } from '../../platform/targets.ts';
import { familyCommunities } from '../families/tables.ts';
import { institutions } from '../institutions/tables.ts';

type Community = typeof familyCommunities.$inferSelect;

/** The district's demand and supply (pinned to the actor's district). */
async function load(db: Db, districtCode: string) {
  const communities = await db
    .select()
    .from(familyCommunities)
    .where(eq(familyCommunities.districtCode, districtCode))
    .orderBy(asc(familyCommunities.code));
  const places = await db
    .select({
      id: institutions.id,
      name: institutions.name,
      townCode: institutions.townCode,
      lat: institutions.lat,
      lng: institutions.lng,
      seats: institutions.seats,
      enrolled: institutions.enrolled,
    })
    .from(institutions)
    .where(
      and(
        eq(institutions.districtCode, districtCode),
        eq(institutions.status, 'operating'),
        eq(institutions.inclusive, true),
        gt(institutions.seats, 0),
        isNotNull(institutions.lat),
      ),
    )
    .orderBy(asc(institutions.id));
  return { communities, places };
}

const located = (c: Community): c is Community & { lat: number; lng: number; childrenUnder3: number } =>
  c.lat !== null && c.lng !== null && c.childrenUnder3 !== null;

/** What the caller may see of the district-wide answer: the communities of its division scope. */
function visible(actor: Actor, townCode: string, town?: string): boolean {
  if (town && townCode !== town) return false;
  return divisionInScope(actor, townCode);
}

function demandOf(rows: readonly (Community & { lat: number; lng: number; childrenUnder3: number })[]) {
  return rows.map((c): DemandPoint => ({ id: c.code, lat: c.lat, lng: c.lng, children: c.childrenUnder3 }));
}

function facilitiesOf(places: Awaited<ReturnType<typeof load>>['places']) {
  return places.map(
    (p): Facility => ({ id: p.id, lat: p.lat, lng: p.lng, freePlaces: Math.max(0, p.seats - p.enrolled) }),
  );
}

function townOutOfScope(actor: Actor, town?: string) {
  if (town && !divisionInScope(actor, town)) throw new DomainError('not_found');
}

export async function circleOf(
  db: Db,
  actor: Actor,
  q: { town?: string; minutes?: number },
): Promise<Circle> {
  townOutOfScope(actor, q.town);
  const minutes = q.minutes ?? CIRCLE_MINUTES;
  const { communities, places } = await load(db, actor.districtCode);
  const withDemand = communities.filter(located);
  const result = coverage(demandOf(withDemand), facilitiesOf(places), { maxMinutes: minutes });
  if (!result.ok) throw new Error(`circle: ${result.reason}`); // the rows are checked on the way in
  const covered = new Map(result.demand.map((d) => [d.id, d.covered]));
  const shown = withDemand.filter((c) => visible(actor, c.townCode, q.town));
  const total = shown.reduce((a, c) => a + c.childrenUnder3, 0);
  const coveredChildren = shown.reduce((a, c) => a + (covered.get(c.code) ?? 0), 0);
  const used = new Map(result.facilities.map((f) => [f.id, f.used]));
  return {
    minutes,
    speedKmh: DEFAULT_SPEED_KMH,
    detour: DEFAULT_DETOUR,
    totalChildren: total,
    coveredChildren,
    share: shown.length === 0 ? null : total === 0 ? 1 : coveredChildren / total,
    communities: shown.map((c) => ({
      code: c.code,
      name: c.name,
      townCode: c.townCode,
      lat: c.lat,
      lng: c.lng,
      children: c.childrenUnder3,
      covered: covered.get(c.code) ?? 0,
      source: c.demandSource,
      asOf: c.demandAsOf,
    })),
    missing: communities
      .filter((c) => !located(c) && visible(actor, c.townCode, q.town))
      .map((c) => ({ code: c.code, name: c.name, townCode: c.townCode })),
    institutions: places
      .filter((p) => visible(actor, p.townCode, q.town))
      .map((p) => ({
        id: p.id,
        name: p.name,
        townCode: p.townCode,
        lat: p.lat,
        lng: p.lng,
        freePlaces: Math.max(0, p.seats - p.enrolled),
        used: used.get(p.id) ?? 0,
      })),
    synthetic: shown.some((c) => c.demandSource === 'synthetic'),
  };
}

const median = (xs: number[]) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : Math.round((s[m - 1]! + s[m]!) / 2);
};

/**
 * k new sites among the centres of the communities in scope (or the one town), each with `capacity`
 * places (default: the median seats of the district's operating inclusive institutions), picked greedily
 * to cover the most children still uncovered anywhere in the district.
 */
export async function planCircleSites(
  db: Db,
  actor: Actor,
  body: z.infer<typeof sitePlanBody>,
): Promise<SitePlan> {
  townOutOfScope(actor, body.town);
  const minutes = body.minutes ?? CIRCLE_MINUTES;
  const { communities, places } = await load(db, actor.districtCode);
  const withDemand = communities.filter(located);
  const candidates = withDemand.filter((c) => visible(actor, c.townCode, body.town));
  if (candidates.length === 0)
    throw fieldError(
      'town',
      'no_communities',
      '范围内没有已填位置和婴幼儿数的社区，无法选点',
      'No community in scope has a location and a count of children: nothing to pick from',
    );
  const capacity = body.capacity ?? median(places.map((p) => p.seats));
  if (capacity === null)
    throw fieldError(
      'capacity',
      'required',
      '区内没有运营中的普惠性机构可作参照，请填写每个新点位的托位数',
      'No operating inclusive institution to take a size from: give the places per new site',
    );
  const result = planSites(
    {
      demand: demandOf(withDemand),
      facilities: facilitiesOf(places),
      candidates: candidates.map((c) => ({ id: c.code, lat: c.lat, lng: c.lng, capacity })),
      k: body.k,
    },
    { maxMinutes: minutes },
  );
  if (!result.ok) throw new Error(`site planner: ${result.reason}`);
  const byCode = new Map(withDemand.map((c) => [c.code, c]));
  const p = result;
  return {
    minutes,
    capacity,
    capacitySource: body.capacity === undefined ? 'median_inclusive_seats' : 'given',
    picks: p.picks.map((pick) => {
      const c = byCode.get(pick.candidateId)!;
      return {
        communityCode: c.code,
        name: c.name,
        townCode: c.townCode,
        lat: c.lat,
        lng: c.lng,
        gain: pick.gain,
        reaches: withDemand
          .filter((d) => walkingMinutes(c, d) <= minutes)
          .map((d) => ({ code: d.code, name: d.name })),
      };
    }),
    totalChildren: p.totalChildren,
    coveredBefore: p.coveredBefore,
    coveredAfter: p.coveredAfter,
    shareBefore: p.totalChildren === 0 ? null : p.shareBefore,
    shareAfter: p.totalChildren === 0 ? null : p.shareAfter,
  };
}

/** Plan target `fifteen_minute_coverage`: children covered ÷ children, today (see the header). */
export const circleTargetSource: TargetSource = {
  key: 'fifteen_minute_coverage',
  module: 'plan',
  async measure(db: Db, q: TargetQuery) {
    const c = await circleOf(db, q.actor, q.townCode ? { town: q.townCode } : {});
    const byTown: Record<string, { total: number; covered: number }> = {};
    for (const r of c.communities) {
      const t = byTown[r.townCode] ?? { total: 0, covered: 0 };
      byTown[r.townCode] = t;
      t.total += r.children;
      t.covered += r.covered;
    }
    return {
      value: c.share ?? 0,
      numerator: c.coveredChildren,
      denominator: c.totalChildren,
      unit: 'share',
      byTown: Object.fromEntries(
        Object.entries(byTown).map(([k, v]) => [k, v.total === 0 ? 1 : v.covered / v.total]),
      ),
    };
  },
  async drillDown(db: Db, q: TargetQuery, page: { offset: number; limit: number }) {
    const c = await circleOf(db, q.actor, q.townCode ? { town: q.townCode } : {});
    const asOf = localDate(q.asOf);
    // Least covered first: the gaps are what an official looks for.
    const ordered = [...c.communities].sort(
      (a, b) => a.covered / (a.children || 1) - b.covered / (b.children || 1) || a.code.localeCompare(b.code),
    );
    const rows: TargetDrillRow[] = ordered.slice(page.offset, page.offset + page.limit).map((r) => ({
      id: r.code,
      kind: 'community',
      label: r.name,
      townCode: r.townCode,
      counts: r.covered > 0,
      note: `${r.covered}/${r.children}（${asOf}${r.source === 'synthetic' ? '，演示合成 synthetic' : ''}）`,
    }));
    return { rows, total: c.communities.length };
  },
};
