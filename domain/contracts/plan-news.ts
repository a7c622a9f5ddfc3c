/**
 * The district's notices, policy documents and parenting guidance on the portal (issue 13, Public
 * disclosure; 35号 四、(五) 加强宣传引导): a district officer writes an item, publishes it (the portal
 * shows it from then on) and may withdraw it. The text is plain (paragraphs by line breaks), never HTML.
 */
import { z } from 'zod';
import { pageOf, paginationQuery } from './common.ts';

export const NEWS_KINDS = ['notice', 'policy', 'guidance'] as const;
export const NEWS_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export const NEWS_ACTIONS = ['publish', 'withdraw'] as const;

const title = z
  .string()
  .trim()
  .min(2, '标题 2–100 字 / The title takes 2–100 characters')
  .max(100, '标题 2–100 字 / The title takes 2–100 characters');
const body = z
  .string()
  .trim()
  .min(1, '正文不能为空 / The text cannot be empty')
  .max(20_000, '正文不超过 20000 字 / At most 20,000 characters');
const source = z
  .string()
  .trim()
  .max(200, '来源或文号不超过 200 字 / At most 200 characters for the source')
  .nullable()
  .optional();

export const newsCreateBody = z.strictObject({ kind: z.enum(NEWS_KINDS), title, body, source });
export const newsUpdateBody = z.strictObject({
  kind: z.enum(NEWS_KINDS),
  title,
  body,
  source,
  version: z.number().int().min(1),
});
export const newsTransitionBody = z.strictObject({
  action: z.enum(NEWS_ACTIONS),
  version: z.number().int().min(1),
});
export const newsParams = z.strictObject({ id: z.uuid() });
export const newsListQuery = paginationQuery.extend({
  kind: z.enum(NEWS_KINDS).optional(),
  status: z.enum(NEWS_STATUSES).optional(),
});
export const publicNewsQuery = paginationQuery.extend({ kind: z.enum(NEWS_KINDS).optional() });

export const newsItemSchema = z.object({
  id: z.uuid(),
  kind: z.enum(NEWS_KINDS),
  title: z.string(),
  body: z.string(),
  source: z.string().nullable(),
  status: z.enum(NEWS_STATUSES),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
  permittedActions: z.array(z.enum(NEWS_ACTIONS)),
});
export type NewsItem = z.infer<typeof newsItemSchema>;
export const newsPageSchema = pageOf(newsItemSchema);

export const publicNewsItemSchema = z.object({
  id: z.uuid(),
  kind: z.enum(NEWS_KINDS),
  title: z.string(),
  body: z.string(),
  source: z.string().nullable(),
  publishedAt: z.string(),
});
export const publicNewsPageSchema = pageOf(publicNewsItemSchema);
