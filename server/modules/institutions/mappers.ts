/** Rows → API shapes (domain/contracts/institution.ts). The only place that decides what leaves. */
import type {
  Fees,
  InstitutionDetail,
  InstitutionDocument,
  InstitutionKind,
  InstitutionStatus,
  InstitutionSummary,
  PermittedAction,
  ServiceForm,
} from '../../../domain/contracts/institution.ts';
import { maskedOf } from '../../platform/personal-data.ts';
import type { ClassRow, DocumentRow, HistoryRow, InstitutionRow } from './repository.ts';

type ClassType = 'infant' | 'toddler_small' | 'toddler_large' | 'mixed' | 'kindergarten_toddler';
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function feesOf(r: Pick<InstitutionRow, 'feeFullDayFen' | 'feeHalfDayFen' | 'feeHourlyFen'>): Fees {
  return {
    fullDayMonthlyFen: r.feeFullDayFen,
    halfDayMonthlyFen: r.feeHalfDayFen,
    hourlyFen: r.feeHourlyFen,
  };
}

export function toSummary(r: InstitutionRow): InstitutionSummary {
  return {
    id: r.id,
    name: r.name,
    creditCode: r.creditCode,
    kind: r.kind as InstitutionKind,
    ownership: r.ownership as 'public' | 'private',
    inclusive: r.inclusive,
    townCode: r.townCode,
    status: r.status as InstitutionStatus,
    seats: r.seats,
    enrolled: r.enrolled,
    hasToddlerClasses: r.kind === 'kindergarten' && r.toddlerClasses > 0,
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

export function toClass(c: ClassRow) {
  return {
    id: c.id,
    name: c.name,
    type: c.type as ClassType,
    capacity: c.capacity,
    enrolled: c.enrolled,
    minAgeMonths: c.minAgeMonths,
    maxAgeMonths: c.maxAgeMonths,
  };
}

export function toDocument(d: DocumentRow): InstitutionDocument {
  return {
    id: d.id,
    category: d.category ?? 'other',
    fileName: d.fileName,
    contentType: d.contentType,
    sizeBytes: d.sizeBytes,
    uploadedAt: d.uploadedAt.toISOString(),
  };
}

export function toHistory(h: HistoryRow & { actorName?: string | null }) {
  return {
    id: h.id,
    action: h.action,
    fromStatus: h.fromStatus,
    toStatus: h.toStatus,
    reason: h.reason,
    actorUsername: h.actorUsername,
    actorName: h.actorName ?? null,
    at: h.at.toISOString(),
  };
}

export function toDetail(
  r: InstitutionRow,
  children: {
    classes: ClassRow[];
    documents: DocumentRow[];
    history: (HistoryRow & { actorName?: string | null })[];
  },
  permittedActions: PermittedAction[],
): InstitutionDetail {
  return {
    ...toSummary(r),
    serviceForms: r.serviceForms as ServiceForm[],
    address: r.address,
    lat: r.lat,
    lng: r.lng,
    publicPhone: r.publicPhone,
    openingHours: r.openingHours,
    fees: feesOf(r),
    mealsProvided: r.mealsProvided,
    directorName: r.directorName,
    operatorName: r.operatorName,
    operatorCreditCode: r.operatorCreditCode,
    directorIdNumber: maskedOf('citizen_id', r.directorIdNumber),
    directorMobile: maskedOf('phone', r.directorMobile),
    licenceNumber: r.licenceNumber,
    licenceIssuedOn: r.licenceIssuedOn,
    licenceValidUntil: r.licenceValidUntil,
    licenceIssuer: r.licenceIssuer,
    submittedAt: iso(r.submittedAt),
    filedAt: iso(r.filedAt),
    createdAt: r.createdAt.toISOString(),
    classes: children.classes.map(toClass),
    documents: children.documents.map(toDocument),
    history: children.history.map(toHistory),
    permittedActions,
  };
}
