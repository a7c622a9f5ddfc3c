/** Shared API contracts: problem+json errors, pagination, ids. One zod source for server and web. */
import { z } from 'zod';

export const uuidSchema = z.uuid();

/** One field error of a 400 answer: the field, the rule it broke, and the message in both languages. */
export const fieldErrorSchema = z.object({
  field: z.string(),
  rule: z.string(),
  message_zh: z.string(),
  message_en: z.string(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** RFC 9457 problem details, extended with a stable code and field errors. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string(),
    detail_zh: z.string(),
    detail_en: z.string(),
    errors: z.array(fieldErrorSchema).optional(),
    allowed: z.array(z.string()).optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof problemSchema>;

export const paginationQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** A page of items with the total count under the caller's scope. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

/** Optimistic concurrency: every update names the version it read. */
export const versionField = z.number().int().min(1);

export const okSchema = z.object({ ok: z.literal(true) });
