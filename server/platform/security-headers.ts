/**
 * Security headers on every answer (@fastify/helmet): a Content-Security-Policy without inline scripts,
 * frame-ancestors 'none', nosniff, Referrer-Policy same-origin; HSTS only when the request came over
 * HTTPS (directly or, with TRUST_PROXY=1, through the proxy), so local plain-HTTP use keeps working.
 *
 * style-src allows 'unsafe-inline' on purpose: Ant Design's CSS-in-JS inserts <style> elements at run
 * time and Leaflet positions tiles and markers with style attributes; neither can carry a nonce from a
 * statically served page. Scripts stay 'self' only, which is what stops injected code.
 */
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/** The CSP source for map tiles from MAP_TILE_URL (`https://{s}.tile.example/{z}/{x}/{y}.png` → `https://*.tile.example`). */
export function tileSource(tileUrl: string): string | null {
  if (!tileUrl) return null;
  const m = /^(https?):\/\/([^/?#]+)/i.exec(tileUrl.trim());
  if (!m) return null;
  const host = m[2]!.replace(/\{[a-z]+\}/gi, '*');
  if (!/^(\*\.)?[a-z0-9.-]+(:\d+)?$/i.test(host)) return null;
  return `${m[1]!.toLowerCase()}://${host.toLowerCase()}`;
}

/** The CSP directives for the console, the portal and the API. */
export function cspDirectives(tileUrl: string): Record<string, string[]> {
  const tiles = tileSource(tileUrl);
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', ...(tiles ? [tiles] : [])],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
}

export async function registerSecurityHeaders(app: FastifyInstance, opts: { tileUrl: string }) {
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: cspDirectives(opts.tileUrl) },
    // HSTS is set below, only over HTTPS.
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.protocol === 'https')
      reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
}
