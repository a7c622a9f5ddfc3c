/**
 * Issue 15, webhooks (ADR 0020): the security admin sets a client's URL and gets the signing secret once;
 * the `exchange.webhooks` job pushes the change feed to a real HTTP receiver on 127.0.0.1 (allowed here
 * by WEBHOOK_NETWORKS=127.0.0.0/8 and WEBHOOK_ALLOW_HTTP) that checks every signature; the cursor moves
 * only on a 2xx, failures back off, and the time is the TestClock's (the job runs through runDue).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { countRows, createTestApp, DISTRICT, type TestApp, ZHUJIAJIAO } from '../../../test/app.ts';
import { buildInstitution } from '../../../test/factories/institutions.ts';
import { loadConfig } from '../../config.ts';
import { probeNetworks } from '../../platform/probe-network.ts';
import { checkWebhookUrl, sendSigned, webhookBackoffMs } from './webhooks.ts';

interface Event {
  eventId: string;
  seq: number;
  at: string;
  objectType: string;
  objectId: string;
  action: string;
}
interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  /** Which of the receiver's known secrets verified the signature (null: none). */
  verifiedWith: string | null;
}

/** A department's receiver: checks the signature against the secrets it knows, answers from a script. */
class Receiver {
  server!: Server;
  url = '';
  secrets: string[] = [];
  answers: number[] = [];
  received: Received[] = [];
  /** Event ids processed once (a receiver dedupes on eventId). */
  seen = new Map<string, Event>();

  async start() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const verifiedWith = this.secrets.find((s) => verify(s, req.headers, body)) ?? null;
        this.received.push({ headers: req.headers, body, verifiedWith });
        const status = this.answers.shift() ?? 200;
        if (status === 200 && verifiedWith)
          for (const e of (JSON.parse(body) as { events: Event[] }).events)
            if (!this.seen.has(e.eventId)) this.seen.set(e.eventId, e);
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/tuoyu/webhook`;
  }
  events(i: number): Event[] {
    return (JSON.parse(this.received[i]!.body) as { events: Event[] }).events;
  }
}

/** The documented check (docs/exchange-webhooks.md): t=<unix>,v1=<hex HMAC-SHA-256(secret, "t.body")>. */
function verify(secret: string, headers: IncomingHttpHeaders, body: string): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(headers['x-tuoyu-signature'] ?? ''));
  if (!m) return false;
  const expected = createHmac('sha256', secret).update(`${m[1]}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(m[2]!, 'hex'));
}

let t: TestApp;
let sec: string;
let rx: Receiver;
const receivers: Receiver[] = [];
const division = { kind: 'division', divisionCode: DISTRICT } as const;
const BASE = '/api/v1/exchange';
let n = 0;

