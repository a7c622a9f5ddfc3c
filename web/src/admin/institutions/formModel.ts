/**
 * The institution form's values, their conversion to/from the API (fees: yuan in the form, fen in the
 * API) and live validation with the same domain rules the server applies (validate.ts).
 */
import type { FormInstance } from 'antd';
import dayjs from 'dayjs';
import type { FieldError } from '../../../../domain/contracts/common.ts';
import {
  type ClassInputBody,
  fenToYuan,
  type InstitutionInput,
  type InstitutionKind,
  type ServiceForm,
  yuanToFen,
} from '../../../../domain/contracts/institution.ts';
import { validateDirectorPersonal } from '../../../../domain/institutions/director.ts';
import { validateClasses, validateInstitution } from '../../../../domain/institutions/validate.ts';
import type { PolicyValues } from '../../../../domain/policy/index.ts';
import type { CreateInstitutionBody, InstitutionDetail, UpdateInstitutionBody } from '../../api/client.ts';
import { type Lang, pick } from '../../i18n/index.tsx';

export interface ClassRow {
  /** The stored class this row edits (kept on save, so its staff assignments stay). */
  id?: string;
  name?: string;
  type?: ClassInputBody['type'];
  capacity?: number | null;
  enrolled?: number | null;
  minAgeMonths?: number | null;
}

export interface FormValues {
  name?: string;
  creditCode?: string;
  kind?: InstitutionKind;
  ownership?: 'public' | 'private';
  inclusive?: boolean;
  serviceForms?: ServiceForm[];
  address?: string;
  townCode?: string;
  lat?: number | null;
  lng?: number | null;
  publicPhone?: string;
  openingHours?: string;
  mealsProvided?: boolean;
  directorName?: string;
  operatorName?: string;
  operatorCreditCode?: string;
  /** Licence (draft 托育服务法): shape only; dates as YYYY-MM-DD. */
  licenceNumber?: string;
  licenceIssuedOn?: string;
  licenceValidUntil?: string;
  licenceIssuer?: string;
  /** Typed only to set or change it: never filled from the (masked) detail; empty = unchanged. */
  directorIdNumber?: string;
  directorMobile?: string;
  /** Yuan (元), keyed like the API's fen fields so server field errors land here. */
  fees?: { fullDayMonthlyFen?: number | null; halfDayMonthlyFen?: number | null; hourlyFen?: number | null };
  classes?: ClassRow[];
}

export const FEE_FIELD: Record<ServiceForm, 'fullDayMonthlyFen' | 'halfDayMonthlyFen' | 'hourlyFen'> = {
  full_day: 'fullDayMonthlyFen',
  half_day: 'halfDayMonthlyFen',
  hourly: 'hourlyFen',
};

const y = (fen: number | null | undefined) => (fen == null ? null : fenToYuan(fen));
const f = (yuan: number | null | undefined) => (yuan == null ? null : yuanToFen(yuan));

export function toFormValues(d: InstitutionDetail): FormValues {
  return {
    name: d.name,
    creditCode: d.creditCode,
    kind: d.kind,
    ownership: d.ownership,
    inclusive: d.inclusive,
    serviceForms: d.serviceForms,
    address: d.address,
    townCode: d.townCode,
    lat: d.lat,
    lng: d.lng,
    publicPhone: d.publicPhone,
    openingHours: d.openingHours,
    mealsProvided: d.mealsProvided,
    directorName: d.directorName,
    operatorName: d.operatorName ?? '',
    operatorCreditCode: d.operatorCreditCode ?? '',
    licenceNumber: d.licenceNumber ?? '',
    licenceIssuedOn: d.licenceIssuedOn ?? '',
    licenceValidUntil: d.licenceValidUntil ?? '',
    licenceIssuer: d.licenceIssuer ?? '',
    fees: {
      fullDayMonthlyFen: y(d.fees.fullDayMonthlyFen),
      halfDayMonthlyFen: y(d.fees.halfDayMonthlyFen),
      hourlyFen: y(d.fees.hourlyFen),
    },
    classes: d.classes.map((c) => ({
      id: c.id,
      name: c.name,
      type: c.type,
      capacity: c.capacity,
      enrolled: c.enrolled,
      minAgeMonths: c.minAgeMonths,
    })),
  };
}

