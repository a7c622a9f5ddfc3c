/**
 * The console's and portal's API client: openapi-fetch over the types generated from the server's own
 * OpenAPI document (schema.gen.ts, `npm run api:generate`). Paths, parameters, bodies and answers are all
 * checked against that document — there is no hand-written path-to-type table. Errors are RFC 9457
 * problems thrown as ApiError (problem.ts). Query keys live in keys.ts.
 */
import createClient from 'openapi-fetch';
import { ApiError, errorOf, networkError } from './problem.ts';
import type { paths } from './schema.gen.ts';

export { ApiError, type Problem } from './problem.ts';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Op<P extends keyof paths, M extends Method> = paths[P][M];
type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;

/** The JSON answer of a path and method (its 200, 201 or 202 response). */
export type ResponseOf<P extends keyof paths, M extends Method> =
  Op<P, M> extends { responses: infer R }
    ? R extends { 200: infer S }
      ? Json<S>
      : R extends { 201: infer S }
        ? Json<S>
        : R extends { 202: infer S }
          ? Json<S>
          : never
    : never;
/** The JSON request body of a path and method. */
export type BodyOf<P extends keyof paths, M extends Method> =
  Op<P, M> extends { requestBody?: infer B } ? Json<NonNullable<B>> : never;
/** The query parameters of a path and method (all optional for the caller). */
export type QueryOf<P extends keyof paths, M extends Method> =
  Op<P, M> extends { parameters: { query?: infer Q } } ? Partial<NonNullable<Q>> : never;

// Named answers the pages use; all derived from the generated paths.
export type Me = ResponseOf<'/api/v1/auth/me', 'get'>;
export type User = ResponseOf<'/api/v1/users/{id}', 'patch'>;
export type UserPage = ResponseOf<'/api/v1/users', 'get'>;
export type UserListQuery = QueryOf<'/api/v1/users', 'get'>;
export type CreateUserBody = BodyOf<'/api/v1/users', 'post'>;
export type UpdateUserBody = BodyOf<'/api/v1/users/{id}', 'patch'>;
export type GrantBody = BodyOf<'/api/v1/users/{id}/grant', 'put'>;
export type ResetPasswordBody = BodyOf<'/api/v1/users/{id}/password', 'post'>;
export type LoginBody = BodyOf<'/api/v1/auth/login', 'post'>;
export type ChangePasswordBody = BodyOf<'/api/v1/auth/password', 'post'>;
export type AuditPage = ResponseOf<'/api/v1/audit', 'get'>;
export type AuditEntry = AuditPage['items'][number];
export type AuditQuery = QueryOf<'/api/v1/audit', 'get'>;
export type AuditVerify = ResponseOf<'/api/v1/audit/verify', 'get'>;
export type Division = ResponseOf<'/api/v1/divisions', 'get'>[number];
export type PublicConfig = ResponseOf<'/api/v1/config', 'get'>;
export type InstitutionPage = ResponseOf<'/api/v1/institutions', 'get'>;
export type InstitutionSummary = InstitutionPage['items'][number];
export type InstitutionDetail = ResponseOf<'/api/v1/institutions/{id}', 'get'>;
export type InstitutionListQuery = QueryOf<'/api/v1/institutions', 'get'>;
export type CreateInstitutionBody = BodyOf<'/api/v1/institutions', 'post'>;
export type UpdateInstitutionBody = BodyOf<'/api/v1/institutions/{id}', 'patch'>;
export type ReplaceClassesBody = BodyOf<'/api/v1/institutions/{id}/classes', 'put'>;
export type TransitionBody = BodyOf<'/api/v1/institutions/{id}/transitions', 'post'>;
export type InstitutionDocument = ResponseOf<'/api/v1/institutions/{id}/documents', 'post'>;
export type ReviewQueuePage = ResponseOf<'/api/v1/institutions/review-queue', 'get'>;
export type ReviewQueueItem = ReviewQueuePage['items'][number];
export type ExportQuery = QueryOf<'/api/v1/institutions/export', 'get'>;
export type PublicSearchQuery = QueryOf<'/api/v1/public/institutions', 'get'>;
export type PublicInstitutionPage = ResponseOf<'/api/v1/public/institutions', 'get'>;
export type PublicInstitution = PublicInstitutionPage['items'][number];
export type PublicInstitutionDetail = ResponseOf<'/api/v1/public/institutions/{id}', 'get'>;
export type Dashboard = ResponseOf<'/api/v1/dashboard', 'get'>;
export type Ok = ResponseOf<'/api/v1/auth/logout', 'post'>;
export type NotificationPage = ResponseOf<'/api/v1/notifications', 'get'>;
export type Notification = NotificationPage['items'][number];
export type NotificationQuery = QueryOf<'/api/v1/notifications', 'get'>;
export type UnreadCount = ResponseOf<'/api/v1/notifications/unread-count', 'get'>;
export type MarkAllRead = ResponseOf<'/api/v1/notifications/read-all', 'post'>;
export type Job = ResponseOf<'/api/v1/jobs/{id}', 'get'>;
export type JobPage = ResponseOf<'/api/v1/jobs', 'get'>;
export type JobSummary = JobPage['items'][number];
export type JobListQuery = QueryOf<'/api/v1/jobs', 'get'>;
export type CalendarOverview = ResponseOf<'/api/v1/calendar', 'get'>;
export type CalendarYearEntry = ResponseOf<'/api/v1/calendar/years', 'post'>;
export type CalendarDifferences = ResponseOf<'/api/v1/calendar/differences', 'get'>;
export type CreateCalendarYearBody = BodyOf<'/api/v1/calendar/years', 'post'>;
export type DecideCalendarYearBody = BodyOf<'/api/v1/calendar/years/{id}/confirm', 'post'>;
export type InstitutionRevealBody = BodyOf<'/api/v1/institutions/{id}/reveal', 'post'>;
export type RevealResponse = ResponseOf<'/api/v1/institutions/{id}/reveal', 'post'>;
export type ImportRun = ResponseOf<'/api/v1/institutions/imports/{runId}', 'get'>;
/** The 202 answer of an export made in the background (its 200 is the file itself). */
export type ExportJob = Json<paths['/api/v1/institutions/export']['get']['responses'][202]>;

