/** Calls of online guidance (families module): resources, registrations, coverage, distributions. */
import { type BodyOf, http, type QueryOf, type ResponseOf, unwrap } from '../../api/client.ts';

export type ResourcePage = ResponseOf<'/api/v1/families/online/resources', 'get'>;
export type Resource = ResourcePage['items'][number];
export type ResourceQuery = QueryOf<'/api/v1/families/online/resources', 'get'>;
export type CreateResourceBody = BodyOf<'/api/v1/families/online/resources', 'post'>;
export type UpdateResourceBody = BodyOf<'/api/v1/families/online/resources/{id}', 'patch'>;
export type Coverage = ResponseOf<'/api/v1/families/online/coverage', 'get'>;
export type DistributionPage = ResponseOf<'/api/v1/families/distributions', 'get'>;
export type Distribution = DistributionPage['items'][number];
export type CreateDistributionBody = BodyOf<'/api/v1/families/distributions', 'post'>;
export type CreateRegistrationBody = BodyOf<'/api/v1/families/online/registrations', 'post'>;
export type PortalOnline = ResponseOf<'/api/v1/families/online/mine', 'get'>;

export const onlineKeys = {
  resources: (query: object) => ['families', 'online', 'resources', query] as const,
  coverage: (year: number) => ['families', 'online', 'coverage', year] as const,
  distributions: ['families', 'online', 'distributions'] as const,
  mine: ['families', 'online', 'mine'] as const,
};

export const onlineApi = {
  resources: (query: ResourceQuery, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/families/online/resources', { params: { query }, signal })),
  createResource: (body: CreateResourceBody) =>
    unwrap(http.POST('/api/v1/families/online/resources', { body })),
  updateResource: (id: string, body: UpdateResourceBody) =>
    unwrap(http.PATCH('/api/v1/families/online/resources/{id}', { params: { path: { id } }, body })),
  coverage: (year: number, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/families/online/coverage', { params: { query: { year } }, signal })),
  distributions: (signal?: AbortSignal) =>
    unwrap(
      http.GET('/api/v1/families/distributions', { params: { query: { page: 1, pageSize: 100 } }, signal }),
    ),
  distribute: (body: CreateDistributionBody) => unwrap(http.POST('/api/v1/families/distributions', { body })),
  register: (body: CreateRegistrationBody) =>
    unwrap(http.POST('/api/v1/families/online/registrations', { body })),
  mine: (signal?: AbortSignal) => unwrap(http.GET('/api/v1/families/online/mine', { signal })),
};
