import { describe, expect, it } from 'vitest';
import type { FeeItemInput } from '../contracts/fee-list.ts';
import { feeListFlag, validateFeeListForPublish } from './fee-list.ts';

const care = (amountFen: number, serviceForm: FeeItemInput['serviceForm'] = 'full_day'): FeeItemInput => ({
  kind: 'care',
  name: '保育费',
  amountFen,
  unit: 'month',
  serviceForm,
  optional: false,
});
const meals: FeeItemInput = {
  kind: 'meals',
  name: '伙食费',
  amountFen: 2000,
  unit: 'day',
  serviceForm: null,
  optional: false,
};
const fees = { feeFullDayFen: 250000, feeHalfDayFen: null, feeHourlyFen: null };

describe('validateFeeListForPublish', () => {
  const ok = { items: [care(250000), meals], effectiveFrom: '2026-09-01', basis: '青价〔2026〕1号' };
  it.each([
    ['a complete inclusive list', ok, true, []],
    ['no items', { ...ok, items: [] }, false, ['items:fee_list.items_required']],
    ['inclusive without a care fee', { ...ok, items: [meals] }, true, ['items:fee_list.care_fee_required']],
    ['not inclusive without a care fee', { ...ok, items: [meals], basis: '' }, false, []],
    [
      'no effective date',
      { ...ok, effectiveFrom: null },
      false,
      ['effectiveFrom:fee_list.effective_from_required'],
    ],
    ['inclusive without a basis', { ...ok, basis: ' ' }, true, ['basis:fee_list.basis_required']],
    [
      'the same name twice for one form',
      { ...ok, items: [care(1), care(2)] },
      false,
      ['items.1.name:fee_list.duplicate_item'],
    ],
  ])('%s', (_, input, inclusive, expected) => {
    const errors = validateFeeListForPublish(input, { inclusive });
    expect(errors.map((e) => `${e.field}:${e.rule}`)).toEqual(expected);
  });
});

describe('feeListFlag', () => {
  it.each([
    ['not inclusive', { inclusive: false, ...fees }, null, null],
    ['inclusive, nothing published', { inclusive: true, ...fees }, null, 'missing'],
    ['inclusive, no care item', { inclusive: true, ...fees }, { items: [meals] }, 'no_care_fee'],
    ['care fee equals the registry', { inclusive: true, ...fees }, { items: [care(250000)] }, null],
    ['care fee differs', { inclusive: true, ...fees }, { items: [care(200000)] }, 'differs_from_fees'],
    [
      'care fee for all forms differs',
      { inclusive: true, ...fees },
      { items: [care(1, null)] },
      'differs_from_fees',
    ],
    [
      'no care item for a form the registry prices',
      { inclusive: true, ...fees },
      { items: [care(1, 'half_day')] },
      null,
    ],
  ] as const)('%s', (_, inst, published, expected) => {
    expect(feeListFlag(inst, published ? { items: [...published.items] } : null)).toBe(expected);
  });
});
