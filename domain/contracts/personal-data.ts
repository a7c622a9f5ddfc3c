/**
 * Revealing one personal value (docs/kit/personal-data.md): responses carry masked values only; a
 * caller with `personal_data.reveal` asks for one field of one object and states why.
 */
import { z } from 'zod';

/** Shortest accepted purpose (characters): a reason someone else can read later in the audit trail. */
export const PURPOSE_MIN = 4;

/** The reveal body of a module: which of its fields, and the purpose. */
export function revealBody<const F extends readonly [string, ...string[]]>(fields: F) {
  return z.strictObject({
    field: z.enum(fields),
    purpose: z.string().trim().min(PURPOSE_MIN).max(200),
  });
}

export const revealResponse = z.object({
  field: z.string(),
  /** The unmasked value (null when the field is empty). */
  value: z.string().nullable(),
});
export type RevealResponse = z.infer<typeof revealResponse>;
