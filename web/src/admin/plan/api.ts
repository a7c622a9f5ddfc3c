/** The plan module's calls on the typed client (paths and answers checked against the OpenAPI document). */
import {
  apiUrl,
  type BodyOf,
  http,
  type QueryOf,
  type ResponseOf,
  unwrap,
  upload,
} from '../../api/client.ts';

export type PlanDashboard = ResponseOf<'/api/v1/plan/targets', 'get'>;
export type PlanTargetRow = PlanDashboard['targets'][number];
export type DrillPage = ResponseOf<'/api/v1/plan/targets/{id}/rows', 'get'>;
export type DrillRow = DrillPage['items'][number];
export type PlanVersion = ResponseOf<'/api/v1/plan/versions', 'get'>[number];
export type SuccessorBody = BodyOf<'/api/v1/plan/versions', 'post'>;
export type VersionTargets = ResponseOf<'/api/v1/plan/versions/{id}/targets', 'get'>;
export type VersionTarget = VersionTargets['targets'][number];
export type TargetPreview = ResponseOf<'/api/v1/plan/versions/{id}/preview', 'post'>;
export type TargetPreviewBody = BodyOf<'/api/v1/plan/versions/{id}/preview', 'post'>;
export type TargetChangesBody = BodyOf<'/api/v1/plan/versions/{id}/targets', 'patch'>;
export type TrendKey = PlanTargetRow['key'];

export type FundingBudget = ResponseOf<'/api/v1/plan/funding', 'get'>;
export type FundingRow = FundingBudget['rows'][number];
export type FundingTown = FundingBudget['towns'][number];
export type FundingRateBody = BodyOf<'/api/v1/plan/funding/rates/{institutionId}/{year}', 'put'>;
export type FundingSettingsBody = BodyOf<'/api/v1/plan/funding/settings', 'put'>;
export type FundingVersionList = ResponseOf<'/api/v1/plan/funding/versions', 'get'>;
export type FundingVersion = FundingVersionList['items'][number];
export type FundingVersionBody = BodyOf<'/api/v1/plan/funding/versions', 'post'>;
export type FundingPreview = ResponseOf<'/api/v1/plan/funding/versions/preview', 'post'>;

export type PublicPlan = ResponseOf<'/api/v1/public/plan', 'get'>;

export type Circle = ResponseOf<'/api/v1/plan/circle', 'get'>;
export type CircleCommunity = Circle['communities'][number];
export type CircleSitePlan = ResponseOf<'/api/v1/plan/circle/sites', 'post'>;
export type CircleSitesBody = BodyOf<'/api/v1/plan/circle/sites', 'post'>;

export type NewsPage = ResponseOf<'/api/v1/plan/news', 'get'>;
export type NewsItem = NewsPage['items'][number];
export type NewsBody = BodyOf<'/api/v1/plan/news', 'post'>;
export type NewsListQuery = QueryOf<'/api/v1/plan/news', 'get'>;
export type PublicNewsPage = ResponseOf<'/api/v1/public/news', 'get'>;
export type PublicNewsItem = ResponseOf<'/api/v1/public/news/{id}', 'get'>;

export type TasksAnswer = ResponseOf<'/api/v1/plan/tasks', 'get'>;
export type TaskRow = TasksAnswer['tasks'][number];
export type TaskReportBody = BodyOf<'/api/v1/plan/tasks/{code}/reports', 'post'>;
export type ReportFile = ResponseOf<'/api/v1/plan/tasks/reports/{id}/files', 'get'>['items'][number];
export type MeetingBody = BodyOf<'/api/v1/plan/meetings/{year}', 'put'>;
export type UnitMembers = ResponseOf<'/api/v1/plan/units/members', 'get'>;

