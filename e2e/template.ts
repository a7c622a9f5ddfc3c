/**
 * Seed the demo district once for a run of the journeys (`npm run e2e`): start the server on an empty data
 * folder (it migrates and seeds), stop it cleanly, and note the China date the demo is dated from. The
 * harness starts each journey on a copy (E2E_TEMPLATE). Usage: node --import tsx e2e/template.ts <dir>
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chinaDate, startServer, TEMPLATE_DAY } from './harness.ts';

const dir = path.resolve(process.argv[2] ?? 'e2e/.template');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const day = chinaDate(0);
const started = Date.now();
const { server } = await startServer(dir);
server.kill('SIGTERM');
const code = await new Promise((r) => server.once('exit', r));
if (code !== 0) throw new Error(`the template server stopped with ${code}`);
writeFileSync(path.join(dir, TEMPLATE_DAY), `${day}\n`);
console.log(
  `# demo seeded for the journeys in ${dir} (${day}, ${Math.round((Date.now() - started) / 1000)} s)`,
);
