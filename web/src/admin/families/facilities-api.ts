/** Calls of the facilities register (families module), typed from the generated OpenAPI document. */
import { type BodyOf, http, type QueryOf, type ResponseOf, unwrap } from '../../api/client.ts';

export type FacilityPage = ResponseOf<'/api/v1/families/facilities', 'get'>;
export type Facility = FacilityPage['items'][number];
export type FacilityQuery = QueryOf<'/api/v1/families/facilities', 'get'>;
export type CreateFacilityBody = BodyOf<'/api/v1/families/facilities', 'post'>;
export type UpdateFacilityBody = BodyOf<'/api/v1/families/facilities/{id}', 'patch'>;

export const facilitiesApi = {
  list: (query: FacilityQuery, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/families/facilities', { params: { query }, signal })),
  create: (body: CreateFacilityBody) => unwrap(http.POST('/api/v1/families/facilities', { body })),
  update: (id: string, body: UpdateFacilityBody) =>
    unwrap(http.PATCH('/api/v1/families/facilities/{id}', { params: { path: { id } }, body })),
};

export type BaobaowuCoverage = ResponseOf<'/api/v1/families/baobaowu/coverage', 'get'>;
export type SiteSlot = ResponseOf<'/api/v1/families/facilities/{id}/slots', 'get'>['items'][number];

export type SiteBooking = ResponseOf<'/api/v1/families/facilities/{id}/bookings', 'get'>['items'][number];

export const baobaowuApi = {
  coverage: (year: number, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/families/baobaowu/coverage', { params: { query: { year } }, signal })),
  slots: (id: string, signal?: AbortSignal) =>
    unwrap(
      http.GET('/api/v1/families/facilities/{id}/slots', { params: { path: { id }, query: {} }, signal }),
    ),
  bookings: (id: string, slot: string, signal?: AbortSignal) =>
    unwrap(
      http.GET('/api/v1/families/facilities/{id}/bookings', {
        params: { path: { id }, query: { slot } },
        signal,
      }),
    ),
};
