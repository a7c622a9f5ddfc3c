/** Console calls of the Supervision module (typed by the generated OpenAPI paths). */
import { type BodyOf, http, type ResponseOf, unwrap } from '../../api/client.ts';

export type DrawPlanList = ResponseOf<'/api/v1/supervision/draw-plans', 'get'>;
export type DrawPlanSummary = DrawPlanList['items'][number];
export type CommitDrawPlanBody = BodyOf<'/api/v1/supervision/draw-plans', 'post'>;

export const drawPlans = {
  list: (signal?: AbortSignal) => unwrap(http.GET('/api/v1/supervision/draw-plans', { signal })),
  commit: (body: CommitDrawPlanBody) => unwrap(http.POST('/api/v1/supervision/draw-plans', { body })),
  draw: (id: string) =>
    unwrap(http.POST('/api/v1/supervision/draw-plans/{id}/draw', { params: { path: { id } } })),
};
