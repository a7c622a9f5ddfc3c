/** Environment → configuration. Every variable is listed in the README. */
import path from 'node:path';
import { findDivision, townsOf } from '../domain/divisions.ts';
import { type NationalClientConfig, nationalFilingConfig } from './modules/institutions/national-client.ts';
import { type ProbeNetworks, probeNetworks } from './platform/probe-network.ts';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /**
   * DATABASE_REPLICA_URL: a streaming replica of DATABASE_URL that answers the reads of GET requests
   * (ADR 0031, docs/DEPLOY.md step 2). Only together with DATABASE_URL.
   */
  databaseReplicaUrl: string | undefined;
  nodeEnv: string;
  demo: boolean;
  demoPassword: string | undefined;
  districtCode: string;
  /**
   * DEMO_DISTRICTS (e.g. 310118,310117): the districts with demo data. The first district (DISTRICT_CODE)
   * gets the full demo; every other one a smaller demo of its own (server/demo/seed.ts seedExtraDistrict).
   * Only the extra ones are listed here; empty by default (only Qingpu, as `npm start` always was).
   */
  demoExtraDistricts: string[];
  loginRateLimit: number;
  trustProxy: boolean;
  logLevel: string;
  webDir: string;
  tileUrl: string;
  /** How many months back an institution's integrity record (信用记录) is shown on the portal. */
  integrityMonths: number;
  /** Where the camera probe may connect (CAMERA_PROBE_NETWORKS; platform/probe-network.ts). */
  cameraProbeNetworks: ProbeNetworks;
  /** Where webhooks may go besides the public internet (WEBHOOK_NETWORKS; platform/probe-network.ts). */
  webhookNetworks: ProbeNetworks;
  /**
   * WEBHOOK_ALLOW_HTTP=1 (development and tests only; refused in production): a webhook URL may be
   * plain http when its host is inside WEBHOOK_NETWORKS (e.g. a receiver on 127.0.0.1). Otherwise https.
   */
  webhookAllowHttp: boolean;
  /**
   * The national filing system (NATIONAL_FILING_URL; docs/filing-sync.md), through the webhooks' egress
   * guard and WEBHOOK_ALLOW_HTTP; null when unset: filing sync is off.
   */
  nationalFiling: NationalClientConfig | null;
  /**
   * SUMMARY_MAX_AGE_SECONDS (default 60, 0–3600): how old a summary may be — the plan's target table on
   * the portal and the home pages' plan and workforce widgets (each shows when it was measured). The
   * plan and compliance pages are always current. 0: current everywhere (ADR 0030).
   */
  summaryMaxAgeSeconds: number;
  /**
   * MEASURE_BEHIND_MS (default 1000, 0–600000): after a write, the plan's measured table is measured again
   * while the officer waits only if its last measurement took at most this long; a slower one (a
   * province-sized district) is served as last measured, marked as being measured again with its time,
   * and measured behind it (ADR 0033). 0: always behind once an answer exists.
   */
  measureBehindMs: number;
  /**
   * JOB_LEASE_SECONDS (default 300, 5–3600): how long a background job's claim lasts without renewal
   * (renewed every third of it while the job runs). A job whose process died (kill -9, power loss) is
   * resumed by the next poll after it — e.g. an import's commit (docs/kit/jobs.md). The fault drill
   * (bench/faults.ts) shortens it to see the resumption within its run.
   */
  jobLeaseSeconds: number;
}

/** A whole number within [min, max] from the environment, or the default; anything else stops the start. */
function intSetting(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(
      `${name} 应为 ${min}–${max} 的整数 / ${name} must be a whole number from ${min} to ${max} (got "${raw}")`,
    );
  return n;
}

