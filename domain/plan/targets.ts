/**
 * The plan's targets as rows (issue 13): the structured targets of a district pack (e.g.
 * domain/policy/qingpu-2021.ts, 青府办发〔2021〕35号) turned into the rows of the plan_targets table —
 * one row per plan year for an annual target, one for the whole period otherwise — each naming the
 * TargetKey whose registered source measures it. The period starts on the pack's effective date
 * (2021-08-27), not on 1 January. A commitment the plan states without a number (the 15-minute
 * circle, "新建和改扩建幼儿园原则上都要开设托班") gets `value: null`: the measured value is shown, no threshold.
 */
import type { TargetKey } from '../../server/platform/targets.ts';
import { ALL_PACKS } from '../policy/resolve.ts';
import type { Comparison, PlanTarget, PolicyPack } from '../policy/types.ts';

/** The pack's metric → the TargetKey of the source that measures it. */
export const METRIC_KEYS: Readonly<Record<string, TargetKey>> = {
  new_inclusive_points: 'inclusive_points_new',
  towns_with_inclusive_institution_pct: 'towns_with_inclusive',
  kindergartens_with_toddler_classes_pct: 'kindergarten_toddler_share',
  towns_with_guidance_station_pct: 'guidance_stations_per_town',
  child_friendly_community_sites: 'child_friendly_sites',
  early_development_bases: 'development_base',
  communities_within_15_min_pct: 'fifteen_minute_coverage',
  months_with_double_random_check: 'monthly_draws_held',
  institutions_visited_on_site_pct: 'annual_visit_coverage',
  practitioners_certified_pct: 'certified_rate',
  skills_training_hours_per_practitioner: 'training_hours',
  ethics_training_hours_per_practitioner: 'training_hours',
  professional_trainings: 'district_trainings',
  newborn_families_wanting_visit_visited_pct: 'home_visit_coverage',
  offline_guidance_sessions_per_family: 'guidance_sessions',
  families_wanting_online_guidance_covered_pct: 'online_coverage',
  demonstration_institutions: 'demonstration_institutions',
};

/** Metrics the plan names without a number: the row shows the measured value only. */
export const UNNUMBERED_METRICS: ReadonlySet<string> = new Set(['communities_within_15_min_pct']);

/** Targets set for each town as well as for the district (the plan says "each town" / "区、街镇"). */
export const PER_TOWN_METRICS: ReadonlySet<string> = new Set([
  'towns_with_inclusive_institution_pct',
  'towns_with_guidance_station_pct',
  'months_with_double_random_check',
]);

/** Commitments stated in the plan's text that the pack holds no structured target for. */
export const EXTRA_TARGETS: readonly (PlanTarget & { article: string })[] = [
  {
    id: 'qp-new-kindergarten-toddler-classes',
    metric: 'new_kindergartens_with_toddler_classes_pct',
    comparison: '>=',
    value: Number.NaN,
    unit: '%',
    period: { start: '2021-01-01', end: '2023-12-31' },
    cadence: 'annual',
    zh: '新建和改扩建幼儿园开设托班',
    article: '三、(一)1 拓展普惠托育资源（新建和改扩建幼儿园原则上都要开设托班）',
  },
];
export const EXTRA_METRIC_KEYS: Readonly<Record<string, TargetKey>> = {
  new_kindergartens_with_toddler_classes_pct: 'kindergartens_new_toddler_classes',
};

export interface PlanTargetRow {
  seedId: string;
  key: TargetKey;
  metric: string;
  scope: 'district' | 'town';
  townCode: string | null;
  /** The plan year of an annual target; null for a whole-period target. */
  year: number | null;
  comparison: Comparison;
  /** null = no number in the plan (measured value only). */
  value: number | null;
  valueMax: number | null;
  unit: string;
  titleZh: string;
  citation: string;
  periodStart: string;
  periodEnd: string;
}

function maxOf(pack: PolicyPack, metric: string): number | null {
  const p = pack.values.plan;
  if (metric === 'new_inclusive_points') return p?.newInclusivePointsPerYear?.value.max ?? null;
  if (metric === 'demonstration_institutions') return p?.demonstrationInstitutions?.value.max ?? null;
  return null;
}

