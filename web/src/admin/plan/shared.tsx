/** Formatting shared by the plan pages: target values, measured values, status tags. */
import { Tag, Tooltip } from 'antd';
import { perUnitTarget } from '../../../../domain/plan/targets.ts';
import { isMessageKey, type MessageKey, type TFunction } from '../../i18n/index.tsx';
import { type PlanTargetRow, STATUS_COLORS } from './api.ts';

const round = (n: number) => (Math.round(n * 10) / 10).toString();

/** A target's unit in the reader's language ('class hours' → 课时); '%' and unknown units as they are. */
export function unitText(unit: string, t: TFunction): string {
  const key = `plan.unit.${unit.replaceAll(' ', '_')}`;
  return isMessageKey(key) ? t(key) : unit;
}

export function targetText(
  r: Pick<PlanTargetRow, 'value' | 'valueMax' | 'comparison' | 'unit'> & {
    measured?: PlanTargetRow['measured'];
  },
  t: TFunction,
): string {
  if (r.value === null) return t('plan.noThreshold');
  const range = r.valueMax !== null && r.valueMax !== r.value ? `${r.value}~${r.valueMax}` : `${r.value}`;
  const text = `${r.comparison === '>=' ? '≥' : r.comparison === '<=' ? '≤' : '='} ${range} ${unitText(r.unit, t)}`;
  // A per-unit target measured as the share of units reaching it: all of them must (domain/plan).
  return r.measured && perUnitTarget(r.measured.unit, r.unit)
    ? t('plan.perUnitTarget', { target: text })
    : text;
}

export function measuredText(
  r: Pick<PlanTargetRow, 'scaled' | 'unit'> & { measured?: PlanTargetRow['measured'] },
  t: TFunction,
): string {
  if (r.scaled === null) return t('plan.noSource');
  const ratio =
    r.measured?.numerator !== undefined && r.measured.denominator !== undefined
      ? ` (${r.measured.numerator}/${r.measured.denominator})`
      : '';
  return `${round(r.scaled)}${r.unit === '%' || r.measured?.unit === 'share' ? '%' : ''}${ratio}`;
}

export function StatusOf({ status, t }: { status: PlanTargetRow['status']; t: TFunction }) {
  const tag = <Tag color={STATUS_COLORS[status]}>{t(`plan.st.${status}` as MessageKey)}</Tag>;
  return status === 'no_data' ? <Tooltip title={t('plan.noSource')}>{tag}</Tooltip> : tag;
}
