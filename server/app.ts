/** buildApp(): the whole HTTP application without listen(), so tests inject requests. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { registerModules } from './modules/index.ts';
import { auditRoutes } from './platform/audit/routes.ts';
import { LoginRateLimiter } from './platform/auth/rate-limit.ts';
import { authRoutes } from './platform/auth/routes.ts';
import { createAuthService } from './platform/auth/service.ts';
import type { Clock } from './platform/clock.ts';
import { dashboardRoutes } from './platform/dashboard.ts';
import { problem, registerErrorHandler } from './platform/http-errors.ts';
import { installPolicy, type RouteRecord } from './platform/policy.ts';
import { systemRoutes } from './platform/system-routes.ts';
import { userRoutes } from './platform/users/routes.ts';
import { createUserService } from './platform/users/service.ts';

export interface AppDeps {
  database: Database;
  clock: Clock;
  config: Config;
  migration: string;
}

export interface App {
  app: FastifyInstance;
  routes: RouteRecord[];
}

/** Assemble the platform and the modules on one Fastify instance. */
export async function buildApp({ database, clock, config, migration }: AppDeps): Promise<App> {
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            // Never log query strings (searches may carry names) or bodies.
            serializers: {
              req: (req) => ({ method: req.method, url: String(req.url).split('?')[0], id: req.id }),
            },
          },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  await app.register(fastifyCookie);
  const routes = installPolicy(app, { db: database.db, clock, districtCode: config.districtCode });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Tuoyu 托育 API', version: '1' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tuoyu_sid' } } },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  app.get('/api/openapi.json', { config: { action: 'public' }, schema: { hide: true } }, () => app.swagger());
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  const db = database.db;
  const { scopeTargets, dashboard } = await registerModules(app, { db, clock, config });
  const auth = createAuthService({
    db,
    clock,
    limiter: new LoginRateLimiter(clock, config.loginRateLimit),
    scopeTargets,
  });
  authRoutes(app, auth);
  userRoutes(app, createUserService({ db, scopeTargets }));
  auditRoutes(app, db);
  dashboardRoutes(app, { db, providers: dashboard });
  systemRoutes(app, { db, kind: database.kind, migration, tileUrl: config.tileUrl });
  await serveWeb(app, config.webDir);
  return { app, routes };
}

/** Serve the built web app: the portal at /, the console at /admin, index.html for client routes. */
async function serveWeb(app: FastifyInstance, webDir: string) {
  const index = path.join(webDir, 'index.html');
  if (existsSync(index)) {
    await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false, index: false });
  }
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    const notFound = () =>
      reply
        .status(404)
        .type('application/problem+json; charset=utf-8')
        .send(problem('not_found', { detail: `${request.method} ${url}` }));
    if (url.startsWith('/api') || request.method !== 'GET' || !existsSync(index)) return notFound();
    // A path with a file extension is a file: serve it if a rebuild added it since start-up, else 404
    // (never index.html for a missing script). Everything else is a client route of the SPA.
    if (/\.[a-z0-9]+$/i.test(url)) {
      const file = path.resolve(webDir, `.${decodeURIComponent(url)}`);
      if (file.startsWith(`${webDir}${path.sep}`) && existsSync(file))
        return reply.sendFile(path.relative(webDir, file));
      return notFound();
    }
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
}
