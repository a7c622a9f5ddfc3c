/** The quality module's calls, typed from the generated OpenAPI paths (kept here to leave the shared client untouched). */
import { apiUrl, type BodyOf, http, type ResponseOf, unwrap, upload } from '../../api/client.ts';

export type Framework = ResponseOf<'/api/v1/quality/frameworks/{id}', 'get'>;
export type FrameworkBody = BodyOf<'/api/v1/quality/frameworks', 'post'>;
export type RoundSummary = ResponseOf<'/api/v1/quality/rounds', 'get'>['items'][number];
export type RoundDetail = ResponseOf<'/api/v1/quality/rounds/{id}', 'get'>;
export type Participant = RoundDetail['items'][number];
export type CreateRoundBody = BodyOf<'/api/v1/quality/rounds', 'post'>;
export type Evaluation = ResponseOf<'/api/v1/quality/evaluations', 'get'>['items'][number];
export type EvaluationDetail = ResponseOf<'/api/v1/quality/evaluations/{id}', 'get'>;
export type SubmitBody = BodyOf<'/api/v1/quality/evaluations/{id}/submit', 'post'>;
export type Feedback = ResponseOf<'/api/v1/quality/participants/{id}/feedback', 'get'>;
export type Evidence = EvaluationDetail['evidence'][number];
export type Candidates = ResponseOf<'/api/v1/quality/demonstration', 'get'>;

const p = (id: string) => ({ path: { id } });

export const qualityApi = {
  frameworks: (signal?: AbortSignal) => unwrap(http.GET('/api/v1/quality/frameworks', { signal })),
  installSample: () => unwrap(http.POST('/api/v1/quality/frameworks/sample')),
  createFramework: (body: FrameworkBody) => unwrap(http.POST('/api/v1/quality/frameworks', { body })),
  rounds: (signal?: AbortSignal) => unwrap(http.GET('/api/v1/quality/rounds', { signal })),
  round: (id: string, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/quality/rounds/{id}', { params: p(id), signal })),
  createRound: (body: CreateRoundBody) => unwrap(http.POST('/api/v1/quality/rounds', { body })),
  draw: (id: string, version: number) =>
    unwrap(http.POST('/api/v1/quality/rounds/{id}/draw', { params: p(id), body: { version } })),
  complete: (id: string, version: number) =>
    unwrap(http.POST('/api/v1/quality/rounds/{id}/complete', { params: p(id), body: { version } })),
  assignEvaluator: (id: string, username: string) =>
    unwrap(http.POST('/api/v1/quality/rounds/{id}/evaluators', { params: p(id), body: { username } })),
  evaluations: (roundId?: string, signal?: AbortSignal) =>
    unwrap(
      http.GET('/api/v1/quality/evaluations', { params: { query: roundId ? { roundId } : {} }, signal }),
    ),
  evaluation: (id: string, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/quality/evaluations/{id}', { params: p(id), signal })),
  submit: (id: string, body: SubmitBody) =>
    unwrap(http.POST('/api/v1/quality/evaluations/{id}/submit', { params: p(id), body })),
  feedback: (id: string, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/quality/participants/{id}/feedback', { params: p(id), signal })),
  addImprovement: (id: string, body: BodyOf<'/api/v1/quality/participants/{id}/improvements', 'post'>) =>
    unwrap(http.POST('/api/v1/quality/participants/{id}/improvements', { params: p(id), body })),
  completeImprovement: (id: string, body: BodyOf<'/api/v1/quality/improvements/{id}/complete', 'post'>) =>
    unwrap(http.POST('/api/v1/quality/improvements/{id}/complete', { params: p(id), body })),
  candidates: (roundId?: string, signal?: AbortSignal) =>
    unwrap(
      http.GET('/api/v1/quality/demonstration', { params: { query: roundId ? { roundId } : {} }, signal }),
    ),
  setDemonstration: (id: string, version: number, demonstration: boolean) =>
    unwrap(
      http.POST('/api/v1/quality/participants/{id}/demonstration', {
        params: p(id),
        body: { version, demonstration },
      }),
    ),
  institutions: (signal?: AbortSignal) =>
    unwrap(
      http.GET('/api/v1/institutions', { params: { query: { status: 'operating', pageSize: 100 } }, signal }),
    ),
};

/** Attach one evidence file to a form (multipart, field `file`; the server checks kind and size). */
export const uploadEvidence = (evaluationId: string, file: File) =>
  upload<Evidence>(`/quality/evaluations/${encodeURIComponent(evaluationId)}/evidence`, file);

export const evidenceUrl = (evaluationId: string, fileId: string) =>
  apiUrl(`/quality/evaluations/${encodeURIComponent(evaluationId)}/evidence/${encodeURIComponent(fileId)}`);
