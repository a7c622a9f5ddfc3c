/**
 * Typed client for /api/v1. Types come from the zod contracts in domain/contracts (type-only imports,
 * so zod itself stays out of the bundle); errors are RFC 9457 problems thrown as ApiError.
 */
import type { z } from 'zod';
import type { auditPage, auditQuery, auditVerifySchema } from '../../../domain/contracts/audit.ts';
import type {
  changePasswordBody,
  createUserBody,
  grantBody,
  loginBody,
  meSchema,
  resetPasswordBody,
  updateUserBody,
  userListQuery,
  userPage,
  userSchema,
} from '../../../domain/contracts/auth.ts';
import type {
  calendarDifferencesSchema,
  calendarOverviewSchema,
  calendarYearSchema,
  createCalendarYearBody,
  decideCalendarYearBody,
} from '../../../domain/contracts/calendar.ts';
import type { okSchema, Problem } from '../../../domain/contracts/common.ts';
import type { exportJobSchema, importRunSchema } from '../../../domain/contracts/import.ts';
import type {
  createInstitutionBody,
  documentSchema,
  exportQuery,
  institutionDetailSchema,
  institutionListQuery,
  institutionPage,
  institutionRevealBody,
  publicInstitutionDetailSchema,
  publicInstitutionPage,
  publicSearchQuery,
  replaceClassesBody,
  reviewQueuePage,
  transitionBody,
  updateInstitutionBody,
} from '../../../domain/contracts/institution.ts';
import type { jobListQuery, jobPage, jobSchema } from '../../../domain/contracts/jobs.ts';
import type {
  markAllReadSchema,
  notificationPage,
  notificationQuery,
  notificationSchema,
  unreadCountSchema,
} from '../../../domain/contracts/notifications.ts';
import type { revealResponse } from '../../../domain/contracts/personal-data.ts';
import type { DivisionRef } from '../../../domain/divisions.ts';
import { en } from '../i18n/en.ts';
import { zhCN } from '../i18n/zh-CN.ts';

export type Me = z.infer<typeof meSchema>;
export type User = z.infer<typeof userSchema>;
export type UserPage = z.infer<typeof userPage>;
export type UserListQuery = Partial<z.infer<typeof userListQuery>>;
export type CreateUserBody = z.input<typeof createUserBody>;
export type UpdateUserBody = z.input<typeof updateUserBody>;
export type GrantBody = z.input<typeof grantBody>;
export type ResetPasswordBody = z.input<typeof resetPasswordBody>;
export type LoginBody = z.input<typeof loginBody>;
export type ChangePasswordBody = z.input<typeof changePasswordBody>;
export type AuditPage = z.infer<typeof auditPage>;
export type AuditEntry = AuditPage['items'][number];
export type AuditQuery = Partial<z.infer<typeof auditQuery>>;
export type AuditVerify = z.infer<typeof auditVerifySchema>;
export type Ok = z.infer<typeof okSchema>;
export type Notification = z.infer<typeof notificationSchema>;
export type NotificationPage = z.infer<typeof notificationPage>;
export type NotificationQuery = Partial<z.infer<typeof notificationQuery>>;
export type UnreadCount = z.infer<typeof unreadCountSchema>;
export type MarkAllRead = z.infer<typeof markAllReadSchema>;
export type Job = z.infer<typeof jobSchema>;
export type JobPage = z.infer<typeof jobPage>;
export type JobSummary = JobPage['items'][number];
export type JobListQuery = Partial<z.infer<typeof jobListQuery>>;
export type Division = DivisionRef;
export type CalendarOverview = z.infer<typeof calendarOverviewSchema>;
export type CalendarYearEntry = z.infer<typeof calendarYearSchema>;
export type CalendarDifferences = z.infer<typeof calendarDifferencesSchema>;
export type CreateCalendarYearBody = z.input<typeof createCalendarYearBody>;
export type DecideCalendarYearBody = z.input<typeof decideCalendarYearBody>;
export type InstitutionPage = z.infer<typeof institutionPage>;
export type InstitutionSummary = InstitutionPage['items'][number];
export type InstitutionDetail = z.infer<typeof institutionDetailSchema>;
export type InstitutionListQuery = Partial<z.infer<typeof institutionListQuery>>;
export type CreateInstitutionBody = z.input<typeof createInstitutionBody>;
export type UpdateInstitutionBody = z.input<typeof updateInstitutionBody>;
export type ReplaceClassesBody = z.input<typeof replaceClassesBody>;
export type TransitionBody = z.input<typeof transitionBody>;
export type InstitutionDocument = z.infer<typeof documentSchema>;
export type InstitutionRevealBody = z.input<typeof institutionRevealBody>;
export type RevealResponse = z.infer<typeof revealResponse>;
export type ReviewQueuePage = z.infer<typeof reviewQueuePage>;
export type ReviewQueueItem = ReviewQueuePage['items'][number];
export type ExportQuery = Partial<z.input<typeof exportQuery>>;
export type ImportRun = z.infer<typeof importRunSchema>;
export type ExportJob = z.infer<typeof exportJobSchema>;
export type PublicSearchQuery = Partial<z.infer<typeof publicSearchQuery>>;
export type PublicInstitutionPage = z.infer<typeof publicInstitutionPage>;
export type PublicInstitution = PublicInstitutionPage['items'][number];
export type PublicInstitutionDetail = z.infer<typeof publicInstitutionDetailSchema>;
export interface PublicConfig {
  tileUrl: string;
}
export type { Problem };

