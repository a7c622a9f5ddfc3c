/** Profile helpers of the service: rows ↔ validation input, the caller for the lifecycle rules, completeness. */
import type { InstitutionInput } from '../../../domain/contracts/institution.ts';
import { roleMay } from '../../../domain/contracts/permissions.ts';
import { validateClasses, validateInstitution } from '../../../domain/institutions/validate.ts';
import { pinyinSortKey } from '../../../domain/rules/pinyin.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/context.ts';
import { DomainError, throwIfErrors } from '../../platform/errors.ts';
import { protect, sealValue } from '../../platform/personal-data.ts';
import { feesOf, toClass } from './mappers.ts';
import { policyOn } from './policy.ts';
import * as repo from './repository.ts';

/** The caller as the lifecycle rules see it. */
export function callerOf(actor: Actor, institutionId: string) {
  return {
    may: (p: Parameters<typeof roleMay>[1]) => roleMay(actor.role, p),
    ownsInstitution: actor.scope?.kind === 'institution' && actor.scope.institutionId === institutionId,
    institutionScoped: actor.scope?.kind === 'institution',
  };
}

/** Profile fields of a row, as the validation input. */
export function inputOf(r: repo.InstitutionRow): InstitutionInput {
  return {
    name: r.name,
    creditCode: r.creditCode,
    kind: r.kind as InstitutionInput['kind'],
    ownership: r.ownership as 'public' | 'private',
    inclusive: r.inclusive,
    serviceForms: r.serviceForms as InstitutionInput['serviceForms'],
    address: r.address,
    townCode: r.townCode,
    lat: r.lat,
    lng: r.lng,
    publicPhone: r.publicPhone,
    openingHours: r.openingHours,
    fees: feesOf(r),
    mealsProvided: r.mealsProvided,
    directorName: r.directorName,
    operatorName: r.operatorName,
    operatorCreditCode: r.operatorCreditCode,
    licenceNumber: r.licenceNumber,
    licenceIssuedOn: r.licenceIssuedOn,
    licenceValidUntil: r.licenceValidUntil,
    licenceIssuer: r.licenceIssuer,
  };
}

/** Columns of a validated profile. */
export function columnsOf(
  input: InstitutionInput,
  creditCode: string,
  publicPhone: string,
  operatorCreditCode: string | null,
) {
  // The director's ID number and mobile are never written in clear: see personalColumns.
  const { fees, directorIdNumber: _id, directorMobile: _mobile, ...rest } = input;
  return {
    ...rest,
    namePinyin: pinyinSortKey(rest.name),
    creditCode,
    publicPhone,
    operatorName: rest.operatorName?.trim() || null,
    operatorCreditCode,
    licenceNumber: rest.licenceNumber?.trim() || null,
    licenceIssuedOn: rest.licenceIssuedOn || null,
    licenceValidUntil: rest.licenceValidUntil || null,
    licenceIssuer: rest.licenceIssuer?.trim() || null,
    feeFullDayFen: fees.fullDayMonthlyFen ?? null,
    feeHalfDayFen: fees.halfDayMonthlyFen ?? null,
    feeHourlyFen: fees.hourlyFen ?? null,
  };
}

export const duplicateCredit = () =>
  new DomainError('conflict.duplicate', {
    errors: [
      {
        field: 'creditCode',
        rule: 'unique',
        message_zh: '本区已有使用该统一社会信用代码的机构',
        message_en: 'Another institution in the district has this credit code',
      },
    ],
    detailZh: '统一社会信用代码',
    detailEn: 'creditCode',
  });

/** Columns of the director's validated personal data: sealed, with the blind index (undefined = unchanged). */
export function personalColumns(idNumber: string | null | undefined, mobile: string | null | undefined) {
  const set: Partial<repo.InstitutionRow> = {};
  if (idNumber === null) Object.assign(set, { directorIdNumber: null, directorIdNumberBidx: null });
  else if (idNumber !== undefined) {
    const p = protect('citizen_id', idNumber);
    Object.assign(set, { directorIdNumber: p.sealed, directorIdNumberBidx: p.index });
  }
  if (mobile !== undefined) set.directorMobile = mobile === null ? null : sealValue('phone', mobile);
  return set;
}

export const duplicateDirector = () =>
  new DomainError('conflict.duplicate', {
    errors: [
      {
        field: 'directorIdNumber',
        rule: 'unique',
        message_zh: '本区已有以该身份号码登记负责人的机构',
        message_en: 'Another institution in the district has a director with this ID number',
      },
    ],
    detailZh: '负责人身份号码',
    detailEn: 'directorIdNumber',
  });

/** A submission must be complete: a valid profile and, except for kindergartens, at least one class. */
export async function checkComplete(tx: Db, row: repo.InstitutionRow, now: Date) {
  const v = validateInstitution(inputOf(row), row.districtCode);
  const classes = await repo.classesOf(tx, row);
  v.errors.push(
    ...validateClasses(
      row.kind as InstitutionInput['kind'],
      classes.map(toClass),
      policyOn(row.districtCode, now),
    ),
  );
  if (row.kind !== 'kindergarten' && classes.length === 0)
    v.errors.push({
      field: 'classes',
      rule: 'institution.classes_required',
      message_zh: '提交备案前须至少设置一个班级',
      message_en: 'Add at least one class before submitting',
    });
  throwIfErrors(v.errors);
}
