/**
 * GET /api/v1/dashboard: the console's home page. Modules contribute widgets for what the caller acts
 * on (server/platform/dashboard.ts); the web draws `numbers` as statistics, `bar`/`pie` as ChartCards
 * and `tasks` as a to-do list. Widget and item keys are i18n keys on the web (`dashboard.widget.<id>`,
 * `dashboard.item.<key>`) unless the item carries its own zh/en label (statuses, towns).
 */
import { z } from 'zod';
import { roleSchema } from './auth.ts';

export const labelSchema = z.object({ zh: z.string(), en: z.string() });

export const dashboardItemSchema = z.object({
  key: z.string(),
  label: labelSchema.optional(),
  value: z.number(),
  /** warning/danger: the item needs attention (e.g. overdue filings). */
  tone: z.enum(['normal', 'warning', 'danger']).optional(),
  /** A console path under /admin to act on it. */
  href: z.string().optional(),
});
export type DashboardItem = z.infer<typeof dashboardItemSchema>;

export const dashboardWidgetSchema = z.object({
  id: z.string(),
  kind: z.enum(['numbers', 'bar', 'pie', 'tasks']),
  /** A title of its own (e.g. the institution's name) instead of `dashboard.widget.<id>`. */
  title: labelSchema.optional(),
  /** A status shown as a StatusTag beside the title (e.g. the institution's filing state). */
  status: z.string().optional(),
  /** When the numbers were measured, on a widget whose numbers may be a little older than now (ISO time). */
  asOf: z.string().optional(),
  items: z.array(dashboardItemSchema),
});
export type DashboardWidget = z.infer<typeof dashboardWidgetSchema>;

export const dashboardSchema = z.object({
  role: roleSchema.nullable(),
  widgets: z.array(dashboardWidgetSchema),
});
export type DashboardData = z.infer<typeof dashboardSchema>;
