/**
 * Camera hookup (issue 10): the registry of institutions' cameras and the probe job. The probe asks an
 * RTSP server for OPTIONS (expects "RTSP/1.0 200") or an HLS server for the playlist (expects 200 and
 * "#EXTM3U" at the start), with a 5-second limit, and keeps only yes or no: nothing of a stream is read
 * further, stored or relayed. GB/T 28181 devices register with the video platform, not with us: they are
 * listed, not probed. Retention compliance compares the declared days with the rule pack's minimum
 * (care.cctvRetentionDays) on the day asked. Where the probe may connect: server/platform/probe-network.ts.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect, type LookupFunction } from 'node:net';
import { and, eq, isNotNull } from 'drizzle-orm';
import { CAMERA_OFFLINE_HOURS, type CameraBody } from '../../../domain/contracts/supervision-cameras.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { DomainError, fieldError } from '../../platform/errors.ts';
import { scopeWhere } from '../../platform/guard.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { Jobs } from '../../platform/jobs/index.ts';
import { literalRefused, type ProbeNetworks, probeAddress } from '../../platform/probe-network.ts';
import { policyOn } from '../institutions/policy.ts';
import { institutionScope } from '../institutions/repository.ts';
import { institutions } from '../institutions/tables.ts';
import { supervisionCameras } from './complaint-tables.ts';

export const CAMERA_PROBE_JOB = 'supervision.camera_probe';
const PROBE_TIMEOUT_MS = 5000;

export const cameraScope = {
  district: supervisionCameras.districtCode,
  division: supervisionCameras.townCode,
  institution: supervisionCameras.institutionId,
};

/** RTSP: OPTIONS on a plain TCP connection to the checked address; true when the server answers 200. */
async function probeRtsp(address: string, networks: ProbeNetworks): Promise<boolean> {
  const u = new URL(address);
  const target = await probeAddress(u.hostname, networks);
  if (!target) return false;
  return new Promise((resolve) => {
    let answer = '';
    const socket = connect({ host: target.address, port: Number(u.port || 554) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(PROBE_TIMEOUT_MS, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () =>
      socket.write(`OPTIONS ${address} RTSP/1.0\r\nCSeq: 1\r\nUser-Agent: tuoyu-probe\r\n\r\n`),
    );
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      if (answer.includes('\r\n')) done(/^RTSP\/1\.0 200\b/.test(answer));
      else if (answer.length > 200) done(false);
    });
  });
}

/**
 * HLS: GET the playlist from the checked address (the name still goes in Host and TLS SNI); true on 200
 * with "#EXTM3U" at its start. Only the first bytes are read; redirects are not followed.
 */
async function probeHls(address: string, networks: ProbeNetworks): Promise<boolean> {
  const u = new URL(address);
  const target = await probeAddress(u.hostname, networks);
  if (!target) return false;
  const send = u.protocol === 'https:' ? httpsRequest : httpRequest;
  const pinned: LookupFunction = (_host, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  return new Promise((resolve) => {
    let head = '';
    let settled = false;
    const playlist = () => head.replace(/^\uFEFF/, '').startsWith('#EXTM3U');
    const done = (ok: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), PROBE_TIMEOUT_MS);
    const req = send(
      u,
      { method: 'GET', lookup: pinned, headers: { 'user-agent': 'tuoyu-probe' } },
      (res) => {
        if (res.statusCode !== 200) return done(false);
        res.on('data', (chunk: Buffer) => {
          head += chunk.toString('utf8');
          if (head.length >= 8) done(playlist());
        });
        res.on('end', () => done(playlist()));
        res.on('error', () => done(false));
      },
    );
    req.on('error', () => done(false));
    req.end();
  });
}

export async function probeCamera(
  kind: string,
  address: string | null,
  networks: ProbeNetworks,
): Promise<boolean | null> {
  if (!address) return null;
  if (kind === 'rtsp') return probeRtsp(address, networks);
  if (kind === 'hls') return probeHls(address, networks);
  return null;
}

/** Probe every probe-able camera of a district; returns how many answered. */
export async function probeCameras(db: Db, districtCode: string, now: () => Date, networks: ProbeNetworks) {
  const rows = await db
    .select({
      id: supervisionCameras.id,
      kind: supervisionCameras.streamKind,
      url: supervisionCameras.streamUrl,
    })
    .from(supervisionCameras)
    .where(and(eq(supervisionCameras.districtCode, districtCode), isNotNull(supervisionCameras.streamUrl)));
  let online = 0;
  // A few at a time: a district has hundreds of cameras, each probe waits at most 5 s.
  for (let i = 0; i < rows.length; i += 16) {
    const batch = rows.slice(i, i + 16);
    const answers = await Promise.all(batch.map((r) => probeCamera(r.kind, r.url, networks)));
    for (const [k, r] of batch.entries()) {
      const ok = answers[k] ?? null;
      if (ok) online++;
      const at = now();
      await db
        .update(supervisionCameras)
        .set({ lastProbeAt: at, lastProbeOk: ok, ...(ok ? { lastSeenAt: at } : {}) })
        .where(and(eq(supervisionCameras.districtCode, districtCode), eq(supervisionCameras.id, r.id)));
    }
  }
  return { probed: rows.length, online };
}

