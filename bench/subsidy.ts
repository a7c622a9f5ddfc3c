/**
 * Benchmark (issue 17): a year's childcare-subsidy entitlement for 1.8M children (≈ 100× Qingpu's
 * children under 3 plus those born 2022–2024 still due months), deterministic from a seeded PRNG: birth
 * dates over 2021-10 … 2026-12, 3 % adopted, 5 % with a hukou moved in, 1 % stopped. Reports the seconds
 * of the counting rule (`monthsDueCount`), and two baselines in the same run: the month-list rule
 * (`monthsDue(...).length`, what a batch line uses) and a bare loop reading the same fields. Checks that
 * both rules agree on the total. Does not assert timing.
 * Run: node --import tsx bench/subsidy.ts [children]
 */
import { type ChildMonths, monthsDue, monthsDueCount } from '../domain/subsidy/rules.ts';
import { Rng } from '../server/demo/rng.ts';

const N = Number(process.argv[2] ?? 1_800_000);
const YEAR = 2026;
const V = { yuanPerYear: 3600, firstMonth: '2025-01-01', monthsOfLife: 36 };
const rng = new Rng(20250728);
const START = Date.UTC(2021, 9, 1);
const SPAN = Date.UTC(2026, 11, 31) - START;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const children: ChildMonths[] = new Array(N);
for (let i = 0; i < N; i++) {
  const birth = START + Math.floor(rng.next() * SPAN);
  const r = rng.next();
  children[i] = {
    birthDate: iso(birth),
    adoptedOn: r < 0.03 ? iso(birth + Math.floor(rng.next() * 400) * 86_400_000) : null,
    hukouFrom: r >= 0.03 && r < 0.08 ? iso(birth + Math.floor(rng.next() * 600) * 86_400_000) : null,
    endsOn: r >= 0.08 && r < 0.09 ? iso(birth + Math.floor(rng.next() * 900) * 86_400_000) : null,
  };
}

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
}

const [bare, bareMs] = time(() => {
  let n = 0;
  for (const c of children) n += c.birthDate.length + (c.endsOn ? 1 : 0);
  return n;
});
const [counted, countMs] = time(() => {
  let months = 0;
  let due = 0;
  for (const c of children) {
    const m = monthsDueCount(c, V, YEAR);
    months += m;
    if (m > 0) due++;
  }
  return { months, due };
});
const [listed, listMs] = time(() => {
  let months = 0;
  for (const c of children) months += monthsDue(c, V, { year: YEAR }).length;
  return months;
});

console.log(`childcare subsidy: ${N.toLocaleString('en')} children, year ${YEAR}`);
console.log(
  `  counting rule : ${(countMs / 1000).toFixed(2)} s → ${counted.due.toLocaleString('en')} children due, ${counted.months.toLocaleString('en')} months, ${((counted.months * V.yuanPerYear) / 12 / 1e8).toFixed(2)} hundred-million yuan`,
);
console.log(
  `  month lists   : ${(listMs / 1000).toFixed(2)} s (${(listMs / countMs).toFixed(2)}× the counting rule)`,
);
console.log(
  `  bare loop     : ${(bareMs / 1000).toFixed(3)} s (the counting rule is ${(countMs / bareMs).toFixed(1)}× a bare read) [${bare % 10}]`,
);
console.log(
  `  both rules agree: ${listed === counted.months ? 'yes' : `NO (${listed} vs ${counted.months})`}`,
);
if (listed !== counted.months) process.exit(1);
