/** The Workforce module's calls, typed from the generated OpenAPI document. */
import {
  apiUrl,
  type BodyOf,
  http,
  type QueryOf,
  type ResponseOf,
  unwrap,
  upload,
} from '../../api/client.ts';

export type StaffPage = ResponseOf<'/api/v1/workforce/staff', 'get'>;
export type StaffSummary = StaffPage['items'][number];
export type StaffQuery = QueryOf<'/api/v1/workforce/staff', 'get'>;
export type StaffDetail = ResponseOf<'/api/v1/workforce/staff/{id}', 'get'>;
export type Compliance = ResponseOf<'/api/v1/workforce/compliance', 'get'>;
export type BanPage = ResponseOf<'/api/v1/workforce/bans', 'get'>;
export type BanQuery = QueryOf<'/api/v1/workforce/bans', 'get'>;
export type CreateStaffBody = BodyOf<'/api/v1/workforce/staff', 'post'>;
export type CreateCertificateBody = BodyOf<'/api/v1/workforce/staff/{id}/certificates', 'post'>;
export type CreateBanBody = BodyOf<'/api/v1/workforce/bans', 'post'>;
export type BanListFile = ResponseOf<'/api/v1/workforce/bans/export', 'get'>;
export type PersonRecords = ResponseOf<'/api/v1/workforce/staff/{id}/records', 'get'>;
export type CreateRecordBody = BodyOf<'/api/v1/workforce/staff/{id}/records', 'post'>;
export type TrainingEvent = ResponseOf<'/api/v1/workforce/trainings', 'get'>['items'][number];
export type CreateTrainingBody = BodyOf<'/api/v1/workforce/trainings', 'post'>;
export type SubsidyAnswer = ResponseOf<'/api/v1/workforce/subsidy', 'get'>;
export type RecordChecks = ResponseOf<'/api/v1/workforce/staff/{id}/checks', 'get'>;
export type RecordCheckBody = BodyOf<'/api/v1/workforce/staff/{id}/checks', 'post'>;

const emp = (id: string, employmentId: string) => ({ path: { id, employmentId } });

export type CertificateScan = ResponseOf<
  '/api/v1/workforce/staff/{id}/certificates/{certificateId}/scan',
  'post'
>;
const scanPath = (id: string, certificateId: string) =>
  `/workforce/staff/${encodeURIComponent(id)}/certificates/${encodeURIComponent(certificateId)}/scan`;

export const workforceApi = {
  /** One personal value in clear, for a stated purpose (audited on the server). */
  reveal: (id: string, body: BodyOf<'/api/v1/workforce/staff/{id}/reveal', 'post'>) =>
    unwrap(http.POST('/api/v1/workforce/staff/{id}/reveal', { params: { path: { id } }, body })),
  /** The certificate's current scan (a link: the browser downloads it with the session cookie). */
  scanUrl: (id: string, certificateId: string) => apiUrl(scanPath(id, certificateId)),
  uploadScan: (id: string, certificateId: string, file: File) =>
    upload<CertificateScan>(scanPath(id, certificateId), file, {}),
  staff: (query: StaffQuery, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/workforce/staff', { params: { query }, signal })),
  detail: (id: string, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/workforce/staff/{id}', { params: { path: { id } }, signal })),
  compliance: (query: { townCode?: string; institutionId?: string }, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/workforce/compliance', { params: { query }, signal })),
  bans: (query: BanQuery, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/workforce/bans', { params: { query }, signal })),
  create: (body: CreateStaffBody) => unwrap(http.POST('/api/v1/workforce/staff', { body })),
  addCertificate: (id: string, body: CreateCertificateBody) =>
    unwrap(http.POST('/api/v1/workforce/staff/{id}/certificates', { params: { path: { id } }, body })),
  assignClasses: (id: string, employmentId: string, body: { classIds: string[]; version: number }) =>
    unwrap(
      http.PUT('/api/v1/workforce/staff/{id}/employments/{employmentId}/classes', {
        params: emp(id, employmentId),
        body,
      }),
    ),
  endEmployment: (id: string, employmentId: string, body: { endDate: string; version: number }) =>
    unwrap(
      http.POST('/api/v1/workforce/staff/{id}/employments/{employmentId}/end', {
        params: emp(id, employmentId),
        body,
      }),
    ),
  trainings: (query: QueryOf<'/api/v1/workforce/trainings', 'get'>, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/workforce/trainings', { params: { query }, signal })),
  createTraining: (body: CreateTrainingBody) => unwrap(http.POST('/api/v1/workforce/trainings', { body })),
  attendance: (id: string, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/workforce/trainings/{id}/attendance', { params: { path: { id } }, signal })),
  addAttendance: (id: string, body: { staffIds: string[]; hours?: number }) =>
    unwrap(http.POST('/api/v1/workforce/trainings/{id}/attendance', { params: { path: { id } }, body })),
  addBan: (body: CreateBanBody) => unwrap(http.POST('/api/v1/workforce/bans', { body })),
  exportBans: () => unwrap(http.GET('/api/v1/workforce/bans/export', {})),
  importBans: (body: BanListFile) => unwrap(http.POST('/api/v1/workforce/bans/import', { body })),
  /** A person's pre-hire record checks (入职查询). */
  checks: (id: string, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/workforce/staff/{id}/checks', { params: { path: { id } }, signal })),
  recordCheck: (id: string, body: RecordCheckBody) =>
    unwrap(http.POST('/api/v1/workforce/staff/{id}/checks', { params: { path: { id } }, body })),
  checkScanUrl: (id: string, checkId: string) =>
    apiUrl(`/workforce/staff/${encodeURIComponent(id)}/checks/${encodeURIComponent(checkId)}/scan`),
  records: (id: string, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/workforce/staff/{id}/records', { params: { path: { id } }, signal })),
  addRecord: (id: string, body: CreateRecordBody) =>
    unwrap(http.POST('/api/v1/workforce/staff/{id}/records', { params: { path: { id } }, body })),
  subsidy: (query: { year: number; townCode?: string }, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/workforce/subsidy', { params: { query }, signal })),
  liftBan: (id: string, body: { reason: string }) =>
    unwrap(http.POST('/api/v1/workforce/bans/{id}/lift', { params: { path: { id } }, body })),
};