type QueryValue = unknown;

/** key=value pairs, leaving out undefined, null and empty strings (as the forms send them). */
export function queryString(query?: Record<string, QueryValue>): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  return params.toString();
}

const origin = typeof location !== 'undefined' ? location.origin : 'http://localhost';

/** The typed openapi-fetch client; prefer `api.*` below, which unwraps answers and throws ApiError. */
export const http = createClient<paths>({
  baseUrl: origin,
  credentials: 'same-origin',
  headers: { accept: 'application/json, application/problem+json' },
  querySerializer: (q) => queryString(q as Record<string, QueryValue>),
  // Late-bound so tests (and retries after a polyfill) use the current global fetch.
  fetch: (req) => globalThis.fetch(req),
});

/** Awaits an openapi-fetch call: the data, or an ApiError (problem+json, or network.unreachable). */
export async function unwrap<D>(
  call: Promise<{ data?: D; error?: unknown; response: Response }>,
): Promise<D> {
  let result: { data?: D; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    if (cause instanceof ApiError) throw cause;
    throw networkError();
  }
  if (result.response.ok) return result.data as D;
  throw errorOf(result.response.status, result.error);
}

/** A same-origin URL under /api/v1 with a query string (downloads opened by the browser). */
export function apiUrl(path: string, query?: Record<string, QueryValue>): string {
  const qs = queryString(query);
  return `/api/v1${path}${qs ? `?${qs}` : ''}`;
}

/** The imports built on the kit's routes (server/platform/import/routes.ts): the same five routes each. */
export type ImportBase =
  | '/institutions/imports'
  | '/exchange/business-licences/imports'
  | '/families/imports'
  | '/plan/communities/imports'
  | '/plan/funding/rates/imports'
  | '/workforce/attendance/imports'
  | '/workforce/imports'
  | '/subsidy/imports'
  | '/operating/attendance/imports';

