/**
 * Masking of audit `changes`: every field whose name is a marked personal-data column (by property
 * or column name, in any table; see comments.ts) is masked before the entry is written, at any depth.
 * Modules never mask by themselves. A name marked personal in one table and public in another is masked.
 */
import { markedColumns, type PersonalKind } from '../comments.ts';
import { maskPersonal } from '../personal-data.ts';

function personalFields(): Map<string, PersonalKind> {
  const out = new Map<string, PersonalKind>();
  for (const m of markedColumns()) {
    if (!('personal' in m.marker)) continue;
    // A blind index is not the value itself, but it is not for the trail either.
    out.set(m.key, m.marker.personal);
    out.set(m.column, m.marker.personal);
  }
  return out;
}

function maskValue(kind: PersonalKind, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value === 'string') return maskPersonal(kind, value);
  return '***';
}

function walk(value: unknown, fields: Map<string, PersonalKind>): unknown {
  if (Array.isArray(value)) return value.map((v) => walk(v, fields));
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const kind = fields.get(k);
      out[k] = kind
        ? Array.isArray(v)
          ? v.map((x) => maskValue(kind, x))
          : maskValue(kind, v)
        : walk(v, fields);
    }
    return out;
  }
  return value;
}

/** The property and column names of marked personal fields (what `maskChanges` masks). */
export function personalFieldNames(): ReadonlySet<string> {
  return new Set(personalFields().keys());
}

/** `changes` with every marked personal field masked. */
export function maskChanges(
  changes: Record<string, unknown> | null | undefined,
): Record<string, unknown> | null {
  if (!changes) return null;
  return walk(changes, personalFields()) as Record<string, unknown>;
}
