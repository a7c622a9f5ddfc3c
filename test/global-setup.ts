/**
 * Once per test run: build one migrated database template. On PGlite (default) it is a data-dir dump
 * that every test file loads (≈ 1 s instead of a 3–6 s initdb). With TEST_DATABASE_URL set, the suite
 * runs on that PostgreSQL server instead: each test file creates its own fresh database there.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../server/db/client.ts';
import { migrate } from '../server/db/migrate.ts';
import { seedReference } from '../server/db/reference.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    testDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL ?? '';
  project.provide('testDatabaseUrl', url);
  if (url) {
    project.provide('pgliteTemplate', '');
    return;
  }
  const database = await openDatabase({});
  await migrate(database);
  await seedReference(database.db);
  const dump = await database.pglite!.dumpDataDir('none');
  await database.close();
  const dir = path.resolve('.tmp');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `pglite-template-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  return () => rmSync(file, { force: true });
}
