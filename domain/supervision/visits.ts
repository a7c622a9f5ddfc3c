/**
 * A schedule suggestion for the annual visits still to make (issue 10: "Annual visit coverage: institutions
 * the guidance centre has not visited this year, as a list and on the map, with a schedule suggestion by
 * town for the remaining months"). Pure: whole towns go to a month where they fit, so an inspector travels
 * to one town at a time; the months stay level (no month gets more than ⌈total / months⌉ visits unless a
 * single town is larger, which is then split over the months with the most room).
 */
export interface MonthPlan {
  month: string;
  towns: { townCode: string; count: number }[];
  total: number;
}

/** The months from `asOf`'s month to December of its year (YYYY-MM), the current one included. */
export function remainingMonths(asOf: string): string[] {
  const [y, m] = asOf.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let k = m; k <= 12; k++) out.push(`${y}-${String(k).padStart(2, '0')}`);
  return out;
}

export function suggestSchedule(
  unvisited: readonly { townCode: string }[],
  months: readonly string[],
): MonthPlan[] {
  const plans: MonthPlan[] = months.map((month) => ({ month, towns: [], total: 0 }));
  if (plans.length === 0 || unvisited.length === 0) return plans;
  const byTown = new Map<string, number>();
  for (const u of unvisited) byTown.set(u.townCode, (byTown.get(u.townCode) ?? 0) + 1);
  const cap = Math.ceil(unvisited.length / plans.length);
  // Largest towns first, each to the month with the most room (earliest on a tie).
  const towns = [...byTown].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const roomiest = () => plans.reduce((best, p) => (p.total < best.total ? p : best), plans[0]!);
  for (const [townCode, n] of towns) {
    let left = n;
    while (left > 0) {
      const p = roomiest();
      const take = p.total + left <= cap ? left : Math.max(1, cap - p.total);
      p.towns.push({ townCode, count: take });
      p.total += take;
      left -= take;
    }
  }
  return plans;
}