let metricsBySeed: Map<string, string> | undefined;

/**
 * The metric of a stored target row. The table keeps the pack's target id (`seed_id`, e.g.
 * `qp-ethics-training-hours`, copied into a successor plan), not the metric: a source that tells metrics
 * apart (skills or ethics hours) needs the metric itself. Unknown ids answer themselves.
 */
export function metricOfSeed(seedId: string): string {
  if (!metricsBySeed) {
    metricsBySeed = new Map();
    for (const pack of ALL_PACKS)
      for (const t of pack.values.plan?.targets?.value ?? []) metricsBySeed.set(t.id, t.metric);
    for (const t of EXTRA_TARGETS) metricsBySeed.set(t.id, t.metric);
  }
  return metricsBySeed.get(seedId) ?? seedId;
}

/** The rows of a pack's targets, for the district and (where the plan says so) for each town. */
export function targetRowsOf(pack: PolicyPack, townCodes: readonly string[]): PlanTargetRow[] {
  const planCitation = `${pack.docNumber} ${pack.values.plan?.targets?.article ?? ''}`.trim();
  const start = pack.effectiveFrom;
  const end = pack.effectiveTo ?? `${start.slice(0, 4)}-12-31`;
  const seeds: (PlanTarget & { article?: string })[] = [...(pack.values.plan?.targets?.value ?? [])];
  if (pack.jurisdiction === '310118') seeds.push(...EXTRA_TARGETS);
  const rows: PlanTargetRow[] = [];
  for (const t of seeds) {
    const key = METRIC_KEYS[t.metric] ?? EXTRA_METRIC_KEYS[t.metric];
    if (!key) continue;
    const numbered = !UNNUMBERED_METRICS.has(t.metric) && Number.isFinite(t.value);
    const base = {
      seedId: t.id,
      key,
      metric: t.metric,
      comparison: t.comparison,
      value: numbered ? t.value : null,
      valueMax: numbered ? maxOf(pack, t.metric) : null,
      unit: t.unit,
      titleZh: t.zh,
      citation: t.article ? `${pack.docNumber} ${t.article}` : planCitation,
    };
    const periods: { year: number | null; start: string; end: string }[] = [];
    if (t.cadence === 'annual') {
      for (let y = Number(start.slice(0, 4)); y <= Number(end.slice(0, 4)); y++)
        periods.push({
          year: y,
          start: `${y}-01-01` < start ? start : `${y}-01-01`,
          end: `${y}-12-31` > end ? end : `${y}-12-31`,
        });
    } else periods.push({ year: null, start, end });
    const scopes: { scope: 'district' | 'town'; townCode: string | null }[] = [
      { scope: 'district', townCode: null },
      ...(PER_TOWN_METRICS.has(t.metric)
        ? townCodes.map((c) => ({ scope: 'town' as const, townCode: c }))
        : []),
    ];
    for (const p of periods)
      for (const s of scopes)
        rows.push({ ...base, ...s, year: p.year, periodStart: p.start, periodEnd: p.end });
  }
  return rows;
}

/**
 * The measured value on the target's scale: a source's share in [0, 1] is a percentage. Against a
 * target in % it is compared as it is; against a per-unit target (≥ 6 sessions per family, ≥ 72 hours
 * per practitioner) the share is of the units that reach it, and the target is that all of them do
 * (see `perUnitTarget`).
 */
export function onTargetScale(measured: { value: number; unit: string }, _targetUnit: string): number {
  return measured.unit === 'share' ? measured.value * 100 : measured.value;
}

/**
 * A per-unit target measured as a share: the plan states what each family or practitioner should
 * reach (unit 'sessions', 'class hours' …) and the source answers the share of them that reach it.
 * The target is then met when every one does: ≥ 100 %.
 */
export function perUnitTarget(measuredUnit: string, targetUnit: string): boolean {
  return measuredUnit === 'share' && targetUnit !== '%';
}
