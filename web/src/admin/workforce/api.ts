/** The Workforce module's calls, typed from the generated OpenAPI document. */
import { http, type QueryOf, type ResponseOf, unwrap } from '../../api/client.ts';

export type StaffPage = ResponseOf<'/api/v1/workforce/staff', 'get'>;
export type StaffSummary = StaffPage['items'][number];
export type StaffQuery = QueryOf<'/api/v1/workforce/staff', 'get'>;
export type StaffDetail = ResponseOf<'/api/v1/workforce/staff/{id}', 'get'>;
export type Compliance = ResponseOf<'/api/v1/workforce/compliance', 'get'>;
export type BanPage = ResponseOf<'/api/v1/workforce/bans', 'get'>;
export type BanQuery = QueryOf<'/api/v1/workforce/bans', 'get'>;

export const workforceApi = {
  staff: (query: StaffQuery, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/workforce/staff', { params: { query }, signal })),
  detail: (id: string, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/workforce/staff/{id}', { params: { path: { id } }, signal })),
  compliance: (query: { townCode?: string }, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/workforce/compliance', { params: { query }, signal })),
  bans: (query: BanQuery, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/workforce/bans', { params: { query }, signal })),
};
