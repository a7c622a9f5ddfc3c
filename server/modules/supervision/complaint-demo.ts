/**
 * Demo complaints (issue 10): about 40 over the last ten months about institutions in service, in every
 * state — received, being handled, closed as substantiated or not — so the town's list, the risk list and
 * the portal's receipt lookup look alive. Seeded after the draws, whose weights are frozen at commitment.
 * One closed complaint has the known receipt code DEMO_RECEIPT_CODE (README), the rest random ones.
 * Contact phones are synthetic (139 0000 xxxx) and sealed like real ones.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { IN_SERVICE_STATUSES } from '../../../domain/contracts/institution-enums.ts';
import type { ComplaintCategory } from '../../../domain/contracts/supervision-complaints.ts';
import { QINGPU } from '../../../domain/divisions.ts';
import type { Db } from '../../db/client.ts';
import { districtSeed, Rng } from '../../demo/rng.ts';
import { sealValue } from '../../platform/personal-data.ts';
import type { ModuleDemoContext } from '../demo.ts';
import { institutions } from '../institutions/tables.ts';
import { supervisionCameras, supervisionComplaints, supervisionDrills } from './complaint-tables.ts';
import { newReceiptCode, receiptHash } from './complaints.ts';

export const DEMO_RECEIPT_CODE = 'QP2026DEM001';

/** The district's institutions in service, in a stable order (each demo draws from it with its own Rng). */
function inService(db: Db, district: string) {
  return db
    .select({ id: institutions.id, townCode: institutions.townCode })
    .from(institutions)
    .where(
      and(eq(institutions.districtCode, district), inArray(institutions.status, [...IN_SERVICE_STATUSES])),
    )
    .orderBy(institutions.id);
}

const TEXTS: Record<ComplaintCategory, string[]> = {
  safety: ['午睡室窗户没有安装防护栏，孩子可以爬上窗台。', '户外游戏场地的滑梯有松动，老师说还没报修。'],
  hygiene: ['最近一周有好几个孩子腹泻，餐具消毒记录没有公示。', '厨房门口堆放垃圾，夏天气味很重。'],
  staff_conduct: [
    '看到保育员大声呵斥哭闹的孩子，还把孩子单独关在门外。',
    '老师上课时经常玩手机，孩子无人看管。',
  ],
  fees: ['机构要求一次性预交一年保育费，退费时只退一半。', '收费项目里多了未公示的“材料费”和“活动费”。'],
  unlicensed: [
    '该机构还在以早教名义招收全日托的孩子，没有看到备案信息。',
    '同一地址又开了一个没有挂牌的托班。',
  ],
  other: ['接送时间门口车辆乱停，孩子进出很危险。', '家长群里反映的问题一直没有人回复。'],
};
const REPLIES_TRUE = [
  '经街镇现场核查，反映情况属实，已责令机构限期整改，并将整改情况纳入下月复查。',
  '经核查属实，已约谈机构负责人，机构已完成整改并书面报告。',
];
const REPLIES_FALSE = [
  '经街镇现场核查并调阅监控记录，未发现反映的问题；已提醒机构加强与家长沟通。',
  '经核查，机构收费项目已按规定公示，不存在反映的情况。',
];

export async function seedComplaintDemo(db: Db, ctx: ModuleDemoContext): Promise<void> {
  const rng = new Rng(districtSeed(10_0010, ctx.district));
  const list = await inService(db, ctx.district);
  if (list.length === 0) return;
  const officer = ctx.accounts.get('district') ?? null;
  const towns = new Map([
    [`${ctx.district}102`, ctx.accounts.get('town-zhujiajiao')],
    [`${ctx.district}106`, ctx.accounts.get('town-xujing')],
  ]);
  const categories = Object.keys(TEXTS) as ComplaintCategory[];
  const day = 86_400_000;
  const rows: (typeof supervisionComplaints.$inferInsert)[] = [];
  for (let i = 0; i < 40; i++) {
    // A few institutions draw several complaints (they rise on the risk list); the rest at most one.
    const inst = i < 9 ? list[i % 3]! : rng.pick(list);
    const category = rng.pick(categories);
    const ageDays = i < 4 ? rng.int(0, 3) : i < 10 ? rng.int(4, 20) : rng.int(21, 300);
    const createdAt = new Date(ctx.now.getTime() - ageDays * day - rng.int(0, 36_000) * 1000);
    const handler = towns.get(inst.townCode) ?? officer;
    const state = i < 4 ? 'received' : i < 10 ? 'handling' : 'closed';
    const substantiated = state === 'closed' ? i < 9 || rng.chance(0.35) : null;
    const acceptedAt =
      state === 'received' ? null : new Date(createdAt.getTime() + rng.int(2, 30) * 3_600_000);
    const closedAt = state === 'closed' ? new Date(createdAt.getTime() + rng.int(3, 15) * day) : null;
    // The known receipt code is the demo district's (QP…); a second district's are all random.
    const code = i === 10 && ctx.district === QINGPU ? DEMO_RECEIPT_CODE : newReceiptCode();
    rows.push({
      districtCode: ctx.district,
      id: rng.uuid(createdAt.getTime()),
      institutionId: inst.id,
      townCode: inst.townCode,
      category,
      content: rng.pick(TEXTS[category]),
      contactPhone: rng.chance(0.6)
        ? sealValue('phone', `1390000${String(rng.int(0, 9999)).padStart(4, '0')}`)
        : null,
      receiptHash: receiptHash(code),
      status: state,
      substantiated,
      reply: state === 'closed' ? rng.pick(substantiated ? REPLIES_TRUE : REPLIES_FALSE) : null,
      acceptedAt,
      acceptedById: acceptedAt ? handler : null,
      closedAt,
      closedById: closedAt ? handler : null,
      createdAt,
      updatedAt: closedAt ?? acceptedAt ?? createdAt,
      version: state === 'received' ? 1 : state === 'handling' ? 2 : 3,
    });
  }
  await db.insert(supervisionComplaints).values(rows);
}

