/** Labels and formatting of the portal's institution pages (labels come from the contracts and rules). */

import type { Fees } from '../../../../domain/contracts/institution.ts';
import {
  fenToYuan,
  KIND_LABELS,
  OWNERSHIP_LABELS,
  SERVICE_FORM_LABELS,
  type ServiceForm,
  STATUS_LABELS,
} from '../../../../domain/contracts/institution-enums.ts';
import { findDivision, QINGPU, townsOf } from '../../../../domain/divisions.ts';
import { CLASS_TYPES } from '../../../../domain/rules/classes.ts';
import { ApiError } from '../../api/client.ts';
import { type Lang, pick } from '../../i18n/index.tsx';

/** The portal serves one district (the deployment's). */
export const DISTRICT = QINGPU;
export const TOWNS = townsOf(DISTRICT);

const bi = (lang: Lang, l: { zh: string; en: string }) => pick(lang, l.zh, l.en);
export const kindLabel = (lang: Lang, k: keyof typeof KIND_LABELS) => bi(lang, KIND_LABELS[k]);
export const ownershipLabel = (lang: Lang, o: keyof typeof OWNERSHIP_LABELS) => bi(lang, OWNERSHIP_LABELS[o]);
export const formLabel = (lang: Lang, f: ServiceForm) => bi(lang, SERVICE_FORM_LABELS[f]);
export const statusLabel = (lang: Lang, s: 'filed' | 'operating') => bi(lang, STATUS_LABELS[s]);
export function classTypeLabel(lang: Lang, type: string): string {
  const c = CLASS_TYPES.find((x) => x.type === type);
  return c ? pick(lang, c.zh, c.en) : type;
}
export function townName(lang: Lang, code: string): string {
  const d = findDivision(code);
  return d ? pick(lang, d.nameZh, d.nameEn) : code;
}

const FEE_OF: Record<ServiceForm, keyof Fees> = {
  full_day: 'fullDayMonthlyFen',
  half_day: 'halfDayMonthlyFen',
  hourly: 'hourlyFen',
};

/** "全日制 ¥3,600/月" per offered form; the fee is omitted when none is published. */
export function feeLines(
  lang: Lang,
  forms: readonly ServiceForm[],
  fees: Fees,
  units: { month: string; hour: string },
): { form: ServiceForm; label: string; fee: string | null }[] {
  return forms.map((f) => {
    const fen = fees[FEE_OF[f]];
    const amount =
      fen == null
        ? null
        : `¥${fenToYuan(fen).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}${f === 'hourly' ? units.hour : units.month}`;
    return { form: f, label: formLabel(lang, f), fee: amount };
  });
}

/** Whole months between a birth date and today (the ageMonths of the search). */
export function monthsSince(birth: string, today = new Date()): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birth);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  let months = (today.getFullYear() - y) * 12 + (today.getMonth() + 1 - mo);
  if (today.getDate() < d) months -= 1;
  return months >= 0 ? months : null;
}

/** The localized detail of an API error (the portal avoids api/errors.ts, which pulls in antd). */
export function errorText(err: unknown, lang: Lang, fallback: string): string {
  return err instanceof ApiError ? pick(lang, err.problem.detail_zh, err.problem.detail_en) : fallback;
}
