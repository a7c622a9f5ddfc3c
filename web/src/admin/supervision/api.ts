/** Console calls of the Supervision module (typed by the generated OpenAPI paths). */
import { apiUrl, type BodyOf, http, type ResponseOf, unwrap, upload } from '../../api/client.ts';

export type DrawPlanList = ResponseOf<'/api/v1/supervision/draw-plans', 'get'>;
export type DrawPlanSummary = DrawPlanList['items'][number];
export type CommitDrawPlanBody = BodyOf<'/api/v1/supervision/draw-plans', 'post'>;

export type RiskAnswer = ResponseOf<'/api/v1/supervision/risk', 'get'>;
export type RiskItem = RiskAnswer['items'][number];
export const risk = {
  list: (query: { townCode?: string; level?: 'high' | 'elevated' | 'low' }, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/supervision/risk', { params: { query }, signal })),
};

export type ComplaintList = ResponseOf<'/api/v1/supervision/complaints', 'get'>;
export type Complaint = ComplaintList['items'][number];
export type ComplaintStep = BodyOf<'/api/v1/supervision/complaints/{id}/transition', 'post'>;
export const complaints = {
  list: (query: { status?: Complaint['status'] }, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/supervision/complaints', { params: { query }, signal })),
  step: (id: string, body: ComplaintStep) =>
    unwrap(http.POST('/api/v1/supervision/complaints/{id}/transition', { params: { path: { id } }, body })),
};

export type Drill = ResponseOf<'/api/v1/supervision/drills', 'get'>['items'][number];
export type DrillBody = BodyOf<'/api/v1/supervision/drills', 'post'>;
export const drills = {
  list: (signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/supervision/drills', { params: { query: {} }, signal })),
  overdue: (signal?: AbortSignal) => unwrap(http.GET('/api/v1/supervision/drills/overdue', { signal })),
  record: (body: DrillBody) => unwrap(http.POST('/api/v1/supervision/drills', { body })),
};

export type VisitCoverage = ResponseOf<'/api/v1/supervision/visits/coverage', 'get'>;
export const visits = {
  coverage: (query: { townCode?: string }, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/supervision/visits/coverage', { params: { query }, signal })),
};

export type CameraList = ResponseOf<'/api/v1/supervision/cameras', 'get'>;
export type Camera = CameraList['items'][number];
export type CameraBody = BodyOf<'/api/v1/supervision/cameras', 'post'>;
export const cameras = {
  list: (query: { offline?: 'true' | 'false' }, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/supervision/cameras', { params: { query }, signal })),
  register: (body: CameraBody) => unwrap(http.POST('/api/v1/supervision/cameras', { body })),
};

export const drawPlans = {
  list: (signal?: AbortSignal) => unwrap(http.GET('/api/v1/supervision/draw-plans', { signal })),
  commit: (body: CommitDrawPlanBody) => unwrap(http.POST('/api/v1/supervision/draw-plans', { body })),
  draw: (id: string) =>
    unwrap(http.POST('/api/v1/supervision/draw-plans/{id}/draw', { params: { path: { id } } })),
};

export type InspectionList = ResponseOf<'/api/v1/supervision/inspections', 'get'>;
export type InspectionSummary = InspectionList['items'][number];
export type InspectionDetail = ResponseOf<'/api/v1/supervision/inspections/{id}', 'get'>;
export type ItemResult = InspectionDetail['results'][number];
export type RectificationList = ResponseOf<'/api/v1/supervision/rectifications', 'get'>;
export type Rectification = RectificationList['items'][number];
export type RectificationStep = BodyOf<'/api/v1/supervision/rectifications/{id}/transition', 'post'>;

export const inspections = {
  list: (query: { mine?: 'true' | 'false'; status?: 'open' | 'signed' }, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/supervision/inspections', { params: { query }, signal })),
  get: (id: string, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/supervision/inspections/{id}', { params: { path: { id } }, signal })),
  save: (id: string, version: number, results: ItemResult[]) =>
    unwrap(
      http.PUT('/api/v1/supervision/inspections/{id}/results', {
        params: { path: { id } },
        body: { version, results },
      }),
    ),
  sign: (id: string, version: number) =>
    unwrap(
      http.POST('/api/v1/supervision/inspections/{id}/sign', { params: { path: { id } }, body: { version } }),
    ),
  selfCheck: (month: string) => unwrap(http.POST('/api/v1/supervision/self-checks', { body: { month } })),
};

export const rectifications = {
  list: (query: { overdue?: 'true' | 'false'; status?: Rectification['status'] }, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/supervision/rectifications', { params: { query }, signal })),
  step: (id: string, body: RectificationStep) =>
    unwrap(
      http.POST('/api/v1/supervision/rectifications/{id}/transition', { params: { path: { id } }, body }),
    ),
};

export type ChecklistList = ResponseOf<'/api/v1/supervision/checklists', 'get'>;
export type Checklist = ChecklistList['items'][number];
export type ChecklistItem = Checklist['items'][number];

export const checklists = {
  list: (signal?: AbortSignal) => unwrap(http.GET('/api/v1/supervision/checklists', { signal })),
  publish: (category: Checklist['category'], items: ChecklistItem[]) =>
    unwrap(
      http.POST('/api/v1/supervision/checklists/{category}/versions', {
        params: { path: { category } },
        body: { items },
      }),
    ),
};

export type InspectionPhoto = InspectionDetail['photos'][number];
export type EvidenceFile = Rectification['attachments'][number];

const enc = encodeURIComponent;
export const evidence = {
  photos: (id: string, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/supervision/inspections/{id}/photos', { params: { path: { id } }, signal })),
  uploadPhoto: (inspectionId: string, itemCode: string, file: File) =>
    upload<InspectionPhoto>(
      `/supervision/inspections/${enc(inspectionId)}/items/${enc(itemCode)}/photos`,
      file,
    ),
  photoUrl: (inspectionId: string, fileId: string) =>
    apiUrl(`/supervision/inspections/${enc(inspectionId)}/photos/${enc(fileId)}`),
  deletePhoto: (id: string, fileId: string) =>
    unwrap(
      http.DELETE('/api/v1/supervision/inspections/{id}/photos/{fileId}', {
        params: { path: { id, fileId } },
      }),
    ),
  uploadFile: (rectificationId: string, file: File) =>
    upload<EvidenceFile>(`/supervision/rectifications/${enc(rectificationId)}/evidence`, file),
  fileUrl: (rectificationId: string, fileId: string) =>
    apiUrl(`/supervision/rectifications/${enc(rectificationId)}/evidence/${enc(fileId)}`),
  deleteFile: (id: string, fileId: string) =>
    unwrap(
      http.DELETE('/api/v1/supervision/rectifications/{id}/evidence/{fileId}', {
        params: { path: { id, fileId } },
      }),
    ),
};

export type SpecialCheck = ResponseOf<'/api/v1/supervision/special-checks', 'get'>['items'][number];
export type SpecialCheckDetail = ResponseOf<'/api/v1/supervision/special-checks/{id}', 'get'>;
export type SpecialCheckBody = BodyOf<'/api/v1/supervision/special-checks', 'post'>;
export const specialChecks = {
  list: (signal?: AbortSignal) => unwrap(http.GET('/api/v1/supervision/special-checks', { signal })),
  get: (id: string, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/supervision/special-checks/{id}', { params: { path: { id } }, signal })),
  inspectors: (divisionCode: string, signal?: AbortSignal) =>
    unwrap(
      http.GET('/api/v1/supervision/special-checks/inspectors', {
        params: { query: { divisionCode } },
        signal,
      }),
    ),
  /** Operating institutions of a town or the district (the registry list, first 100). */
  institutions: (town: string | undefined, signal?: AbortSignal) =>
    unwrap(
      http.GET('/api/v1/institutions', {
        params: { query: { status: 'operating', pageSize: 100, ...(town ? { town } : {}) } },
        signal,
      }),
    ),
  create: (body: SpecialCheckBody) => unwrap(http.POST('/api/v1/supervision/special-checks', { body })),
};
