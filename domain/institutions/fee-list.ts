/**
 * Rules of the published fee list (收费公示, issue 17), pure: the server answers 400 with these field
 * errors and the console calls the same function for live feedback; the flag is what the district sees
 * on the institutions list and the portal reads as 未公示收费清单. What must be disclosed comes from the
 * fee-disclosure pack (domain/policy/fee-disclosure.ts, unverified); the care-fee and basis rules for
 * inclusive institutions read it.
 */
import type { FieldError } from '../contracts/common.ts';
import type { FeeItemInput, FeeListFlag, SaveFeeListBody } from '../contracts/fee-list.ts';
import type { ServiceForm } from '../contracts/institution-enums.ts';
import { SHANGHAI_INCLUSIVE_FEES_2023 } from '../policy/fee-disclosure.ts';

/** The disclosure rule read here (unverified, see the pack): an inclusive list carries the care fee and its basis. */
const DISCLOSURE = SHANGHAI_INCLUSIVE_FEES_2023.values.feeDisclosure;
const CARE_FEE_REQUIRED = DISCLOSURE?.inclusiveCareFeeRequired?.value ?? true;
const BASIS_REQUIRED = DISCLOSURE?.inclusiveBasisRequired?.value ?? true;

export const FEE_LIST_RULES = {
  'fee_list.items_required': { zh: '收费清单至少应有一项', en: 'The fee list needs at least one item' },
  'fee_list.effective_from_required': {
    zh: '发布前应填写执行日期',
    en: 'Enter the effective date before publishing',
  },
  'fee_list.care_fee_required': {
    zh: '普惠机构的收费清单应包含保育（教育）费',
    en: "An inclusive institution's list must include the care fee (保育费)",
  },
  'fee_list.basis_required': {
    zh: '普惠机构应填写收费依据（普惠价核定文件或说明）',
    en: 'An inclusive institution must state the price basis (the approval of its inclusive price)',
  },
  'fee_list.duplicate_item': {
    zh: '同一服务形式下收费项目名称重复',
    en: 'The same item name appears twice for one service form',
  },
} as const;
export type FeeListRule = keyof typeof FEE_LIST_RULES;

function ruleError(field: string, rule: FeeListRule): FieldError {
  const m = FEE_LIST_RULES[rule];
  return { field, rule, message_zh: m.zh, message_en: m.en };
}

/** Errors that stop a save (drafts may be incomplete, but never ambiguous). */
export function validateFeeListDraft(input: Pick<SaveFeeListBody, 'items'>): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  input.items.forEach((item, i) => {
    const key = `${item.name.trim()}|${item.serviceForm ?? ''}`;
    if (seen.has(key)) errors.push(ruleError(`items.${i}.name`, 'fee_list.duplicate_item'));
    seen.add(key);
  });
  return errors;
}

/** Errors that stop a publication: the draft's, then what a published list must have. */
export function validateFeeListForPublish(
  input: Pick<SaveFeeListBody, 'items' | 'effectiveFrom' | 'basis'>,
  institution: { inclusive: boolean },
): FieldError[] {
  const errors = validateFeeListDraft(input);
  if (input.items.length === 0) errors.push(ruleError('items', 'fee_list.items_required'));
  else if (institution.inclusive && CARE_FEE_REQUIRED && !input.items.some((i) => i.kind === 'care'))
    errors.push(ruleError('items', 'fee_list.care_fee_required'));
  if (!input.effectiveFrom) errors.push(ruleError('effectiveFrom', 'fee_list.effective_from_required'));
  if (institution.inclusive && BASIS_REQUIRED && !input.basis.trim())
    errors.push(ruleError('basis', 'fee_list.basis_required'));
  return errors;
}

/** The registry's three fee numbers (fen), as the profile holds them. */
export interface RegistryFees {
  feeFullDayFen: number | null;
  feeHalfDayFen: number | null;
  feeHourlyFen: number | null;
}

const REGISTRY_FEES: { form: ServiceForm; unit: FeeItemInput['unit']; key: keyof RegistryFees }[] = [
  { form: 'full_day', unit: 'month', key: 'feeFullDayFen' },
  { form: 'half_day', unit: 'month', key: 'feeHalfDayFen' },
  { form: 'hourly', unit: 'hour', key: 'feeHourlyFen' },
];

/**
 * The flag of an institution's fee list; null when nothing is wrong or the institution is not inclusive
 * (the disclosure rule read here binds inclusive institutions). `differs_from_fees`: the registry's fee of
 * a service form is set, the list has care items for that form and unit, and none has that amount — the
 * list is older than the fees now on record (the registry keeps no date of a fee change, so the amounts
 * are compared, not dates).
 */
export function feeListFlag(
  institution: { inclusive: boolean } & RegistryFees,
  published: { items: Pick<FeeItemInput, 'kind' | 'amountFen' | 'unit' | 'serviceForm'>[] } | null,
): FeeListFlag | null {
  if (!institution.inclusive) return null;
  if (!published) return 'missing';
  const care = published.items.filter((i) => i.kind === 'care');
  if (care.length === 0) return 'no_care_fee';
  for (const { form, unit, key } of REGISTRY_FEES) {
    const fee = institution[key];
    if (fee === null) continue;
    const matching = care.filter(
      (i) => i.unit === unit && (i.serviceForm === form || i.serviceForm === null),
    );
    if (matching.length > 0 && !matching.some((i) => i.amountFen === fee)) return 'differs_from_fees';
  }
  return null;
}
