/**
 * npm run api:lint — builds the app's OpenAPI document (as api:generate does) into a temporary file and
 * lints it with Redocly's recommended rules (redocly.yaml lists the documented exceptions). Any error
 * fails the run (exit code of `redocly lint`); CI runs this after `npm run check`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildOpenapiText } from './openapi-doc.ts';

const root = path.resolve(import.meta.dirname, '..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'tuoyu-api-lint-'));
const file = path.join(dir, 'openapi.json');
try {
  writeFileSync(file, await buildOpenapiText());
  const bin = path.join(root, 'node_modules', '.bin', 'redocly');
  execFileSync(bin, ['lint', file, '--config', path.join(root, 'redocly.yaml'), '--format', 'codeframe'], {
    stdio: 'inherit',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
} catch (e) {
  const status = (e as { status?: number }).status;
  // redocly printed its own findings; anything else (the document could not be built) is printed here.
  if (status === undefined) console.error(e);
  process.exitCode = status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
