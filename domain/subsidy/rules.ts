/**
 * The childcare subsidy (育儿补贴, issue 17): which months of a child are due, the amount, and the
 * checks of an application. Pure; the values come from the rule packs (domain/policy/national-2025.ts,
 * shanghai-2025.ts) through `SubsidyValues`, each cited there.
 *
 * The month rule (read from public reports; the packs mark it unverified):
 * - a child is paid for the months of its life from the birth month up to the month before the month
 *   it turns 3 (`monthsOfLife` = 36 months in all: 3 × 3,600 yuan), and never before `firstMonth`
 *   (2025-01: children born 2022–2024 get only the months left before they turn 3);
 * - adoption: from the month of the adoption (the adopter applies for the months the child is theirs);
 * - a hukou moved into the city counts from the month of the move (the hukou is here at the month's
 *   end); a hukou moved out, death or emigration stop it: the month of that event is not due here;
 * - the year asked for clips the months (a yearly payment, in batches).
 * A month is 'YYYY-MM'; months compare as strings.
 */

export interface SubsidyValues {
  yuanPerYear: number;
  /** YYYY-MM-DD; its month is the first month paid. */
  firstMonth: string;
  monthsOfLife: number;
}

export interface ChildMonths {
  birthDate: string;
  /** The adoption date, when the applicant adopted the child. */
  adoptedOn?: string | null;
  /** When the hukou moved into the city (the child was born elsewhere). */
  hukouFrom?: string | null;
  /** Hukou moved out, death or emigration: the month of this date is not due. */
  endsOn?: string | null;
}

/** 'YYYY-MM' of a date or month string. */
export const monthOf = (date: string): string => date.slice(0, 7);

/** The month n months after `month` (n may be negative). */
export function addMonths(month: string, n: number): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7)) - 1 + n;
  const yy = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  return `${String(yy).padStart(4, '0')}-${String(mm + 1).padStart(2, '0')}`;
}

/** Months between two months, both included (empty when from > to). */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The first and last month due for a child (null when none is). */
export function dueSpan(child: ChildMonths, v: SubsidyValues): { from: string; to: string } | null {
  let from = monthOf(child.birthDate);
  for (const d of [v.firstMonth, child.adoptedOn, child.hukouFrom])
    if (d && monthOf(d) > from) from = monthOf(d);
  let to = addMonths(monthOf(child.birthDate), v.monthsOfLife - 1);
  if (child.endsOn) {
    const before = addMonths(monthOf(child.endsOn), -1);
    if (before < to) to = before;
  }
  return from <= to ? { from, to } : null;
}

/** The months due for a child, optionally only those of one year or up to a month. */
export function monthsDue(
  child: ChildMonths,
  v: SubsidyValues,
  within?: { year?: number; through?: string },
): string[] {
  const span = dueSpan(child, v);
  if (!span) return [];
  let { from, to } = span;
  if (within?.year !== undefined) {
    const y = String(within.year).padStart(4, '0');
    if (`${y}-01` > from) from = `${y}-01`;
    if (`${y}-12` < to) to = `${y}-12`;
  }
  if (within?.through && within.through < to) to = within.through;
  return monthRange(from, to);
}

/** Yuan for a number of months (yuanPerYear / 12 a month; 300 for 3,600). */
export function amountFor(months: number, v: Pick<SubsidyValues, 'yuanPerYear'>): number {
  return (months * v.yuanPerYear) / 12;
}

