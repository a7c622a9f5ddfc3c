/**
 * The OpenAPI document as committed in web/src/api/openapi.json: built from the app itself, so the
 * console's generated types (web/src/api/schema.gen.ts) can never drift from the routes unseen.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/client.ts';
import { systemClock } from '../server/platform/clock.ts';

export const OPENAPI_JSON = path.resolve(import.meta.dirname, '../web/src/api/openapi.json');
export const SCHEMA_GEN = path.resolve(import.meta.dirname, '../web/src/api/schema.gen.ts');

/**
 * The openapi-typescript binary, installed on first use in scripts/openapi-ts/ (its own lockfile and
 * TypeScript 5, which openapi-typescript needs; the project's TypeScript 7 has no compiler API).
 */
export function openapiTypescriptBin(): string {
  const toolDir = path.resolve(import.meta.dirname, 'openapi-ts');
  const bin = path.join(toolDir, 'node_modules', '.bin', 'openapi-typescript');
  if (!existsSync(bin))
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: toolDir, stdio: 'inherit' });
  return bin;
}

/** The document of a built app as stable text (2-space JSON, trailing newline). */
export function openapiText(app: FastifyInstance): string {
  return `${JSON.stringify(app.swagger(), null, 2)}\n`;
}

/** The hash written into schema.gen.ts's first line; the freshness test compares it with openapi.json. */
export function openapiHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export const HASH_PREFIX = '// openapi.json sha256:';

/** Build the app on an empty in-memory PGlite (no migration: only the routes are read) and take its document. */
export async function buildOpenapiText(): Promise<string> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tuoyu-openapi-'));
  const database = await openDatabase({});
  try {
    const config = { ...loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }), webDir: '/nonexistent' };
    const { app } = await buildApp({ database, clock: systemClock, config, migration: 'none' });
    await app.ready();
    const text = openapiText(app);
    await app.close();
    return text;
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
