/** Shared by the registry pages: query keys, labels, the rule pack in force, towns, money. */

import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import {
  fenToYuan,
  type InstitutionStatus,
  KIND_LABELS,
  OWNERSHIP_LABELS,
  SERVICE_FORM_LABELS,
  type ServiceForm,
  STATUS_LABELS,
} from '../../../../domain/contracts/institution.ts';
import { findDivision, townsOf } from '../../../../domain/divisions.ts';
import { TRANSITIONS } from '../../../../domain/institutions/lifecycle.ts';
import { resolvePolicy } from '../../../../domain/policy/index.ts';
import { CLASS_TYPES } from '../../../../domain/rules/classes.ts';
import { api } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { type Lang, pick, useLang } from '../../i18n/index.tsx';
import { useCurrentMe } from '../session.ts';

/** A {zh, en} label in the current language. */
export const bi = (lang: Lang, l: { zh: string; en: string }) => pick(lang, l.zh, l.en);

export const kindLabel = (lang: Lang, k: keyof typeof KIND_LABELS) => bi(lang, KIND_LABELS[k]);
export const ownershipLabel = (lang: Lang, o: keyof typeof OWNERSHIP_LABELS) => bi(lang, OWNERSHIP_LABELS[o]);
export const statusLabel = (lang: Lang, s: string) =>
  s in STATUS_LABELS ? bi(lang, STATUS_LABELS[s as InstitutionStatus]) : s;
export const formLabel = (lang: Lang, f: ServiceForm) => bi(lang, SERVICE_FORM_LABELS[f]);
export function classTypeLabel(lang: Lang, type: string): string {
  const c = CLASS_TYPES.find((x) => x.type === type);
  return c ? pick(lang, c.zh, c.en) : type;
}
export function actionLabel(lang: Lang, action: string): string {
  const rule = TRANSITIONS[action as keyof typeof TRANSITIONS];
  return rule ? pick(lang, rule.zh, rule.en) : action;
}

export function townName(lang: Lang, code: string): string {
  const d = findDivision(code);
  return d ? pick(lang, d.nameZh, d.nameEn) : code;
}

/** The towns of the caller's district within their division scope (a town officer: their town). */
export function useTownOptions() {
  const me = useCurrentMe();
  const [lang] = useLang();
  const within = me.scope?.kind === 'division' ? me.scope.divisionCode : me.districtCode;
  return useMemo(
    () =>
      townsOf(me.districtCode)
        .filter((d) => d.code.startsWith(within) || within.startsWith(d.code))
        .map((d) => ({ value: d.code, label: pick(lang, d.nameZh, d.nameEn) })),
    [me.districtCode, within, lang],
  );
}

/** The rule pack in force today for the caller's district (values and their citations). */
export function usePolicy() {
  const me = useCurrentMe();
  return useMemo(() => {
    const r = resolvePolicy(me.districtCode, dayjs().format('YYYY-MM-DD'));
    return r.ok ? r : null;
  }, [me.districtCode]);
}

/** 700000 fen → "¥7,000.00". */
export function yuan(fen: number | null | undefined): string {
  if (fen == null) return '—';
  return `¥${fenToYuan(fen).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

export const dateTime = (iso: string | null | undefined) =>
  iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—';

export function useInstitution(id: string) {
  return useQuery({
    queryKey: keys.institutions.detail(id),
    queryFn: ({ signal }) => api.institutions.get(id, signal),
    enabled: id !== '',
  });
}