export const NEW_VALUES: FormValues = {
  kind: 'childcare_institution',
  ownership: 'private',
  inclusive: false,
  serviceForms: ['full_day'],
  mealsProvided: false,
  openingHours: '',
  fees: {},
  classes: [],
};

/** The profile as the API takes it (fees in fen, only for the forms offered). */
export function toProfileBody(v: FormValues): CreateInstitutionBody {
  const forms = v.serviceForms ?? [];
  const fee = (form: ServiceForm) => (forms.includes(form) ? f(v.fees?.[FEE_FIELD[form]]) : null);
  return {
    name: (v.name ?? '').trim(),
    creditCode: (v.creditCode ?? '').trim().toUpperCase(),
    kind: v.kind ?? 'childcare_institution',
    ownership: v.ownership ?? 'private',
    inclusive: !!v.inclusive,
    serviceForms: forms,
    address: (v.address ?? '').trim(),
    townCode: v.townCode ?? '',
    lat: v.lat ?? Number.NaN,
    lng: v.lng ?? Number.NaN,
    publicPhone: (v.publicPhone ?? '').trim(),
    openingHours: (v.openingHours ?? '').trim(),
    mealsProvided: !!v.mealsProvided,
    directorName: (v.directorName ?? '').trim(),
    operatorName: v.operatorName?.trim() || null,
    operatorCreditCode: v.operatorCreditCode?.trim().toUpperCase() || null,
    licenceNumber: v.licenceNumber?.trim() || null,
    licenceIssuedOn: v.licenceIssuedOn?.trim() || null,
    licenceValidUntil: v.licenceValidUntil?.trim() || null,
    licenceIssuer: v.licenceIssuer?.trim() || null,
    ...(v.directorIdNumber?.trim() ? { directorIdNumber: v.directorIdNumber.trim().toUpperCase() } : {}),
    ...(v.directorMobile?.trim() ? { directorMobile: v.directorMobile.trim() } : {}),
    fees: {
      fullDayMonthlyFen: fee('full_day'),
      halfDayMonthlyFen: fee('half_day'),
      hourlyFen: fee('hourly'),
    },
  };
}

export function toClassesBody(v: FormValues): ClassInputBody[] {
  return (v.classes ?? []).map((c) => ({
    ...(c.id ? { id: c.id } : {}),
    name: (c.name ?? '').trim(),
    type: c.type ?? 'toddler_large',
    capacity: c.capacity ?? Number.NaN,
    enrolled: c.enrolled ?? 0,
    ...(c.minAgeMonths == null ? {} : { minAgeMonths: c.minAgeMonths }),
  }));
}

/** The PATCH body: only what changed since `before`. */
export function changedProfile(before: CreateInstitutionBody, after: CreateInstitutionBody, version: number) {
  const body: Record<string, unknown> = { version };
  for (const key of Object.keys(after) as (keyof CreateInstitutionBody)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) body[key] = after[key];
  }
  return body as UpdateInstitutionBody;
}

/** All domain-rule errors of the current form values (the server's own checks, run in the browser). */
export function domainErrors(
  v: FormValues,
  districtCode: string,
  policy: PolicyValues | undefined,
): FieldError[] {
  const profile = toProfileBody(v) as InstitutionInput;
  const out = [
    ...validateInstitution(profile, districtCode).errors,
    ...validateDirectorPersonal(profile, dayjs().format('YYYY-MM-DD')).errors,
  ];
  if (policy) out.push(...validateClasses(profile.kind, toClassesBody(v), policy));
  return out;
}

/**
 * An antd rule that runs the domain rules and reports those naming `field` (e.g. 'classes.0.capacity').
 * Empty values are left to the `required` rule.
 */
export function domainRule(
  form: FormInstance<FormValues>,
  field: string,
  ctx: { districtCode: string; policy: PolicyValues | undefined; lang: Lang },
): { validator: (rule: unknown, value: unknown) => Promise<void> } {
  return {
    validator: async (_rule, value) => {
      if (value === undefined || value === null || value === '') return;
      const errors = domainErrors(form.getFieldsValue(true), ctx.districtCode, ctx.policy)
        .filter((e) => e.field === field)
        .map((e) => pick(ctx.lang, e.message_zh, e.message_en));
      if (errors.length) throw new Error([...new Set(errors)].join('；'));
    },
  };
}
