/** Every table, for drizzle-kit and the typed query builder. Modules add their tables.ts here. */
export * from '../platform/tables.ts';
