/** Every table, for drizzle-kit and the typed query builder. Modules add their tables.ts here. */

export * from '../modules/calendar/tables.ts';
export * from '../modules/exchange/tables.ts';
export * from '../modules/families/tables.ts';
export * from '../modules/institutions/fee-list-tables.ts';
export * from '../modules/institutions/tables.ts';
export * from '../modules/operating/tables.ts';
export * from '../modules/plan/news-tables.ts';
export * from '../modules/plan/tables.ts';
export * from '../modules/plan/task-tables.ts';
export * from '../modules/quality/tables.ts';
export * from '../modules/subsidy/tables.ts';
export * from '../modules/supervision/complaint-tables.ts';
export * from '../modules/supervision/tables.ts';
export * from '../modules/workforce/tables.ts';
export * from '../platform/export-tables.ts';
export * from '../platform/files/tables.ts';
export * from '../platform/import/tables.ts';
export * from '../platform/jobs/tables.ts';
export * from '../platform/notifications/tables.ts';
export * from '../platform/tables.ts';
