/**
 * Load shedding (issue 15): while the event loop lags past the threshold, or too many requests are in
 * flight, new requests get 503 + Retry-After (problem+json, zh and en) at once instead of queueing;
 * /api/health is still answered; when the pressure is gone, requests are served again.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.ts';
import { type App, buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { TestClock } from '../clock.ts';

let database: TestDatabase;
const apps: App[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  for (const a of apps) await a.app.close();
  await database.close();
});

async function appWith(pressure: Parameters<typeof buildApp>[0]['pressure']) {
  const config = {
    ...loadConfig({ NODE_ENV: 'test', DATA_DIR: '.tmp/load-shedding' }),
    webDir: '/nonexistent',
  };
  const a = await buildApp({
    database,
    clock: new TestClock(),
    config,
    migration: database.migration,
    pressure,
  });
  await a.app.ready();
  apps.push(a);
  return a.app;
}

const busy = (ms: number) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {}
};

describe('load shedding', () => {
  it('answers 503 with Retry-After while the event loop lags, then serves again', async () => {
    const app = await appWith({ maxEventLoopDelayMs: 250, sampleIntervalMs: 300, retryAfterSeconds: 7 });
    const url = '/api/v1/public/institutions';
    const quiet = async () => {
      // Served once a sample is quiet (polled: start-up itself, or a busy CI machine, may lag a while).
      let status = 503;
      for (let i = 0; i < 60 && status === 503; i++) {
        await sleep(50);
        status = (await app.inject({ method: 'GET', url })).statusCode;
      }
      return status;
    };
    expect(await quiet()).toBe(200);
    busy(900); // the event loop is blocked for 900 ms: the sampler, due meanwhile, runs first and sees it
    await sleep(1);
    const shed = await app.inject({ method: 'GET', url });
    expect(shed.statusCode).toBe(503);
    expect(shed.headers['retry-after']).toBe('7');
    expect(shed.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(shed.json()).toMatchObject({ code: 'server.overloaded', status: 503 });
    expect(shed.json().detail).toMatch(/服务器繁忙.*\/ The server is busy/);
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    expect(await quiet()).toBe(200);
  });

  it('sheds requests beyond the in-flight limit and counts finished ones out', async () => {
    const app = await appWith({ maxInFlight: 2 });
    const url = '/api/v1/public/institutions';
    const burst = await Promise.all(Array.from({ length: 8 }, () => app.inject({ method: 'GET', url })));
    const codes = burst.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 503).length).toBeGreaterThan(0);
    expect(codes.filter((c) => c === 200).length).toBeGreaterThanOrEqual(2);
    expect(codes.every((c) => c === 200 || c === 503)).toBe(true);
    // Every finished request was counted out: one at a time, all are served.
    for (let i = 0; i < 5; i++) expect((await app.inject({ method: 'GET', url })).statusCode).toBe(200);
  });
});
