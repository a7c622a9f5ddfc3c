/**
 * Joint special checks (issue 10): the rules a plan must meet before anything is stored — several
 * departments taking part, the lead among them, a window of days, and every team made of at least two
 * inspectors from at least two of the check's departments. Pure; the server adds what needs the
 * records (scope, institutions in service, inspector accounts, recusal).
 */
import {
  SPECIAL_MAX_DAYS,
  type SpecialCheckBody,
  type SpecialStatus,
} from '../contracts/supervision-special.ts';

export interface SpecialProblem {
  field: string;
  rule: string;
  zh: string;
  en: string;
}

const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

export function specialCheckProblems(body: SpecialCheckBody, today: string): SpecialProblem[] {
  const out: SpecialProblem[] = [];
  const units = new Set(body.units);
  if (units.size !== body.units.length)
    out.push({ field: 'units', rule: 'duplicate', zh: '参加部门重复', en: 'A department is listed twice' });
  if (units.size < 2)
    out.push({
      field: 'units',
      rule: 'min_two_departments',
      zh: '联合检查至少需要两个部门参加',
      en: 'A joint check needs at least two departments taking part',
    });
  if (!units.has(body.leadUnit))
    out.push({
      field: 'leadUnit',
      rule: 'lead_takes_part',
      zh: '牵头部门必须是参加部门之一',
      en: 'The lead department must be one of the departments taking part',
    });
  if (new Set(body.categories).size !== body.categories.length)
    out.push({ field: 'categories', rule: 'duplicate', zh: '检查主题重复', en: 'A theme is listed twice' });
  if (body.endDate < body.startDate)
    out.push({
      field: 'endDate',
      rule: 'after_start',
      zh: '结束日期不能早于开始日期',
      en: 'The end date cannot be before the start date',
    });
  else if (days(body.startDate, body.endDate) + 1 > SPECIAL_MAX_DAYS)
    out.push({
      field: 'endDate',
      rule: 'max_days',
      zh: `检查期限不能超过 ${SPECIAL_MAX_DAYS} 天`,
      en: `A check cannot run longer than ${SPECIAL_MAX_DAYS} days`,
    });
  if (body.endDate < today)
    out.push({
      field: 'endDate',
      rule: 'not_past',
      zh: '结束日期已过，不能安排已结束的检查',
      en: 'The end date has passed: a check that is over cannot be planned',
    });
  const seenTargets = new Set<string>();
  body.targets.forEach((t, i) => {
    if (seenTargets.has(t.institutionId))
      out.push({
        field: `targets.${i}.institutionId`,
        rule: 'duplicate',
        zh: '同一机构只能安排一个检查组',
        en: 'An institution can have only one team in a check',
      });
    seenTargets.add(t.institutionId);
    const seenMembers = new Set<string>();
    t.members.forEach((m, j) => {
      if (seenMembers.has(m.userId))
        out.push({
          field: `targets.${i}.members.${j}.userId`,
          rule: 'duplicate',
          zh: '同一检查人员在一个检查组中只能出现一次',
          en: 'An inspector can be on a team only once',
        });
      seenMembers.add(m.userId);
      if (!units.has(m.unit))
        out.push({
          field: `targets.${i}.members.${j}.unit`,
          rule: 'unit_takes_part',
          zh: '检查人员代表的部门必须是参加部门之一',
          en: "The inspector's department must be one of the departments taking part",
        });
    });
    if (new Set(t.members.map((m) => m.unit)).size < 2)
      out.push({
        field: `targets.${i}.members`,
        rule: 'min_two_departments',
        zh: '每个检查组至少需要来自两个部门的检查人员',
        en: 'Each team needs inspectors from at least two departments',
      });
  });
  return out;
}

/**
 * Where a check stands on a day: planned before its first day; completed when every team has signed;
 * overdue when its last day has passed with a team still open; in progress otherwise.
 */
export function specialStatus(
  check: { startDate: string; endDate: string },
  teams: number,
  signed: number,
  today: string,
): SpecialStatus {
  if (teams > 0 && signed >= teams) return 'completed';
  if (today < check.startDate) return 'planned';
  if (today > check.endDate) return 'overdue';
  return 'in_progress';
}
