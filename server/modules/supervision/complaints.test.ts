/**
 * Public complaints (issue 10): submitted without login (contact optional, sealed), limited per IP,
 * routed to the institution's town, accepted and closed there with a reply the complainant reads with
 * the receipt code; open and substantiated complaints count in the institution's risk. Emergency drills.
 * Cameras: registered, probed hourly against RTSP and HLS endpoints the test starts itself.
 */
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { type AddressInfo, createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECEIPT_CODE } from '../../../domain/contracts/supervision-complaints.ts';
import type { RiskAnswer } from '../../../domain/contracts/supervision-risk.ts';
import { countRows, createTestApp, DISTRICT, type TestApp, XUJING, ZHUJIAJIAO } from '../../../test/app.ts';
import { buildInstitution } from '../../../test/factories/index.ts';
import { probeNetworks } from '../../platform/probe-network.ts';
import { probeCamera } from './cameras.ts';
import { COMPLAINTS_PER_IP_PER_HOUR } from './complaints.ts';

let t: TestApp;
let zjj: string;
let xj: string;
let draft: string;
const PUBLIC = '/api/v1/public/supervision/complaints';
const HOUR = 3_600_000;

beforeAll(async () => {
  // The camera tests probe endpoints they start on this host: loopback is listed explicitly.
  t = await createTestApp({ config: { cameraProbeNetworks: probeNetworks('127.0.0.0/8') } });
  const district = { kind: 'division' as const, divisionCode: DISTRICT };
  await t.createUser('cp_district', 'district_officer', district);
  await t.createUser('cp_zjj', 'town_officer', { kind: 'division', divisionCode: ZHUJIAJIAO });
  await t.createUser('cp_xj', 'town_officer', { kind: 'division', divisionCode: XUJING });
  await t.createUser('cp_insp', 'inspector', district);
  const now = t.clock.now();
  zjj = (await buildInstitution(t.database.db, { status: 'operating', townCode: ZHUJIAJIAO, now })).id;
  xj = (await buildInstitution(t.database.db, { status: 'operating', townCode: XUJING, now })).id;
  draft = (await buildInstitution(t.database.db, { townCode: ZHUJIAJIAO, now })).id;
  await t.createUser('cp_inst', 'institution_admin', { kind: 'institution', institutionId: zjj });
}, 120_000);
afterAll(() => t.close());

const submit = (body: unknown) => t.call('POST', PUBLIC, { body });
const lookup = (receiptCode: string) => t.call('POST', `${PUBLIC}/lookup`, { body: { receiptCode } });
const rows = async (q: string) =>
  ((await t.database.db.execute(q)) as unknown as { rows: Record<string, unknown>[] }).rows;
const text = '午睡室窗户没有安装防护栏，孩子可以爬上窗台。';

describe('submitting', () => {
  it('answers a receipt code shown once; the contact is sealed; the trail holds neither text nor contact', async () => {
    const res = await submit({
      institutionId: zjj,
      category: 'safety',
      content: text,
      contactPhone: '13900001234',
    });
    expect(res.statusCode, res.body).toBe(201);
    const { receiptCode, status } = res.json();
    expect(receiptCode).toMatch(RECEIPT_CODE);
    expect(status).toBe('received');
    const [row] = await rows(`select * from supervision_complaints where institution_id = '${zjj}'`);
    expect(row!.town_code).toBe(ZHUJIAJIAO);
    expect(String(row!.contact_phone)).not.toContain('13900001234');
    expect(row!.receipt_hash).not.toBe(receiptCode);
    const [audit] = await rows(
      `select changes::text as c from audit_log where action = 'supervision.complaint_submit'`,
    );
    expect(audit!.c).not.toContain('1390000');
    expect(audit!.c).not.toContain('防护栏');
    // the complainant follows it with the code (case does not matter); another code is not found
    const seen = await lookup(receiptCode.toLowerCase());
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json()).toMatchObject({
      status: 'received',
      category: 'safety',
      reply: null,
      closedAt: null,
    });
    expect(seen.json().institutionName).toContain('托育');
    expect((await lookup('ABCDEFGHJKMN')).statusCode).toBe(404);
    const bad = await lookup('short');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('receiptCode');
  });

  it('bad input names the field and the rule, in Chinese and English; nothing is written', async () => {
    const before = await countRows(t, 'supervision_complaints');
    const cases: [unknown, string][] = [
      [{ institutionId: zjj, category: 'safety', content: '太短' }, 'content'],
      [{ institutionId: zjj, category: 'safety', content: text, contactPhone: '12345' }, 'contactPhone'],
      [{ institutionId: zjj, category: 'noise', content: text }, 'category'],
      [{ institutionId: 'not-a-uuid', category: 'safety', content: text }, 'institutionId'],
      [{ institutionId: draft, category: 'safety', content: text }, 'institutionId'],
      [
        { institutionId: '0190f5a0-0000-7000-8000-000000000000', category: 'safety', content: text },
        'institutionId',
      ],
    ];
    for (const [body, field] of cases) {
      const res = await submit(body);
      expect(res.statusCode, res.body).toBe(400);
      const e = res.json().errors[0];
      expect(e.field).toBe(field);
      expect(e.message_zh).toBeTruthy();
      expect(e.message_en).toBeTruthy();
    }
    expect(await countRows(t, 'supervision_complaints')).toBe(before);
  });

  it('a flood from one IP gets 429 and writes nothing; an hour later it is accepted again', async () => {
    t.clock.advance(HOUR);
    const before = await countRows(t, 'supervision_complaints');
    const body = { institutionId: xj, category: 'fees', content: '收费项目里多了未公示的材料费。' };
    for (let i = 0; i < COMPLAINTS_PER_IP_PER_HOUR; i++) expect((await submit(body)).statusCode).toBe(201);
    const refused = await submit(body);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe('supervision.complaint_rate_limited');
    expect(await countRows(t, 'supervision_complaints')).toBe(before + COMPLAINTS_PER_IP_PER_HOUR);
    t.clock.advance(HOUR);
    expect((await submit(body)).statusCode).toBe(201);
  });
});

