/** ApiError: a non-2xx answer as an RFC 9457 problem (or status 0 `network.unreachable` when none came). */
import { en } from '../i18n/en.ts';
import { zhCN } from '../i18n/zh-CN.ts';
import type { Problem } from './schema.gen.ts';

export type { Problem };

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

export function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.status === 'number' && typeof v.code === 'string' && typeof v.detail_zh === 'string';
}

function fallbackProblem(status: number, code: string, zh: string, enText: string): Problem {
  return { type: 'about:blank', title: code, status, code, detail: enText, detail_zh: zh, detail_en: enText };
}

export function networkError(): ApiError {
  return new ApiError(
    fallbackProblem(0, 'network.unreachable', zhCN['common.networkError'], en['common.networkError']),
  );
}

/** The ApiError of a failed response: its problem+json body, or a generic zh/en problem. */
export function errorOf(status: number, body: unknown): ApiError {
  return new ApiError(
    isProblem(body)
      ? body
      : fallbackProblem(status, `http.${status}`, zhCN['common.unknownError'], en['common.unknownError']),
  );
}
