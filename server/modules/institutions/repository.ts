/**
 * Queries of the registry. Every read of tenant rows goes through `scopeWhere` on the institutions
 * table; child rows (classes, documents, history) are read only for an institution already found in
 * scope. Writes take a row that was read in scope and update it conditionally on its version.
 */
import { and, asc, desc, eq, inArray, ne, notInArray, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type {
  INSTITUTION_SORTS,
  InstitutionKind,
  InstitutionStatus,
} from '../../../domain/contracts/institution.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { type AttachmentOwner, type AttachmentRow, listAttachments } from '../../platform/files/service.ts';
import { scopeWhere } from '../../platform/guard.ts';
import { containsAny } from '../../platform/like.ts';
import { countWhere, type PageQuery, paged } from '../../platform/paging.ts';
import { indexCandidates } from '../../platform/personal-data.ts';
import { users } from '../../platform/tables.ts';
import { missingFeeListWhere } from './fee-list-tables.ts';
import {
  institutionClasses,
  institutionHistory,
  type institutionStatusHistory,
  institutions,
} from './tables.ts';

export type InstitutionRow = typeof institutions.$inferSelect;
export type ClassRow = typeof institutionClasses.$inferSelect;
export type DocumentRow = AttachmentRow;
export type HistoryRow = typeof institutionStatusHistory.$inferSelect;

/** How the guard maps the institutions table onto scopes: district, town, the institution itself. */
export const institutionScope = {
  district: institutions.districtCode,
  division: institutions.townCode,
  institution: institutions.id,
};

export interface InstitutionFilters {
  town?: string | undefined;
  kind?: InstitutionKind | undefined;
  status?: InstitutionStatus | undefined;
  inclusive?: 'true' | 'false' | undefined;
  q?: string | undefined;
  feeList?: 'missing' | undefined;
}

/** The scope condition and the filters, as one WHERE. */
export function listWhere(actor: Actor, f: InstitutionFilters): SQL | undefined {
  const conds: (SQL | undefined)[] = [scopeWhere(actor, institutionScope)];
  if (f.town) conds.push(eq(institutions.townCode, f.town));
  if (f.kind) conds.push(eq(institutions.kind, f.kind));
  if (f.status) conds.push(eq(institutions.status, f.status));
  if (f.inclusive) conds.push(eq(institutions.inclusive, f.inclusive === 'true'));
  conds.push(containsAny([institutions.name, institutions.creditCode, institutions.address], f.q));
  if (f.feeList === 'missing') conds.push(missingFeeListWhere());
  return and(...conds);
}

export function listInstitutions(
  db: Db,
  actor: Actor,
  f: InstitutionFilters,
  q: PageQuery,
  sort?: { by: (typeof INSTITUTION_SORTS)[number]; order: 'asc' | 'desc' | undefined },
) {
  const where = listWhere(actor, f);
  const dir = sort?.order === 'desc' ? desc : asc;
  // 按名称 is pinyin order (the stored key, as the portal sorts), not the code points of the characters.
  const order = !sort
    ? [asc(institutions.townCode), asc(institutions.namePinyin), asc(institutions.name), asc(institutions.id)]
    : sort.by === 'name'
      ? [dir(institutions.namePinyin), dir(institutions.name), asc(institutions.id)]
      : [dir(institutions[sort.by]), asc(institutions.id)];
  return paged(q, {
    rows: (limit, offset) =>
      db
        .select()
        .from(institutions)
        .where(where)
        .orderBy(...order)
        .limit(limit)
        .offset(offset),
    count: () => countWhere(db, institutions, where),
  });
}

/** All rows matching the filters in scope, up to `limit` (exports). */
export function exportInstitutions(db: Db, actor: Actor, f: InstitutionFilters, limit: number, offset = 0) {
  return db
    .select()
    .from(institutions)
    .where(listWhere(actor, f))
    .orderBy(asc(institutions.townCode), asc(institutions.name), asc(institutions.id))
    .limit(limit)
    .offset(offset);
}

/** The institution if it lies in the actor's scope (`forUpdate` locks it inside a transaction). */
export async function findInstitution(
  db: Db,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<InstitutionRow | undefined> {
  const q = db
    .select()
    .from(institutions)
    .where(and(scopeWhere(actor, institutionScope), eq(institutions.id, id)));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

/** Like findInstitution, but a 404 when it is missing or out of scope. */
export async function getInstitution(
  db: Db,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<InstitutionRow> {
  const row = await findInstitution(db, actor, id, forUpdate);
  if (!row) throw new DomainError('not_found');
  return row;
}

const ofInstitution = (t: { districtCode: AnyPgColumn; institutionId: AnyPgColumn }, row: InstitutionRow) =>
  and(eq(t.districtCode, row.districtCode), eq(t.institutionId, row.id));

export function classesOf(db: Db, row: InstitutionRow): Promise<ClassRow[]> {
  return db
    .select()
    .from(institutionClasses)
    .where(ofInstitution(institutionClasses, row))
    .orderBy(asc(institutionClasses.position));
}

/** The attachment owner of an institution row (filing documents are its attachments). */
export const institutionOwner = (row: { id: string; districtCode: string }): AttachmentOwner => ({
  type: 'institution',
  id: row.id,
  districtCode: row.districtCode,
});

/** The filing documents of an institution already found in scope. */
export function documentsOf(db: Db, row: InstitutionRow): Promise<DocumentRow[]> {
  return listAttachments(db, institutionOwner(row));
}

/** The history, newest first, with each actor's display name (read now: a renamed account shows its new name). */
export async function historyOf(
  db: Db,
  row: InstitutionRow,
): Promise<(HistoryRow & { actorName: string | null })[]> {
  const rows = await institutionHistory.of(db, row.districtCode, row.id);
  const ids = [...new Set(rows.map((r) => r.actorId).filter((x): x is string => !!x))];
  const names = ids.length
    ? await db
        .select({ id: users.id, displayName: users.displayName })
        .from(users)
        .where(and(eq(users.districtCode, row.districtCode), inArray(users.id, ids)))
    : [];
  const byId = new Map(names.map((n) => [n.id, n.displayName]));
  return rows.map((r) => ({ ...r, actorName: (r.actorId && byId.get(r.actorId)) || null }));
}

/** Whether another institution of the district already has this credit code. */
export async function creditCodeTaken(
  db: Db,
  districtCode: string,
  creditCode: string,
  exceptId?: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: institutions.id })
    .from(institutions)
    .where(
      and(
        eq(institutions.districtCode, districtCode),
        eq(institutions.creditCode, creditCode),
        exceptId ? ne(institutions.id, exceptId) : undefined,
      ),
    );
  return !!row;
}

/** Whether another institution of the district has a director with this ID number (blind index). */
export async function directorIdTaken(
  db: Db,
  districtCode: string,
  idNumber: string,
  exceptId?: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: institutions.id })
    .from(institutions)
    .where(
      and(
        eq(institutions.districtCode, districtCode),
        inArray(institutions.directorIdNumberBidx, indexCandidates('citizen_id', idNumber)),
        exceptId ? ne(institutions.id, exceptId) : undefined,
      ),
    );
  return !!row;
}

