/**
 * Scoring and grading of a quality evaluation (issue 12). Pure and exact: points are kept as integer
 * tenths, and every division rounds half up once, at the end (no floating-point drift).
 *
 * - An evaluation scores every item of the framework, 0 … the item's points in steps of 0.5.
 * - A veto item (一票否决) marked failed by ANY submitted evaluation makes the result 'unqualified'
 *   whatever the points (the override); the points are still shown.
 * - The result of an institution: self, the mean of its peer reviews, and the commissioned evaluation,
 *   weighted by the round's weights (percent, adding up to 100). A source with weight 0 is not needed;
 *   a source with weight > 0 and no submitted evaluation leaves the result incomplete (null).
 * - Grade: the percentage of the framework's maximum against the framework's grade bands.
 */
import type { FrameworkDimension, Grade, GradeBands, ScoreEntry, Weights } from '../contracts/quality.ts';

export interface ScoreError {
  field: string;
  rule: 'max' | 'unknown_item' | 'duplicate' | 'missing_item' | 'not_veto_item';
  zh: string;
  en: string;
}

/** Integer tenths of a point (0.5 → 5). */
export const toTenths = (points: number): number => Math.round(points * 10);
export const fromTenths = (tenths: number): number => tenths / 10;

/** Check the entries of one evaluation against the framework: every item once, within its points. */
export function checkScores(
  dimensions: readonly FrameworkDimension[],
  entries: readonly ScoreEntry[],
): ScoreError[] {
  const items = new Map(dimensions.flatMap((d) => d.items.map((i) => [i.code, i] as const)));
  const seen = new Set<string>();
  const errors: ScoreError[] = [];
  entries.forEach((e, k) => {
    const item = items.get(e.itemCode);
    if (!item) {
      errors.push({
        field: `scores.${k}.itemCode`,
        rule: 'unknown_item',
        zh: `指标 ${e.itemCode} 不在该指标体系中`,
        en: `Item ${e.itemCode} is not in the framework`,
      });
      return;
    }
    if (seen.has(e.itemCode)) {
      errors.push({
        field: `scores.${k}.itemCode`,
        rule: 'duplicate',
        zh: `指标 ${e.itemCode} 重复评分`,
        en: `Item ${e.itemCode} is scored twice`,
      });
      return;
    }
    seen.add(e.itemCode);
    if (toTenths(e.score) > item.points * 10)
      errors.push({
        field: `scores.${k}.score`,
        rule: 'max',
        zh: `指标 ${e.itemCode} 的得分不能超过该项分值 ${item.points} 分`,
        en: `The score of item ${e.itemCode} cannot exceed its ${item.points} points`,
      });
    if (e.vetoed && !item.veto)
      errors.push({
        field: `scores.${k}.vetoed`,
        rule: 'not_veto_item',
        zh: `指标 ${e.itemCode} 不是否决项`,
        en: `Item ${e.itemCode} is not a veto item`,
      });
  });
  for (const code of items.keys())
    if (!seen.has(code) && !errors.some((x) => x.rule === 'unknown_item'))
      errors.push({
        field: 'scores',
        rule: 'missing_item',
        zh: `缺少指标 ${code} 的评分`,
        en: `Item ${code} has no score`,
      });
  return errors;
}

/** The points of one evaluation, per dimension and in total (tenths). */
export interface Scored {
  dimensions: Record<string, number>;
  total: number;
  vetoed: boolean;
}

export function scoreEvaluation(
  dimensions: readonly FrameworkDimension[],
  entries: readonly ScoreEntry[],
): Scored {
  const byItem = new Map(entries.map((e) => [e.itemCode, e]));
  const out: Scored = { dimensions: {}, total: 0, vetoed: false };
  for (const d of dimensions) {
    let sum = 0;
    for (const i of d.items) {
      const e = byItem.get(i.code);
      if (!e) continue;
      sum += Math.min(toTenths(e.score), i.points * 10);
      if (i.veto && e.vetoed) out.vetoed = true;
    }
    out.dimensions[d.code] = sum;
    out.total += sum;
  }
  return out;
}