describe('handling', () => {
  it('goes to the institution’s town: the other town does not see it; the institution and inspectors are refused', async () => {
    const zjjList = (
      await t.call('GET', '/api/v1/supervision/complaints', { cookie: await t.login('cp_zjj') })
    ).json();
    expect(zjjList.items.length).toBeGreaterThan(0);
    expect(zjjList.items.every((c: { townCode: string }) => c.townCode === ZHUJIAJIAO)).toBe(true);
    expect(zjjList.items[0].contactPhone).toMatch(/^139\*+1234$/);
    const xjList = (
      await t.call('GET', '/api/v1/supervision/complaints', { cookie: await t.login('cp_xj') })
    ).json();
    expect(xjList.items.every((c: { townCode: string }) => c.townCode === XUJING)).toBe(true);
    expect(xjList.counts.received).toBe(xjList.items.length);
    const other = await t.call('POST', `/api/v1/supervision/complaints/${zjjList.items[0].id}/transition`, {
      cookie: await t.login('cp_xj'),
      body: { action: 'accept', version: 1 },
    });
    expect(other.statusCode).toBe(404);
    for (const who of ['cp_inst', 'cp_insp'])
      expect(
        (await t.call('GET', '/api/v1/supervision/complaints', { cookie: await t.login(who) })).statusCode,
      ).toBe(403);
  });

  it('accept, then close with a reply and whether it was true; steps out of order are 409; the reply reaches the complainant and the risk', async () => {
    const res = await submit({
      institutionId: zjj,
      category: 'staff_conduct',
      content: '看到保育员大声呵斥哭闹的孩子。',
    });
    const { receiptCode } = res.json();
    const cookie = await t.login('cp_zjj');
    const list = (await t.call('GET', '/api/v1/supervision/complaints?status=received', { cookie })).json();
    const c = list.items.find((i: { category: string }) => i.category === 'staff_conduct');
    expect(c.permittedActions).toEqual(['accept', 'close']);
    const go = (body: unknown) =>
      t.call('POST', `/api/v1/supervision/complaints/${c.id}/transition`, { cookie, body });
    const noReply = await go({ action: 'close', version: 1 });
    expect(noReply.statusCode).toBe(400);
    expect(noReply.json().errors.map((e: { field: string }) => e.field)).toEqual(['reply', 'substantiated']);
    const accepted = await go({ action: 'accept', version: 1 });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'handling', version: 2, permittedActions: ['close'] });
    expect((await lookup(receiptCode)).json()).toMatchObject({ status: 'handling', reply: null });
    expect((await go({ action: 'accept', version: 2 })).statusCode).toBe(409);
    expect((await go({ action: 'close', version: 1, reply: '已核查', substantiated: true })).statusCode).toBe(
      409,
    );
    const riskBefore = (
      await t.call('GET', '/api/v1/supervision/risk', { cookie: await t.login('cp_district') })
    ).json() as RiskAnswer;
    const closed = await go({
      action: 'close',
      version: 2,
      reply: '经核查属实，已责令整改。',
      substantiated: true,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', substantiated: true, permittedActions: [] });
    expect((await go({ action: 'close', version: 3, reply: 'x', substantiated: false })).statusCode).toBe(
      409,
    );
    const seen = (await lookup(receiptCode)).json();
    expect(seen).toMatchObject({ status: 'closed', reply: '经核查属实，已责令整改。' });
    // open or substantiated: the earlier open complaint and this one count; closing as true keeps it counted
    const risk = (
      await t.call('GET', '/api/v1/supervision/risk', { cookie: await t.login('cp_district') })
    ).json() as RiskAnswer;
    const of = (a: RiskAnswer) => a.items.find((i) => i.institutionId === zjj)!.signals.complaints;
    expect(of(risk)).toBe(of(riskBefore));
    expect(of(risk)).toBe(2);
    expect(risk.items.find((i) => i.institutionId === xj)!.signals.complaints).toBe(
      COMPLAINTS_PER_IP_PER_HOUR + 1,
    );
    const [audit] = await rows(
      `select count(*)::int as n from audit_log where action in ('supervision.complaint_accept', 'supervision.complaint_close')`,
    );
    expect(audit!.n).toBe(2);
  });
});

