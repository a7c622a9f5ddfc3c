/** Environment → configuration. Every variable is listed in the README. */
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  nodeEnv: string;
  demo: boolean;
  demoPassword: string | undefined;
  districtCode: string;
  loginRateLimit: number;
  trustProxy: boolean;
  logLevel: string;
  webDir: string;
  tileUrl: string;
}

/** Read the configuration from an environment. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = env.NODE_ENV ?? 'development';
  const databaseUrl = env.DATABASE_URL || undefined;
  const demoFlag = env.DEMO;
  // Embedded default: demo data unless switched off; PostgreSQL: only with DEMO=1; production: never.
  const demo = nodeEnv === 'production' ? false : databaseUrl ? demoFlag === '1' : demoFlag !== '0';
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl,
    nodeEnv,
    demo,
    demoPassword: env.DEMO_PASSWORD || undefined,
    districtCode: env.DISTRICT_CODE ?? '310118',
    loginRateLimit: Number(env.LOGIN_RATE_LIMIT ?? 20),
    trustProxy: env.TRUST_PROXY === '1',
    logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    webDir: path.resolve(env.WEB_DIR ?? './dist/web'),
    tileUrl: env.MAP_TILE_URL ?? '',
  };
}
