/** Typed calls of the operating subsidy (普惠托育运营补贴, issue 17; generated client). */
import type { z } from 'zod';
import type { operatingClaimQuery } from '../../../../domain/contracts/operating.ts';
import { apiUrl, type BodyOf, http, type ResponseOf, unwrap } from '../../api/client.ts';

export type OperatingSettings = ResponseOf<'/api/v1/operating/settings', 'get'>;
export type OperatingRate = OperatingSettings['rates'][number];
export type OperatingClaim = ResponseOf<'/api/v1/operating/claims/{claimId}', 'get'>;
export type OperatingReviewItem = ResponseOf<'/api/v1/operating/review', 'get'>['items'][number];
export type OperatingPaymentList = ResponseOf<'/api/v1/operating/payments', 'get'>;
export type ClaimDecisionBody = BodyOf<'/api/v1/operating/claims/{claimId}/decision', 'post'>;

export type RegisterClass = ResponseOf<'/api/v1/operating/classes', 'get'>[number];
export type RegisterMonth = ResponseOf<'/api/v1/operating/classes/{classId}/register', 'get'>;

export type OperatingClaimQuery = z.infer<typeof operatingClaimQuery>;

export const operatingKey = ['operating'] as const;

export const operatingApi = {
  settings: (signal?: AbortSignal) => unwrap(http.GET('/api/v1/operating/settings', { signal })),
  putSettings: (body: BodyOf<'/api/v1/operating/settings', 'put'>) =>
    unwrap(http.PUT('/api/v1/operating/settings', { body })),
  addRate: (body: BodyOf<'/api/v1/operating/rates', 'post'>) =>
    unwrap(http.POST('/api/v1/operating/rates', { body })),
  classes: (signal?: AbortSignal) => unwrap(http.GET('/api/v1/operating/classes', { signal })),
  registerMonth: (classId: string, month: string, signal?: AbortSignal) =>
    unwrap(
      http.GET('/api/v1/operating/classes/{classId}/register', {
        params: { path: { classId }, query: { month } },
        signal,
      }),
    ),
  putAttendance: (classId: string, day: string, present: string[]) =>
    unwrap(
      http.PUT('/api/v1/operating/classes/{classId}/attendance/{day}', {
        params: { path: { classId, day } },
        body: { present },
      }),
    ),
  addChild: (classId: string, body: BodyOf<'/api/v1/operating/classes/{classId}/roster', 'post'>) =>
    unwrap(http.POST('/api/v1/operating/classes/{classId}/roster', { params: { path: { classId } }, body })),
  /** 离园 from `leftOn` (null undoes it). */
  setLeft: (classId: string, childId: string, leftOn: string | null) =>
    unwrap(
      http.PUT('/api/v1/operating/classes/{classId}/roster/{childId}/left', {
        params: { path: { classId, childId } },
        body: { leftOn },
      }),
    ),
  claims: (query: OperatingClaimQuery, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/operating/claims', { params: { query }, signal })),
  buildClaim: (body: BodyOf<'/api/v1/operating/claims', 'post'>) =>
    unwrap(http.POST('/api/v1/operating/claims', { body })),
  submitClaim: (claimId: string) =>
    unwrap(http.POST('/api/v1/operating/claims/{claimId}/submit', { params: { path: { claimId } } })),
  decide: (claimId: string, body: ClaimDecisionBody) =>
    unwrap(http.POST('/api/v1/operating/claims/{claimId}/decision', { params: { path: { claimId } }, body })),
  review: (signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/operating/review', { params: { query: { page: 1, pageSize: 100 } }, signal })),
  payments: (month: string, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/operating/payments', { params: { query: { month } }, signal })),
  paymentsExportUrl: (month: string) => apiUrl('/operating/payments/export', { month, format: 'xlsx' }),
};