/** DEMO_DISTRICTS: known district codes (6 digits, towns in domain/divisions.ts), comma-separated; the extra ones. */
function demoExtraDistricts(raw: string | undefined, districtCode: string): string[] {
  if (raw === undefined || raw.trim() === '') return [];
  const codes = raw.split(',').map((c) => c.trim());
  for (const c of codes)
    if (!/^\d{6}$/.test(c) || findDivision(c)?.level !== 'district' || townsOf(c).length === 0)
      throw new Error(
        `DEMO_DISTRICTS 应为已知区县代码（6 位，逗号分隔）/ DEMO_DISTRICTS must list known district codes, 6 digits, comma-separated (got "${c}")`,
      );
  return [...new Set(codes)].filter((c) => c !== districtCode);
}

/** WEBHOOK_ALLOW_HTTP: "1" or unset; never in production (the start stops, naming the variable). */
function webhookAllowHttp(raw: string | undefined, nodeEnv: string): boolean {
  if (raw === undefined || raw === '' || raw === '0') return false;
  if (raw !== '1')
    throw new Error(`WEBHOOK_ALLOW_HTTP 应为 0 或 1 / WEBHOOK_ALLOW_HTTP must be 0 or 1 (got "${raw}")`);
  if (nodeEnv === 'production')
    throw new Error(
      'WEBHOOK_ALLOW_HTTP=1 不能用于生产环境 / WEBHOOK_ALLOW_HTTP=1 is for development and tests, not production',
    );
  return true;
}

/** DATABASE_REPLICA_URL: a postgres:// URL, and only beside DATABASE_URL (PGlite has no replicas). */
function databaseReplicaUrl(raw: string | undefined, databaseUrl: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!databaseUrl)
    throw new Error(
      'DATABASE_REPLICA_URL 需要同时设置 DATABASE_URL（主库）/ DATABASE_REPLICA_URL needs DATABASE_URL (the primary) as well',
    );
  if (!/^postgres(ql)?:\/\//.test(raw))
    throw new Error(
      'DATABASE_REPLICA_URL 应为 postgres:// 地址 / DATABASE_REPLICA_URL must be a postgres:// URL',
    );
  if (raw === databaseUrl)
    throw new Error(
      'DATABASE_REPLICA_URL 不能与 DATABASE_URL 相同 / DATABASE_REPLICA_URL must name the replica, not the primary',
    );
  return raw;
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
    databaseReplicaUrl: databaseReplicaUrl(env.DATABASE_REPLICA_URL, databaseUrl),
    nodeEnv,
    demo,
    demoPassword: env.DEMO_PASSWORD || undefined,
    districtCode: env.DISTRICT_CODE ?? '310118',
    demoExtraDistricts: demo ? demoExtraDistricts(env.DEMO_DISTRICTS, env.DISTRICT_CODE ?? '310118') : [],
    loginRateLimit: Number(env.LOGIN_RATE_LIMIT ?? 20),
    trustProxy: env.TRUST_PROXY === '1',
    logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    webDir: path.resolve(env.WEB_DIR ?? './dist/web'),
    tileUrl: env.MAP_TILE_URL ?? '',
    integrityMonths: intSetting(env, 'INTEGRITY_MONTHS', 36, 1, 120),
    cameraProbeNetworks: probeNetworks(env.CAMERA_PROBE_NETWORKS),
    webhookNetworks: probeNetworks(env.WEBHOOK_NETWORKS, 'WEBHOOK_NETWORKS'),
    webhookAllowHttp: webhookAllowHttp(env.WEBHOOK_ALLOW_HTTP, nodeEnv),
    nationalFiling: nationalFilingConfig(
      env.NATIONAL_FILING_URL,
      probeNetworks(env.WEBHOOK_NETWORKS, 'WEBHOOK_NETWORKS'),
      webhookAllowHttp(env.WEBHOOK_ALLOW_HTTP, nodeEnv),
    ),
    summaryMaxAgeSeconds: intSetting(env, 'SUMMARY_MAX_AGE_SECONDS', 60, 0, 3600),
    measureBehindMs: intSetting(env, 'MEASURE_BEHIND_MS', 1000, 0, 600_000),
    jobLeaseSeconds: intSetting(env, 'JOB_LEASE_SECONDS', 300, 5, 3600),
  };
}
