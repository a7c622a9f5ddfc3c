/**
 * antd Form rules derived from a zod contract, so a form checks what the server will check, with the
 * same limits: required, lengths, number ranges, enums, regex (with the contract's own zh/en message)
 * and domain rules (e.g. the password policy) — shown as the user types, in the current language.
 *
 *   const rules = useRulesFrom(createUserBody);
 *   <Form.Item name="username" label={t('users.username')} rules={rules('username', t('users.username'))}>
 */
import type { Rule } from 'antd/es/form';
import { useCallback } from 'react';
import type { z } from 'zod';
import type { FieldError } from '../../../domain/contracts/common.ts';
import { type Lang, pick, type TFunction, useLang, useT } from '../i18n/index.tsx';

type AnySchema = z.ZodType;
interface Def {
  type: string;
  innerType?: AnySchema;
  in?: AnySchema;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
}
const defOf = (s: AnySchema) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The schema inside optional/nullable/default/readonly/pipe wrappers. */
export function unwrap(schema: AnySchema): AnySchema {
  let s = schema;
  for (;;) {
    const d = defOf(s);
    if (d.innerType && ['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch'].includes(d.type))
      s = d.innerType;
    else if (d.type === 'pipe' && d.in) s = d.in;
    else return s;
  }
}

/** The schema of a field of an object schema; `a.b`, `items.0.name` walk objects and arrays. */
export function fieldSchema(schema: AnySchema, path: string): AnySchema | undefined {
  let s: AnySchema | undefined = schema;
  for (const part of path.split('.')) {
    if (!s) return undefined;
    const d = defOf(unwrap(s));
    if (d.type === 'object') s = (unwrap(s) as unknown as { shape: Record<string, AnySchema> }).shape[part];
    else if (d.type === 'array' && /^\d+$/.test(part)) s = d.element;
    else return undefined;
  }
  return s;
}

/** Limits of a field for the input itself (maxLength, min/max of a number, enum options). */
export function limitsOf(schema: AnySchema, path: string) {
  const f = fieldSchema(schema, path);
  const inner = f ? (unwrap(f) as unknown as Record<string, unknown>) : {};
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  return {
    required: f ? !f.safeParse(undefined).success : false,
    minLength: num(inner.minLength),
    maxLength: num(inner.maxLength),
    min: num(inner.minValue),
    max: num(inner.maxValue),
    options: Array.isArray(inner.options) ? (inner.options as string[]) : undefined,
  };
}

const HAN = /[\u3400-\u9fff]/;

/** A contract's own message is written "中文 / English"; pick the language. */
function ownMessage(message: string, lang: Lang): string | undefined {
  if (!HAN.test(message)) return undefined;
  const [zh, en] = message.split(' / ');
  return pick(lang, zh ?? message, en ?? zh ?? message);
}

interface Issue {
  code: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  exact?: boolean;
  message: string;
}

/** The message of one zod issue in the current language, naming the field. */
export function issueMessage(issue: Issue, label: string, t: TFunction, lang: Lang): string {
  const own = ownMessage(issue.message, lang);
  if (own) return own;
  const text = issue.origin === 'string';
  // A list (checkbox group, multiple select) counts the entries chosen, not characters.
  const list = issue.origin === 'array';
  switch (issue.code) {
    case 'too_small':
      if (list) return t('rules.minItems', { label, min: String(issue.minimum) });
      if (issue.exact) return t('rules.length', { label, len: String(issue.minimum) });
      return text
        ? t('rules.minLength', { label, min: String(issue.minimum) })
        : t('rules.min', { label, min: String(issue.minimum) });
    case 'too_big':
      if (list) return t('rules.maxItems', { label, max: String(issue.maximum) });
      if (issue.exact) return t('rules.length', { label, len: String(issue.maximum) });
      return text
        ? t('rules.maxLength', { label, max: String(issue.maximum) })
        : t('rules.max', { label, max: String(issue.maximum) });
    case 'invalid_value':
      return t('rules.enum', { label });
    default:
      return t('rules.pattern', { label });
  }
}

export interface RulesOptions {
  label: string;
  t: TFunction;
  lang: Lang;
  /** Domain rules beyond the schema (e.g. the password policy), answered as field errors. */
  domain?: (value: unknown) => FieldError[];
  /** Turn the form's value into what the API receives (e.g. trim). Default: trim strings. */
  normalize?: (value: unknown) => unknown;
}

// An empty list is empty too: the required rule (which antd applies to `[]`) speaks for it, not a second
// message from the validator.
const empty = (v: unknown) =>
  v === undefined ||
  v === null ||
  (typeof v === 'string' && v.trim() === '') ||
  (Array.isArray(v) && v.length === 0);

/** antd rules for `field` of `schema`: required (unless optional) plus a validator that runs the schema. */
export function rulesFrom(schema: AnySchema, field: string, opts: RulesOptions): Rule[] {
  const f = fieldSchema(schema, field);
  if (!f) throw new Error(`rulesFrom: no field "${field}" in the schema`);
  const { label, t, lang } = opts;
  const normalize = opts.normalize ?? ((v: unknown) => (typeof v === 'string' ? v.trim() : v));
  const rules: Rule[] = [];
  if (!f.safeParse(undefined).success)
    rules.push({ required: true, message: t('rules.required', { label }) });
  rules.push({
    validator: async (_rule, value: unknown) => {
      if (empty(value)) return;
      const result = f.safeParse(normalize(value));
      if (!result.success) {
        const issue = result.error.issues[0] as unknown as Issue;
        throw new Error(issueMessage(issue, label, t, lang));
      }
      const errors = opts.domain?.(value) ?? [];
      if (errors.length > 0)
        throw new Error(errors.map((e) => pick(lang, e.message_zh, e.message_en)).join('；'));
    },
  });
  return rules;
}

/** `rulesFrom` bound to the current language: `rules(field, label, domain?)`. */
export function useRulesFrom(schema: AnySchema) {
  const t = useT();
  const [lang] = useLang();
  return useCallback(
    (field: string, label: string, domain?: RulesOptions['domain']) =>
      rulesFrom(schema, field, { label, t, lang, domain }),
    [schema, t, lang],
  );
}
