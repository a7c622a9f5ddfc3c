/** The Families module's calls, typed from the generated OpenAPI document. */
import { type BodyOf, http, type QueryOf, type ResponseOf, unwrap } from '../../api/client.ts';

export type FamilyPage = ResponseOf<'/api/v1/families', 'get'>;
export type FamilySummary = FamilyPage['items'][number];
export type FamilyQuery = QueryOf<'/api/v1/families', 'get'>;
export type FamilyDetail = ResponseOf<'/api/v1/families/{id}', 'get'>;
export type VisitPage = ResponseOf<'/api/v1/families/visits', 'get'>;
export type Visit = VisitPage['items'][number];
export type VisitQuery = QueryOf<'/api/v1/families/visits', 'get'>;
export type Coverage = ResponseOf<'/api/v1/families/visits/coverage', 'get'>;
export type RecordVisitBody = BodyOf<'/api/v1/families/visits/{id}/record', 'post'>;
export type ScheduleVisitBody = BodyOf<'/api/v1/families/visits', 'post'>;
export type SlotPage = ResponseOf<'/api/v1/families/slots', 'get'>;
export type Slot = SlotPage['items'][number];
export type SlotQuery = QueryOf<'/api/v1/families/slots', 'get'>;
export type CreateSlotBody = BodyOf<'/api/v1/families/slots', 'post'>;
export type Booking = ResponseOf<'/api/v1/families/bookings', 'get'>['items'][number];
export type ApplicationPage = ResponseOf<'/api/v1/families/applications', 'get'>;
export type Application = ApplicationPage['items'][number];
export type ApplicationQuery = QueryOf<'/api/v1/families/applications', 'get'>;
export type TransitionBody = BodyOf<'/api/v1/families/applications/{id}/transitions', 'post'>;

export type Station = ResponseOf<'/api/v1/families/guidance/stations', 'get'>['items'][number];
export type CreateStationBody = BodyOf<'/api/v1/families/guidance/stations', 'post'>;
export type SessionPage = ResponseOf<'/api/v1/families/guidance/sessions', 'get'>;
export type GuidanceSession = SessionPage['items'][number];
export type SessionQuery = QueryOf<'/api/v1/families/guidance/sessions', 'get'>;
export type CreateSessionBody = BodyOf<'/api/v1/families/guidance/sessions', 'post'>;
export type Signup = ResponseOf<'/api/v1/families/guidance/sessions/{id}/signups', 'get'>['items'][number];
export type AttendanceBody = BodyOf<'/api/v1/families/guidance/sessions/{id}/attendance', 'post'>;
export type GuidanceHistory = ResponseOf<'/api/v1/families/guidance/history', 'get'>;
export type HistoryQuery = QueryOf<'/api/v1/families/guidance/history', 'get'>;

export const familiesApi = {
  communities: (signal?: AbortSignal) => unwrap(http.GET('/api/v1/families/communities', { signal })),
  healthWorkers: (signal?: AbortSignal) => unwrap(http.GET('/api/v1/families/health-workers', { signal })),
  assignWorker: (code: string, body: BodyOf<'/api/v1/families/communities/{code}/worker', 'put'>) =>
    unwrap(http.PUT('/api/v1/families/communities/{code}/worker', { params: { path: { code } }, body })),
  list: (query: FamilyQuery, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/families', { params: { query }, signal })),
  detail: (id: string, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/families/{id}', { params: { path: { id } }, signal })),
  visits: (query: VisitQuery, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/families/visits', { params: { query }, signal })),
  coverage: (signal?: AbortSignal) => unwrap(http.GET('/api/v1/families/visits/coverage', { signal })),
  scheduleVisit: (body: ScheduleVisitBody) => unwrap(http.POST('/api/v1/families/visits', { body })),
  recordVisit: (id: string, body: RecordVisitBody) =>
    unwrap(http.POST('/api/v1/families/visits/{id}/record', { params: { path: { id } }, body })),
  slots: (query: SlotQuery, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/families/slots', { params: { query }, signal })),
  createSlot: (body: CreateSlotBody) => unwrap(http.POST('/api/v1/families/slots', { body })),
  bookings: (signal?: AbortSignal) => unwrap(http.GET('/api/v1/families/bookings', { signal })),
  applications: (query: ApplicationQuery, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/families/applications', { params: { query }, signal })),
  transition: (id: string, body: TransitionBody) =>
    unwrap(http.POST('/api/v1/families/applications/{id}/transitions', { params: { path: { id } }, body })),
  stations: (signal?: AbortSignal) => unwrap(http.GET('/api/v1/families/guidance/stations', { signal })),
  createStation: (body: CreateStationBody) =>
    unwrap(http.POST('/api/v1/families/guidance/stations', { body })),
  sessions: (query: SessionQuery, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/families/guidance/sessions', { params: { query }, signal })),
  createSession: (body: CreateSessionBody) =>
    unwrap(http.POST('/api/v1/families/guidance/sessions', { body })),
  cancelSession: (id: string) =>
    unwrap(http.POST('/api/v1/families/guidance/sessions/{id}/cancel', { params: { path: { id } } })),
  signups: (id: string, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/families/guidance/sessions/{id}/signups', { params: { path: { id } }, signal })),
  signUp: (id: string, familyId?: string) =>
    unwrap(
      http.POST('/api/v1/families/guidance/sessions/{id}/signups', {
        params: { path: { id } },
        body: familyId ? { familyId } : {},
      }),
    ),
  cancelSignup: (id: string) =>
    unwrap(http.POST('/api/v1/families/guidance/signups/{id}/cancel', { params: { path: { id } } })),
  attendance: (id: string, body: AttendanceBody) =>
    unwrap(
      http.POST('/api/v1/families/guidance/sessions/{id}/attendance', { params: { path: { id } }, body }),
    ),
  history: (query: HistoryQuery, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/families/guidance/history', { params: { query }, signal })),
};

// — guardians' rights: correction and deletion requests —
export type FamilyRequestPage = ResponseOf<'/api/v1/families/requests', 'get'>;
export type FamilyRequest = FamilyRequestPage['items'][number];
export type FamilyRequestQuery = QueryOf<'/api/v1/families/requests', 'get'>;
export type FamilyRequestTransitionBody = BodyOf<'/api/v1/families/requests/{id}/transitions', 'post'>;
export const familyRequestsKey = ['families', 'requests'] as const;
export const familyRequestsApi = {
  list: (query: FamilyRequestQuery, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/families/requests', { params: { query }, signal })),
  transition: (id: string, body: FamilyRequestTransitionBody) =>
    unwrap(http.POST('/api/v1/families/requests/{id}/transitions', { params: { path: { id } }, body })),
};