/** Replace an institution's classes (the caller has already bumped the institution's version). */
export async function replaceClasses(
  tx: Db,
  row: InstitutionRow,
  classes: (typeof institutionClasses.$inferInsert)[],
) {
  // Rows whose id stays are updated in place; only removed classes are deleted (their staff
  // assignments go with them), so editing a class keeps the caregivers assigned to it.
  const ids = classes.map((c) => c.id).filter((id): id is string => !!id);
  await tx
    .delete(institutionClasses)
    .where(
      ids.length > 0
        ? and(ofInstitution(institutionClasses, row), notInArray(institutionClasses.id, ids))
        : ofInstitution(institutionClasses, row),
    );
  if (classes.length > 0)
    await tx
      .insert(institutionClasses)
      .values(classes)
      .onConflictDoUpdate({
        target: [institutionClasses.districtCode, institutionClasses.id],
        set: {
          position: sql`excluded.position`,
          name: sql`excluded.name`,
          type: sql`excluded.type`,
          capacity: sql`excluded.capacity`,
          enrolled: sql`excluded.enrolled`,
          minAgeMonths: sql`excluded.min_age_months`,
          maxAgeMonths: sql`excluded.max_age_months`,
        },
      });
}

/** Submitted institutions in scope, oldest first (the review queue). */
export function submittedInstitutions(db: Db, actor: Actor, q: PageQuery) {
  const where = and(scopeWhere(actor, institutionScope), eq(institutions.status, 'submitted'));
  return paged(q, {
    rows: (limit, offset) =>
      db
        .select()
        .from(institutions)
        .where(where)
        .orderBy(asc(institutions.submittedAt), asc(institutions.id))
        .limit(limit)
        .offset(offset),
    count: () => countWhere(db, institutions, where),
  });
}

/** The scope-target resolver the platform uses when a role is granted on an institution. */
export async function institutionTarget(db: Db, districtCode: string, id: string) {
  const [row] = await db
    .select({ townCode: institutions.townCode, name: institutions.name })
    .from(institutions)
    .where(and(eq(institutions.districtCode, districtCode), eq(institutions.id, id)));
  return row ? { divisionCode: row.townCode, labelZh: row.name, labelEn: row.name } : undefined;
}

/** Institution names by id within a district (labels for other modules' lists; ids already in scope). */
export async function institutionNames(
  db: Db,
  districtCode: string,
  ids: string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: institutions.id, name: institutions.name })
    .from(institutions)
    .where(and(eq(institutions.districtCode, districtCode), inArray(institutions.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}