/** The number of months due in a year (the bench's hot path: no arrays). */
export function monthsDueCount(child: ChildMonths, v: SubsidyValues, year: number): number {
  const span = dueSpan(child, v);
  if (!span) return 0;
  const y = String(year).padStart(4, '0');
  const from = span.from > `${y}-01` ? span.from : `${y}-01`;
  const to = span.to < `${y}-12` ? span.to : `${y}-12`;
  if (from > to) return 0;
  return (
    (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
    Number(to.slice(5, 7)) -
    Number(from.slice(5, 7)) +
    1
  );
}

// — checks of an application —

export type AccountKind = 'card' | 'passbook';

export interface SubsidyFailure {
  field: string;
  rule: string;
  zh: string;
  en: string;
}

/** Luhn (ISO/IEC 7812) check of a digit string. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * A bank account: a bank card (银行卡, 16–19 digits) carries a Luhn check digit (ISO/IEC 7812, as
 * UnionPay cards do); a passbook account (存折账号, 8–30 digits) has no check digit that is public, so only
 * its form is checked.
 */
export function checkBankAccount(
  kind: AccountKind,
  account: string,
  field = 'bankAccount',
): SubsidyFailure | null {
  const a = account.replace(/\s/g, '');
  if (kind === 'card') {
    if (!/^\d{16,19}$/.test(a))
      return {
        field,
        rule: 'bank_card.form',
        zh: '银行卡号应为 16–19 位数字',
        en: 'A bank card number has 16–19 digits',
      };
    if (!luhnValid(a))
      return {
        field,
        rule: 'bank_card.check_digit',
        zh: '银行卡号校验位错误（Luhn 校验未通过），请核对卡号',
        en: 'The bank card number fails its check digit (Luhn): check the number',
      };
    return null;
  }
  if (!/^\d{8,30}$/.test(a))
    return {
      field,
      rule: 'bank_account.form',
      zh: '存折账号应为 8–30 位数字',
      en: 'A passbook account has 8–30 digits',
    };
  return null;
}

/**
 * Whether a child can be applied for: born, and with at least one month due under the packs (a child
 * who turned 3 before the first month — born before 2022 — has none: "over 3"). A child who turned 3
 * after the first month may still apply for the months before (the scheme pays them).
 */
export function checkChild(
  child: ChildMonths,
  v: SubsidyValues,
  today: string,
  field = 'childBirthDate',
): SubsidyFailure | null {
  if (child.birthDate > today)
    return { field, rule: 'birth.future', zh: '出生日期晚于今天', en: 'The birth date is in the future' };
  if (!dueSpan(child, v)) {
    const first = monthOf(v.firstMonth);
    return {
      field,
      rule: 'subsidy.over_age',
      zh: `婴幼儿在补贴起始月（${first}）前已满 3 周岁或无应补贴月份，不属于补贴对象`,
      en: `The child turned 3 before the first month paid (${first}) or has no month due: not eligible`,
    };
  }
  if (child.adoptedOn && child.adoptedOn < child.birthDate)
    return {
      field: 'adoptedOn',
      rule: 'adoption.before_birth',
      zh: '收养日期早于出生日期',
      en: 'The adoption date is before the birth date',
    };
  return null;
}

/** Children, months and yuan per town and in all of a set of lines (a batch's totals; a child with two runs of months counts once). */
export function totalsByTown(
  lines: readonly { townCode: string; amount: number; months: number; applicationId?: string }[],
): {
  towns: { townCode: string; children: number; months: number; amount: number }[];
  children: number;
  months: number;
  amount: number;
} {
  const by = new Map<string, { townCode: string; kids: Set<string>; months: number; amount: number }>();
  const all = new Set<string>();
  lines.forEach((l, i) => {
    const t = by.get(l.townCode) ?? { townCode: l.townCode, kids: new Set<string>(), months: 0, amount: 0 };
    const kid = l.applicationId ?? String(i);
    t.kids.add(kid);
    all.add(kid);
    t.months += l.months;
    t.amount += l.amount;
    by.set(l.townCode, t);
  });
  const towns = [...by.values()]
    .sort((a, b) => a.townCode.localeCompare(b.townCode))
    .map((t) => ({ townCode: t.townCode, children: t.kids.size, months: t.months, amount: t.amount }));
  return {
    towns,
    children: all.size,
    months: towns.reduce((n, t) => n + t.months, 0),
    amount: towns.reduce((n, t) => n + t.amount, 0),
  };
}
