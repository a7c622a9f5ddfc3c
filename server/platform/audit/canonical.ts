/** Canonical JSON (sorted keys, no whitespace) and the chain hash of an audit entry. */
import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level, so the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface ChainedFields {
  districtCode: string;
  seq: number;
  at: Date;
  actorId: string | null;
  actorUsername: string | null;
  role: string | null;
  scope: string | null;
  ip: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  result: string;
  requestId: string | null;
  changes: unknown;
}

/** SHA-256 over the previous hash and the canonical entry. */
export function entryHash(prevHash: string, e: ChainedFields): string {
  const canonical = canonicalJson({
    districtCode: e.districtCode,
    seq: e.seq,
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorUsername: e.actorUsername,
    role: e.role,
    scope: e.scope,
    ip: e.ip,
    action: e.action,
    objectType: e.objectType,
    objectId: e.objectId,
    result: e.result,
    requestId: e.requestId,
    changes: e.changes ?? null,
  });
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}
