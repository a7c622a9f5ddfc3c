/** The built web app: hashed assets cached for a year and precompressed; index.html revalidated. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';

const SCRIPT = `console.log(${JSON.stringify('托育 '.repeat(400))});\n`;
let t: TestApp;
let webDir: string;
beforeAll(async () => {
  webDir = mkdtempSync(path.join(os.tmpdir(), 'tuoyu-web-'));
  mkdirSync(path.join(webDir, 'assets'));
  writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>t</title><div id="root"></div>');
  writeFileSync(path.join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  const asset = path.join(webDir, 'assets', 'index-Dr-ITji8.js');
  writeFileSync(asset, SCRIPT);
  writeFileSync(`${asset}.br`, brotliCompressSync(SCRIPT));
  writeFileSync(`${asset}.gz`, gzipSync(SCRIPT));
  t = await createTestApp({ config: { webDir } });
});
afterAll(async () => {
  await t.close();
  rmSync(webDir, { recursive: true, force: true });
});

describe('static web files', () => {
  it('serve a hashed asset as brotli, gzip or raw by Accept-Encoding, immutable for a year', async () => {
    const br = await t.call('GET', '/assets/index-Dr-ITji8.js', {
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(String(br.headers['content-type'])).toMatch(/javascript/);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(SCRIPT);

    const gz = await t.call('GET', '/assets/index-Dr-ITji8.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT);

    const raw = await t.call('GET', '/assets/index-Dr-ITji8.js', {
      headers: { 'accept-encoding': 'identity' },
    });
    expect(raw.headers['content-encoding']).toBeUndefined();
    expect(raw.body).toBe(SCRIPT);
    // The CSP stays on static files.
    expect(String(raw.headers['content-security-policy'])).toContain("script-src 'self'");
  });

  it('revalidate index.html (at / and at client routes) and unhashed files on every load', async () => {
    for (const url of ['/', '/institutions', '/admin/login']) {
      const res = await t.call('GET', url, { headers: { 'accept-encoding': 'gzip, br' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.body, url).toContain('<div id="root">');
    }
    const icon = await t.call('GET', '/favicon.svg');
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('answer 404 for a missing asset, not index.html', async () => {
    const res = await t.call('GET', '/assets/gone-AbCdEf12.js', { headers: { 'accept-encoding': 'br' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });
});
