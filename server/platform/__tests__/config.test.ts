/** The environment → configuration: defaults, and a bad setting stops the start with its name and rule. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';

describe('configuration', () => {
  it('INTEGRITY_MONTHS: 36 by default, a whole number from 1 to 120 otherwise', () => {
    expect(loadConfig({}).integrityMonths).toBe(36);
    expect(loadConfig({ INTEGRITY_MONTHS: '60' }).integrityMonths).toBe(60);
    for (const bad of ['0', '121', '12.5', 'abc', '-3'])
      expect(() => loadConfig({ INTEGRITY_MONTHS: bad })).toThrow(
        /INTEGRITY_MONTHS 应为 1–120 的整数 \/ INTEGRITY_MONTHS must be a whole number from 1 to 120/,
      );
  });

  it('CAMERA_PROBE_NETWORKS: none by default (any address but this host, link-local, multicast); CIDRs otherwise', () => {
    expect(loadConfig({}).cameraProbeNetworks.cidrs).toEqual([]);
    expect(
      loadConfig({ CAMERA_PROBE_NETWORKS: '10.20.0.0/16, fd00:20::/32' }).cameraProbeNetworks.cidrs,
    ).toEqual(['10.20.0.0/16', 'fd00:20::/32']);
    for (const bad of ['10.20.0.0', '10.20.0.0/33', 'video-net', '::1/129'])
      expect(() => loadConfig({ CAMERA_PROBE_NETWORKS: bad })).toThrow(/CAMERA_PROBE_NETWORKS/);
  });

  it('DEMO_DISTRICTS: only the deployment district by default; known districts otherwise, demo only', () => {
    expect(loadConfig({}).demoExtraDistricts).toEqual([]);
    expect(loadConfig({ DEMO_DISTRICTS: '310118,310117' }).demoExtraDistricts).toEqual(['310117']);
    expect(loadConfig({ DEMO_DISTRICTS: '310117, 310117' }).demoExtraDistricts).toEqual(['310117']);
    // Without demo data (production, or DEMO=0) there is no second district to serve.
    expect(loadConfig({ DEMO_DISTRICTS: '310117', NODE_ENV: 'production' }).demoExtraDistricts).toEqual([]);
    expect(loadConfig({ DEMO_DISTRICTS: '310117', DEMO: '0' }).demoExtraDistricts).toEqual([]);
    for (const bad of ['310000', '310101', '31011', 'songjiang', '310117001'])
      expect(() => loadConfig({ DEMO_DISTRICTS: bad })).toThrow(
        /DEMO_DISTRICTS 应为已知区县代码.*DEMO_DISTRICTS must list known district codes/,
      );
  });

  it('DATABASE_REPLICA_URL: none by default; a postgres:// URL other than DATABASE_URL, and only beside it', () => {
    const primary = 'postgres://app@db-1:5432/tuoyu';
    const replica = 'postgres://app@db-2:5432/tuoyu';
    expect(loadConfig({}).databaseReplicaUrl).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URL: replica }).databaseReplicaUrl).toBe(
      replica,
    );
    expect(() => loadConfig({ DATABASE_REPLICA_URL: replica })).toThrow(
      /DATABASE_REPLICA_URL 需要同时设置 DATABASE_URL.*DATABASE_REPLICA_URL needs DATABASE_URL/,
    );
    expect(() => loadConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URL: 'db-2:5432' })).toThrow(
      /DATABASE_REPLICA_URL must be a postgres:\/\/ URL/,
    );
    expect(() => loadConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URL: primary })).toThrow(
      /must name the replica, not the primary/,
    );
  });
});