/** Round n / d half up to an integer (n ≥ 0, d > 0), exact on integers. */
export function divHalfUp(n: number, d: number): number {
  return Math.floor((2 * n + d) / (2 * d));
}

export interface Sources {
  self?: Scored | undefined;
  peers: readonly Scored[];
  commissioned?: Scored | undefined;
}

export interface Combined {
  /** Tenths per dimension code. */
  dimensions: Record<string, number>;
  total: number;
  vetoed: boolean;
}

/** Weighted combination of the sources; null while a weighted source is missing. */
export function combine(dimensionCodes: readonly string[], weights: Weights, s: Sources): Combined | null {
  if (weights.self > 0 && !s.self) return null;
  if (weights.peer > 0 && s.peers.length === 0) return null;
  if (weights.commissioned > 0 && !s.commissioned) return null;
  const n = Math.max(1, s.peers.length);
  const value = (pick: (x: Scored) => number): number => {
    const num =
      n * weights.self * (s.self ? pick(s.self) : 0) +
      weights.peer * s.peers.reduce((a, p) => a + pick(p), 0) +
      n * weights.commissioned * (s.commissioned ? pick(s.commissioned) : 0);
    return divHalfUp(num, 100 * n);
  };
  const dimensions: Record<string, number> = {};
  for (const c of dimensionCodes) dimensions[c] = value((x) => x.dimensions[c] ?? 0);
  const total = dimensionCodes.reduce((a, c) => a + dimensions[c]!, 0);
  const vetoed = [s.self, s.commissioned, ...s.peers].some((x) => x?.vetoed === true);
  return { dimensions, total, vetoed };
}

/** The framework's maximum in whole points. */
export function maxPoints(dimensions: readonly FrameworkDimension[]): number {
  return dimensions.reduce((a, d) => a + d.items.reduce((b, i) => b + i.points, 0), 0);
}

/** Percentage of the maximum, in tenths of a percent, rounded half up (e.g. 873 = 87.3 %). */
export function percentTenths(totalTenths: number, max: number): number {
  return max > 0 ? divHalfUp(totalTenths * 100, max) : 0;
}

/** The grade: a veto overrides; otherwise the exact percentage against the bands (≥ the band's floor). */
export function gradeOf(totalTenths: number, max: number, bands: GradeBands, vetoed: boolean): Grade {
  if (vetoed) return 'unqualified';
  // totalTenths / (max·10) ≥ band / 100  ⇔  totalTenths·10 ≥ band·max (exact, before any rounding)
  const reaches = (band: number) => totalTenths * 10 >= band * max;
  if (reaches(bands.excellent)) return 'excellent';
  if (reaches(bands.good)) return 'good';
  if (reaches(bands.qualified)) return 'qualified';
  return 'unqualified';
}

/** Bands must descend strictly: excellent > good > qualified. */
export function checkBands(b: GradeBands): ScoreError[] {
  return b.excellent > b.good && b.good > b.qualified
    ? []
    : [
        {
          field: 'gradeBands',
          rule: 'max',
          zh: '等级分数线须依次递减（优秀 > 良好 > 合格）',
          en: 'Grade bands must descend: excellent > good > qualified',
        },
      ];
}

/** Framework shape: codes unique across dimensions and items. */
export function checkFramework(dimensions: readonly FrameworkDimension[]): ScoreError[] {
  const seen = new Set<string>();
  const errors: ScoreError[] = [];
  dimensions.forEach((d, i) => {
    if (seen.has(d.code))
      errors.push({
        field: `dimensions.${i}.code`,
        rule: 'duplicate',
        zh: `编码 ${d.code} 重复`,
        en: `Code ${d.code} is repeated`,
      });
    seen.add(d.code);
    d.items.forEach((it, j) => {
      if (seen.has(it.code))
        errors.push({
          field: `dimensions.${i}.items.${j}.code`,
          rule: 'duplicate',
          zh: `编码 ${it.code} 重复`,
          en: `Code ${it.code} is repeated`,
        });
      seen.add(it.code);
    });
  });
  return errors;
}
