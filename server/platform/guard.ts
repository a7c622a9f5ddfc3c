/**
 * The jurisdiction guard: the one place that turns a caller's scope into a SQL filter. Every
 * repository query on tenant data (list, search, get, update, export, counts) adds `scopeWhere`.
 * Objects outside the scope are simply not found (404), never shown.
 */
import { and, eq, like, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from './context.ts';

/** How a tenant table maps onto the scope kinds. Leave out a kind the table cannot be reached by. */
export interface ScopeColumns {
  district: AnyPgColumn;
  /** The division (town or deeper) code column the row belongs to. */
  division?: AnyPgColumn | SQL;
  /** The institution id column (the row's own id for the institutions table). */
  institution?: AnyPgColumn | SQL;
  /** The family id column. */
  family?: AnyPgColumn | SQL;
}

const NOTHING = sql`false`;

/** The SQL condition that limits a query on one tenant table to what the actor may see. */
export function scopeWhere(actor: Actor, cols: ScopeColumns): SQL {
  const inDistrict = eq(cols.district, actor.districtCode);
  const scope = actor.scope;
  if (!scope) return NOTHING;
  switch (scope.kind) {
    case 'division': {
      if (!scope.divisionCode.startsWith(actor.districtCode)) return NOTHING;
      if (scope.divisionCode === actor.districtCode) return inDistrict;
      if (!cols.division) return NOTHING;
      return and(inDistrict, like(cols.division as AnyPgColumn, `${scope.divisionCode}%`)) ?? NOTHING;
    }
    case 'institution':
      return cols.institution
        ? (and(inDistrict, eq(cols.institution as AnyPgColumn, scope.institutionId)) ?? NOTHING)
        : NOTHING;
    case 'family':
      return cols.family
        ? (and(inDistrict, eq(cols.family as AnyPgColumn, scope.familyId)) ?? NOTHING)
        : NOTHING;
  }
}

/** Whether a division code lies inside the actor's division scope (for writes that name a town). */
export function divisionInScope(actor: Actor, divisionCode: string): boolean {
  const s = actor.scope;
  return (
    !!s &&
    s.kind === 'division' &&
    divisionCode.startsWith(s.divisionCode) &&
    divisionCode.startsWith(actor.districtCode)
  );
}
