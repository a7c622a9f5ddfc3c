/**
 * The OpenAPI document an integrator generates a client from (issue 16): every operation has a unique
 * operationId, a summary, a zh/en description with its error codes, tags with descriptions, the security
 * its declared action implies, and problem+json responses for the statuses it can answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT, PUBLIC } from '../../../domain/contracts/permissions.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { errorDef } from '../errors.ts';
import { errorCodesFor, operationIdFor } from '../openapi.ts';
import { EXAMPLES, SUMMARIES, TAGS } from '../openapi-texts.ts';

interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  responses: Record<string, { $ref?: string }>;
  requestBody?: { content: Record<string, { examples?: Record<string, { value: unknown }> }> };
}
interface Doc {
  info: { version: string; license?: { name: string }; contact?: { name: string }; description?: string };
  servers?: { url: string }[];
  tags?: { name: string; description: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { responses: Record<string, { content: Record<string, { schema: { $ref: string } }> }> };
}

let t: TestApp;
let doc: Doc;
let ops: { method: string; path: string; op: Operation }[];
beforeAll(async () => {
  t = await createTestApp();
  doc = t.app.swagger() as unknown as Doc;
  ops = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
    Object.entries(byMethod).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  );
});
afterAll(() => t.close());

const CJK = /[\u4e00-\u9fff]/;
const fastifyUrl = (p: string) => p.replace(/\{(\w+)\}/g, ':$1');
const actionOf = (method: string, path: string) =>
  t.routes.find((r) => r.method === method && r.url === fastifyUrl(path))?.action;

describe('OpenAPI document', () => {
  it('has info, licence, contact, servers and described tags', () => {
    expect(doc.info.license?.name).toBe('Apache-2.0');
    expect(doc.info.contact?.name).toBeTruthy();
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(doc.info.description).toMatch(CJK);
    expect(doc.servers?.length).toBeGreaterThan(0);
    const used = new Set(ops.flatMap((o) => o.op.tags ?? []));
    expect(new Set(doc.tags?.map((x) => x.name))).toEqual(used);
    for (const tag of doc.tags ?? []) expect(tag.description, tag.name).toBe(TAGS[tag.name]);
  });

  it('every operation: unique operationId, summary, zh/en description, tags', () => {
    expect(ops.length).toBeGreaterThan(40);
    const ids = ops.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { method, path, op } of ops) {
      const id = op.operationId ?? '';
      expect(id, `${method} ${path}`).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
      expect(SUMMARIES[id], `no summary for ${id} in openapi-texts.ts`).toBeDefined();
      expect(op.summary).toBe(SUMMARIES[id]?.en);
      expect(op.description).toMatch(CJK);
      expect(op.tags?.length, id).toBe(1);
    }
    // No text is left for an operation that no longer exists.
    expect(Object.keys(SUMMARIES).sort()).toEqual([...ids].sort());
  });

  it('security follows the declared action: [] for public, an OAuth bearer for department clients, the session cookie for the rest', () => {
    let clients = 0;
    for (const { method, path, op } of ops) {
      const action = actionOf(method, path);
      expect(action, `${method} ${path}`).toBeDefined();
      if (action === CLIENT) {
        clients++;
        // The scope a client needs: sending licence records (ADR 0035), reading for everything else.
        const scope = op.operationId === 'exchange.receiveLicences' ? 'licences.write' : 'institutions.read';
        expect(op.security, op.operationId).toEqual([{ departmentClient: [scope] }]);
      } else expect(op.security, op.operationId).toEqual(action === PUBLIC ? [] : [{ session: [] }]);
    }
    expect(clients).toBeGreaterThan(0);
  });

  it('every operation references the Problem schema for each error status it lists', () => {
    for (const { op } of ops) {
      const errors = Object.entries(op.responses).filter(([s]) => Number(s) >= 400);
      expect(errors.length, op.operationId).toBeGreaterThan(0);
      for (const [status, r] of errors) {
        expect(r.$ref).toBe(`#/components/responses/Problem${status}`);
        const c = doc.components.responses[`Problem${status}`]?.content['application/problem+json'];
        expect(c?.schema.$ref).toBe('#/components/schemas/Problem');
      }
      // The codes in the description are exactly the codes whose statuses are documented.
      const codes = [...(op.description ?? '').matchAll(/- `([a-z_.]+)` \((\d{3})\)/g)];
      const statuses = new Set(codes.map((m) => m[2]));
      expect(new Set(errors.map(([s]) => s)), op.operationId).toEqual(statuses);
      for (const m of codes) expect(String(errorDef(m[1] ?? '').status)).toBe(m[2]);
    }
  });

  it('derives the statuses from policy and schema', () => {
    const by = (id: string) => Object.keys(ops.find((o) => o.op.operationId === id)?.op.responses ?? {});
    expect(by('auth.login')).toEqual(expect.arrayContaining(['400', '401', '423', '429']));
    expect(by('public.listInstitutions')).not.toContain('401');
    expect(by('public.getInstitution')).toContain('404');
    expect(by('institutions.list')).toEqual(expect.arrayContaining(['400', '401', '403']));
    expect(by('institutions.list')).not.toContain('404');
    expect(by('institutions.update')).toEqual(expect.arrayContaining(['404', '409']));
    expect(by('institutions.uploadDocument')).toEqual(expect.arrayContaining(['413', '415']));
    expect(by('auth.me')).not.toContain('409');
  });

  it('the main write operations carry request-body examples', () => {
    for (const id of Object.keys(EXAMPLES)) {
      const op = ops.find((o) => o.op.operationId === id)?.op;
      const examples = op?.requestBody?.content['application/json']?.examples;
      expect(Object.keys(examples ?? {}).length, id).toBeGreaterThan(0);
    }
    expect(Object.keys(EXAMPLES)).toEqual(
      expect.arrayContaining([
        'institutions.create',
        'institutions.update',
        'institutions.transition',
        'auth.login',
        'users.create',
        'calendar.enterYear',
      ]),
    );
  });

  it('what an anonymous caller gets back is a documented status of that operation', async () => {
    const id = '01900000-0000-7000-8000-000000000000';
    for (const { method, path, op } of ops) {
      const url = path.replace(/\{\w+\}/g, id);
      const res = await t.app.inject({ method: method as 'GET', url });
      const documented = Object.keys(op.responses);
      expect(documented, `${method} ${path} answered ${res.statusCode}`).toContain(String(res.statusCode));
    }
  });
});

describe('operationId and error-code rules', () => {
  it('names operations from the path', () => {
    expect(operationIdFor('GET', '/api/v1/widgets')).toBe('widgets.list');
    expect(operationIdFor('GET', '/api/v1/widgets/:id')).toBe('widgets.get');
    expect(operationIdFor('POST', '/api/v1/widgets')).toBe('widgets.create');
    expect(operationIdFor('PATCH', '/api/v1/widgets/:id')).toBe('widgets.update');
    expect(operationIdFor('PUT', '/api/v1/widgets/:id/parts')).toBe('widgets.setParts');
    expect(operationIdFor('GET', '/api/v1/widgets/unread-count')).toBe('widgets.unreadCount');
    expect(operationIdFor('POST', '/api/v1/institutions/:id/transitions')).toBe('institutions.transition');
  });

  it('lists codes from the route facts', () => {
    const read = {
      method: 'GET',
      url: '/api/v1/widgets',
      action: PUBLIC,
      hasInput: false,
      hasVersion: false,
      upload: false,
    };
    expect(errorCodesFor(read, 'widgets.list')).toEqual(['request.uri_too_long']);
    const write = {
      ...read,
      method: 'PATCH',
      url: '/api/v1/users/:id',
      action: 'users.update',
      hasInput: true,
      hasVersion: true,
    };
    const codes = errorCodesFor(write, 'users.update');
    expect(codes).toEqual(
      expect.arrayContaining([
        'validation.failed',
        'auth.unauthenticated',
        'auth.forbidden',
        'auth.cross_origin',
      ]),
    );
    expect(codes).toEqual(expect.arrayContaining(['not_found', 'conflict.stale_version', 'users.self']));
    expect(codes).not.toContain('auth.rate_limited');
  });
});
