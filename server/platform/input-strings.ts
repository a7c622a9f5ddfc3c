/**
 * One rule for every string a contract reads (body, query, path parameters, multipart field values):
 * no NUL character and no lone UTF-16 surrogate. PostgreSQL cannot store either in text, and neither
 * belongs in any field of this platform. Applied once, centrally, before schema validation.
 */
import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../domain/contracts/common.ts';
import { DomainError } from './errors.ts';

/** Whether a string is free of NUL characters and lone surrogates. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export function isCleanString(value: string): boolean {
  return !value.includes(String.fromCharCode(0)) && !LONE_SURROGATE.test(value);
}

/** The field error for a string that breaks the rule. */
export function invalidCharacters(field: string): FieldError {
  return {
    field,
    rule: 'invalid_characters',
    message_zh: '含有不允许的字符（空字符或不成对的代理项）',
    message_en: 'Contains characters that are not allowed (NUL or a lone surrogate)',
  };
}

/** Collect field errors for every bad string (and object key) inside a parsed value. */
export function findInvalidStrings(value: unknown, path: string, out: FieldError[], depth = 0): void {
  if (out.length >= 20 || depth > 32) return;
  if (typeof value === 'string') {
    if (!isCleanString(value)) out.push(invalidCharacters(path || 'body'));
    return;
  }
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries())
      findInvalidStrings(v, path ? `${path}.${i}` : String(i), out, depth + 1);
    return;
  }
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [k, v] of Object.entries(value)) {
      const p = path ? `${path}.${k}` : k;
      if (!isCleanString(k)) out.push(invalidCharacters(p));
      else findInvalidStrings(v, p, out, depth + 1);
    }
  }
}

/** Throw a 400 naming each field whose string breaks the rule (field names as zod errors name them). */
export function rejectInvalidCharacters(request: FastifyRequest): void {
  const errors: FieldError[] = [];
  findInvalidStrings(request.params, 'params', errors);
  findInvalidStrings(request.query, 'querystring', errors);
  findInvalidStrings(request.body, '', errors);
  if (errors.length) throw new DomainError('validation.failed', { errors });
}

/** For handlers that read multipart fields themselves: the same rule on one field value. */
export function assertCleanField(field: string, value: string): void {
  if (!isCleanString(value))
    throw new DomainError('validation.failed', { errors: [invalidCharacters(field)] });
}