describe('emergency drills', () => {
  const URL = '/api/v1/supervision/drills';
  const day = (offset: number) =>
    new Date(t.clock.now().getTime() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

  it('the institution records its drill; the overdue list drops it; others see it in scope', async () => {
    const district = await t.login('cp_district');
    const before = (await t.call('GET', `${URL}/overdue`, { cookie: district })).json();
    expect(before.items.map((i: { institutionId: string }) => i.institutionId)).toEqual(
      expect.arrayContaining([zjj, xj]),
    );
    expect(before.total).toBeGreaterThanOrEqual(2);
    const inst = await t.login('cp_inst');
    const res = await t.call('POST', URL, {
      cookie: inst,
      body: {
        institutionId: zjj,
        kind: 'fire',
        drillDate: day(-2),
        staff: 8,
        children: 30,
        note: '全园疏散 3 分 10 秒',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'fire', staff: 8, children: 30, townCode: ZHUJIAJIAO });
    const after = (await t.call('GET', `${URL}/overdue`, { cookie: district })).json();
    expect(after.items.some((i: { institutionId: string }) => i.institutionId === zjj)).toBe(false);
    expect(after.items.some((i: { institutionId: string }) => i.institutionId === xj)).toBe(true);
    // the town sees it; the other town does not; the institution sees its own
    const zjjList = (await t.call('GET', URL, { cookie: await t.login('cp_zjj') })).json();
    expect(zjjList.items.map((d: { institutionId: string }) => d.institutionId)).toContain(zjj);
    expect((await t.call('GET', URL, { cookie: await t.login('cp_xj') })).json().items).toEqual([]);
    expect((await t.call('GET', URL, { cookie: inst })).json().items).toHaveLength(1);
    const [audit] = await rows(
      `select count(*)::int as n from audit_log where action = 'supervision.drill_record'`,
    );
    expect(audit!.n).toBe(1);
  });

  it('bad input names the field; another institution is not found; officers cannot record', async () => {
    const inst = await t.login('cp_inst');
    const before = await countRows(t, 'supervision_drills');
    const base = { institutionId: zjj, kind: 'fire', drillDate: day(-1), staff: 5, children: 0 };
    const cases: [Record<string, unknown>, string, number][] = [
      [{ drillDate: day(1) }, 'drillDate', 400],
      [{ drillDate: day(-400) }, 'drillDate', 400],
      [{ drillDate: '2026-02-30' }, 'drillDate', 400],
      [{ drillDate: '5 Dec' }, 'drillDate', 400],
      [{ staff: 0 }, 'staff', 400],
      [{ kind: 'party' }, 'kind', 400],
    ];
    for (const [over, field, status] of cases) {
      const res = await t.call('POST', URL, { cookie: inst, body: { ...base, ...over } });
      expect(res.statusCode, JSON.stringify(over)).toBe(status);
      expect(res.json().errors[0].field).toBe(field);
      expect(res.json().errors[0].message_en).toBeTruthy();
    }
    expect(
      (await t.call('POST', URL, { cookie: inst, body: { ...base, institutionId: xj } })).statusCode,
    ).toBe(404);
    expect((await t.call('POST', URL, { cookie: await t.login('cp_zjj'), body: base })).statusCode).toBe(403);
    expect(await countRows(t, 'supervision_drills')).toBe(before);
  });
});

describe('cameras', () => {
  const URL = '/api/v1/supervision/cameras';
  let rtsp: Server;
  let hls: HttpServer;
  let rtspPort = 0;
  let hlsPort = 0;
  let closedPort = 0;
  beforeAll(async () => {
    // A local RTSP endpoint that answers OPTIONS, and an HLS endpoint that serves a playlist.
    rtsp = createServer((s) =>
      s.on('data', (d) => {
        if (d.toString().startsWith('OPTIONS '))
          s.end('RTSP/1.0 200 OK\r\nCSeq: 1\r\nPublic: DESCRIBE, SETUP\r\n\r\n');
      }),
    );
    hls = createHttpServer((req, res) => {
      if (req.url === '/live/room1.m3u8') {
        res.writeHead(200, { 'content-type': 'application/vnd.apple.mpegurl' });
        res.end('#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n');
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((r) => rtsp.listen(0, '127.0.0.1', r));
    await new Promise<void>((r) => hls.listen(0, '127.0.0.1', r));
    rtspPort = (rtsp.address() as AddressInfo).port;
    hlsPort = (hls.address() as AddressInfo).port;
    const spare = createServer();
    await new Promise<void>((r) => spare.listen(0, '127.0.0.1', r));
    closedPort = (spare.address() as AddressInfo).port;
    await new Promise<void>((r) => spare.close(() => r()));
  });
  afterAll(async () => {
    await new Promise<void>((r) => rtsp.close(() => r()));
    await new Promise<void>((r) => hls.close(() => r()));
  });

  it('registers cameras; the hourly probe records who answers; offline after 24 h; retention against the rule pack', async () => {
    const inst = await t.login('cp_inst');
    const reg = async (body: Record<string, unknown>) =>
      t.call('POST', URL, { cookie: inst, body: { institutionId: zjj, retentionDays: 90, ...body } });
    const a = await reg({
      room: '托小班活动室',
      streamKind: 'rtsp',
      streamUrl: `rtsp://127.0.0.1:${rtspPort}/ch1`,
    });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({
      retentionRequired: 90,
      retentionCompliant: true,
      offline: true,
      lastSeenAt: null,
    });
    expect(
      (
        await reg({
          room: '午睡室',
          streamKind: 'hls',
          streamUrl: `http://127.0.0.1:${hlsPort}/live/room1.m3u8`,
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (await reg({ room: '走廊', streamKind: 'hls', streamUrl: `http://127.0.0.1:${hlsPort}/missing.m3u8` }))
        .statusCode,
    ).toBe(201);
    expect(
      (
        await reg({
          room: '门厅',
          streamKind: 'rtsp',
          streamUrl: `rtsp://127.0.0.1:${closedPort}/x`,
          retentionDays: 30,
        })
      ).statusCode,
    ).toBe(201);
    const gb = await reg({ room: '厨房', streamKind: 'gb28181', deviceId: '31011800001320000001' });
    expect(gb.json()).toMatchObject({ offline: null, streamUrl: null });

    t.clock.advance(HOUR);
    await t.jobs.runDue();
    const list = (await t.call('GET', URL, { cookie: await t.login('cp_inst') })).json();
    const byRoom = new Map(list.items.map((c: { room: string }) => [c.room, c]));
    expect(byRoom.get('托小班活动室')).toMatchObject({ lastProbeOk: true, offline: false });
    expect(byRoom.get('午睡室')).toMatchObject({ lastProbeOk: true, offline: false });
    expect(byRoom.get('走廊')).toMatchObject({ lastProbeOk: false, offline: true, lastSeenAt: null });
    expect(byRoom.get('门厅')).toMatchObject({
      lastProbeOk: false,
      offline: true,
      retentionCompliant: false,
    });
    expect(byRoom.get('厨房')).toMatchObject({ lastProbeAt: null, offline: null });
    expect(list.counts).toEqual({ total: 5, offline: 2, nonCompliant: 1 });

    // The RTSP server goes away: 24 hours later the camera is on the offline list.
    await new Promise<void>((r) => rtsp.close(() => r()));
    rtsp = createServer();
    await new Promise<void>((r) => rtsp.listen(0, '127.0.0.1', r));
    t.clock.advance(25 * HOUR);
    await t.jobs.runDue();
    const district = await t.login('cp_district');
    const offline = (await t.call('GET', `${URL}?offline=true`, { cookie: district })).json();
    expect(offline.items.map((c: { room: string }) => c.room).sort()).toEqual(
      ['托小班活动室', '走廊', '门厅'].sort(),
    );
    // the other town sees none of them
    expect((await t.call('GET', URL, { cookie: await t.login('cp_xj') })).json().counts.total).toBe(0);
  });

  it('the probe never connects to this host or link-local addresses unless they are listed (SSRF)', async () => {
    const open = probeNetworks(undefined);
    const listed = probeNetworks('127.0.0.0/8');
    const hlsUrl = (host: string) => `http://${host}:${hlsPort}/live/room1.m3u8`;
    // the same live endpoint: refused by default (by address, by a name that resolves to it, IPv4-mapped)
    expect(await probeCamera('hls', hlsUrl('127.0.0.1'), listed)).toBe(true);
    expect(await probeCamera('hls', hlsUrl('127.0.0.1'), open)).toBe(false);
    expect(await probeCamera('hls', hlsUrl('localhost'), open)).toBe(false);
    expect(await probeCamera('hls', hlsUrl('[::ffff:127.0.0.1]'), open)).toBe(false);
    expect(await probeCamera('rtsp', `rtsp://127.0.0.1:${rtspPort}/ch1`, open)).toBe(false);
    // cloud metadata (link-local) and "this network" are never probed by default; a listed network is
    // the only one allowed when networks are listed
    expect(await probeCamera('hls', 'http://169.254.169.254/latest/meta-data/', open)).toBe(false);
    expect(await probeCamera('rtsp', 'rtsp://0.0.0.0:554/x', open)).toBe(false);
    expect(await probeCamera('hls', 'http://10.1.2.3:9/x.m3u8', listed)).toBe(false);
    expect(() => probeNetworks('10.0.0.0/40')).toThrow(/CAMERA_PROBE_NETWORKS/);
    expect(() => probeNetworks('cameras')).toThrow(/CAMERA_PROBE_NETWORKS/);
    // registration refuses a literal address the probe would never reach (the default rule)
    const strict = await createTestApp();
    try {
      await strict.createUser('cp_strict', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
      const inst = (await buildInstitution(strict.database.db, { status: 'operating', townCode: ZHUJIAJIAO }))
        .id;
      for (const url of ['rtsp://127.0.0.1:554/ch1', 'http://169.254.169.254/x.m3u8', 'rtsp://localhost/1']) {
        const res = await strict.call('POST', URL, {
          cookie: await strict.login('cp_strict'),
          body: {
            institutionId: inst,
            room: '活动室',
            retentionDays: 90,
            streamKind: url.startsWith('rtsp') ? 'rtsp' : 'hls',
            streamUrl: url,
          },
        });
        expect(res.statusCode, url).toBe(400);
        expect(res.json().errors[0]).toMatchObject({ field: 'streamUrl', rule: 'probe_network' });
      }
      expect(await countRows(strict, 'supervision_cameras')).toBe(0);
    } finally {
      await strict.close();
    }
  });

  it('bad input names the field; credentials in the address are refused; nothing written', async () => {
    const inst = await t.login('cp_inst');
    const before = await countRows(t, 'supervision_cameras');
    const base = { institutionId: zjj, room: '活动室', retentionDays: 90 };
    const cases: [Record<string, unknown>, string][] = [
      [{ streamKind: 'rtsp', streamUrl: 'http://cam/1' }, 'streamUrl'],
      [{ streamKind: 'rtsp', streamUrl: 'rtsp://admin:123456@cam.local/1' }, 'streamUrl'],
      [{ streamKind: 'hls' }, 'streamUrl'],
      [{ streamKind: 'gb28181', deviceId: '123' }, 'deviceId'],
      [{ streamKind: 'rtsp', streamUrl: 'rtsp://cam.local/1', retentionDays: 0 }, 'retentionDays'],
      [{ streamKind: 'onvif', streamUrl: 'rtsp://cam.local/1' }, 'streamKind'],
    ];
    for (const [over, field] of cases) {
      const res = await t.call('POST', URL, { cookie: inst, body: { ...base, ...over } });
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.json().errors[0].field).toBe(field);
      expect(res.json().errors[0].message_zh).toBeTruthy();
    }
    const other = { ...base, institutionId: xj, streamKind: 'rtsp', streamUrl: 'rtsp://cam.local/1' };
    expect((await t.call('POST', URL, { cookie: inst, body: other })).statusCode).toBe(404);
    expect((await t.call('POST', URL, { cookie: await t.login('cp_zjj'), body: other })).statusCode).toBe(
      403,
    );
    expect(await countRows(t, 'supervision_cameras')).toBe(before);
  });
});