export const planApi = {
  tasks: (year: number, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/plan/tasks', { params: { query: { year } }, signal })),
  reportTask: (code: string, body: TaskReportBody) =>
    unwrap(http.POST('/api/v1/plan/tasks/{code}/reports', { params: { path: { code } }, body })),
  /** Evidence files of a report: upload (multipart), the download URL, delete one's own. */
  uploadReportFile: (reportId: string, file: File) =>
    upload<ReportFile>(`/plan/tasks/reports/${encodeURIComponent(reportId)}/files`, file, {}),
  reportFileUrl: (reportId: string, fileId: string) =>
    apiUrl(`/plan/tasks/reports/${encodeURIComponent(reportId)}/files/${encodeURIComponent(fileId)}`),
  deleteReportFile: (id: string, fileId: string) =>
    unwrap(
      http.DELETE('/api/v1/plan/tasks/reports/{id}/files/{fileId}', { params: { path: { id, fileId } } }),
    ),
  unitMembers: (signal?: AbortSignal) => unwrap(http.GET('/api/v1/plan/units/members', { signal })),
  assignUnit: (userId: string, body: BodyOf<'/api/v1/plan/units/members/{userId}', 'put'>) =>
    unwrap(http.PUT('/api/v1/plan/units/members/{userId}', { params: { path: { userId } }, body })),
  saveMeeting: (year: number, body: MeetingBody) =>
    unwrap(http.PUT('/api/v1/plan/meetings/{year}', { params: { path: { year } }, body })),
  publicTable: (year: number | undefined, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/public/plan', { params: { query: year ? { year } : {} }, signal })),
  targets: (query: QueryOf<'/api/v1/plan/targets', 'get'>, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/plan/targets', { params: { query }, signal })),
  rows: (id: string, query: QueryOf<'/api/v1/plan/targets/{id}/rows', 'get'>, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/plan/targets/{id}/rows', { params: { path: { id }, query }, signal })),
  trend: (key: TrendKey, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/plan/trend', { params: { query: { key } }, signal })),
  versions: (signal?: AbortSignal) => unwrap(http.GET('/api/v1/plan/versions', { signal })),
  createSuccessor: (body: SuccessorBody) => unwrap(http.POST('/api/v1/plan/versions', { body })),
  versionTargets: (id: string, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/plan/versions/{id}/targets', { params: { path: { id } }, signal })),
  previewTargets: (id: string, body: TargetPreviewBody) =>
    unwrap(http.POST('/api/v1/plan/versions/{id}/preview', { params: { path: { id } }, body })),
  changeTargets: (id: string, body: TargetChangesBody) =>
    unwrap(http.PATCH('/api/v1/plan/versions/{id}/targets', { params: { path: { id } }, body })),
  funding: (year: number, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/plan/funding', { params: { query: { year } }, signal })),
  putRate: (institutionId: string, year: number, body: FundingRateBody) =>
    unwrap(
      http.PUT('/api/v1/plan/funding/rates/{institutionId}/{year}', {
        params: { path: { institutionId, year } },
        body,
      }),
    ),
  putFundingSettings: (body: FundingSettingsBody) =>
    unwrap(http.PUT('/api/v1/plan/funding/settings', { body })),
  fundingVersions: (signal?: AbortSignal) => unwrap(http.GET('/api/v1/plan/funding/versions', { signal })),
  previewFundingVersion: (body: FundingVersionBody) =>
    unwrap(http.POST('/api/v1/plan/funding/versions/preview', { body })),
  createFundingVersion: (body: FundingVersionBody) =>
    unwrap(http.POST('/api/v1/plan/funding/versions', { body })),
  circle: (query: QueryOf<'/api/v1/plan/circle', 'get'>, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/plan/circle', { params: { query }, signal })),
  circleSites: (body: CircleSitesBody) => unwrap(http.POST('/api/v1/plan/circle/sites', { body })),
  news: (query: NewsListQuery, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/plan/news', { params: { query }, signal })),
  createNews: (body: NewsBody) => unwrap(http.POST('/api/v1/plan/news', { body })),
  updateNews: (id: string, body: NewsBody & { version: number }) =>
    unwrap(http.PUT('/api/v1/plan/news/{id}', { params: { path: { id } }, body })),
  transitionNews: (id: string, action: 'publish' | 'withdraw', version: number) =>
    unwrap(
      http.POST('/api/v1/plan/news/{id}/transitions', {
        params: { path: { id } },
        body: { action, version },
      }),
    ),
  publicNews: (query: QueryOf<'/api/v1/public/news', 'get'>, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/public/news', { params: { query }, signal })),
  publicNewsItem: (id: string, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/public/news/{id}', { params: { path: { id } }, signal })),
};

/** Antd tag colours of the target statuses (domain/plan/status.ts). */
export const STATUS_COLORS: Record<PlanTargetRow['status'], string> = {
  met: 'green',
  on_track: 'blue',
  at_risk: 'orange',
  missed: 'red',
  no_data: 'default',
  measured: 'purple',
};
