/** Typed calls of the childcare-subsidy casework (generated client; issue 17). */
import { apiUrl, type BodyOf, http, type QueryOf, type ResponseOf, unwrap } from '../../api/client.ts';

export type SubsidyPage = ResponseOf<'/api/v1/subsidy/applications', 'get'>;
export type SubsidyApp = SubsidyPage['items'][number];
export type SubsidyQuery = QueryOf<'/api/v1/subsidy/applications', 'get'>;
export type DecisionBody = BodyOf<'/api/v1/subsidy/applications/{id}/decisions', 'post'>;
export type AccountBody = BodyOf<'/api/v1/subsidy/applications/{id}/account', 'put'>;
export type Batch = ResponseOf<'/api/v1/subsidy/batches/{id}', 'get'>;
export type BatchLine = ResponseOf<'/api/v1/subsidy/batches/{id}/lines', 'get'>['items'][number];
export type BatchLineQuery = QueryOf<'/api/v1/subsidy/batches/{id}/lines', 'get'>;
export type MySubsidy = ResponseOf<'/api/v1/subsidy/mine', 'get'>;
export type Renewal = ResponseOf<'/api/v1/subsidy/renewals', 'get'>['items'][number];
export type RenewalQuery = QueryOf<'/api/v1/subsidy/renewals', 'get'>;
export type RenewalDecision = BodyOf<'/api/v1/subsidy/renewals/{id}/decisions', 'post'>;

export const subsidyKey = ['subsidy'] as const;

export const subsidyApi = {
  list: (query: SubsidyQuery, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/subsidy/applications', { params: { query }, signal })),
  decide: (id: string, body: DecisionBody) =>
    unwrap(http.POST('/api/v1/subsidy/applications/{id}/decisions', { params: { path: { id } }, body })),
  correctAccount: (id: string, body: AccountBody) =>
    unwrap(http.PUT('/api/v1/subsidy/applications/{id}/account', { params: { path: { id } }, body })),
  batches: (query: { page: number; pageSize: number }, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/subsidy/batches', { params: { query }, signal })),
  createBatch: (body: BodyOf<'/api/v1/subsidy/batches', 'post'>) =>
    unwrap(http.POST('/api/v1/subsidy/batches', { body })),
  transition: (id: string, body: BodyOf<'/api/v1/subsidy/batches/{id}/transitions', 'post'>) =>
    unwrap(http.POST('/api/v1/subsidy/batches/{id}/transitions', { params: { path: { id } }, body })),
  lines: (id: string, query: BatchLineQuery, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/subsidy/batches/{id}/lines', { params: { path: { id }, query }, signal })),
  returnLine: (id: string, lineId: string, reason: string) =>
    unwrap(
      http.POST('/api/v1/subsidy/batches/{id}/lines/{lineId}/return', {
        params: { path: { id, lineId } },
        body: { reason },
      }),
    ),
  exportUrl: (id: string) => apiUrl(`/subsidy/batches/${encodeURIComponent(id)}/export`, { format: 'xlsx' }),
  renewals: (query: RenewalQuery, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/subsidy/renewals', { params: { query }, signal })),
  renewalCounts: (query: { year: number; townCode?: string }, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/subsidy/renewals/counts', { params: { query }, signal })),
  openRenewals: (year: number) => unwrap(http.POST('/api/v1/subsidy/renewals/open', { body: { year } })),
  decideRenewal: (id: string, body: RenewalDecision) =>
    unwrap(http.POST('/api/v1/subsidy/renewals/{id}/decisions', { params: { path: { id } }, body })),
  mine: (signal?: AbortSignal) => unwrap(http.GET('/api/v1/subsidy/mine', { signal })),
};
