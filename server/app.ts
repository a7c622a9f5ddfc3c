/** buildApp(): the whole HTTP application without listen(), so tests inject requests. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { countingHolidayYears } from './modules/calendar/work-calendar.ts';
import { registerModules } from './modules/index.ts';
import { auditRoutes } from './platform/audit/routes.ts';
import { createAuditSealer } from './platform/audit/service.ts';
import { LoginRateLimiter } from './platform/auth/rate-limit.ts';
import { authRoutes } from './platform/auth/routes.ts';
import { createAuthService } from './platform/auth/service.ts';
import type { Clock } from './platform/clock.ts';
import { dashboardRoutes } from './platform/dashboard.ts';
import { defineErrors } from './platform/errors.ts';
import { localFileStorage } from './platform/files/storage.ts';
import { clientErrorHandler, problem, registerErrorHandler } from './platform/http-errors.ts';
import { createJobs, type Jobs } from './platform/jobs/index.ts';
import { jobRoutes } from './platform/jobs/routes.ts';
import { SCHEDULES } from './platform/jobs/schedules.ts';
import { defineSystemJobs } from './platform/jobs/system-jobs.ts';
import { notificationRoutes } from './platform/notifications/routes.ts';
import { createNotificationService } from './platform/notifications/service.ts';
import { openapiOptions } from './platform/openapi.ts';
import { installPolicy, type RouteRecord } from './platform/policy.ts';
import { installReadRouting } from './platform/read-routing.ts';
import { registerSecurityHeaders } from './platform/security-headers.ts';
import { serializerCompiler } from './platform/serializer.ts';
import { systemRoutes } from './platform/system-routes.ts';
import type { TargetSource } from './platform/targets.ts';
import { userRoutes } from './platform/users/routes.ts';
import { createUserService } from './platform/users/service.ts';

export interface AppDeps {
  database: Database;
  clock: Clock;
  config: Config;
  migration: string;
  /** Load shedding thresholds (defaults: LOAD_SHEDDING_DEFAULTS); on in production or when given. */
  pressure?: Partial<PressureOptions>;
}

/**
 * Load shedding, as @fastify/under-pressure does it (that package is not a dependency; this is the
 * same mechanism in a few lines): the event loop's delay is sampled every `sampleIntervalMs`; while its
 * largest delay over the last sample exceeds `maxEventLoopDelayMs`, or more than `maxInFlight` requests
 * are being answered, new requests get 503 with `Retry-After` instead of queueing until everything
 * times out. /api/health is always answered, so a balancer sees the state.
 */
export interface PressureOptions {
  maxEventLoopDelayMs: number;
  maxInFlight: number;
  sampleIntervalMs: number;
  retryAfterSeconds: number;
}
export const LOAD_SHEDDING_DEFAULTS: PressureOptions = {
  maxEventLoopDelayMs: 1000,
  maxInFlight: 1000,
  sampleIntervalMs: 500,
  retryAfterSeconds: 10,
};
export const serverErrors = defineErrors('server', {
  'server.overloaded': {
    status: 503,
    zh: '服务器繁忙，请稍后重试',
    en: 'The server is busy; please try again shortly',
  },
});
declare module './platform/errors.ts' {
  interface ErrorCatalogs {
    server: typeof serverErrors;
  }
}

function installLoadShedding(app: FastifyInstance, options: Partial<PressureOptions> = {}) {
  const o = { ...LOAD_SHEDDING_DEFAULTS, ...options };
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let loopDelayMs = 0;
  let inFlight = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    // The sampler's own lateness counts too: it sees a long block at once, before the histogram does.
    const now = performance.now();
    loopDelayMs = Math.max(histogram.max / 1e6, now - last - o.sampleIntervalMs);
    last = now;
    histogram.reset();
  }, o.sampleIntervalMs);
  timer.unref();
  app.addHook('onClose', () => {
    clearInterval(timer);
    histogram.disable();
  });
  app.addHook('onRequest', (request, reply, done) => {
    const overloaded = loopDelayMs > o.maxEventLoopDelayMs || inFlight >= o.maxInFlight;
    if (overloaded && request.url.split('?')[0] !== '/api/health') {
      const body = problem('server.overloaded');
      reply
        .status(503)
        .header('retry-after', String(o.retryAfterSeconds))
        .type('application/problem+json; charset=utf-8')
        .send(body);
      return;
    }
    inFlight++;
    let counted = true;
    const release = () => {
      if (counted) inFlight--;
      counted = false;
    };
    reply.raw.once('finish', release);
    reply.raw.once('close', release);
    done();
  });
}

export interface App {
  app: FastifyInstance;
  routes: RouteRecord[];
  /** The job runner: main.ts starts it after listen; tests call `jobs.runDue()` instead. */
  jobs: Jobs;
  /** Every module's plan-target sources, as the plan module measures them (bench/plan.ts reads them). */
  targets: readonly TargetSource[];
}