async function newClient(name: string) {
  const res = await t.call('POST', `${BASE}/clients`, {
    cookie: sec,
    body: {
      name,
      department: 'market_regulation',
      purpose: '托育机构登记变更推送',
      scopes: ['institutions.read'],
      fields: ['name', 'status'],
      expiresOn: '2027-12-31',
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; clientId: string };
}
const setHook = (clientRef: string, body: Record<string, unknown>) =>
  t.call('PUT', `${BASE}/clients/${clientRef}/webhook`, { cookie: sec, body });
const hookOf = async (clientRef: string) => {
  const list = (await t.call('GET', `${BASE}/clients?pageSize=100`, { cookie: sec })).json();
  return list.items.find((c: { id: string }) => c.id === clientRef).webhook;
};
/** The job's next run: a minute later (each minute is one period of the schedule). */
const nextRun = async (minutes = 1) => {
  t.clock.advanceMinutes(minutes);
  await t.jobs.runDue();
};
const institution = (status: 'operating' | 'filed' | 'draft' | 'submitted') =>
  buildInstitution(t.database.db, {
    status,
    townCode: ZHUJIAJIAO,
    name: `推送测试托育园${++n}`,
    now: t.clock.now(),
  });

beforeAll(async () => {
  t = await createTestApp({
    config: {
      webhookNetworks: probeNetworks('127.0.0.0/8', 'WEBHOOK_NETWORKS'),
      webhookAllowHttp: true,
    },
  });
  await t.createUser('wh-sec', 'security_admin', division);
  await t.createUser('wh-district', 'district_officer', division);
  sec = await t.login('wh-sec');
});
beforeEach(async () => {
  rx = new Receiver();
  await rx.start();
  receivers.push(rx);
  // Whatever earlier tests left behind is delivered to their own receivers first.
  await nextRun();
  sec = await t.login('wh-sec');
});
afterAll(async () => {
  await t.close();
  for (const r of receivers) r.server.close();
});

describe('setting a webhook', () => {
  it('bad URLs are a 400 naming `url` and the rule in zh and en; an unknown client 404; nothing written', async () => {
    const c = await newClient('推送 错误地址');
    const cases: [string, string][] = [
      ['ftp://example.com/x', 'https'],
      ['https://10.1.2.3/hook', 'private_address'],
      ['https://192.168.1.10/hook', 'private_address'],
      ['https://169.254.169.254/latest/meta-data', 'private_address'],
      ['https://[::1]/hook', 'private_address'],
      ['https://[::ffff:10.0.0.1]/hook', 'private_address'],
      ['https://user:pw@example.com/hook', 'credentials'],
      ['not a url', 'invalid_format'],
    ];
    for (const [url, rule] of cases) {
      const res = await setHook(c.id, { url });
      expect(res.statusCode, url).toBe(400);
      const e = res.json().errors[0];
      expect(e, `${url} ${res.body}`).toMatchObject({ rule });
      expect(e.field).toMatch(/url$/);
      expect(e.message_zh.length && e.message_en.length).toBeTruthy();
    }
    expect((await setHook('00000000-0000-7000-8000-00000000abcd', { url: rx.url })).statusCode).toBe(404);
    const district = await t.login('wh-district');
    expect(
      (await t.call('PUT', `${BASE}/clients/${c.id}/webhook`, { cookie: district, body: { url: rx.url } }))
        .statusCode,
    ).toBe(403);
    expect(await countRows(t, 'api_webhooks')).toBe(0);
  });

  it('without the allow flags: http and this host are refused when set, and a name resolving here is refused when sent', async () => {
    const strict = { networks: probeNetworks(undefined, 'WEBHOOK_NETWORKS'), allowHttp: false };
    expect(() => checkWebhookUrl('http://127.0.0.1:8080/hook', strict)).toThrow(
      expect.objectContaining({ options: { errors: [expect.objectContaining({ rule: 'https' })] } }),
    );
    for (const url of ['https://127.0.0.1/hook', 'https://localhost/hook', 'https://10.0.0.8/hook'])
      expect(() => checkWebhookUrl(url, strict), url).toThrow(
        expect.objectContaining({
          options: { errors: [expect.objectContaining({ field: 'url', rule: 'private_address' })] },
        }),
      );
    expect(checkWebhookUrl('https://scjg.example.gov.cn/hook', strict).hostname).toBe('scjg.example.gov.cn');
    // Listed networks are allowed in addition to the public internet (e.g. the e-government network).
    const egov = { networks: probeNetworks('10.20.0.0/16', 'WEBHOOK_NETWORKS'), allowHttp: false };
    expect(checkWebhookUrl('https://10.20.3.4/hook', egov).hostname).toBe('10.20.3.4');
    expect(() => checkWebhookUrl('https://10.21.3.4/hook', egov)).toThrow();
    // At send time the name is resolved and every answer checked: our own receiver is out of reach.
    const port = new URL(rx.url).port;
    const sent = await sendSigned(`http://localhost:${port}/x`, '{}', 's', {}, 1, {
      ...strict,
      allowHttp: true,
    });
    expect(sent.outcome).toBe('refused');
    expect(rx.received).toHaveLength(0);
    // WEBHOOK_ALLOW_HTTP is for development and tests only.
    expect(() => loadConfig({ NODE_ENV: 'production', WEBHOOK_ALLOW_HTTP: '1' })).toThrow(
      /WEBHOOK_ALLOW_HTTP/,
    );
    expect(() => loadConfig({ WEBHOOK_NETWORKS: '10.0.0.0/40' })).toThrow(/WEBHOOK_NETWORKS/);
    expect(loadConfig({}).webhookAllowHttp).toBe(false);
  });
});

describe('what counts as delivered', () => {
  it('only a 2xx: a redirect is not followed, a receiver that does not answer in time is a timeout', async () => {
    const cfg = {
      networks: probeNetworks('127.0.0.0/8', 'WEBHOOK_NETWORKS'),
      allowHttp: true,
      timeoutMs: 200,
    };
    const hits: string[] = [];
    const odd = createServer((req, res) => {
      hits.push(req.url ?? '');
      if (req.url === '/redirect') res.writeHead(307, { location: '/elsewhere' }).end();
      // '/silent': never answers (the request is left open)
    });
    await new Promise<void>((r) => odd.listen(0, '127.0.0.1', r));
    try {
      const base = `http://127.0.0.1:${(odd.address() as AddressInfo).port}`;
      const moved = await sendSigned(`${base}/redirect`, '{}', 's', {}, 1, cfg);
      expect(moved).toMatchObject({ outcome: 'http_error', status: 307 });
      const silent = await sendSigned(`${base}/silent`, '{}', 's', {}, 1, cfg);
      expect(silent).toMatchObject({ outcome: 'timeout', status: null });
      expect(hits).toEqual(['/redirect', '/silent']);
      odd.closeAllConnections();
      const closed = await sendSigned('http://127.0.0.1:1/x', '{}', 's', {}, 1, cfg);
      expect(closed).toMatchObject({ outcome: 'network_error', status: null });
    } finally {
      odd.closeAllConnections();
      odd.close();
    }
  });
});

describe('delivery', () => {
  it('delivers the disclosed institutions’ events after the webhook was set, in seq order, signed; the secret is shown once and never stored or audited in clear', async () => {
    await institution('operating'); // before the webhook: not pushed (the pull feed has the history)
    const c = await newClient('推送 顺序');
    const set = await setHook(c.id, { url: rx.url });
    expect(set.statusCode, set.body).toBe(200);
    const hook = set.json();
    expect(hook.signingSecret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(hook).toMatchObject({ state: 'active', failures: 0, url: rx.url });
    rx.secrets = [hook.signingSecret];
    expect(await hookOf(c.id)).not.toHaveProperty('signingSecret');

    const a = await institution('operating');
    const b = await institution('filed');
    await institution('draft'); // never disclosed
    await institution('submitted'); // under review: not disclosed
    await nextRun();

    expect(rx.received).toHaveLength(1);
    const got = rx.received[0]!;
    expect(got.verifiedWith).toBe(hook.signingSecret);
    expect(got.headers['content-type']).toBe('application/json');
    const ts = Number(got.headers['x-tuoyu-timestamp']);
    expect(ts).toBe(Math.floor(t.clock.now().getTime() / 1000));
    expect(got.headers['x-tuoyu-signature']).toMatch(new RegExp(`^t=${ts},v1=[0-9a-f]{64}$`));
    const events = rx.events(0);
    expect(new Set(events.map((e) => e.objectId))).toEqual(new Set([a.id, b.id]));
    expect(events.map((e) => e.action)).toContain('institutions.approve');
    const seqs = events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(events.every((e) => e.eventId === `${DISTRICT}-${e.seq}`)).toBe(true);
    expect(got.headers['x-tuoyu-event-ids']).toBe(events.map((e) => e.eventId).join(','));
    for (const e of events)
      expect(Object.keys(e).sort()).toEqual(['action', 'at', 'eventId', 'objectId', 'objectType', 'seq']);

    // The same events as the pull feed gives after the webhook's starting cursor.
    const state = await hookOf(c.id);
    expect(state).toMatchObject({
      cursorSeq: seqs[seqs.length - 1],
      lastStatus: 200,
      lastOutcome: 'delivered',
    });

    // Nothing new: nothing sent.
    await nextRun();
    expect(rx.received).toHaveLength(1);

    // Stored sealed, never in the audit trail or the delivery log.
    const dump = await t.database.db.execute(
      `select (select string_agg(secret_sealed, ',') from api_webhooks) as s,
              (select string_agg(changes::text, ',') from audit_log where action like 'exchange.webhook%') as a,
              (select count(*)::int from api_webhook_deliveries where kind = 'events' and outcome = 'delivered') as d`,
    );
    const row = (dump as unknown as { rows: { s: string; a: string; d: number }[] }).rows[0]!;
    expect(row.s).toMatch(/^pd1\./);
    expect(row.s).not.toContain(hook.signingSecret.slice(6));
    expect(row.a).not.toContain(hook.signingSecret.slice(6));
    expect(row.d).toBeGreaterThanOrEqual(1);
  });

  it('a receiver answering 500 is retried with backoff; the cursor stays, the same event ids come again, and after 5 failures the security admins are told; a 2xx advances it', async () => {
    const c = await newClient('推送 重试');
    const hook = (await setHook(c.id, { url: rx.url })).json();
    rx.secrets = [hook.signingSecret];
    const x = await institution('operating');
    rx.answers = [500, 500, 500];

    await nextRun();
    expect(rx.received).toHaveLength(1);
    let s = await hookOf(c.id);
    expect(s).toMatchObject({ failures: 1, lastStatus: 500, lastOutcome: 'http_error', state: 'active' });
    expect(Date.parse(s.nextAttemptAt) - Date.parse(s.lastAttemptAt)).toBe(webhookBackoffMs(1));
    const cursor = s.cursorSeq;

    await nextRun(); // 1 min ≥ 30 s: retried
    expect(rx.received).toHaveLength(2);
    await nextRun(); // 1 min ≥ 1 min: retried
    expect(rx.received).toHaveLength(3);
    s = await hookOf(c.id);
    expect(s.failures).toBe(3);
    expect(Date.parse(s.nextAttemptAt) - Date.parse(s.lastAttemptAt)).toBe(webhookBackoffMs(3)); // 2 min
    await nextRun(); // 1 min < 2 min: still backing off
    expect(rx.received).toHaveLength(3);
    rx.answers = [503, 500];
    await nextRun(); // 2 min: retried
    expect(rx.received).toHaveLength(4);
    await nextRun(4); // 4 min: the fifth failure
    expect(rx.received).toHaveLength(5);
    s = await hookOf(c.id);
    expect(s).toMatchObject({ state: 'failing', failures: 5, cursorSeq: cursor });
    const told = await t.database.db.execute(
      `select count(*)::int as n from notifications n join users u on u.id = n.account_id
        where n.kind = 'exchange.webhook_failing' and u.username = 'wh-sec'`,
    );
    expect((told as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1);
    // Capped at an hour.
    expect(Date.parse(s.nextAttemptAt) - Date.parse(s.lastAttemptAt)).toBe(webhookBackoffMs(5));
    expect(webhookBackoffMs(20)).toBe(3_600_000);

    await nextRun(webhookBackoffMs(5) / 60_000); // answered 200 this time
    expect(rx.received).toHaveLength(6);
    const ids = rx.received.map((_, i) =>
      rx
        .events(i)
        .map((e) => e.eventId)
        .join(','),
    );
    expect(new Set(ids).size).toBe(1); // every attempt carried the same event ids
    expect(rx.events(5).every((e) => e.objectId === x.id)).toBe(true);
    expect([...rx.seen.keys()]).toEqual(rx.events(5).map((e) => e.eventId)); // processed once
    s = await hookOf(c.id);
    expect(s).toMatchObject({ state: 'active', failures: 0, nextAttemptAt: null, lastStatus: 200 });
    expect(s.cursorSeq).toBe(rx.events(5).at(-1)!.seq);
    expect(s.cursorSeq).toBeGreaterThan(cursor);
    const attempts = await t.database.db.execute(
      `select count(*)::int as n from api_webhook_deliveries d join api_webhooks w on w.id = d.webhook_ref
        where w.client_ref = '${c.id}' and d.kind = 'events'`,
    );
    expect((attempts as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(6);
  });

  it('a disabled webhook sends nothing; setting the URL again resumes after the last delivered event', async () => {
    const c = await newClient('推送 停用');
    const hook = (await setHook(c.id, { url: rx.url })).json();
    rx.secrets = [hook.signingSecret];
    const off = await t.call('POST', `${BASE}/clients/${c.id}/webhook/disable`, {
      cookie: sec,
      body: { version: hook.version },
    });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().state).toBe('disabled');
    const y = await institution('operating');
    await nextRun();
    await nextRun(10);
    expect(rx.received).toHaveLength(0);
    const test = await t.call('POST', `${BASE}/clients/${c.id}/webhook/test`, { cookie: sec });
    expect(test.json().code).toBe('exchange.webhook_disabled');
    expect(rx.received).toHaveLength(0);

    // Changing needs the version; then delivery resumes from the cursor (nothing lost).
    expect((await setHook(c.id, { url: rx.url })).json().errors[0]).toMatchObject({
      field: 'version',
      rule: 'required',
    });
    const on = await setHook(c.id, { url: rx.url, version: off.json().version });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json()).toMatchObject({ state: 'active' });
    expect(on.json()).not.toHaveProperty('signingSecret');
    await nextRun();
    expect(rx.received).toHaveLength(1);
    expect(rx.received[0]!.verifiedWith).toBe(hook.signingSecret);
    expect(rx.events(0).every((e) => e.objectId === y.id)).toBe(true);
  });

  it('rotating the secret: the next delivery verifies with the new secret only; the test event is signed too', async () => {
    const c = await newClient('推送 轮换');
    const hook = (await setHook(c.id, { url: rx.url })).json();
    const old = hook.signingSecret as string;
    const rot = await t.call('POST', `${BASE}/clients/${c.id}/webhook/rotate`, {
      cookie: sec,
      body: { version: hook.version },
    });
    expect(rot.statusCode, rot.body).toBe(200);
    const fresh = rot.json().signingSecret as string;
    expect(fresh).toMatch(/^whsec_/);
    expect(fresh).not.toBe(old);
    rx.secrets = [old, fresh];

    const test = await t.call('POST', `${BASE}/clients/${c.id}/webhook/test`, { cookie: sec });
    expect(test.statusCode, test.body).toBe(200);
    expect(test.json()).toMatchObject({ outcome: 'delivered', status: 200 });
    expect(JSON.parse(rx.received[0]!.body)).toEqual({ test: true, events: [] });
    expect(rx.received[0]!.verifiedWith).toBe(fresh);

    await institution('operating');
    await nextRun();
    expect(rx.received).toHaveLength(2);
    const got = rx.received[1]!;
    expect(verify(fresh, got.headers, got.body)).toBe(true);
    expect(verify(old, got.headers, got.body)).toBe(false);
    // A body changed in transit no longer verifies.
    expect(verify(fresh, got.headers, got.body.replace('institution', 'institutiox'))).toBe(false);
    // Stale version: 409, nothing rotated.
    const stale = await t.call('POST', `${BASE}/clients/${c.id}/webhook/rotate`, {
      cookie: sec,
      body: { version: hook.version },
    });
    expect(stale.statusCode).toBe(409);
  });

  it("a disabled client's webhook sends nothing", async () => {
    const c = await newClient('推送 客户端停用');
    const hook = (await setHook(c.id, { url: rx.url })).json();
    rx.secrets = [hook.signingSecret];
    const list = (await t.call('GET', `${BASE}/clients?pageSize=100`, { cookie: sec })).json();
    const version = list.items.find((x: { id: string }) => x.id === c.id).version;
    expect(
      (await t.call('POST', `${BASE}/clients/${c.id}/disable`, { cookie: sec, body: { version } }))
        .statusCode,
    ).toBe(200);
    await institution('operating');
    await nextRun();
    expect(rx.received).toHaveLength(0);
    expect((await setHook(c.id, { url: rx.url, version: hook.version })).json().code).toBe(
      'exchange.client_inactive',
    );
  });
});
