/**
 * What an integrator does with /api/openapi.json (issue 16): generate types with openapi-typescript,
 * then call operations through openapi-fetch. The committed document is turned into a fresh client in
 * .tmp/ and a small script calling three operations is type-checked; two deliberate mistakes in it must
 * be reported (so the check cannot pass by checking nothing). The console's own client
 * (web/src/api/client.ts on schema.gen.ts) is the same check at full size, in `npm run check`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OPENAPI_JSON, openapiTypescriptBin } from './openapi-doc.ts';

const root = path.resolve(import.meta.dirname, '..');
mkdirSync(path.join(root, '.tmp'), { recursive: true });
const dir = mkdtempSync(path.join(root, '.tmp', 'openapi-client-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SCRIPT = `import createClient from 'openapi-fetch';
import type { paths } from './schema.ts';

const http = createClient<paths>({ baseUrl: 'https://tuoyu.example.invalid' });

export async function integrator(): Promise<string[]> {
  const login = await http.POST('/api/v1/auth/login', { body: { username: 'dept.client', password: 'secret' } });
  const role: string | null | undefined = login.data?.role;
  const page = await http.GET('/api/v1/public/institutions', { params: { query: { page: 1, pageSize: 20 } } });
  const total: number | undefined = page.data?.total;
  const moved = await http.POST('/api/v1/institutions/{id}/transitions', {
    params: { path: { id: '01900000-0000-7000-8000-000000000000' } },
    body: { action: 'submit', version: 1 },
  });
  const code: string | undefined = moved.error?.code;
  return [String(role), String(total), String(code)];
}
`;
const MISTAKES = `
export async function mistakes() {
  await http.GET('/api/v1/no-such-operation');
  await http.POST('/api/v1/institutions/{id}/transitions', {
    params: { path: { id: 'x' } },
    body: { action: 'submit' },
  });
}
`;

function typecheck(source: string): string {
  writeFileSync(path.join(dir, 'client.ts'), source);
  const tsc = path.join(root, 'node_modules', '.bin', 'tsc');
  const compilerOptions = {
    noEmit: true,
    strict: true,
    target: 'es2022',
    module: 'esnext',
    moduleResolution: 'bundler',
    allowImportingTsExtensions: true,
    skipLibCheck: true,
  };
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['client.ts'] }));
  const args = ['-p', path.join(dir, 'tsconfig.json')];
  try {
    execFileSync(tsc, args, { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (e) {
    return String((e as { stdout?: string }).stdout ?? e);
  }
}

describe('a client generated from the OpenAPI document', () => {
  it('type-checks three operations called through openapi-fetch, and catches mistakes', () => {
    execFileSync(openapiTypescriptBin(), [OPENAPI_JSON, '--output', path.join(dir, 'schema.ts')], {
      stdio: 'pipe',
    });
    expect(typecheck(SCRIPT)).toBe('');
    const errors = typecheck(SCRIPT + MISTAKES);
    // Exactly the two mistakes are reported, on their own lines: the unknown path and the missing version.
    const full = (SCRIPT + MISTAKES).split('\n');
    const lineOf = (needle: string) => full.findIndex((l) => l.includes(needle)) + 1;
    const reported = [...errors.matchAll(/^client\.ts\((\d+),\d+\): error/gm)].map((m) => Number(m[1]));
    expect(reported).toEqual([lineOf('no-such-operation'), lineOf("body: { action: 'submit' },")]);
    expect(errors).toMatch(/'version' is missing/);
  }, 120_000);
});
