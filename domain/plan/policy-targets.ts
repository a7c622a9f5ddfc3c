/**
 * Targets beyond the district plan (issue 17, "Plan targets added"): what national and Shanghai policy
 * asks of a district since the 2021–2023 plan, shown beside the plan's own targets on the dashboard.
 *
 * They are not rows of a plan version — the district's plan (and a successor it creates) keeps its
 * own period and carry-forward rule (domain/plan/status.ts rowsForYear); these follow the rule packs
 * that state them and are computed for the year asked:
 * - places per 1,000 population (《十四五规划纲要》 4.5 by 2025; national pack cn-14th-fyp): a
 *   whole-period target 2021–2025. After 2025, until a pack states the next value, it is shown as
 *   carried forward from 2025 (`carriedFromYear`), never silently;
 * - the inclusive share of places: no pack here gives a number, so the measured value alone;
 * - 宝宝屋 coverage by town (Shanghai pack sh-baobaowu-2023, from its year): no number, measured only;
 * - childcare-subsidy applications reviewed within the working days the national norms give (30):
 *   every application is to be reviewed in time, so 100 %, from the year the norms took effect;
 *   district and each town (the town reviews).
 * Each row is identified by a stable id derived from district, target, town and year, so the plan's
 * drill-down route serves it like a stored row.
 */
import type { TargetKey } from '../../server/platform/targets.ts';
import { ALL_PACKS } from '../policy/resolve.ts';
import type { PlanTarget, PolicyPack } from '../policy/types.ts';
import { sha256Hex } from '../rules/sha256.ts';
import type { PlanTargetRow } from './targets.ts';

export interface PolicyTargetRow extends PlanTargetRow {
  id: string;
  /** The last year of the pack's period when a whole-period target is shown after it; else null. */
  carriedFromYear: number | null;
}

/** The share of places in inclusive institutions: asked for, no number in any pack here. */
export const INCLUSIVE_SHARE_CITATION =
  '普惠托育服务（国办发〔2019〕15号 提出发展普惠托育服务；本平台规则包中无普惠托位占比的数值目标，仅显示实测值）';

/** A stable UUID (version 5 layout) for a computed row: the same inputs always give the same id. */
export function policyTargetId(districtCode: string, seedId: string, townCode: string | null, year: number) {
  const h = sha256Hex(`${districtCode}:${seedId}:${townCode ?? ''}:${year}`);
  const variant = ((Number.parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The latest pack (effective by the end of `year`) that states `pick`, with the value. */
function latest<T>(
  packs: readonly PolicyPack[],
  year: number,
  pick: (p: PolicyPack) => { value: T; article: string } | undefined,
): { pack: PolicyPack; value: T; article: string } | null {
  const found = packs
    .filter((p) => p.effectiveFrom <= `${year}-12-31`)
    .map((p) => ({ pack: p, cited: pick(p) }))
    .filter((x): x is { pack: PolicyPack; cited: { value: T; article: string } } => x.cited !== undefined)
    .sort((a, b) => (a.pack.effectiveFrom < b.pack.effectiveFrom ? -1 : 1));
  const last = found[found.length - 1];
  return last ? { pack: last.pack, value: last.cited.value, article: last.cited.article } : null;
}

const cite = (pack: PolicyPack, article: string) =>
  `${pack.title}（${pack.issuer}） ${article}`.slice(0, 300);

/**
 * The policy targets that apply to `year` for a district, at district level and (where a town
 * answers for it) for each town. `packs` defaults to every pack (tests pass their own).
 */
export function policyTargetRows(
  districtCode: string,
  year: number,
  townCodes: readonly string[],
  packs: readonly PolicyPack[] = ALL_PACKS,
): PolicyTargetRow[] {
  const applicable = packs.filter(
    (p) => p.level === 'national' || p.jurisdiction === `${districtCode.slice(0, 2)}0000`,
  );
  const rows: PolicyTargetRow[] = [];
  const push = (
    r: Omit<PolicyTargetRow, 'id' | 'townCode' | 'scope'>,
    perTown: boolean,
    key: TargetKey = r.key,
  ) => {
    const scopes: (string | null)[] = [null, ...(perTown ? townCodes : [])];
    for (const town of scopes)
      rows.push({
        ...r,
        key,
        id: policyTargetId(districtCode, r.seedId, town, year),
        scope: town ? 'town' : 'district',
        townCode: town,
      });
  };

  const places = latest<PlanTarget>(applicable, year, (p) => p.values.nationalTargets?.placesPer1000);
  if (places) {
    const t = places.value;
    const lastYear = Number(t.period.end.slice(0, 4));
    const firstYear = Number(t.period.start.slice(0, 4));
    if (year >= firstYear) {
      const carried = year > lastYear;
      push(
        {
          seedId: t.id,
          key: 'places_per_thousand',
          metric: t.metric,
          year: carried ? year : null,
          comparison: t.comparison,
          value: t.value,
          valueMax: null,
          unit: t.unit,
          titleZh: t.zh,
          citation: cite(places.pack, places.article),
          periodStart: carried ? `${year}-01-01` : t.period.start,
          periodEnd: carried ? `${year}-12-31` : t.period.end,
          carriedFromYear: carried ? lastYear : null,
        },
        false,
      );
    }
  }

  push(
    {
      seedId: 'inclusive-place-share',
      key: 'inclusive_place_share',
      metric: 'inclusive_places_pct',
      year,
      comparison: '>=',
      value: null,
      valueMax: null,
      unit: '%',
      titleZh: '普惠性托位占托位总数的比例',
      citation: INCLUSIVE_SHARE_CITATION,
      periodStart: `${year}-01-01`,
      periodEnd: `${year}-12-31`,
      carriedFromYear: null,
    },
    true,
  );

  // 宝宝屋 coverage by town (Shanghai): towns with a site open in the year; the pack gives no number.
  const baobaowu = latest<number>(applicable, year, (p) => p.values.baobaowu?.freeHoursPerChildPerYear);
  if (baobaowu && Number(baobaowu.pack.effectiveFrom.slice(0, 4)) <= year)
    push(
      {
        seedId: `${baobaowu.pack.id}-coverage`,
        key: 'baobaowu_coverage',
        metric: 'towns_with_baobaowu_pct',
        year,
        comparison: '>=',
        value: null,
        valueMax: null,
        unit: '%',
        titleZh: '社区托育“宝宝屋”街镇覆盖',
        citation: cite(baobaowu.pack, '（规则包未给出覆盖率目标值，仅显示实测值）'),
        periodStart: `${year}-01-01`,
        periodEnd: `${year}-12-31`,
        carriedFromYear: null,
      },
      true,
    );

  const review = latest<number>(applicable, year, (p) => p.values.childcareSubsidy?.reviewWorkingDays);
  if (review && Number(review.pack.effectiveFrom.slice(0, 4)) <= year) {
    const from = review.pack.effectiveFrom;
    push(
      {
        seedId: `${review.pack.id}-review-in-time`,
        key: 'subsidy_reviewed_in_time',
        metric: 'subsidy_applications_reviewed_in_time_pct',
        year,
        comparison: '>=',
        value: 100,
        valueMax: null,
        unit: '%',
        titleZh: `育儿补贴申请在${review.value}个工作日内完成审核`,
        citation: cite(review.pack, review.article),
        periodStart: `${year}-01-01` < from ? from : `${year}-01-01`,
        periodEnd: `${year}-12-31`,
        carriedFromYear: null,
      },
      true,
    );
  }
  return rows;
}