/** A non-2xx answer (or no answer at all: status 0, code `network.unreachable`). */
export class ApiError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(`${problem.status} ${problem.code}: ${problem.detail}`);
    this.name = 'ApiError';
    this.problem = problem;
  }
  get status(): number {
    return this.problem.status;
  }
  get code(): string {
    return this.problem.code;
  }
}

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.status === 'number' && typeof v.code === 'string' && typeof v.detail_zh === 'string';
}

function fallbackProblem(status: number, code: string, zh: string, enText: string): Problem {
  return { type: 'about:blank', title: code, status, code, detail: enText, detail_zh: zh, detail_en: enText };
}

type QueryValue = string | number | boolean | undefined | null;

function queryString(query?: Record<string, QueryValue>): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
}

/** Calls the API. Paths are relative to /api/v1 unless they start with /api/. */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const url = `${path.startsWith('/api/') ? path : `/api/v1${path}`}${queryString(options.query)}`;
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(
      fallbackProblem(0, 'network.unreachable', zhCN['common.networkError'], en['common.networkError']),
    );
  }
  if (response.ok) {
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
  let data: unknown;
  try {
    data = await response.json();
  } catch {
    data = undefined;
  }
  throw new ApiError(
    isProblem(data)
      ? data
      : fallbackProblem(
          response.status,
          `http.${response.status}`,
          zhCN['common.unknownError'],
          en['common.unknownError'],
        ),
  );
}

const enc = encodeURIComponent;

/** A same-origin URL under /api/v1 with a query string (for downloads opened by the browser). */
export function apiUrl(path: string, query?: Record<string, QueryValue>): string {
  return `/api/v1${path}${queryString(query)}`;
}

/** POSTs one file as multipart/form-data (the browser sets the boundary); errors as in request(). */
async function upload<T>(path: string, file: File, query: Record<string, QueryValue>): Promise<T> {
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
    throw new ApiError(
      fallbackProblem(0, 'network.unreachable', zhCN['common.networkError'], en['common.networkError']),
    );
  }
  const data: unknown = await response.json().catch(() => undefined);
  if (response.ok) return data as T;
  throw new ApiError(
    isProblem(data)
      ? data
      : fallbackProblem(
          response.status,
          `http.${response.status}`,
          zhCN['common.unknownError'],
          en['common.unknownError'],
        ),
  );
}

