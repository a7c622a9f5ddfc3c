/** Department exchange's calls on the typed client (paths and answers checked against the OpenAPI document). */
import { type BodyOf, http, type QueryOf, type ResponseOf, unwrap } from '../../api/client.ts';

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

export type LicenceCheckPage = ResponseOf<'/api/v1/exchange/business-licences/checks', 'get'>;
export type LicenceCheckRow = LicenceCheckPage['items'][number];
type LicenceCheckQuery = QueryOf<'/api/v1/exchange/business-licences/checks', 'get'>;

/** 证照比对: the registry against market regulation's licence records (ADR 0035). */
export const licenceApi = {
  checks: (query: LicenceCheckQuery, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/exchange/business-licences/checks', { params: { query }, signal })),
};

export type WebhookState = NonNullable<ApiClientRow['webhook']>;
export type WebhookWithSecret = ResponseOf<'/api/v1/exchange/clients/{id}/webhook', 'put'>;
export type WebhookTestResult = ResponseOf<'/api/v1/exchange/clients/{id}/webhook/test', 'post'>;

/** A client's webhook (ADR 0020): set, rotate the secret, disable, send a test event. */
export const webhookApi = {
  set: (id: string, url: string, version?: number) =>
    unwrap(
      http.PUT('/api/v1/exchange/clients/{id}/webhook', {
        params: { path: { id } },
        body: version === undefined ? { url } : { url, version },
      }),
    ),
  rotate: (id: string, version: number) =>
    unwrap(
      http.POST('/api/v1/exchange/clients/{id}/webhook/rotate', {
        params: { path: { id } },
        body: { version },
      }),
    ),
  disable: (id: string, version: number) =>
    unwrap(
      http.POST('/api/v1/exchange/clients/{id}/webhook/disable', {
        params: { path: { id } },
        body: { version },
      }),
    ),
  test: (id: string) =>
    unwrap(http.POST('/api/v1/exchange/clients/{id}/webhook/test', { params: { path: { id } } })),
};
