/**
 * Dated entries on a person (issue 9): assessments during work (过程考核), vocational skill assessments
 * (鉴定), rewards and penalties (奖惩); and the training-fee subsidy eligibility that follows from a
 * passed assessment on the rule pack's list (青府办发〔2021〕35号 四、(二)). Pure, table-tested.
 */
import type { FieldError } from '../contracts/common.ts';
import type { CreateRecordBody, Grade, RecordKind } from '../contracts/workforce.ts';
import { parseDate } from '../rules/dates.ts';

const fe = (field: string, rule: string, zh: string, en: string): FieldError => ({
  field,
  rule,
  message_zh: zh,
  message_en: en,
});

const ASSESSMENTS: readonly RecordKind[] = ['process_assessment', 'skill_assessment'];

/** Field errors of a record: the date not in the future; grade for assessments only; skill for skill assessments only; decision reference for rewards and penalties. */
export function validateRecord(body: CreateRecordBody, today: string): FieldError[] {
  const errors: FieldError[] = [];
  const assessment = ASSESSMENTS.includes(body.kind);
  if (!parseDate(body.date).ok)
    errors.push(fe('date', 'invalid_date', '日期无效', 'The date is not a valid date'));
  else if (body.date > today)
    errors.push(fe('date', 'in_future', '日期不能晚于今天', 'The date cannot be in the future'));
  if (assessment && !body.grade)
    errors.push(
      fe('grade', 'required', '考核、鉴定须填写结果或等级', 'An assessment needs a result or grade'),
    );
  if (!assessment && body.grade)
    errors.push(
      fe('grade', 'not_applicable', '奖惩记录不填写考核等级', 'Rewards and penalties do not take a grade'),
    );
  if (body.kind === 'skill_assessment' && !body.skill)
    errors.push(
      fe('skill', 'required', '职业技能鉴定须填写鉴定项目', 'A skill assessment needs the assessment taken'),
    );
  if (body.kind !== 'skill_assessment' && body.skill)
    errors.push(
      fe(
        'skill',
        'not_applicable',
        '仅职业技能鉴定填写鉴定项目',
        'Only a skill assessment names an assessment taken',
      ),
    );
  if ((body.kind === 'reward' || body.kind === 'penalty') && !body.decisionRef)
    errors.push(
      fe('decisionRef', 'required', '奖惩须填写决定文号', 'A reward or penalty needs its decision reference'),
    );
  return errors;
}

/** Whether a grade is a pass. */
export const isPass = (g: Grade | null | undefined): boolean =>
  g === 'excellent' || g === 'good' || g === 'passed';

/** Whether a record earns the training-fee subsidy: a passed skill assessment on the pack's list. */
export function subsidyEligible(
  r: { kind: RecordKind; skill: string | null; grade: Grade | null },
  listed: readonly string[],
): boolean {
  return r.kind === 'skill_assessment' && r.skill !== null && listed.includes(r.skill) && isPass(r.grade);
}
