/**
 * Names for the audit trail, read when the auditor reads it (not stored in the chain): the actor's display
 * name, the object's name for the objects an auditor may name (an account, an institution), and the scope
 * as a place (青浦区 / 朱家角镇) or the institution's name. Anything else keeps only its type.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { findDivision } from '../../../domain/divisions.ts';
import type { Db } from '../../db/client.ts';
import type { ScopeTargets } from '../scope-targets.ts';
import { users } from '../tables.ts';

export interface Label {
  zh: string;
  en: string;
}

export interface Named {
  actorName: string | null;
  objectName: Label | null;
  scopeLabel: Label | null;
}

interface EntryKeys {
  actorId: string | null;
  objectType: string | null;
  objectId: string | null;
  scope: string | null;
}

export async function auditNames<T extends EntryKeys>(
  db: Db,
  districtCode: string,
  targets: ScopeTargets,
  items: T[],
): Promise<(T & Named)[]> {
  const userIds = new Set<string>();
  for (const e of items) {
    if (e.actorId) userIds.add(e.actorId);
    if (e.objectType === 'user' && e.objectId) userIds.add(e.objectId);
  }
  const people = userIds.size
    ? await db
        .select({ id: users.id, displayName: users.displayName })
        .from(users)
        .where(and(eq(users.districtCode, districtCode), inArray(users.id, [...userIds])))
    : [];
  const nameOf = new Map(people.map((p) => [p.id, p.displayName]));
  const institutions = new Map<string, Label | null>();
  const institution = async (id: string): Promise<Label | null> => {
    if (!institutions.has(id)) {
      const t = targets.institution ? await targets.institution(db, districtCode, id) : undefined;
      institutions.set(id, t ? { zh: t.labelZh, en: t.labelEn } : null);
    }
    return institutions.get(id) ?? null;
  };
  const out: (T & Named)[] = [];
  for (const e of items) {
    let objectName: Label | null = null;
    if (e.objectId && e.objectType === 'user') {
      const n = nameOf.get(e.objectId);
      objectName = n ? { zh: n, en: n } : null;
    } else if (e.objectId && e.objectType === 'institution') objectName = await institution(e.objectId);
    let scopeLabel: Label | null = null;
    const [kind, value] = (e.scope ?? '').split(':');
    if (kind === 'division' && value) {
      const d = findDivision(value);
      scopeLabel = d ? { zh: d.nameZh, en: d.nameEn } : null;
    } else if (kind === 'institution' && value) scopeLabel = await institution(value);
    else if (kind === 'family') scopeLabel = { zh: '家庭', en: 'Family' };
    out.push({ ...e, actorName: (e.actorId && nameOf.get(e.actorId)) || null, objectName, scopeLabel });
  }
  return out;
}
