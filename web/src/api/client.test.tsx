/** The generated-types client against a stubbed fetch: data, problem+json errors, and no answer at all. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, queryString } from './client.ts';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

function stub(handler: (req: Request) => Response | Promise<Response>) {
  const fn = vi.fn(handler);
  globalThis.fetch = fn as unknown as typeof fetch;
  return fn;
}

describe('api client', () => {
  it('sends the typed path and query, and returns the JSON answer', async () => {
    const fn = stub(() => Response.json({ items: [], total: 0, page: 2, pageSize: 20 }));
    const page = await api.institutions.list({ page: 2, pageSize: 20, status: 'filed', q: '' });
    expect(page.total).toBe(0);
    const req = fn.mock.calls[0]![0];
    expect(req.method).toBe('GET');
    expect(new URL(req.url).pathname + new URL(req.url).search).toBe(
      '/api/v1/institutions?page=2&pageSize=20&status=filed',
    );
  });

  it('puts path parameters in place and sends JSON bodies', async () => {
    const fn = stub(() => Response.json({ id: 'u1' }));
    await api.users.unlock('a/b', 3);
    const req = fn.mock.calls[0]![0];
    expect(new URL(req.url).pathname).toBe('/api/v1/users/a%2Fb/unlock');
    expect(await req.json()).toEqual({ version: 3 });
  });

  it('a problem+json answer becomes an ApiError with its code and zh/en details', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      code: 'validation.failed',
      detail: 'Invalid input',
      detail_zh: '输入有误',
      detail_en: 'Invalid input',
      errors: [{ field: 'name', rule: 'too_small', message_zh: '太短', message_en: 'Too short' }],
    };
    stub(() =>
      Response.json(problem, { status: 400, headers: { 'content-type': 'application/problem+json' } }),
    );
    const err = await api.auth.login({ username: 'x', password: 'y' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).problem).toEqual(problem);
    expect((err as ApiError).status).toBe(400);
  });

  it('a non-problem error answer gets a generic zh/en problem with its status', async () => {
    stub(() => new Response('<html>bad gateway</html>', { status: 502 }));
    const err = (await api.auth.me().catch((e: unknown) => e)) as ApiError;
    expect(err.code).toBe('http.502');
    expect(err.problem.detail_zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('no answer at all is network.unreachable (status 0)', async () => {
    stub(() => Promise.reject(new TypeError('Failed to fetch')));
    const err = (await api.divisions.list().catch((e: unknown) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(0);
    expect(err.code).toBe('network.unreachable');
  });

  it('queryString leaves out empty values', () => {
    expect(queryString({ a: 1, b: '', c: undefined, d: null, e: false })).toBe('a=1&e=false');
  });
});
