/** The password policy, shared by the server (refusal with 400) and the console (checked as the user types). */
import type { FieldError } from '../contracts/common.ts';
import { COMMON_PASSWORDS } from './common-passwords.ts';

/**
 * Password policy: ≥ 8 characters, 3 of 4 classes (lower, upper, digit, symbol), not containing the
 * username, not a common password. Returns field errors (empty when the password is acceptable).
 */
export function checkPasswordPolicy(password: string, username: string, field = 'password'): FieldError[] {
  const errors: FieldError[] = [];
  const add = (rule: string, zh: string, en: string) =>
    errors.push({ field, rule, message_zh: zh, message_en: en });
  if (password.length < 8) add('password.min_length', '密码至少 8 个字符', 'At least 8 characters');
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3)
    add(
      'password.classes',
      '密码须包含小写字母、大写字母、数字、符号中的至少 3 类',
      'Use at least 3 of: lower-case, upper-case, digits, symbols',
    );
  if (username && password.toLowerCase().includes(username.toLowerCase()))
    add('password.contains_username', '密码不能包含用户名', 'The password must not contain the username');
  const bare = password.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (COMMON_PASSWORDS.has(password.toLowerCase()) || COMMON_PASSWORDS.has(bare))
    add('password.common', '密码过于常见', 'This password is too common');
  return errors;
}
