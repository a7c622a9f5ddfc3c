/**
 * The console's typed client is generated from the app's own OpenAPI document. When a route changes
 * and nobody ran `npm run api:generate`, this fails and says so.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HASH_PREFIX,
  OPENAPI_JSON,
  openapiHash,
  openapiText,
  SCHEMA_GEN,
} from '../../../scripts/openapi-doc.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const STALE = 'stale: run `npm run api:generate` and commit web/src/api/openapi.json and schema.gen.ts';

describe('generated API client', () => {
  it('openapi.json is the document the app serves', async () => {
    const committed = readFileSync(OPENAPI_JSON, 'utf8');
    const served = openapiText(t.app);
    expect(committed === served, STALE).toBe(true);
    const res = await t.call('GET', '/api/openapi.json');
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toEqual(JSON.parse(committed));
  });

  it('schema.gen.ts was generated from that openapi.json', () => {
    const first = readFileSync(SCHEMA_GEN, 'utf8').split('\n')[0];
    expect(first, STALE).toBe(`${HASH_PREFIX} ${openapiHash(readFileSync(OPENAPI_JSON, 'utf8'))}`);
  });

  it('every API route of the app is in the document the client is typed from', () => {
    const doc = JSON.parse(readFileSync(OPENAPI_JSON, 'utf8')) as { paths: Record<string, unknown> };
    const documented = new Set(Object.keys(doc.paths));
    const missing = t.routes
      .filter((r) => r.url.startsWith('/api/v1/'))
      .map((r) => r.url.replace(/:(\w+)/g, '{$1}'))
      .filter((u) => !documented.has(u));
    expect(missing, STALE).toEqual([]);
  });
});
