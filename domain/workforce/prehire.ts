/**
 * The pre-hire record check rule (入职查询, issue 17), pure: do a person's recorded checks allow an
 * employment starting on a day? For every check the rule pack requires (`recordChecks.required`):
 * - a check of that kind with result `found` on record blocks the hire (a record found does not lapse;
 *   the district officers are told);
 * - otherwise a `clear` check of that kind is needed, dated on or before the start date and — when the
 *   pack sets a validity window for that kind — not older than `validityDays` before the start date.
 *   Where the pack sets no window (`validityDays: null`, both checks today) none is applied.
 * A check dated in the future (after today) is not a record of a check done: refused on input.
 */
import type { FieldError } from '../contracts/common.ts';
import {
  RECORD_CHECK_KIND_LABELS,
  type RecordCheckKind,
  type RecordCheckResult,
} from '../contracts/workforce.ts';
import type { RecordCheckRequirement } from '../policy/types.ts';
import { formatDayNumber, toDayNumber } from '../rules/dates.ts';

export interface RecordedCheck {
  kind: RecordCheckKind;
  result: RecordCheckResult;
  checkedOn: string;
}

export type PreHireDecision =
  | { ok: true }
  | { ok: false; found: boolean; foundKinds: RecordCheckKind[]; errors: FieldError[] };

const dayNumber = (d: string) => {
  const [y, m, dd] = d.split('-').map(Number) as [number, number, number];
  return toDayNumber(y, m, dd);
};

/** The earliest check date a hire starting on `startDate` accepts (null: no window). */
export function oldestAccepted(startDate: string, validityDays: number | null): string | null {
  return validityDays === null ? null : formatDayNumber(dayNumber(startDate) - validityDays);
}

/**
 * The decision for one hire. `fieldOf(kind)` names the field an error belongs to (the hire form's
 * `employment.checks`, an import row's column of that kind).
 */
export function preHireDecision(
  checks: readonly RecordedCheck[],
  startDate: string,
  required: readonly RecordCheckRequirement[],
  fieldOf: (kind: RecordCheckKind) => string = () => 'employment.checks',
): PreHireDecision {
  const errors: FieldError[] = [];
  const foundKinds: RecordCheckKind[] = [];
  for (const req of required) {
    const label = RECORD_CHECK_KIND_LABELS[req.kind];
    const cite = `${req.docNumber}《${req.title}》`;
    const mine = checks.filter((c) => c.kind === req.kind);
    const field = fieldOf(req.kind);
    if (mine.some((c) => c.result === 'found')) {
      foundKinds.push(req.kind);
      errors.push({
        field,
        rule: 'record_check_found',
        message_zh: `${label.zh}结果为有记录，依${cite}不得录用；已通知区级主管部门`,
        message_en: `The ${label.en.toLowerCase()} found a record; under ${req.docNumber} the person cannot be hired. The district officers have been told`,
      });
      continue;
    }
    const clear = mine.filter((c) => c.result === 'clear');
    const oldest = oldestAccepted(startDate, req.validityDays);
    const good = clear.filter((c) => c.checkedOn <= startDate && (oldest === null || c.checkedOn >= oldest));
    if (good.length) continue;
    if (!clear.length)
      errors.push({
        field,
        rule: 'record_check_missing',
        message_zh: `入职前须登记${label.zh}（${cite}）：请填写查询日期、结果和编号`,
        message_en: `The ${label.en.toLowerCase()} must be recorded before the employment starts (${req.docNumber}): enter its date, result and reference number`,
      });
    else if (clear.every((c) => c.checkedOn > startDate))
      errors.push({
        field,
        rule: 'record_check_after_start',
        message_zh: `${label.zh}的日期晚于入职日期：须在入职前完成（${cite}）`,
        message_en: `The ${label.en.toLowerCase()} is dated after the start date: it must be done before the employment starts (${req.docNumber})`,
      });
    else
      errors.push({
        field,
        rule: 'record_check_expired',
        message_zh: `${label.zh}已超过 ${req.validityDays} 天有效期（入职日期前 ${req.validityDays} 天内的方可使用，${cite}）`,
        message_en: `The ${label.en.toLowerCase()} is older than ${req.validityDays} days before the start date (${req.docNumber})`,
      });
  }
  return errors.length ? { ok: false, found: foundKinds.length > 0, foundKinds, errors } : { ok: true };
}

/** A check's own date: not in the future (it records a check done). */
export function checkDateErrors(checkedOn: string, today: string, field: string): FieldError[] {
  return checkedOn > today
    ? [
        {
          field,
          rule: 'in_future',
          message_zh: '查询日期不能晚于今天',
          message_en: 'The check date cannot be after today',
        },
      ]
    : [];
}
