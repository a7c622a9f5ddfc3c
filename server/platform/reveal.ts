/**
 * Reveal one personal value: the caller already found the object in its scope (404 otherwise) and the
 * route checked `personal_data.reveal`. Writes the audit entry (who: the actor; whose: the object; which
 * field; the purpose) in the caller's transaction and answers only that value.
 */
import type { RevealResponse } from '../../domain/contracts/personal-data.ts';
import type { Db } from '../db/client.ts';
import { recordAudit } from './audit/service.ts';
import type { RequestContext } from './context.ts';
import { type EncryptedKind, openValue, type Sealed } from './personal-data.ts';

export async function revealValue(
  tx: Db,
  ctx: RequestContext,
  what: {
    objectType: string;
    objectId: string;
    field: string;
    kind: EncryptedKind;
    sealed: Sealed | null;
    purpose: string;
  },
): Promise<RevealResponse> {
  if (what.sealed == null) return { field: what.field, value: null };
  const value = openValue(what.kind, what.sealed);
  await recordAudit(tx, ctx, {
    action: 'personal_data.reveal',
    objectType: what.objectType,
    objectId: what.objectId,
    // `reveal` names the field without its value; the purpose is the caller's own words.
    changes: { reveal: { field: what.field, kind: what.kind }, purpose: what.purpose },
  });
  return { field: what.field, value };
}
