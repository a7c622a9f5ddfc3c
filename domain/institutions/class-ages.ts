/**
 * The ages (in whole months) an institution's classes take, as a sorted list: month m is in it when
 * some class has min_age_months ≤ m < max_age_months — the same rule as the portal's age filter. Kept on
 * the institution row (`class_ages`) wherever its classes are written, so the public search filters by
 * age on the row (and on the count's index) instead of a semi-join over every class (issue 15: at 1,100×
 * the semi-join made search by name with an age 15× slower than at 1×).
 */
export const MAX_AGE_MONTHS = 72;

export function classAgeMonths(classes: readonly { minAgeMonths: number; maxAgeMonths: number }[]): number[] {
  const months = new Set<number>();
  for (const c of classes)
    for (let m = Math.max(0, c.minAgeMonths); m < Math.min(c.maxAgeMonths, MAX_AGE_MONTHS + 1); m++)
      months.add(m);
  return [...months].sort((a, b) => a - b);
}
