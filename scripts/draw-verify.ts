/**
 * Recompute a published double-random draw and say whether it matches (issue 10).
 *   npm run draw:verify <file.json | draw id | URL>
 * A file holds the JSON the portal publishes (GET /api/v1/public/supervision/draws/:id); a draw id is
 * fetched from TUOYU_URL (default http://localhost:3000). Uses the same pure function as the portal page
 * (domain/supervision/verify.ts). Exit code 0 when it verifies, 1 when it does not, 2 on bad usage.
 */
import { readFileSync } from 'node:fs';
import { publishedDrawSchema } from '../domain/contracts/supervision.ts';
import { verifyPublishedDraw } from '../domain/supervision/verify.ts';

export async function loadPublished(arg: string, base = process.env.TUOYU_URL ?? 'http://localhost:3000') {
  let raw: unknown;
  if (/^https?:\/\//.test(arg)) raw = await (await fetch(arg)).json();
  else if (/^[0-9a-f-]{36}$/i.test(arg))
    raw = await (await fetch(`${base.replace(/\/$/, '')}/api/v1/public/supervision/draws/${arg}`)).json();
  else raw = JSON.parse(readFileSync(arg, 'utf8'));
  return publishedDrawSchema.parse(raw);
}

async function main() {
  const arg = process.argv[2];
  if (!arg) {
    console.error('usage: npm run draw:verify <file.json | draw id | URL>');
    process.exit(2);
  }
  const draw = await loadPublished(arg);
  const started = performance.now();
  const out = verifyPublishedDraw(draw);
  const ms = (performance.now() - started).toFixed(1);
  if (out.verified) {
    console.log(
      `verified 验证通过: draw ${draw.id} (${draw.month}, ${draw.divisionCode}) — ${out.assignments} targets, ` +
        `${draw.targets.length} × ${draw.inspectors.length} pools, commitment ${draw.commitment.slice(0, 16)}…, ${ms} ms`,
    );
    process.exit(0);
  }
  console.log(`NOT verified 验证失败: draw ${draw.id}: ${out.reason}${out.field ? ` (${out.field})` : ''}`);
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
