/** Showing API errors: field errors on the matching antd Form field, everything else as a message. */
import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { type Lang, pick, useLang, useT } from '../i18n/index.tsx';
import { ApiError } from './client.ts';

/** The localized detail of an error (problem detail_zh|detail_en, or a generic text). */
export function problemText(err: unknown, lang: Lang, fallback: string): string {
  if (err instanceof ApiError) return pick(lang, err.problem.detail_zh, err.problem.detail_en);
  return fallback;
}

/** `scope.divisionCode`, `/scope/divisionCode` or `body.scope.divisionCode` → ['scope', 'divisionCode']. */
function fieldPath(field: string): (string | number)[] {
  const parts = field
    .replace(/^\//, '')
    .split(/[./]/)
    .filter((p) => p !== '');
  if (parts[0] === 'body') parts.shift();
  return parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Puts each `errors[]` entry of a 400 problem on the form field it names (antd `setFields`).
 * Returns the messages that matched no field of the form, so the caller can show them elsewhere.
 * `false` means the error carried no field errors at all.
 */
export function applyFieldErrors(form: FormInstance, err: unknown, lang: Lang): string[] | false {
  if (!(err instanceof ApiError) || !err.problem.errors?.length) return false;
  const registered = new Set(form.getFieldsError().map((f) => JSON.stringify(f.name)));
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const unmatched: string[] = [];
  for (const e of err.problem.errors) {
    const text = pick(lang, e.message_zh, e.message_en);
    const name = fieldPath(e.field);
    const key = JSON.stringify(name);
    if (!registered.has(key)) {
      unmatched.push(text);
      continue;
    }
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(text);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return unmatched;
}

/**
 * A handler for mutation errors: field errors go onto `form` (when given); the rest is shown as
 * a message in the current language.
 */
export function useShowError(): (err: unknown, form?: FormInstance) => void {
  const { message } = App.useApp();
  const [lang] = useLang();
  const t = useT();
  return useCallback(
    (err: unknown, form?: FormInstance) => {
      const unmatched = form ? applyFieldErrors(form, err, lang) : false;
      if (unmatched === false) {
        message.error(problemText(err, lang, t('common.unknownError')));
      } else if (unmatched.length > 0) {
        message.error(unmatched.join('；'));
      }
    },
    [message, lang, t],
  );
}
