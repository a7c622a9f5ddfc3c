/**
 * A database that does not answer (here: a real node-postgres pool pointed at a closed port) makes
 * /api/health answer 503 and any route's query a 503 `database.unavailable` with Retry-After — not a
 * 500 — so clients retry and a balancer sees the outage. bench/faults.ts restarts a real PostgreSQL
 * cluster under load and checks that the same process recovers.
 */
import { createServer } from 'node:net';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.ts';
import * as schema from '../../db/schema.ts';
import { isDatabaseUnavailable, registerErrorHandler } from '../http-errors.ts';
import { systemRoutes } from '../system-routes.ts';

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const pool = new pg.Pool({
  connectionString: `postgres://postgres@127.0.0.1:${await closedPort()}/none`,
  max: 2,
});
pool.on('error', () => {});
const db = drizzle(pool, { schema }) as unknown as Db;
afterAll(() => pool.end());

async function app() {
  const a = Fastify();
  a.setValidatorCompiler(validatorCompiler);
  a.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(a);
  systemRoutes(a, { db, kind: 'postgres', migration: 'test', tileUrl: '' });
  a.get('/q', async () => {
    await db.execute(sql`select 1 as one`);
    return { ok: true };
  });
  await a.ready();
  return a;
}

describe('the database unavailable', () => {
  it('the driver error of a refused connection is recognised; a failing statement is not', async () => {
    const e = await db.execute(sql`select 1`).catch((x: unknown) => x);
    expect(isDatabaseUnavailable(e)).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code: '57P01' }))).toBe(true);
  });

  it('/api/health answers 503 and a route answers 503 database.unavailable with Retry-After', async () => {
    const a = await app();
    const h = await a.inject({ method: 'GET', url: '/api/health' });
    expect(h.statusCode).toBe(503);
    expect(h.headers['retry-after']).toBe('5');
    expect(h.json()).toMatchObject({ code: 'database.unavailable', status: 503 });
    const q = await a.inject({ method: 'GET', url: '/q' });
    expect(q.statusCode).toBe(503);
    expect(q.headers['retry-after']).toBe('5');
    expect(q.json()).toMatchObject({ code: 'database.unavailable', status: 503 });
    await a.close();
  });
});
