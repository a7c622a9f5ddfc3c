/** Password hashing (scrypt, node's own) and the password policy. */
import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import type { FieldError } from '../../domain/contracts/common.ts';
import { COMMON_PASSWORDS } from './common-passwords.ts';

const N = 2 ** 15;
const R = 8;
const P = 1;
const KEYLEN = 32;
const MAXMEM = 64 * 1024 * 1024;

function scrypt(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFKC'), salt, KEYLEN, { N: n, r, p, maxmem: MAXMEM }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** Hash a password: `scrypt$N$r$p$salt$hash` (base64url). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, N, R, P);
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** Check a password against a stored hash in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, hash] = stored.split('$');
  if (alg !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), Number(n), Number(r), Number(p));
  const expected = Buffer.from(hash, 'base64url');
  return expected.length === key.length && timingSafeEqual(expected, key);
}

/** A hash of a random password, used to spend the same time on unknown usernames. */
export const DUMMY_HASH_PROMISE = hashPassword(randomBytes(12).toString('hex'));

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
