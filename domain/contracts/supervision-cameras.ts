/**
 * Camera hookup (issue 10): a registry of each institution's cameras (room, stream kind and address,
 * retention days); a probe job records when each was last seen and whether its retention meets the rule
 * pack (care.cctvRetentionDays: 90 in Shanghai). No footage is stored or proxied: the probe asks an RTSP
 * server for OPTIONS or an HLS server for its playlist header, and keeps only the answer's yes or no.
 */
import { z } from 'zod';
import { uuidSchema } from './common.ts';

export const STREAM_KINDS = ['rtsp', 'hls', 'gb28181'] as const;
export type StreamKind = (typeof STREAM_KINDS)[number];
/** A camera not seen for longer than this is offline (issue 10: "offline > 24 h"). */
export const CAMERA_OFFLINE_HOURS = 24;

export const cameraBody = z
  .strictObject({
    institutionId: uuidSchema,
    room: z.string().trim().min(1).max(50),
    streamKind: z.enum(STREAM_KINDS),
    /** rtsp://host[:port]/path or http(s)://…/….m3u8 (no credentials in the address). */
    streamUrl: z.string().trim().max(300).optional(),
    /** GB/T 28181 device id: 20 digits. */
    deviceId: z.string().trim().optional(),
    retentionDays: z.number().int().min(1).max(3650),
  })
  .superRefine((b, ctx) => {
    if (b.streamKind === 'gb28181') {
      if (!b.deviceId || !/^\d{20}$/.test(b.deviceId))
        ctx.addIssue({
          code: 'custom',
          path: ['deviceId'],
          message: 'GB/T 28181 设备编码为 20 位数字 / A GB/T 28181 device id is 20 digits',
        });
      return;
    }
    const scheme = b.streamKind === 'rtsp' ? /^rtsp:\/\//i : /^https?:\/\//i;
    let ok = !!b.streamUrl && scheme.test(b.streamUrl);
    if (ok) {
      try {
        const u = new URL(b.streamUrl!);
        ok = !u.username && !u.password && !!u.hostname;
      } catch {
        ok = false;
      }
    }
    if (!ok)
      ctx.addIssue({
        code: 'custom',
        path: ['streamUrl'],
        message:
          b.streamKind === 'rtsp'
            ? '请填写 rtsp:// 开头的地址（不含用户名和密码） / Give an rtsp:// address (without user name or password)'
            : '请填写 http(s):// 开头的 HLS 地址（不含用户名和密码） / Give an http(s):// HLS address (without user name or password)',
      });
  });
export type CameraBody = z.infer<typeof cameraBody>;

export const cameraSchema = z.strictObject({
  id: uuidSchema,
  institutionId: uuidSchema,
  institutionName: z.string(),
  townCode: z.string(),
  room: z.string(),
  streamKind: z.enum(STREAM_KINDS),
  streamUrl: z.string().nullable(),
  deviceId: z.string().nullable(),
  retentionDays: z.number().int(),
  /** The rule pack's minimum on the day asked (care.cctvRetentionDays). */
  retentionRequired: z.number().int(),
  retentionCompliant: z.boolean(),
  lastProbeAt: z.string().nullable(),
  lastProbeOk: z.boolean().nullable(),
  lastSeenAt: z.string().nullable(),
  /** Not seen for more than CAMERA_OFFLINE_HOURS (or never). GB/T 28181 devices are not probed: null. */
  offline: z.boolean().nullable(),
});
export const cameraListQuery = z.strictObject({
  institutionId: uuidSchema.optional(),
  offline: z.enum(['true', 'false']).optional(),
});
export const cameraListSchema = z.strictObject({
  items: z.array(cameraSchema),
  counts: z.strictObject({
    total: z.number().int(),
    offline: z.number().int(),
    nonCompliant: z.number().int(),
  }),
});