/** One function per endpoint. */
export const api = {
  auth: {
    login: (body: LoginBody) => request<Me>('POST', '/auth/login', { body }),
    me: (signal?: AbortSignal) => request<Me>('GET', '/auth/me', { signal }),
    logout: () => request<Ok>('POST', '/auth/logout'),
    changePassword: (body: ChangePasswordBody) => request<Ok>('POST', '/auth/password', { body }),
  },
  users: {
    list: (query: UserListQuery, signal?: AbortSignal) =>
      request<UserPage>('GET', '/users', { query, signal }),
    create: (body: CreateUserBody) => request<User>('POST', '/users', { body }),
    update: (id: string, body: UpdateUserBody) => request<User>('PATCH', `/users/${enc(id)}`, { body }),
    resetPassword: (id: string, body: ResetPasswordBody) =>
      request<Ok>('POST', `/users/${enc(id)}/password`, { body }),
    grant: (id: string, body: GrantBody) => request<User>('PUT', `/users/${enc(id)}/grant`, { body }),
    unlock: (id: string, version: number) =>
      request<User>('POST', `/users/${enc(id)}/unlock`, { body: { version } }),
  },
  audit: {
    list: (query: AuditQuery, signal?: AbortSignal) => request<AuditPage>('GET', '/audit', { query, signal }),
    verify: () => request<AuditVerify>('GET', '/audit/verify'),
  },
  notifications: {
    list: (query: NotificationQuery, signal?: AbortSignal) =>
      request<NotificationPage>('GET', '/notifications', { query, signal }),
    unreadCount: (signal?: AbortSignal) =>
      request<UnreadCount>('GET', '/notifications/unread-count', { signal }),
    markRead: (id: string) => request<Notification>('POST', `/notifications/${enc(id)}/read`),
    markAllRead: () => request<MarkAllRead>('POST', '/notifications/read-all'),
  },
  jobs: {
    list: (query: JobListQuery, signal?: AbortSignal) => request<JobPage>('GET', '/jobs', { query, signal }),
    get: (id: string, signal?: AbortSignal) => request<Job>('GET', `/jobs/${enc(id)}`, { signal }),
  },
  divisions: {
    list: (signal?: AbortSignal) => request<Division[]>('GET', '/divisions', { signal }),
  },
  config: {
    get: (signal?: AbortSignal) => request<PublicConfig>('GET', '/config', { signal }),
  },
  calendar: {
    overview: (signal?: AbortSignal) => request<CalendarOverview>('GET', '/calendar', { signal }),
    enter: (body: CreateCalendarYearBody) => request<CalendarYearEntry>('POST', '/calendar/years', { body }),
    decide: (id: string, verb: 'confirm' | 'reject' | 'withdraw', body: DecideCalendarYearBody) =>
      request<CalendarYearEntry>('POST', `/calendar/years/${enc(id)}/${verb}`, { body }),
  },
  institutions: {
    list: (query: InstitutionListQuery, signal?: AbortSignal) =>
      request<InstitutionPage>('GET', '/institutions', { query, signal }),
    get: (id: string, signal?: AbortSignal) =>
      request<InstitutionDetail>('GET', `/institutions/${enc(id)}`, { signal }),
    create: (body: CreateInstitutionBody) => request<InstitutionDetail>('POST', '/institutions', { body }),
    update: (id: string, body: UpdateInstitutionBody) =>
      request<InstitutionDetail>('PATCH', `/institutions/${enc(id)}`, { body }),
    replaceClasses: (id: string, body: ReplaceClassesBody) =>
      request<InstitutionDetail>('PUT', `/institutions/${enc(id)}/classes`, { body }),
    transition: (id: string, body: TransitionBody) =>
      request<InstitutionDetail>('POST', `/institutions/${enc(id)}/transitions`, { body }),
    reviewQueue: (query: { page: number; pageSize: number }, signal?: AbortSignal) =>
      request<ReviewQueuePage>('GET', '/institutions/review-queue', { query, signal }),
    /** One unmasked personal value, with a purpose (audited); never cached. */
    reveal: (id: string, body: InstitutionRevealBody) =>
      request<RevealResponse>('POST', `/institutions/${enc(id)}/reveal`, { body }),
    exportUrl: (query: ExportQuery) => apiUrl('/institutions/export', query),
    /** A large export (more rows than EXPORT_SYNC_MAX_ROWS): 202 with the link of the background file. */
    exportJob: (query: ExportQuery) => request<ExportJob>('GET', '/institutions/export', { query }),
    documentUrl: (id: string, docId: string) => apiUrl(`/institutions/${enc(id)}/documents/${enc(docId)}`),
    uploadDocument: (id: string, category: string, file: File) =>
      upload<InstitutionDocument>(`/institutions/${enc(id)}/documents`, file, { category }),
    imports: {
      templateUrl: () => apiUrl('/institutions/imports/template'),
      upload: (file: File) => upload<ImportRun>('/institutions/imports', file, {}),
      get: (runId: string, signal?: AbortSignal) =>
        request<ImportRun>('GET', `/institutions/imports/${enc(runId)}`, { signal }),
      commit: (runId: string) => request<ImportRun>('POST', `/institutions/imports/${enc(runId)}/commit`),
      errorsUrl: (runId: string) => apiUrl(`/institutions/imports/${enc(runId)}/errors`),
    },
  },
  publicInstitutions: {
    search: (query: PublicSearchQuery, signal?: AbortSignal) =>
      request<PublicInstitutionPage>('GET', '/public/institutions', { query, signal }),
    get: (id: string, signal?: AbortSignal) =>
      request<PublicInstitutionDetail>('GET', `/public/institutions/${enc(id)}`, { signal }),
  },
};
