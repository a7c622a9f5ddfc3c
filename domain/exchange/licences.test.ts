import { describe, expect, it } from 'vitest';
import { licenceRecordSchema } from '../contracts/business-licences.ts';
import { creditCodeCheckChar } from '../rules/ids.ts';
import {
  comparableName,
  licenceFindings,
  registeredByMarketRegulation,
  validateLicenceRecord,
} from './licences.ts';

const first17 = '52310118MJ0000001';
const code = `${first17}${creditCodeCheckChar(first17)}`;
const record = (over: Record<string, unknown> = {}) =>
  licenceRecordSchema.parse({
    creditCode: code,
    name: '青浦区示例托育园',
    status: 'active',
    registeredOn: '2022-03-01',
    authority: '青浦区市场监督管理局',
    businessScope: '托育服务（不含医疗服务）',
    ...over,
  });

describe('a licence record', () => {
  it('passes with a valid credit code and an active status without a status date', () => {
    expect(validateLicenceRecord(record())).toEqual([]);
  });
  it('names the field and the rule of each broken rule, with the record path', () => {
    const wrong = `${first17}${creditCodeCheckChar(first17) === '0' ? '1' : '0'}`;
    expect(validateLicenceRecord(record({ creditCode: wrong }), 'records.2.')).toMatchObject([
      { field: 'records.2.creditCode', rule: 'credit.check_character' },
    ]);
    expect(validateLicenceRecord(record({ status: 'revoked' }))).toMatchObject([
      { field: 'statusOn', rule: 'licence.status_date_required' },
    ]);
    expect(validateLicenceRecord(record({ statusOn: '2024-01-01' }))).toMatchObject([
      { field: 'statusOn', rule: 'licence.status_date_active' },
    ]);
    expect(
      validateLicenceRecord(record({ status: 'cancelled', statusOn: '2021-01-01' })).map((e) => e.rule),
    ).toEqual(['licence.status_before_registration']);
    for (const e of validateLicenceRecord(record({ status: 'cancelled' }))) {
      expect(e.message_zh).toMatch(/[\u4e00-\u9fff]/);
      expect(e.message_en).toMatch(/[a-z]/);
    }
  });
});

describe('what the comparison finds', () => {
  const facts = { name: '青浦区示例托育园', status: 'active' as const, businessScope: '托育服务' };
  it('nothing when the record is active, named alike and covers childcare', () => {
    expect(licenceFindings('青浦区示例托育园', facts)).toEqual([]);
    expect(licenceFindings('青浦区示例托育园', { ...facts, businessScope: '' })).toEqual([]);
  });
  it('no record, not active, another name, a scope without childcare', () => {
    expect(licenceFindings('青浦区示例托育园', null)).toEqual(['no_record']);
    expect(
      licenceFindings('青浦区另一托育园', {
        name: '青浦区示例托育园',
        status: 'revoked',
        businessScope: '餐饮服务',
      }),
    ).toEqual(['not_active', 'name_differs', 'scope_lacks_childcare']);
    expect(licenceFindings('青浦区示例托育园', { ...facts, businessScope: '婴幼儿照护服务' })).toEqual([]);
  });
  it('full-width and half-width brackets and spaces are the same name', () => {
    expect(comparableName('示例托育园（青浦）有限公司')).toBe(comparableName('示例托育园 (青浦) 有限公司'));
  });
});

describe('which institutions are compared', () => {
  it('only businesses market regulation registers (GB 32100 authority 9)', () => {
    expect(registeredByMarketRegulation('91310118MA1JL0000N')).toBe(true);
    expect(registeredByMarketRegulation(' 92310118ma1jl0000n')).toBe(true);
    expect(registeredByMarketRegulation(code)).toBe(false); // 52: a 民办非企业单位 (civil affairs)
    expect(registeredByMarketRegulation('12310118MB0000000X')).toBe(false); // a public institution
  });
});
