import { describe, expect, it } from 'vitest';
import { createUserBody, grantBody, updateUserBody } from '../../../domain/contracts/auth.ts';
import { createClientBody } from '../../../domain/contracts/exchange.ts';
import { createInstitutionBody } from '../../../domain/contracts/institution.ts';
import { checkPasswordPolicy } from '../../../domain/rules/password.ts';
import { en } from '../i18n/en.ts';
import { format, type TFunction } from '../i18n/index.tsx';
import { zhCN } from '../i18n/zh-CN.ts';
import { issueMessage, limitsOf, rulesFrom } from './rulesFrom.ts';

const tZh: TFunction = (key, vars) => format(zhCN[key], vars);
const tEn: TFunction = (key, vars) => format(en[key], vars);

type Validator = { validator: (rule: unknown, value: unknown) => Promise<void> };
/** The error message of the rules for a value, or null when it passes (required checked like antd). */
async function check(rules: ReturnType<typeof rulesFrom>, value: unknown): Promise<string | null> {
  const required = rules.find((r) => typeof r === 'object' && 'required' in r && r.required) as
    | { message: string }
    | undefined;
  if (required && (value === undefined || value === '')) return required.message;
  try {
    for (const r of rules)
      if (typeof r === 'object' && 'validator' in r) await (r as Validator).validator({}, value);
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

describe('rulesFrom', () => {
  const zh = (field: string, label: string, domain?: Parameters<typeof rulesFrom>[2]['domain']) =>
    rulesFrom(createUserBody, field, { label, t: tZh, lang: 'zh-CN', domain });

  it('required fields say so, optional ones do not', async () => {
    expect(await check(zh('username', '用户名'), '')).toBe('请填写用户名');
    const optional = rulesFrom(updateUserBody, 'displayName', { label: '姓名', t: tZh, lang: 'zh-CN' });
    expect(await check(optional, undefined)).toBeNull();
  });

  it('lengths come from the contract', async () => {
    expect(await check(zh('username', '用户名'), 'ab')).toBe('用户名至少3个字符');
    expect(await check(zh('displayName', '姓名'), 'x'.repeat(65))).toBe('姓名最多64个字符');
    expect(await check(zh('username', '用户名'), 'zhang.san')).toBeNull();
  });

  it('a regex with its own zh/en message shows it in the current language', async () => {
    expect(await check(zh('username', '用户名'), 'Zhang San')).toMatch(/^只能使用小写字母/);
    const english = rulesFrom(createUserBody, 'username', { label: 'Username', t: tEn, lang: 'en' });
    expect(await check(english, 'Zhang San')).toMatch(/^Only lower-case letters/);
  });

  it('a list counts entries, not characters, and an empty list gets only the required message', async () => {
    const scopes = rulesFrom(createClientBody, 'scopes', { label: '授权范围', t: tZh, lang: 'zh-CN' });
    // antd's required rule answers an empty list; the validator adds nothing to it.
    expect(scopes.some((r) => typeof r === 'object' && 'required' in r && r.required)).toBe(true);
    expect(await check(scopes, [])).toBeNull();
    const three = ['institutions.read', 'licences.write', 'institutions.read'];
    expect(await check(scopes, three)).toBe('授权范围最多选择2项');
    const tooFew = { code: 'too_small', origin: 'array', minimum: 1, message: '' };
    expect(issueMessage(tooFew, '授权范围', tZh, 'zh-CN')).toBe('授权范围至少选择1项');
    expect(issueMessage(tooFew, 'Scopes', tEn, 'en')).toBe('Scopes: choose at least 1');
  });

  it('enums refuse values outside the list', async () => {
    const role = rulesFrom(grantBody, 'role', { label: '角色', t: tZh, lang: 'zh-CN' });
    expect(await check(role, 'mayor')).toBe('请选择有效的角色');
    expect(await check(role, 'town_officer')).toBeNull();
  });

  it('nested fields and number ranges', async () => {
    const lat = rulesFrom(createInstitutionBody, 'lat', { label: 'Latitude', t: tEn, lang: 'en' });
    expect(await check(lat, 31.1)).toBeNull();
    const fee = rulesFrom(createInstitutionBody, 'fees.hourlyFen', {
      label: 'Hourly fee',
      t: tEn,
      lang: 'en',
    });
    expect(await check(fee, -1)).toMatch(/^Hourly fee must be at least 0/);
  });

  it('domain rules run as the user types: the password policy', async () => {
    const rules = zh('password', '密码', (v) => checkPasswordPolicy(String(v), 'zhang.san'));
    expect(await check(rules, 'abc')).toContain('密码至少 8 个字符');
    expect(await check(rules, 'zhang.san-2026A')).toBe('密码不能包含用户名');
    expect(await check(rules, 'Qingpu-Tuoyu-2026!')).toBeNull();
  });

  it('names a field that is not in the contract', () => {
    expect(() => zh('nickname', 'x')).toThrow(/no field "nickname"/);
  });

  it('limitsOf gives the input its limits', () => {
    expect(limitsOf(createUserBody, 'displayName')).toMatchObject({
      required: true,
      minLength: 1,
      maxLength: 64,
    });
    expect(limitsOf(grantBody, 'role').options).toContain('district_officer');
  });
});