/**
 * Demo drills: most institutions in service drilled in the last half year (one to four drills over ten
 * months, a fire drill among them); about one in six has not, so the overdue list has names.
 */
export async function seedDrillDemo(db: Db, ctx: ModuleDemoContext): Promise<void> {
  const rng = new Rng(districtSeed(10_0011, ctx.district));
  const list = await inService(db, ctx.district);
  const recorder = ctx.accounts.get('institution-zjj') ?? ctx.accounts.get('district');
  if (!recorder) return;
  const day = 86_400_000;
  const kinds = ['earthquake', 'intrusion', 'epidemic', 'food'] as const;
  const rows: (typeof supervisionDrills.$inferInsert)[] = [];
  for (const inst of list) {
    const overdue = rng.chance(0.16);
    const n = rng.int(1, 4);
    for (let k = 0; k < n; k++) {
      const ageDays = overdue ? rng.int(200, 330) : k === 0 ? rng.int(3, 150) : rng.int(10, 300);
      const at = new Date(ctx.now.getTime() - ageDays * day);
      rows.push({
        districtCode: ctx.district,
        id: rng.uuid(at.getTime()),
        institutionId: inst.id,
        townCode: inst.townCode,
        kind: k === 0 ? 'fire' : rng.pick(kinds),
        drillDate: new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10),
        staff: rng.int(4, 18),
        children: rng.chance(0.8) ? rng.int(10, 60) : 0,
        note: null,
        recordedBy: recorder,
        createdAt: at,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 500)
    await db.insert(supervisionDrills).values(rows.slice(i, i + 500));
}

/**
 * Demo cameras: about half the institutions in service have two to four (RTSP, HLS or GB/T 28181), seen
 * within the last hour as if probed; a few unseen for days (the offline list) and a few keeping recordings
 * fewer days than the rule (non-compliant). Their addresses are under .invalid: once the hourly probe runs,
 * the RTSP and HLS ones stop answering, and a day later they are offline — in the demo, not a fault.
 */
export async function seedCameraDemo(db: Db, ctx: ModuleDemoContext): Promise<void> {
  const rng = new Rng(districtSeed(10_0012, ctx.district));
  const list = await inService(db, ctx.district);
  const by = ctx.accounts.get('district');
  if (!by) return;
  const rooms = ['托小班活动室', '托大班活动室', '午睡室', '门厅', '户外场地', '厨房'];
  const rows: (typeof supervisionCameras.$inferInsert)[] = [];
  for (const [n, inst] of list.entries()) {
    if (!rng.chance(0.5)) continue;
    for (const [k, room] of rooms.slice(0, rng.int(2, 4)).entries()) {
      const kind = rng.pick(['rtsp', 'rtsp', 'hls', 'gb28181'] as const);
      const stale = rng.chance(0.08);
      const seen = new Date(
        ctx.now.getTime() - (stale ? rng.int(30, 120) : rng.int(1, 50)) * 60_000 * (stale ? 60 : 1),
      );
      const host = `cam-${n}-${k}.demo.invalid`;
      rows.push({
        districtCode: ctx.district,
        id: rng.uuid(ctx.now.getTime() - 90 * 86_400_000),
        institutionId: inst.id,
        townCode: inst.townCode,
        room,
        streamKind: kind,
        streamUrl:
          kind === 'rtsp'
            ? `rtsp://${host}/ch${k + 1}`
            : kind === 'hls'
              ? `https://${host}/live/${k + 1}.m3u8`
              : null,
        deviceId: kind === 'gb28181' ? `${ctx.district}0000132${String(n * 10 + k).padStart(7, '0')}` : null,
        retentionDays: rng.chance(0.1) ? rng.pick([30, 60]) : rng.pick([90, 90, 120, 180]),
        lastProbeAt: kind === 'gb28181' ? null : seen,
        lastProbeOk: kind === 'gb28181' ? null : !stale,
        lastSeenAt: kind === 'gb28181' ? null : seen,
        createdBy: by,
        createdAt: new Date(ctx.now.getTime() - 90 * 86_400_000),
      });
    }
  }
  for (let i = 0; i < rows.length; i += 500)
    await db.insert(supervisionCameras).values(rows.slice(i, i + 500));
}