/**
 * The calls of one kit import. The five routes answer the same shapes under every base, so the typed
 * paths are written once, as the registry's (the string sent is the base's own).
 */
export function importApi(base: ImportBase) {
  const run = `/api/v1${base}/{runId}` as '/api/v1/institutions/imports/{runId}';
  const commit = `/api/v1${base}/{runId}/commit` as '/api/v1/institutions/imports/{runId}/commit';
  return {
    templateUrl: () => apiUrl(`${base}/template`),
    upload: (file: File) => upload<ImportRun>(base, file, {}),
    get: (runId: string, signal?: AbortSignal) =>
      unwrap(http.GET(run, { params: { path: { runId } }, signal })),
    commit: (runId: string) => unwrap(http.POST(commit, { params: { path: { runId } } })),
    errorsUrl: (runId: string) => apiUrl(`${base}/${encodeURIComponent(runId)}/errors`),
  };
}
export type ImportApi = ReturnType<typeof importApi>;

/** POSTs one file as multipart/form-data (the browser sets the boundary); errors as in unwrap(). */
export async function upload<T>(
  path: string,
  file: File,
  query: Record<string, QueryValue> = {},
): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(apiUrl(path, query), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json, application/problem+json' },
      body: form,
    });
  } catch {
    throw networkError();
  }
  const data: unknown = await response.json().catch(() => undefined);
  if (response.ok) return data as T;
  throw errorOf(response.status, data);
}

const id = (value: string) => ({ path: { id: value } });