export function defineCameraProbeJob(jobs: Jobs, networks: ProbeNetworks) {
  jobs.define(CAMERA_PROBE_JOB, async (_payload, ctx) =>
    probeCameras(ctx.db, ctx.districtCode, () => ctx.clock.now(), networks),
  );
}

type Row = typeof supervisionCameras.$inferSelect;

export function createCameraService({ db, probeNetworks }: { db: Db; probeNetworks: ProbeNetworks }) {
  function toApi(r: Row, institutionName: string, now: Date) {
    const required = policyOn(r.districtCode, now).care.cctvRetentionDays;
    const probed = r.streamKind !== 'gb28181';
    return {
      id: r.id,
      institutionId: r.institutionId,
      institutionName,
      townCode: r.townCode,
      room: r.room,
      streamKind: r.streamKind,
      streamUrl: r.streamUrl,
      deviceId: r.deviceId,
      retentionDays: r.retentionDays,
      retentionRequired: required,
      retentionCompliant: r.retentionDays >= required,
      lastProbeAt: r.lastProbeAt?.toISOString() ?? null,
      lastProbeOk: r.lastProbeOk,
      lastSeenAt: r.lastSeenAt?.toISOString() ?? null,
      offline: probed
        ? !r.lastSeenAt || now.getTime() - r.lastSeenAt.getTime() > CAMERA_OFFLINE_HOURS * 3_600_000
        : null,
    };
  }

  return {
    async register(ctx: RequestContext, actor: Actor, body: CameraBody) {
      const [inst] = await db
        .select({ id: institutions.id, name: institutions.name, townCode: institutions.townCode })
        .from(institutions)
        .where(and(scopeWhere(actor, institutionScope), eq(institutions.id, body.institutionId)));
      if (!inst) throw new DomainError('not_found');
      if (
        body.streamKind !== 'gb28181' &&
        body.streamUrl &&
        literalRefused(new URL(body.streamUrl).hostname, probeNetworks)
      )
        throw fieldError(
          'streamUrl',
          'probe_network',
          '流地址指向平台本机、链路本地或不允许的网段，巡检不会连接该地址',
          'The address points at the platform host, a link-local or a not-allowed network: the probe will not connect to it',
        );
      const row: Row = {
        districtCode: actor.districtCode,
        id: uuidv7(ctx.now.getTime()),
        institutionId: inst.id,
        townCode: inst.townCode,
        room: body.room,
        streamKind: body.streamKind,
        streamUrl: body.streamKind === 'gb28181' ? null : (body.streamUrl ?? null),
        deviceId: body.streamKind === 'gb28181' ? (body.deviceId ?? null) : null,
        retentionDays: body.retentionDays,
        lastProbeAt: null,
        lastProbeOk: null,
        lastSeenAt: null,
        createdBy: actor.userId,
        createdAt: ctx.now,
      };
      await db.transaction(async (tx) => {
        await tx.insert(supervisionCameras).values(row);
        await recordAudit(tx, ctx, {
          action: 'supervision.camera_register',
          objectType: 'camera',
          objectId: row.id,
          changes: {
            institutionId: inst.id,
            room: body.room,
            streamKind: body.streamKind,
            retentionDays: body.retentionDays,
          },
        });
      });
      return toApi(row, inst.name, ctx.now);
    },

    async list(
      actor: Actor,
      now: Date,
      q: { institutionId?: string | undefined; offline?: 'true' | 'false' | undefined },
    ) {
      const rows = await db
        .select({ c: supervisionCameras, name: institutions.name })
        .from(supervisionCameras)
        .innerJoin(
          institutions,
          and(
            eq(institutions.districtCode, supervisionCameras.districtCode),
            eq(institutions.id, supervisionCameras.institutionId),
          ),
        )
        .where(
          and(
            scopeWhere(actor, cameraScope),
            q.institutionId ? eq(supervisionCameras.institutionId, q.institutionId) : undefined,
          ),
        )
        .orderBy(institutions.name, supervisionCameras.room, supervisionCameras.id);
      const all = rows.map(({ c, name }) => toApi(c, name, now));
      const items = q.offline ? all.filter((c) => c.offline === (q.offline === 'true')) : all;
      return {
        items,
        counts: {
          total: all.length,
          offline: all.filter((c) => c.offline).length,
          nonCompliant: all.filter((c) => !c.retentionCompliant).length,
        },
      };
    },
  };
}
