/**
 * How the platform learns about the objects a scope can name (an institution, a family) without
 * depending on the modules that own them: each module passes a resolver to buildApp.
 */
import type { Scope } from '../../domain/contracts/auth.ts';
import { findDivision } from '../../domain/divisions.ts';
import type { Db } from '../db/client.ts';

export interface ScopeTarget {
  /** The division the object lies in (for "not wider than your own" checks). */
  divisionCode: string;
  labelZh: string;
  labelEn: string;
}

export type ScopeTargetResolver = (
  db: Db,
  districtCode: string,
  id: string,
) => Promise<ScopeTarget | undefined>;

export interface ScopeTargets {
  institution?: ScopeTargetResolver;
  family?: ScopeTargetResolver;
}

/** The division a scope lies in and its label, or undefined when it names nothing that exists. */
export async function describeScope(
  db: Db,
  targets: ScopeTargets,
  districtCode: string,
  scope: Scope,
): Promise<ScopeTarget | undefined> {
  if (scope.kind === 'division') {
    const d = findDivision(scope.divisionCode);
    if (!d || !scope.divisionCode.startsWith(districtCode)) return undefined;
    return { divisionCode: d.code, labelZh: d.nameZh, labelEn: d.nameEn };
  }
  const resolver = scope.kind === 'institution' ? targets.institution : targets.family;
  if (!resolver) return undefined;
  return resolver(db, districtCode, scope.kind === 'institution' ? scope.institutionId : scope.familyId);
}
