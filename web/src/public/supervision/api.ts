/** Portal calls of the Supervision module (typed by the generated OpenAPI paths). */
import { http, type ResponseOf, unwrap } from '../../api/client.ts';

export type PublishedDrawList = ResponseOf<'/api/v1/public/supervision/draws', 'get'>;
export type PublishedDraw = ResponseOf<'/api/v1/public/supervision/draws/{id}', 'get'>;

export const publicDraws = {
  list: (signal?: AbortSignal) => unwrap(http.GET('/api/v1/public/supervision/draws', { signal })),
  get: (id: string, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/public/supervision/draws/{id}', { params: { path: { id } }, signal })),
};