/** One function per operation; every path, parameter and type is checked against schema.gen.ts. */
export const api = {
  auth: {
    login: (body: LoginBody) => unwrap(http.POST('/api/v1/auth/login', { body })),
    me: (signal?: AbortSignal) => unwrap(http.GET('/api/v1/auth/me', { signal })),
    /** The live session's profile or null, without a 401 (for the login page and the first load). */
    session: (signal?: AbortSignal) => unwrap(http.GET('/api/v1/auth/session', { signal })),
    logout: () => unwrap(http.POST('/api/v1/auth/logout')),
    changePassword: (body: ChangePasswordBody) => unwrap(http.POST('/api/v1/auth/password', { body })),
  },
  users: {
    list: (query: UserListQuery, signal?: AbortSignal) =>
      unwrap(http.GET('/api/v1/users', { params: { query }, signal })),
    create: (body: CreateUserBody) => unwrap(http.POST('/api/v1/users', { body })),
    update: (userId: string, body: UpdateUserBody) =>
      unwrap(http.PATCH('/api/v1/users/{id}', { params: id(userId), body })),
    resetPassword: (userId: string, body: ResetPasswordBody) =>
      unwrap(http.POST('/api/v1/users/{id}/password', { params: id(userId), body })),
    grant: (userId: string, body: GrantBody) =>
      unwrap(http.PUT('/api/v1/users/{id}/grant', { params: id(userId), body })),
    unlock: (userId: string, version: number) =>
      unwrap(http.POST('/api/v1/users/{id}/unlock', { params: id(userId), body: { version } })),
  },
  audit: {
    list: (query: AuditQuery, signal?: AbortSignal) =>
      unwrap(http.GET('/api/v1/audit', { params: { query }, signal })),
    verify: () => unwrap(http.GET('/api/v1/audit/verify')),
  },
  divisions: {
    list: (signal?: AbortSignal) => unwrap(http.GET('/api/v1/divisions', { signal })),
  },
  config: {
    get: (signal?: AbortSignal) => unwrap(http.GET('/api/v1/config', { signal })),
  },
  dashboard: {
    get: (signal?: AbortSignal) => unwrap(http.GET('/api/v1/dashboard', { signal })),
  },
  notifications: {
    list: (query: NotificationQuery, signal?: AbortSignal) =>
      unwrap(http.GET('/api/v1/notifications', { params: { query }, signal })),
    unreadCount: (signal?: AbortSignal) => unwrap(http.GET('/api/v1/notifications/unread-count', { signal })),
    markRead: (notificationId: string) =>
      unwrap(http.POST('/api/v1/notifications/{id}/read', { params: id(notificationId) })),
    markAllRead: () => unwrap(http.POST('/api/v1/notifications/read-all')),
  },
  jobs: {
    list: (query: JobListQuery, signal?: AbortSignal) =>
      unwrap(http.GET('/api/v1/jobs', { params: { query }, signal })),
    get: (jobId: string, signal?: AbortSignal) =>
      unwrap(http.GET('/api/v1/jobs/{id}', { params: id(jobId), signal })),
  },
  calendar: {
    overview: (signal?: AbortSignal) => unwrap(http.GET('/api/v1/calendar', { signal })),
    enter: (body: CreateCalendarYearBody) => unwrap(http.POST('/api/v1/calendar/years', { body })),
    decide: (entryId: string, verb: 'confirm' | 'reject' | 'withdraw', body: DecideCalendarYearBody) => {
      const params = id(entryId);
      if (verb === 'confirm')
        return unwrap(http.POST('/api/v1/calendar/years/{id}/confirm', { params, body }));
      if (verb === 'reject') return unwrap(http.POST('/api/v1/calendar/years/{id}/reject', { params, body }));
      return unwrap(http.POST('/api/v1/calendar/years/{id}/withdraw', { params, body }));
    },
  },
  institutions: {
    list: (query: InstitutionListQuery, signal?: AbortSignal) =>
      unwrap(http.GET('/api/v1/institutions', { params: { query }, signal })),
    get: (instId: string, signal?: AbortSignal) =>
      unwrap(http.GET('/api/v1/institutions/{id}', { params: id(instId), signal })),
    create: (body: CreateInstitutionBody) => unwrap(http.POST('/api/v1/institutions', { body })),
    update: (instId: string, body: UpdateInstitutionBody) =>
      unwrap(http.PATCH('/api/v1/institutions/{id}', { params: id(instId), body })),
    replaceClasses: (instId: string, body: ReplaceClassesBody) =>
      unwrap(http.PUT('/api/v1/institutions/{id}/classes', { params: id(instId), body })),
    transition: (instId: string, body: TransitionBody) =>
      unwrap(http.POST('/api/v1/institutions/{id}/transitions', { params: id(instId), body })),
    reviewQueue: (query: QueryOf<'/api/v1/institutions/review-queue', 'get'>, signal?: AbortSignal) =>
      unwrap(http.GET('/api/v1/institutions/review-queue', { params: { query }, signal })),
    /** One unmasked personal value, with a purpose (audited); never cached. */
    reveal: (instId: string, body: InstitutionRevealBody) =>
      unwrap(http.POST('/api/v1/institutions/{id}/reveal', { params: id(instId), body })),
    exportUrl: (query: ExportQuery) => apiUrl('/institutions/export', query),
    /** A large export (more rows than EXPORT_SYNC_MAX_ROWS): 202 with the link of the background file. */
    exportJob: (query: ExportQuery) =>
      unwrap(http.GET('/api/v1/institutions/export', { params: { query } })) as Promise<ExportJob>,
    documentUrl: (instId: string, docId: string) =>
      apiUrl(`/institutions/${encodeURIComponent(instId)}/documents/${encodeURIComponent(docId)}`),
    uploadDocument: (instId: string, category: string, file: File) =>
      upload<InstitutionDocument>(`/institutions/${encodeURIComponent(instId)}/documents`, file, {
        category,
      }),
    imports: importApi('/institutions/imports'),
  },
  publicInstitutions: {
    search: (query: PublicSearchQuery, signal?: AbortSignal) =>
      unwrap(http.GET('/api/v1/public/institutions', { params: { query }, signal })),
    get: (instId: string, signal?: AbortSignal) =>
      unwrap(http.GET('/api/v1/public/institutions/{id}', { params: id(instId), signal })),
  },
};