/** Assemble the platform and the modules on one Fastify instance. */
export async function buildApp({ database, clock, config, migration, pressure }: AppDeps): Promise<App> {
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
    routerOptions: { ignoreTrailingSlash: true, ignoreDuplicateSlashes: true },
    // A URL that cannot be decoded or a path parameter too long: problem+json with its own code (no echo).
    frameworkErrors: (error, _request, reply) => {
      const code =
        error.code === 'FST_ERR_BAD_URL'
          ? 'request.bad_url'
          : error.code === 'FST_ERR_MAX_PARAM_LENGTH'
            ? 'request.uri_too_long'
            : 'request.malformed';
      const body = problem(code);
      (reply as FastifyReply)
        .status(body.status)
        .header('x-content-type-options', 'nosniff')
        .type('application/problem+json; charset=utf-8')
        .send(body);
    },
    // Errors of the HTTP parser itself (headers too large, malformed request line): problem+json too.
    clientErrorHandler,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  // On in production (and wherever thresholds are given); a development machine or a test run, where
  // one request may legitimately hold the loop (a 10,000-row import), is not shed.
  if (pressure || config.nodeEnv === 'production') installLoadShedding(app, pressure);
  await registerSecurityHeaders(app, { tileUrl: config.tileUrl });
  await app.register(fastifyCookie);
  // Before the policy hook: its session lookup must read on the primary (platform/read-routing.ts).
  installReadRouting(app, database.replica);
  const routes = installPolicy(app, { db: database.db, clock, districtCode: config.districtCode });
  // operationIds, security, error responses and examples are derived centrally (platform/openapi.ts).
  await app.register(fastifySwagger, openapiOptions());
  app.get('/api/openapi.json', { config: { action: 'public' }, schema: { hide: true } }, () => app.swagger());
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  const db = database.db;
  // The districts this deployment serves: its own, plus the second demo district(s) of DEMO_DISTRICTS
  // (demo only, issue 15) — logins may name them, and their jobs and audit chains run like the first's.
  const served = [config.districtCode, ...config.demoExtraDistricts];
  const jobs = createJobs({
    db,
    clock,
    districtCodes: served,
    schedules: SCHEDULES,
    leaseMs: config.jobLeaseSeconds * 1000,
    onLoopError: (name) => app.log.error({ errorName: name }, 'job loop failed; retrying at the next poll'),
  });
  app.addHook('onClose', () => jobs.stop());
  // Audit entries are linked into the district's chain after their commit (ADR 0017): after every
  // write request, and by a sweep each second for jobs and audited reads. Closed after the jobs.
  const sealer = createAuditSealer(db, {
    districts: served,
    onError: (err) => app.log.error({ errorName: (err as Error).name }, 'audit sealing failed; retrying'),
  });
  app.addHook('onResponse', (request, _reply, done) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') sealer.kick();
    done();
  });
  app.addHook('onClose', () => sealer.close());
  // The calendar-end alert follows the district's calendar: shipped years plus confirmed local ones.
  defineSystemJobs(jobs, { calendarYears: countingHolidayYears });
  const { scopeTargets, dashboard, targets } = await registerModules(app, { db, clock, config, jobs });
  const auth = createAuthService({
    db,
    clock,
    limiter: new LoginRateLimiter(clock, config.loginRateLimit),
    scopeTargets,
    districts: served,
  });
  authRoutes(app, auth);
  userRoutes(app, createUserService({ db, scopeTargets }));
  // The audit export's background files go where the modules' do (registerModules: DATA_DIR/files).
  auditRoutes(app, db, scopeTargets, { jobs, storage: localFileStorage(path.join(config.dataDir, 'files')) });
  jobRoutes(app, db);
  notificationRoutes(app, createNotificationService(db));
  dashboardRoutes(app, { db, providers: dashboard });
  systemRoutes(app, {
    db,
    kind: database.kind,
    migration,
    tileUrl: config.tileUrl,
    replica: database.replica,
  });
  await serveWeb(app, config.webDir);
  return { app, routes, jobs, targets };
}

/** Whether an unmatched path names the API, however it is spelled (`/%61pi`, `//api`, `/API`). */
function isApiPath(url: string): boolean {
  let decoded = url;
  try {
    decoded = decodeURIComponent(url);
  } catch {}
  return decoded.replace(/^\/+/, '/').toLowerCase().startsWith('/api');
}

/** Content-hashed build output (`/assets/name-hash.js`, or its `.br`/`.gz`): renamed whenever its bytes change. */
const HASHED_ASSET = /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+(\.br|\.gz)?$/;

/**
 * Serve the built web app: the portal at /, the console at /admin, index.html for client routes.
 * Hashed assets are cached for a year (`immutable`); everything else, index.html above all, is
 * revalidated on every load (`no-cache`) so a deploy is seen at once. The build writes `.br` and `.gz`
 * beside each asset (scripts/web-postbuild.ts); `preCompressed` picks one by Accept-Encoding.
 */
async function serveWeb(app: FastifyInstance, webDir: string) {
  const index = path.join(webDir, 'index.html');
  if (existsSync(index)) {
    await app.register(fastifyStatic, {
      root: webDir,
      prefix: '/',
      wildcard: false,
      index: false,
      preCompressed: true,
      setHeaders: (reply, file) => {
        reply.header(
          'cache-control',
          HASHED_ASSET.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    // Echo at most the first 200 characters of the path (a probe's 5 KB URL is not sent back).
    const shown = url.length > 200 ? `${url.slice(0, 200)}…` : url;
    const notFound = () =>
      reply
        .status(404)
        .type('application/problem+json; charset=utf-8')
        .send(problem('not_found', { detail: `${request.method} ${shown}` }));
    if (isApiPath(url) || request.method !== 'GET' || !existsSync(index)) return notFound();
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
