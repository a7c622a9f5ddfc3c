/** Department exchange's calls on the typed client (paths and answers checked against the OpenAPI document). */
import { type BodyOf, http, type ResponseOf, unwrap } from '../../api/client.ts';

export type ApiClientPage = ResponseOf<'/api/v1/exchange/clients', 'get'>;
export type ApiClientRow = ApiClientPage['items'][number];
export type CreateClientBody = BodyOf<'/api/v1/exchange/clients', 'post'>;
export type CreatedClient = ResponseOf<'/api/v1/exchange/clients', 'post'>;

export const exchangeApi = {
  clients: (query: { page: number; pageSize: number }, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/exchange/clients', { params: { query }, signal })),
  create: (body: CreateClientBody) => unwrap(http.POST('/api/v1/exchange/clients', { body })),
  disable: (id: string, version: number) =>
    unwrap(
      http.POST('/api/v1/exchange/clients/{id}/disable', { params: { path: { id } }, body: { version } }),
    ),
};
