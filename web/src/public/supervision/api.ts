/** Portal calls of the Supervision module (typed by the generated OpenAPI paths). */
import { type BodyOf, http, type ResponseOf, unwrap } from '../../api/client.ts';

export type PublishedDrawList = ResponseOf<'/api/v1/public/supervision/draws', 'get'>;
export type PublishedDraw = ResponseOf<'/api/v1/public/supervision/draws/{id}', 'get'>;

export type PublicResults = ResponseOf<'/api/v1/public/supervision/draws/{id}/results', 'get'>;

export const publicDraws = {
  results: (id: string, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/public/supervision/draws/{id}/results', { params: { path: { id } }, signal })),
  list: (signal?: AbortSignal) => unwrap(http.GET('/api/v1/public/supervision/draws', { signal })),
  get: (id: string, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/public/supervision/draws/{id}', { params: { path: { id } }, signal })),
};

export type ComplaintBody = BodyOf<'/api/v1/public/supervision/complaints', 'post'>;
export type ComplaintReceipt = ResponseOf<'/api/v1/public/supervision/complaints', 'post'>;
export type ComplaintStatus = ResponseOf<'/api/v1/public/supervision/complaints/lookup', 'post'>;

export const publicComplaints = {
  submit: (body: ComplaintBody) => unwrap(http.POST('/api/v1/public/supervision/complaints', { body })),
  lookup: (receiptCode: string) =>
    unwrap(http.POST('/api/v1/public/supervision/complaints/lookup', { body: { receiptCode } })),
};
