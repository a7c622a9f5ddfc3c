/** Security headers on API answers, errors and the docs; HSTS only over HTTPS; the tile host in img-src. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { cspDirectives, tileSource } from '../security-headers.ts';

let t: TestApp;
let proxied: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: { tileUrl: 'https://{s}.tiles.example.org/{z}/{x}/{y}.png' } });
  proxied = await createTestApp({ config: { trustProxy: true } });
});
afterAll(async () => {
  await t.close();
  await proxied.close();
});

function expectHeaders(h: Record<string, unknown>, label: string) {
  const csp = String(h['content-security-policy']);
  expect(csp, label).toContain("default-src 'self'");
  expect(csp, label).toContain("script-src 'self'");
  expect(csp, label).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(csp, label).toContain("frame-ancestors 'none'");
  expect(h['x-content-type-options'], label).toBe('nosniff');
  expect(h['referrer-policy'], label).toBe('same-origin');
  expect(h['x-frame-options'], label).toBe('DENY');
}

describe('security headers', () => {
  it('are on successes, errors and 404s; no HSTS over plain HTTP', async () => {
    for (const [method, url] of [
      ['GET', '/api/health'],
      ['GET', '/api/v1/users'],
      ['GET', '/api/v1/nothing'],
      ['POST', '/api/v1/auth/login'],
      ['GET', '/api/docs'],
    ] as const) {
      const res = await t.call(method, url, method === 'POST' ? { body: {} } : {});
      expectHeaders(res.headers, `${method} ${url}`);
      expect(res.headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it('names the map tile host in img-src', async () => {
    const res = await t.call('GET', '/api/health');
    expect(String(res.headers['content-security-policy'])).toMatch(
      /img-src [^;]*https:\/\/\*\.tiles\.example\.org/,
    );
    expect(tileSource('')).toBeNull();
    expect(tileSource('javascript:alert(1)')).toBeNull();
    expect(tileSource("https://a.example/x'; script-src *")).toBe('https://a.example');
    expect(tileSource('https://a.example; script-src *')).toBeNull();
    expect(tileSource('http://127.0.0.1:8080/{z}/{x}/{y}.png')).toBe('http://127.0.0.1:8080');
    expect(cspDirectives('')['img-src']).toEqual(["'self'", 'data:', 'blob:']);
  });

  it('sends HSTS only over HTTPS behind a trusted proxy', async () => {
    const https = await proxied.call('GET', '/api/health', { headers: { 'x-forwarded-proto': 'https' } });
    expect(https.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    const http = await proxied.call('GET', '/api/health');
    expect(http.headers['strict-transport-security']).toBeUndefined();
  });
});
