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

/** The highest page number a list accepts (pages past the end answer an empty page). */
export const MAX_PAGE = 100_000;

export const paginationQuery = z.object({
  page: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE, { message: `页码不能大于 ${MAX_PAGE} / The page number must be at most ${MAX_PAGE}` })
    .default(1),
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

/** The range of instants a date filter accepts (the year 0000 and the like are refused, not sent to the database). */
export const DATE_FILTER_MIN = '1970-01-01T00:00:00Z';
export const DATE_FILTER_MAX = '2100-01-01T00:00:00Z';

/** An ISO 8601 date-time with offset, between 1970 and 2100. */
export const boundedDateTime = z.iso.datetime({ offset: true }).refine(
  (v) => {
    const t = Date.parse(v);
    return t >= Date.parse(DATE_FILTER_MIN) && t < Date.parse(DATE_FILTER_MAX);
  },
  {
    params: {
      rule: 'date_range',
      zh: '日期须在 1970 年至 2099 年之间',
      en: 'The date must lie between 1970 and 2099',
    },
  },
);
